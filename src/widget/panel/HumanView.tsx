import { useState } from 'preact/hooks';
import type { PanelCtx } from './context';
import { summarizeTranscript } from '../transcript';
import type { PanelStrings } from './strings';
import { useTranscript } from './useTranscript';

/**
 * The way to a person. Until a handoff backend is configured this is phone and e-mail, with a
 * readable summary of what the visitor tried: the e-mail is pre-filled with it, and it can be
 * copied to read out on the phone, so nobody has to repeat themselves.
 */
export function HumanView({ ctx, strings }: { ctx: PanelCtx; strings: PanelStrings; onCall(): void }) {
  const { settings } = ctx;
  const transcript = useTranscript(ctx.transcript);
  const lines = summarizeTranscript(transcript, strings.summary);
  const [copied, setCopied] = useState(false);
  const summary = lines.map((line) => `- ${line}`).join('\n');

  const mailto = settings.email
    ? `mailto:${settings.email}?subject=${encodeURIComponent(strings.emailSubject)}&body=${encodeURIComponent(
        `\n\n${strings.triedTitle}:\n${summary}\n`,
      )}`
    : null;

  const copy = (): void => {
    navigator.clipboard?.writeText(`${strings.triedTitle}:\n${summary}`).then(
      () => setCopied(true),
      () => setCopied(false), // no clipboard permission: the list stays on screen to read out
    );
  };

  return (
    <div class="ll-view ll-human">
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.talkToHuman}</h3>
      <p class="ll-lead">{strings.humanIntro}</p>

      {settings.phone && (
        <section class="ll-card" aria-labelledby="ll-phone-title">
          <h4 id="ll-phone-title" class="ll-card-title">{strings.phoneTitle}</h4>
          <p>{strings.callAt(settings.phone)}</p>
          {settings.hours && (
            <p class="ll-muted">
              {strings.hours}: {settings.hours}
              {settings.timezone ? ` (${settings.timezone.replace(/_/g, ' ')})` : ''}
            </p>
          )}
        </section>
      )}

      {mailto && (
        <section class="ll-card" aria-labelledby="ll-email-title">
          <h4 id="ll-email-title" class="ll-card-title">{strings.emailTitle}</h4>
          <a class="ll-pill ll-plain ll-block" href={mailto}>{settings.email}</a>
        </section>
      )}

      <section class="ll-card" aria-labelledby="ll-tried-title">
        <h4 id="ll-tried-title" class="ll-card-title">{strings.triedTitle}</h4>
        <p class="ll-muted">{strings.triedNote}</p>
        {lines.length ? (
          <ol class="ll-tried">
            {lines.map((line, i) => <li key={i}>{line}</li>)}
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
    </div>
  );
}
