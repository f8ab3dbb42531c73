/**
 * One attempt at delivering a webhook: POST the body, signed at this moment, and wait at most
 * `timeoutMs` (10 s) for an answer. Only a 2xx counts as delivered; a redirect is not followed
 * (a receiver that moved must be set anew), and anything else comes back with the words to show
 * in the console's list of deliveries.
 */
import { signWebhook } from './sign';

/** How long a receiver has to answer (headers and body), unless told otherwise. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a refusal's body is kept to show. */
const ERROR_BODY_CHARS = 200;

export interface WebhookAttempt {
  url: string;
  /** The secret's decoded key (sign.ts parseWebhookSecret). */
  key: Uint8Array;
  /** The `webhook-id`: the same on every attempt of one event. */
  id: string;
  /** The JSON body, exactly as sent and signed. */
  body: string;
  /** Milliseconds since the epoch: the `webhook-timestamp`. */
  now: number;
  /** @default WEBHOOK_TIMEOUT_MS */
  timeoutMs?: number;
  /** Gives up early (the outbox stopping, or its lease on the job running out). */
  signal?: AbortSignal;
}

export type AttemptResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

export async function sendWebhook(attempt: WebhookAttempt): Promise<AttemptResult> {
  const timeoutMs = attempt.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = attempt.signal ? AbortSignal.any([timeout, attempt.signal]) : timeout;
  try {
    const response = await fetch(attempt.url, {
      method: 'POST',
      redirect: 'manual',
      signal,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lifeline-Webhooks/1',
        ...signWebhook(attempt.key, attempt.id, attempt.now, attempt.body),
      },
      body: attempt.body,
    });
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel(); // what a receiver says beyond 2xx is not read
      return { ok: true, status: response.status };
    }
    const said = await readSome(response);
    const reason = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
    return { ok: false, status: response.status, error: `Answered ${reason}${said ? `: ${said}` : ''}` };
  } catch (error) {
    if (timeout.aborted) return { ok: false, status: null, error: `No answer within ${formatSeconds(timeoutMs)}` };
    if (attempt.signal?.aborted) return { ok: false, status: null, error: 'Stopped before an answer came (the server was stopping)' };
    return { ok: false, status: null, error: `Could not reach it: ${reasonOf(error)}` };
  }
}

/** The start of a refusal's body, on one line (the rest is cancelled, not read). */
async function readSome(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < ERROR_BODY_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    await reader.cancel().catch(() => undefined); // the connection is dropped either way
  }
  // A proxy's error page is HTML: its words are what helps, not its tags.
  const line = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > ERROR_BODY_CHARS ? `${line.slice(0, ERROR_BODY_CHARS)}…` : line;
}

/** fetch's own "fetch failed" says nothing: its cause holds the system's words (ECONNREFUSED, ENOTFOUND). */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string') return typeof cause.message === 'string' ? cause.message : cause.code;
  return error instanceof Error ? error.message : String(error);
}

const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);
