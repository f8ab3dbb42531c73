/**
 * The agents' live stream (GET /v1/agent/events). Stored events carry their event-log id: when
 * EventSource reconnects by itself it sends Last-Event-ID, and a stream opened again after the
 * browser gave up asks for `?lastEventId=`, so the server replays what was missed (from any
 * instance). Every (re)connection still calls `onOpen`, and the screen reloads what it shows:
 * what changed without an event (typing, a stream that could not be resumed) is shown right.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { AgentStreamEvent } from '../server/api/agent-types';

/**
 * How a screen listens to the console's one stream; returns its cleanup. The listener gets
 * null when the stream (re)opens: events may have been missed, so reload.
 */
export type Subscribe = (listener: (event: AgentStreamEvent | null) => void) => () => void;

// 'email': the visitor left an address for replies they miss (the handoff page shows it, reloaded);
// 'transcript': the visitor read an article an agent sent in the chat.
const TYPES = ['message', 'agent_joined', 'status', 'typing', 'email', 'transcript'] as const;

export interface StreamHandlers {
  onEvent: (event: AgentStreamEvent) => void;
  onOpen: () => void;
  /** The browser gave up on the stream (an answer other than 200); it is opened again later. */
  onLost?: () => void;
  /** The stream dropped (the server restarting, the network): what is shown may be out of date until `onOpen`. */
  onDown?: () => void;
}

/** How long to wait before opening a stream the browser gave up on. */
const REOPEN_MS = 5000;

/** Opens the stream, and again whenever the browser gives up on it; returns its cleanup. */
export function subscribeEvents(handlers: StreamHandlers): () => void {
  let source: EventSource | null = null;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  // The last stored event's id: a new EventSource does not carry the old one's Last-Event-ID.
  let lastEventId = '';
  const onMessage = (e: MessageEvent<string>): void => {
    if (e.lastEventId) lastEventId = e.lastEventId;
    try {
      handlers.onEvent(JSON.parse(e.data) as AgentStreamEvent);
    } catch (error) {
      console.error('[Lifeline console] an event could not be read', error);
    }
  };
  const onOpen = (): void => handlers.onOpen();
  // EventSource retries a dropped connection by itself, but not a refused one (401, 5xx).
  const onError = (): void => {
    handlers.onDown?.();
    if (source?.readyState !== EventSource.CLOSED) return;
    close();
    handlers.onLost?.();
    reopen = setTimeout(open, REOPEN_MS);
  };
  const open = (): void => {
    source = new EventSource(lastEventId ? `/v1/agent/events?lastEventId=${encodeURIComponent(lastEventId)}` : '/v1/agent/events');
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    for (const type of TYPES) source.addEventListener(type, onMessage);
  };
  const close = (): void => {
    if (!source) return;
    source.removeEventListener('open', onOpen);
    source.removeEventListener('error', onError);
    for (const type of TYPES) source.removeEventListener(type, onMessage);
    source.close();
    source = null;
  };
  open();
  return () => {
    clearTimeout(reopen);
    close();
  };
}

/** One stream while the component is mounted; the latest handlers are used without reconnecting. */
export function useEvents(handlers: StreamHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(
    () =>
      subscribeEvents({
        onEvent: (event) => latest.current.onEvent(event),
        onOpen: () => latest.current.onOpen(),
        onLost: () => latest.current.onLost?.(),
        onDown: () => latest.current.onDown?.(),
      }),
    [],
  );
}
