/** The queue: open handoffs, longest waiting first (the server's order), and lookup by reference. */
import { useState } from 'preact/hooks';
import type { AgentHandoffSummary } from '../server/api/agent-types';
import { api, ApiError } from './api';
import { callbackStateLabel } from './CallbackCard';
import { CHANNEL_LABEL, waited } from './format';
import { goToHandoff } from './router';
import { useNow } from './useNow';

export function Queue({ handoffs, error, waiting }: { handoffs: AgentHandoffSummary[] | null; error: string | null; waiting: number }) {
  const now = useNow();
  return (
    <>
      <div class="queue-head">
        <h1>Queue</h1>
        <RefLookup />
      </div>
      {error && (
        <p role="alert" class="error">
          The queue could not be loaded: {error}
        </p>
      )}
      <p role="status" class="muted">
        {handoffs === null ? 'Loading the queue…' : waiting === 1 ? '1 person waiting' : `${waiting} people waiting`}
      </p>
      {handoffs !== null && handoffs.length === 0 && <p class="empty">No open handoffs. New ones appear here as they come in.</p>}
      {handoffs !== null && handoffs.length > 0 && (
        <ul class="queue" aria-label="Open handoffs">
          {handoffs.map((h) => (
            <li key={h.id} class={`row ${h.status}`}>
              <a class="row-link" href={`#/handoff/${h.id}`}>
                <span class={`chip ${h.channel}`}>{CHANNEL_LABEL[h.channel]}</span>
                <span class="ref">Ref {h.ref}</span>
                <span class="who">{h.visitorName ?? 'Visitor'}</span>
                <span class="wait">
                  {h.status === 'queued' ? `waiting ${waited(h.createdAt, now)}` : `with ${h.agentName ?? 'an agent'}`}
                </span>
              </a>
              <div class="row-detail">
                {h.lastPageUrl && <span class="page">On {h.lastPageUrl}</span>}
                {h.callbackState && <span class="callback-state">Last call: {callbackStateLabel(h.callbackState)}</span>}
                {h.searches.length > 0 && (
                  <span class="searches">
                    Searched: {h.searches.map((s, i) => (
                      <q key={i}>{s}</q>
                    ))}
                  </span>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RefLookup() {
  const [ref, setRef] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const wanted = ref.trim();
    if (!wanted) return;
    setBusy(true);
    setMessage(null);
    try {
      goToHandoff((await api.byRef(wanted)).id);
    } catch (error) {
      setMessage(error instanceof ApiError && error.status === 404 ? `No open handoff with reference ${wanted}` : `Lookup failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="lookup" role="search" aria-label="Look up by reference" onSubmit={(e) => void submit(e)}>
      <label>
        Reference
        <input type="search" inputmode="numeric" autocomplete="off" value={ref} onInput={(e) => setRef(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Open
      </button>
      <p role="status" class="lookup-message">{message}</p>
    </form>
  );
}
