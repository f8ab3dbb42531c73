/**
 * The pure parts of "Did we keep the promise?" (Rating.tsx): the request the form makes, how an
 * answer of the backend reads, and which conversation this tab has rated already. No DOM; the
 * fetch and the storage are handed in, so they test in Node.
 */
import type { RatingRequest } from '../../../protocol/types';

/** Every word of the rating view, per language (a chunk each, like the panel's packs). */
export interface RatingStrings {
  question: string;
  good: string;
  bad: string;
  repeatQuestion: string;
  yes: string;
  no: string;
  comment: string;
  send: string;
  /** Send was pressed before Good or Bad. */
  chooseFirst: string;
  thanks: string;
  /** The backend could not be reached, or answered with an error: the answer is still here to send. */
  failed: string;
  /** The conversation by e-mail, before the rating, when the backend knows an address. */
  sendTranscript: string;
  transcriptTo(email: string): string;
  transcriptSent(email: string): string;
  transcriptFailed: string;
}

/** What the form holds: null where the visitor has not chosen. */
export interface RatingForm {
  good: boolean | null;
  repeated: boolean | null;
  comment: string;
}

/** The request body, or null while Good or Bad is not chosen (the one question that must be answered). */
export function ratingRequest(form: RatingForm): RatingRequest | null {
  if (form.good === null) return null;
  const comment = form.comment.trim();
  return { good: form.good, ...(form.repeated !== null && { repeated: form.repeated }), ...(comment && { comment }) };
}

/**
 * Sends the rating. `done` when the backend has it: stored now (201), stored before with the same
 * answer (200), or a rating stored already from another tab (409: one rating per handoff, and
 * asking again would not help); `failed` otherwise (offline, 5xx, a refusal), to try again.
 */
export async function sendRating(
  fetchImpl: typeof fetch,
  /** data-backend, as settings.ts resolved it: an absolute http(s) URL. */
  backend: string,
  handoff: { id: string; token: string },
  body: RatingRequest,
): Promise<'done' | 'failed'> {
  const base = backend.endsWith('/') ? backend : `${backend}/`;
  try {
    const response = await fetchImpl(new URL(`v1/handoffs/${encodeURIComponent(handoff.id)}/rating`, base), {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${handoff.token}` },
      credentials: 'omit',
      body: JSON.stringify(body),
    });
    return response.ok || response.status === 409 ? 'done' : 'failed';
  } catch {
    return 'failed'; // the network: the form stays, with its answer, to send again
  }
}

/** sessionStorage key: the handoff this tab rated, so a reload thanks instead of asking again. */
export const RATED_KEY = 'lifeline:rated';

type Store = Pick<Storage, 'getItem' | 'setItem'> | null;

export function wasRated(storage: Store, id: string): boolean {
  try {
    return storage?.getItem(RATED_KEY) === id;
  } catch {
    return false; // blocked storage: ask; the server answers a second rating as done (409)
  }
}

export function markRated(storage: Store, id: string): void {
  try {
    storage?.setItem(RATED_KEY, id);
  } catch {
    // Storage full or blocked: the thanks stays for this page; a reload asks again, harmlessly.
  }
}
