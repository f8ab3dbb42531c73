/**
 * A callback handoff's card: the number to dial, the window the visitor asked for, and the
 * workflow (Called, No answer, Done) with every attempt so far, so whoever picks it up next
 * knows who tried and when.
 */
import { useState } from 'preact/hooks';
import type { AgentHandoffDetail, CallbackState } from '../server/api/agent-types';
import { api } from './api';
import { clock, dateTime } from './format';
import { AGENT_ZONE, bookedTime } from './queue-format';
import { goToQueue } from './router';
import { useStrings } from './strings';

/** The workflow's steps in order; their words are the strings module's. */
const STEPS: readonly CallbackState[] = ['called', 'no_answer', 'done'];

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function CallbackCard({
  handoff,
  canAct,
  onChange,
  businessZone,
}: {
  handoff: AgentHandoffDetail;
  /** Open, and nobody else's: the buttons are shown. */
  canAct: boolean;
  onChange: (h: AgentHandoffDetail) => void;
  /** The zone the callback was booked in (the queue's), to say its time there too; null until known. */
  businessZone: string | null;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strings = useStrings();
  const t = strings.callback;
  const callback = handoff.callback;
  if (!callback) return null;

  const record = async (state: CallbackState): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const updated = await api.callback(handoff.id, state);
      // Done closes it: back to the queue, as Resolve does.
      if (state === 'done') goToQueue();
      else onChange(updated);
    } catch (e) {
      setError(t.recordFailed(errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="callback-heading">
      <h2 id="callback-heading">{t.heading}</h2>
      <dl class="facts">
        <dt>{t.number}</dt>
        <dd>
          <a href={`tel:${callback.phone.replace(/[^\d+]/g, '')}`} dir="ltr">{callback.phone}</a>
        </dd>
        <dt>{t.bookedFor}</dt>
        <dd>
          <time dateTime={callback.from}>{bookedTime(callback.from, Date.now(), AGENT_ZONE, businessZone ?? AGENT_ZONE, strings.locale, strings.days)}</time>
          {t.until}{' '}
          <time dateTime={callback.to}>{clock(callback.to, strings.locale)}</time>
        </dd>
        {callback.note && (
          <>
            <dt>{t.note}</dt>
            <dd class="note" dir="auto">{callback.note}</dd>
          </>
        )}
      </dl>
      {handoff.status === 'cancelled' && (
        <p class="notice">
          {t.cancelled(handoff.resolvedAt ? dateTime(handoff.resolvedAt, strings.locale) : null)}
        </p>
      )}
      {canAct && (
        <div class="callback-steps" role="group" aria-label={t.record}>
          {STEPS.map((s) => (
            <button key={s} type="button" class={s === 'done' ? 'primary' : ''} disabled={busy} onClick={() => void record(s)}>
              {t.states[s]}
            </button>
          ))}
        </div>
      )}
      <div role="alert" class="error">
        {error}
      </div>
      <h3 id="callback-history-heading">{t.attempts}</h3>
      {handoff.callbackHistory.length === 0 ? (
        <p class="muted">{t.none}</p>
      ) : (
        <ol class="callback-history" aria-labelledby="callback-history-heading">
          {handoff.callbackHistory.map((step, i) => (
            <li key={i}>
              <time dateTime={step.at}>{dateTime(step.at, strings.locale)}</time> · <bdi>{step.agent.name}</bdi>: {t.states[step.state]}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
