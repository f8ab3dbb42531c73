/**
 * One section of a page (the visitor, what they tried, the chat...) that failed to draw shows a
 * short notice in its place instead of taking the whole page down with it: everything on screen
 * came from a visitor's browser, and one string nobody foresaw must not blank a handoff.
 */
import { Component, type ComponentChildren } from 'preact';
import { StringsContext } from './strings';
import type { ConsoleStrings } from './strings/types';
import en from './strings/en';

interface Props {
  /** What the section shows, for the notice: "What they tried", in the agent's words. */
  name: keyof Omit<ConsoleStrings['boundary'], 'failed'>;
  children: ComponentChildren;
}

export class SectionBoundary extends Component<Props, { failed: boolean }> {
  static override contextType = StringsContext;
  declare context: ConsoleStrings | undefined;
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // For the developer reading the console: in English, as the rest of the logs.
    console.error(`Lifeline console: "${en.boundary[this.props.name]}" could not be shown`, error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    const t = (this.context ?? en).boundary;
    return (
      <p class="error" role="alert">
        {t.failed(t[this.props.name])}
      </p>
    );
  }
}
