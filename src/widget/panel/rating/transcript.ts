/**
 * "Send me this conversation" at the end of a chat, the pure part: whether the backend offers it
 * (it sends mail and knows the visitor's address: HandoffState.transcript) and asking for it
 * (POST .../transcript, which the backend sends once however often it is asked). The fetch is
 * handed in, so it tests in Node.
 */
import type { HandoffState } from '../../../protocol/types';

type Handoff = { id: string; token: string };

const call = (fetchImpl: typeof fetch, backend: string, handoff: Handoff, path: string, method: string) =>
  fetchImpl(new URL(`v1/handoffs/${encodeURIComponent(handoff.id)}${path}`, backend.endsWith('/') ? backend : `${backend}/`), {
    method,
    headers: { accept: 'application/json', authorization: `Bearer ${handoff.token}`, ...(method === 'POST' && { 'content-type': 'application/json' }) },
    credentials: 'omit',
    ...(method === 'POST' && { body: '{}' }),
  });

/** What the backend offers: the address and whether it was sent already; null when it offers nothing (or cannot be reached). */
export async function transcriptOffer(fetchImpl: typeof fetch, backend: string, handoff: Handoff): Promise<{ email: string; sent: boolean } | null> {
  try {
    const response = await call(fetchImpl, backend, handoff, '', 'GET');
    if (!response.ok) return null;
    const state = (await response.json()) as HandoffState;
    return state.transcript && state.email ? { email: state.email, sent: state.transcript === 'sent' } : null;
  } catch {
    return null; // no offer is better than one that cannot be kept
  }
}

/** Asks for the mail: `sent` once the backend has queued it (now or before), `failed` to try again. */
export async function mailTranscript(fetchImpl: typeof fetch, backend: string, handoff: Handoff): Promise<'sent' | 'failed'> {
  try {
    return (await call(fetchImpl, backend, handoff, '/transcript', 'POST')).ok ? 'sent' : 'failed';
  } catch {
    return 'failed';
  }
}
