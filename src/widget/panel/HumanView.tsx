import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PanelCtx } from './context';
import { summarizeTranscript } from '../transcript';
import { wellFormed } from '../../protocol/text';
import type { PanelStrings } from './strings';
import { useTranscript } from './useTranscript';
import { useHours } from './useHours';
import type { BackendWord } from './hours/local';

/** The cards' styles, adopted by LiveLoader while the human view shows (this chunk's or the live chunk's). */
export { default as humanCss } from '../styles/human.css?inline';

interface Props {
  ctx: PanelCtx;
  strings: PanelStrings;
}

/**
 * The way to a person without a handoff backend: phone and e-mail, with a readable summary of
 * what the visitor tried; the e-mail is pre-filled with it, and it can be copied to read out on
 * the phone, so nobody has to repeat themselves.
 */
export function HumanView({ ctx, strings }: Props) {
  const lines = useSummary(ctx, strings);
  // It replaces LiveLoader's heading, which had focus: if focus fell to <body>, take it.
  const view = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) view.current?.querySelector<HTMLElement>('[data-view-heading]')?.focus();
  }, []);
  return (
    <div class="ll-view ll-human" ref={view}>
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.talkToHuman}</h3>
      <p class="ll-lead">{strings.humanIntro}</p>
      <PhoneCard ctx={ctx} strings={strings} />
      <EmailCard ctx={ctx} strings={strings} lines={lines} />
      <TriedCard ctx={ctx} strings={strings} lines={lines} />
    </div>
  );
}

/** "What you tried", one readable line per transcript entry, in the visitor's language. */
export function useSummary(ctx: PanelCtx, strings: PanelStrings): string[] {
  return summarizeTranscript(useTranscript(ctx.transcript), strings.summary);
}

/**
 * "Your conversations" for a visitor the site identified with a token, on a site with a
 * backend: the history chunk (./history/), fetched only then.
 */
export function HistoryCard({ ctx }: { ctx: PanelCtx }) {
  const token = ctx.settings.backend && ctx.visitor().token;
  const [m, setModule] = useState<typeof import('./history/History') | null>(null);
  useEffect(() => void (token && import('./history/History').then(setModule, (e: unknown) => console.error('[Lifeline]', e))), [token]);
  return m && typeof token == 'string' ? <m.History ctx={ctx} token={token} /> : null;
}

export function PhoneCard({ ctx, strings, word, children }: Props & { word?: BackendWord; children?: ComponentChildren }) {
  const { settings } = ctx;
  const hours = useHours(ctx.language);
  if (!settings.phone) return null;
  return (
    <section class="ll-card" aria-labelledby="ll-phone-title">
      <h4 id="ll-phone-title" class="ll-card-title">{strings.phoneTitle}</h4>
      <p>{strings.callAt(settings.phone)}</p>
      {/* Open now or when it opens, and the week's hours: from the hours chunk, so the search
          path does not carry the hours grammar. */}
      {hours && <hours.PhoneHours ctx={ctx} strings={strings} {...(word && { word })} />}
      {children}
    </section>
  );
}

export function EmailCard({ ctx: { settings }, strings, lines }: Props & { lines: string[] }) {
  if (!settings.email) return null;
  // The lines are well-formed where they are made (transcript.ts); repaired here too, since
  // encodeURIComponent throws on half an emoji and one bad string must never blank the view.
  const body = wellFormed(`\n\n${strings.triedTitle}:\n${lines.map((line) => `- ${line}`).join('\n')}\n`);
  const mailto = `mailto:${settings.email}?subject=${encodeURIComponent(strings.emailSubject)}&body=${encodeURIComponent(body)}`;
  return (
    <section class="ll-card" aria-labelledby="ll-email-title">
      <h4 id="ll-email-title" class="ll-card-title">{strings.emailTitle}</h4>
      <a class="ll-pill ll-plain ll-block" href={mailto}>{settings.email}</a>
    </section>
  );
}

export function TriedCard({ ctx, strings, lines }: Props & { lines: string[] }) {
  const [copied, setCopied] = useState(false);
  const entries = useTranscript(ctx.transcript);
  const list = useRef<HTMLOListElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a removal, focus goes to the entry that took its place (or the one before the last
  // gone), else to the card's heading: never lost to <body>.
  const [focusAt, setFocusAt] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (focusAt === null) return;
    const buttons = list.current?.querySelectorAll('button') ?? [];
    (buttons[Math.min(focusAt, buttons.length - 1)] ?? heading.current)?.focus();
    setFocusAt(null);
  }, [lines.length]);
  /** The entry in the visitor's own words: what they searched, the title they read, else its line. */
  const what = (i: number): string => {
    const entry = entries[i];
    return entry?.type === 'search' ? entry.query : (entry && 'title' in entry && entry.title) || lines[i]!;
  };
  const copy = (): void => {
    const text = `${strings.triedTitle}:\n${lines.map((line) => `- ${line}`).join('\n')}`;
    navigator.clipboard?.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false), // no clipboard permission: the list stays on screen to read out
    );
  };
  // A verified visitor's earlier conversations follow what they tried here: both are their own story.
  return (
    <>
      <section class="ll-card" aria-labelledby="ll-tried-title">
        <h4 id="ll-tried-title" class="ll-card-title" tabIndex={-1} ref={heading}>{strings.triedTitle}</h4>
        <p class="ll-muted">{strings.triedNote}</p>
        {lines.length ? (
          <ol class="ll-tried" ref={list}>
            {lines.map((line, i) => (
              <li key={`${i}:${line}`}>
                {line}
                <button
                  type="button"
                  class="ll-remove"
                  aria-label={strings.removeEntry(what(i))}
                  onClick={() => {
                    setFocusAt(i);
                    ctx.transcript.remove(i);
                  }}
                />
              </li>
            ))}
          </ol>
        ) : (
          <p>{strings.triedEmpty}</p>
        )}
        {lines.length > 0 && (
          <div class="ll-row">
            <button type="button" class="ll-pill ll-plain" onClick={copy}>{copied ? strings.copied : strings.copy}</button>
            <button type="button" class="ll-pill ll-plain" onClick={() => ctx.transcript.clear()}>{strings.clear}</button>
          </div>
        )}
      </section>
      <HistoryCard ctx={ctx} />
    </>
  );
}
