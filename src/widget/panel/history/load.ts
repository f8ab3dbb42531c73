/**
 * GET {backend}/v1/history with the identity token the page gave: a verified visitor's
 * conversations, or why not. The fetch is injected, so this is tested without a browser.
 */
import type { ErrorBody, HistoryConversation, HistoryResponse, IdentityErrorCode } from '../../../protocol/types';

export type HistoryResult =
  | { kind: 'list'; conversations: HistoryConversation[]; more: boolean }
  /** The server refused the token: `error` is for the page's developer, `code` for the visitor's words. */
  | { kind: 'refused'; code: Exclude<IdentityErrorCode, 'identity_off'>; error: string }
  /** The server keeps no history (no LIFELINE_IDENTITY_SECRET): nothing to show. */
  | { kind: 'off'; error: string }
  /** Not reached, or an answer we cannot read: worth trying again. */
  | { kind: 'offline' };

/** `before`: the id of the last conversation shown, for the next page (older ones). */
export async function loadHistory(backend: string, token: string, before?: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<HistoryResult> {
  try {
    const url = new URL('v1/history', backend.endsWith('/') ? backend : `${backend}/`);
    if (before) url.searchParams.set('before', before);
    const response = await fetchImpl(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
    });
    const body = (await response.json()) as Partial<HistoryResponse & ErrorBody>;
    if (response.ok && Array.isArray(body.conversations)) return { kind: 'list', conversations: body.conversations, more: !!body.more };
    if (body.code === 'identity_off') return { kind: 'off', error: body.error ?? '' };
    if (body.code?.startsWith('identity_')) return { kind: 'refused', code: body.code as Exclude<IdentityErrorCode, 'identity_off'>, error: body.error ?? '' };
  } catch {
    // The network, or not JSON: said as "cannot be loaded right now", with Try again.
  }
  return { kind: 'offline' };
}
