/**
 * One handoff from the visitor's side, kept alive across failures: an outbox (the handoff and
 * messages not yet accepted by the server are kept in sessionStorage and sent when the backend
 * answers again; the server's idempotency on clientId / clientMessageId makes every resend
 * safe, so nothing is sent twice), and an event stream that reconnects after a network loss,
 * when the tab becomes visible again and when the browser comes back online, replaying what it
 * missed from the last event id.
 */
import type { AttachmentInfo, CallbackRequest, Channel, CreateHandoffRequest } from '../../protocol/types';
import { HttpError, type Client } from './client';
import type { ErrorCode } from '../../protocol/error-codes';
import { isClosed, newConversation, parseConversation, reduce, type Action, type Conversation } from './conversation';

import { SESSION_KEY } from './keys';
import { randomId } from './random-id';

/** What the panel shows about the connection, beside the conversation itself. */
export interface Link {
  /** False while the backend cannot be reached: the visitor is told, the phone stays. */
  online: boolean;
  /** A refusal that resending will not fix (bad input, a revoked token): the server's code, said in the visitor's words. */
  error: ErrorCode | null;
}

interface Saved {
  conversation: Conversation;
  /** The creation request, kept until the server accepts it. */
  request: CreateHandoffRequest | null;
}

export interface SessionDeps {
  client: Client;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  uuid?: () => string;
  now?: () => Date;
}

export type HumanSession = ReturnType<typeof createSession>;

/**
 * Waits between tries while the backend cannot be reached. Once its event stream has said how
 * long to wait before reconnecting (`retry:`), no wait is longer than that: a restart that took
 * a while must not leave the conversation deaf for another 15 or 30 s after the server is back.
 */
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];

export function createSession({ client, storage, uuid = () => randomId(), now = () => new Date() }: SessionDeps) {
  let saved: Saved | null = load();
  let link: Link = { online: true, error: null };
  const listeners = new Set<() => void>();
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let flushing: Promise<void> | null = null;
  let stream: AbortController | null = null;
  /** The server's `retry:`, once a stream has told it: the longest wait between tries. */
  let reconnectMs: number | null = null;
  let disposed = false;
  /** Articles an agent sent that the visitor opened, not yet told to the server (this page only). */
  let reads: string[] = [];
  /** Files waiting in the outbox, by their message's key (its clientMessageId, the same on every try). */
  const files = new Map<string, Blob>();

  function load(): Saved | null {
    try {
      const raw = JSON.parse(storage?.getItem(SESSION_KEY) ?? 'null') as Partial<Saved> | null;
      const conversation = parseConversation(raw?.conversation);
      return conversation ? { conversation, request: raw?.request ?? null } : null;
    } catch {
      return null; // unreadable: start afresh rather than trust it
    }
  }
  function save(): void {
    try {
      if (saved) storage?.setItem(SESSION_KEY, JSON.stringify(saved));
      else storage?.removeItem(SESSION_KEY);
    } catch {
      // Storage full or blocked: the conversation still runs for this page.
    }
  }
  function notify(): void {
    for (const fn of [...listeners]) fn();
  }
  function apply(action: Action): void {
    if (!saved) return;
    saved = { ...saved, conversation: reduce(saved.conversation, action) };
    save();
    notify();
  }
  function setLink(next: Partial<Link>): void {
    link = { ...link, ...next };
    notify();
  }

  /** Network failure or a retryable answer: mark offline and try again later, with backoff. */
  function later(error: unknown): void {
    if (disposed) return; // a request that failed after dispose: nothing to try again
    const backoff = BACKOFF_MS[Math.min(failures, BACKOFF_MS.length - 1)]!;
    // Up to 30% sooner, at random: after a restart, thousands of visitors must not all come back
    // in the same instant. A Retry-After is the server's own word, kept as it is.
    const wait = error instanceof HttpError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : Math.min(backoff, reconnectMs ?? backoff) * (1 - Math.random() * 0.3);
    failures++;
    // "Too many requests" is a busy server, not an unreachable one: wait as asked, quietly.
    if (!(error instanceof HttpError && error.status === 429)) setLink({ online: false });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void wake(), wait);
  }
  /** A refusal's code; anything but an answer of the server's is ours to own. */
  const codeOf = (error: unknown): ErrorCode => (error instanceof HttpError ? error.code : 'server_error');
  const isRetryable = (error: unknown): boolean => !(error instanceof HttpError) || error.retryable;

  /** Sends what the outbox holds, in order: the handoff first, then queued messages. */
  async function flushOnce(): Promise<void> {
    if (!saved) return;
    const request = saved.request;
    if (!saved.conversation.id && request) {
      try {
        const response = await client.create(request);
        if (!saved) return;
        saved = { ...saved, request: null };
        apply({ type: 'created', response });
      } catch (error) {
        if (isRetryable(error)) return later(error);
        // A refused identity token refuses the identity, not the visitor: sent again without it,
        // as a visitor not verified (no customer's history is theirs), and the page is told.
        const { token, ...visitor } = request.visitor ?? {};
        if (saved && token && (error as HttpError).body?.code?.startsWith('identity')) {
          console.error('[Lifeline] identify:', (error as Error).message);
          saved = { ...saved, request: { ...request, visitor } };
          return flushOnce();
        }
        setLink({ error: codeOf(error) });
        return;
      }
    }
    const c = saved.conversation;
    if (!c.id || !c.token) return;
    // What the visitor writes while these are on their way joins this flush (a flush asked for
    // meanwhile is this one): the messages are read again until none is waiting.
    for (let messages = c.messages; ; messages = saved.conversation.messages) {
      const waiting = messages.filter((m) => m.from === 'visitor' && (m.state === 'queued' || m.state === 'sending'));
      if (!waiting.length) break;
      for (const m of waiting) {
        // A file is kept in memory only (too large for sessionStorage): after a reload it is gone.
        const file = m.attachments && files.get(m.key);
        if (m.attachments && !file) {
          apply({ type: 'send-state', key: m.key, state: 'failed' });
          continue;
        }
        apply({ type: 'send-state', key: m.key, state: 'sending' });
        try {
          const { message } = file
            ? await client.upload(c.id, c.token, m.key, m.attachments![0]!.name, file)
            : await client.message(c.id, c.token, { clientMessageId: m.key, text: m.text });
          files.delete(m.key);
          apply({ type: 'send-state', key: m.key, state: 'sent', message });
        } catch (error) {
          if (isRetryable(error)) {
            apply({ type: 'send-state', key: m.key, state: 'queued' });
            return later(error);
          }
          const problem = error instanceof HttpError ? error.body?.attachmentProblem : undefined;
          apply({ type: 'send-state', key: m.key, state: 'failed', ...(problem && { problem }) });
        }
      }
      if (!saved) return;
    }
    // After the messages, as the visitor did it; a read told twice is recorded once.
    while (reads.length) {
      try {
        await client.articleRead(c.id, c.token, reads[0]!);
      } catch (error) {
        if (isRetryable(error)) return later(error);
        console.error('[Lifeline]', error); // refused (no agent sent it here): nothing to try again
      }
      reads.shift();
    }
    failures = 0;
    setLink({ online: true });
    connect();
  }

  function flush(): Promise<void> {
    flushing ??= flushOnce().finally(() => (flushing = null));
    return flushing;
  }

  /** Opens the event stream unless one is open or there is nothing to follow. */
  function connect(): void {
    const c = saved?.conversation;
    if (disposed || stream || !c?.id || !c.token || isClosed(c)) return;
    const controller = (stream = new AbortController());
    const { id, token } = c;
    client
      .events(id, token, c.lastEventId, (eventId, event) => apply({ type: 'event', id: eventId, event }), controller.signal, (ms) => (reconnectMs = Math.max(ms, 1_000)))
      .then(
        () => undefined,
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (!isRetryable(error)) setLink({ error: codeOf(error) });
          else later(error);
        },
      )
      .finally(() => {
        if (stream === controller) stream = null;
        // The server ended the stream (a restart, a proxy timeout): come back for what follows.
        if (!controller.signal.aborted && link.online && !link.error) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => void wake(), 1000);
        }
      });
  }

  /** Catches up after being away: refetch the state (what was missed), then flush and listen. */
  async function wake(): Promise<void> {
    if (disposed || !saved) return;
    const c = saved.conversation;
    if (c.id && c.token && !stream) {
      try {
        apply({ type: 'state', state: await client.state(c.id, c.token) });
      } catch (error) {
        if (isRetryable(error)) return later(error);
        setLink({ error: codeOf(error) });
        return;
      }
    }
    await flush();
  }

  const onVisible = (): void => {
    if (document.visibilityState === 'visible') void wake();
  };
  const onOnline = (): void => {
    failures = 0;
    void wake();
  };
  // Guarded so the session also runs (and is tested) outside a browser.
  const page = typeof document === 'undefined' ? null : document;
  page?.addEventListener('visibilitychange', onVisible);
  page?.defaultView?.addEventListener('online', onOnline);

  return {
    conversation: (): Conversation | null => saved?.conversation ?? null,
    link: (): Link => link,
    subscribe(fn: () => void): () => void {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    /** Resumes a conversation stored by an earlier page, if any. */
    resume(): void {
      if (saved && !isClosed(saved.conversation)) void wake();
    },
    /** Starts a handoff; a closed earlier one is replaced, an open one is kept. */
    start(channel: Channel, request: Omit<CreateHandoffRequest, 'clientId' | 'channel' | 'callback'>, callback?: CallbackRequest): void {
      if (saved && !isClosed(saved.conversation) && saved.conversation.channel === channel) return void wake();
      const clientId = uuid();
      saved = {
        conversation: newConversation(clientId, channel, callback),
        request: { ...request, clientId, channel, ...(callback && { callback }) },
      };
      link = { online: true, error: null };
      stream?.abort();
      stream = null;
      save();
      notify();
      void flush();
    },
    send(text: string): void {
      apply({ type: 'queue', key: uuid(), text, at: now().toISOString() });
      void flush();
    },
    /** A file as a message of its own, sent (and retried) through the outbox like a message. */
    attach(file: Blob, info: Omit<AttachmentInfo, 'id'>): void {
      const key = uuid();
      files.set(key, file);
      apply({ type: 'queue', key, text: '', at: now().toISOString(), attachments: [{ ...info, id: '' }] });
      void flush();
    },
    retry(key: string): void {
      apply({ type: 'send-state', key, state: 'queued' });
      void flush();
    },
    typing(typing: boolean): void {
      const c = saved?.conversation;
      // Nothing once disposed: a view's idle timer may still say "stopped typing" after destroy.
      if (!disposed && c?.id && c.token) client.typing(c.id, c.token, typing).catch(() => undefined /* typing is best effort */);
    },
    /** Tells the agent the visitor opened an article they sent, from the outbox: a lost connection delays it, never loses it. */
    articleRead(articleId: string): void {
      reads.push(articleId);
      void flush();
    },
    /** Cancels the handoff; if the backend cannot be reached the visitor is told and may retry. */
    async cancel(): Promise<void> {
      const c = saved?.conversation;
      try {
        if (c?.id && c.token) await client.cancel(c.id, c.token);
      } catch (error) {
        if (isRetryable(error)) setLink({ online: false });
        else setLink({ error: codeOf(error) });
        return;
      }
      setLink({ online: true });
      // Ended before the server ever had it (End chat while offline): it is not sent at all.
      if (saved && !c?.id) saved = { ...saved, request: null };
      apply({ type: 'event', id: null, event: { type: 'status', status: 'cancelled', position: null, estimatedWaitSeconds: null } });
    },
    /** Carries on the handoff a reopen link opened (../panel/live/Away.tsx): read as after a reload. */
    adopt(id: string, token: string): void {
      if (saved?.conversation.id !== id) {
        stream?.abort();
        stream = null;
        saved = { conversation: { ...newConversation(uuid(), 'chat'), id, token }, request: null };
        link = { online: true, error: null };
        save();
      }
      void wake();
    },
    /** Forgets a finished conversation so the next "Talk to a human" starts afresh. */
    forget(): void {
      stream?.abort();
      stream = null;
      saved = null;
      save();
      notify();
    },
    dispose(): void {
      disposed = true;
      clearTimeout(retryTimer);
      stream?.abort();
      page?.removeEventListener('visibilitychange', onVisible);
      page?.defaultView?.removeEventListener('online', onOnline);
      listeners.clear();
    },
  };
}
