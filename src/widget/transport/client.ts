/**
 * The handoff backend's HTTP API (docs/protocol.md, src/protocol/types.ts), over fetch. The token
 * travels in the Authorization header, never in a URL; the event stream is read with fetch
 * too, since EventSource cannot send that header.
 */
import type {
  BackendStatus,
  CreateHandoffRequest,
  CreateHandoffResponse,
  ErrorBody,
  HandoffEvent,
  HandoffState,
  Message,
  PostMessageRequest,
} from '../../protocol/types';
import { createSseParser } from './sse';

/** An answer the server gave: 4xx means "don't send this again as it is", 5xx "try later". */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    readonly retryAfterSeconds: number | null,
  ) {
    super(body?.error ?? `HTTP ${status}`);
  }
  /** Worth retrying as it is: the server was down, overloaded or asked us to wait. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

export type Client = ReturnType<typeof createClient>;

export function createClient(backend: string, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  const base = backend.endsWith('/') ? backend : `${backend}/`;
  const call = async <T>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const file = body instanceof Blob;
    if (body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
    // A network failure rejects here with a TypeError: the caller treats it as "offline".
    const response = await fetchImpl(new URL(path, base), {
      method,
      headers,
      credentials: 'omit',
      ...(body !== undefined && { body: file ? body : JSON.stringify(body) }),
    });
    if (!response.ok) {
      const retry = Number(response.headers.get('retry-after'));
      const error = (await response.json().catch(() => null)) as ErrorBody | null;
      throw new HttpError(response.status, error, Number.isFinite(retry) && retry > 0 ? retry : null);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  };
  const handoff = (id: string) => `v1/handoffs/${encodeURIComponent(id)}`;

  return {
    status: () => call<BackendStatus>('GET', 'v1/status'),
    create: (request: CreateHandoffRequest) => call<CreateHandoffResponse>('POST', 'v1/handoffs', undefined, request),
    state: (id: string, token: string) => call<HandoffState>('GET', handoff(id), token),
    message: (id: string, token: string, body: PostMessageRequest) =>
      call<{ message: Message }>('POST', `${handoff(id)}/messages`, token, body),
    typing: (id: string, token: string, typing: boolean) => call<void>('POST', `${handoff(id)}/typing`, token, { typing }),
    /** The visitor opened an article an agent sent (the handoff's transcript records it). */
    articleRead: (id: string, token: string, articleId: string) => call<void>('POST', `${handoff(id)}/article-read`, token, { articleId }),
    cancel: (id: string, token: string) => call<unknown>('POST', `${handoff(id)}/cancel`, token, {}),
    /** A file as a message of its own; the same clientMessageId again answers the stored one. */
    upload: (id: string, token: string, clientMessageId: string, name: string, file: Blob) =>
      call<{ message: Message }>('POST', `${handoff(id)}/attachments?clientMessageId=${encodeURIComponent(clientMessageId)}&name=${encodeURIComponent(name)}`, token, file),

    /**
     * Reads the handoff's events until the stream ends or `signal` aborts, replaying what came
     * after `lastEventId`. Resolves when the server closes the stream; rejects on a network
     * failure or an error answer. Reconnecting is the caller's choice (session.ts); `onRetry`
     * gets the server's `retry:` (how long it asks a client to wait before reconnecting).
     */
    async events(
      id: string,
      token: string,
      lastEventId: number,
      onEvent: (id: number | null, event: HandoffEvent) => void,
      signal: AbortSignal,
      onRetry?: (ms: number) => void,
    ): Promise<void> {
      const response = await fetchImpl(new URL(`${handoff(id)}/events`, base), {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}`, 'last-event-id': String(lastEventId) },
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
      if (!response.ok || !response.body) throw new HttpError(response.status, null, null);
      const parser = createSseParser(onRetry);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const e of parser.feed(value)) {
          let data: unknown;
          try {
            data = JSON.parse(e.data);
          } catch {
            continue; // not ours to understand; the protocol only sends JSON
          }
          onEvent(e.id === undefined ? null : Number(e.id), { ...(data as object), type: e.event } as HandoffEvent);
        }
      }
    },
  };
}
