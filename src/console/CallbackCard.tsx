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

const STEPS: ReadonlyArray<{ value: CallbackState; label: string }> = [
  { value: 'called', label: 'Called' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'done', label: 'Done' },
];

export const callbackStateLabel = (state: CallbackState): string => STEPS.find((s) => s.value === state)?.label ?? state;

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
      setError(`Could not record it: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="callback-heading">
      <h2 id="callback-heading">Callback</h2>
      <dl class="facts">
        <dt>Number</dt>
        <dd>
          <a href={`tel:${callback.phone.replace(/[^\d+]/g, '')}`}>{callback.phone}</a>
        </dd>
        <dt>Booked for</dt>
        <dd>
          <time dateTime={callback.from}>{bookedTime(callback.from, Date.now(), AGENT_ZONE, businessZone ?? AGENT_ZONE)}</time>, until{' '}
          <time dateTime={callback.to}>{clock(callback.to)}</time>
        </dd>
        {callback.note && (
          <>
            <dt>Note</dt>
            <dd class="note">{callback.note}</dd>
          </>
        )}
      </dl>
      {handoff.status === 'cancelled' && (
        <p class="notice">
          The visitor cancelled this callback{handoff.resolvedAt ? <> at <time dateTime={handoff.resolvedAt}>{dateTime(handoff.resolvedAt)}</time></> : null}: do not call. Its slot is free again.
        </p>
      )}
      {canAct && (
        <div class="callback-steps" role="group" aria-label="Record the call">
          {STEPS.map((s) => (
            <button key={s.value} type="button" class={s.value === 'done' ? 'primary' : ''} disabled={busy} onClick={() => void record(s.value)}>
              {s.label}
            </button>
          ))}
        </div>
      )}
      <div role="alert" class="error">
        {error}
      </div>
      <h3 id="callback-history-heading">Attempts</h3>
      {handoff.callbackHistory.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ol class="callback-history" aria-labelledby="callback-history-heading">
          {handoff.callbackHistory.map((step, i) => (
            <li key={i}>
              <time dateTime={step.at}>{dateTime(step.at)}</time> · {step.agent.name}: {callbackStateLabel(step.state)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
