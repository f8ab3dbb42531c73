/**
 * The header's "Browser notifications" toggle (a pressed button, as Mute is), and, under the
 * header, what stands in its way or what it now does, in plain words (push-state.ts).
 */
import { pushSentence, type PushState } from './push-state';
import { useStrings } from './strings';

export function NotificationsToggle({ state, onToggle }: { state: PushState; onToggle: () => void }) {
  const t = useStrings().push;
  const on = state.kind === 'on' || (state.kind === 'busy' && state.turning === 'off');
  const unavailable = state.kind === 'unavailable';
  const said = pushSentence(state, t);
  return (
    <button
      type="button"
      class="quiet push-toggle"
      aria-pressed={on}
      aria-disabled={unavailable || state.kind === 'busy' || state.kind === 'checking' ? true : undefined}
      aria-describedby={said ? 'push-note' : undefined}
      onClick={onToggle}
    >
      {t.toggle}
      <span class="push-state" aria-hidden="true">
        {state.kind === 'busy' ? '…' : on ? t.on : t.off}
      </span>
    </button>
  );
}

/** Always in the page, so that a screen reader hears what changes in it. */
export function NotificationsNote({ state }: { state: PushState }) {
  const said = pushSentence(state, useStrings().push);
  return (
    <p id="push-note" role="status" class={`push-note${state.kind === 'on' ? ' push-on' : ''}`}>
      {said ?? ''}
    </p>
  );
}
