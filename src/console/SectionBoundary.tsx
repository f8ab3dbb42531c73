/**
 * One section of a page (the visitor, what they tried, the chat...) that failed to draw shows a
 * short notice in its place instead of taking the whole page down with it: everything on screen
 * came from a visitor's browser, and one string nobody foresaw must not blank a handoff.
 */
import { Component, type ComponentChildren } from 'preact';

interface Props {
  /** What the section shows, for the notice: "What they tried". */
  name: string;
  children: ComponentChildren;
}

export class SectionBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static override getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(`Lifeline console: "${this.props.name}" could not be shown`, error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <p class="error" role="alert">
        “{this.props.name}” could not be shown; the rest of the page is as it was. Reload to try again.
      </p>
    );
  }
}
