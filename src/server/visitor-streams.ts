/**
 * Until when each visitor last had an event stream open, kept in the store so that every
 * instance on one database agrees (visitor_streams; the replies they miss while away are
 * e-mailed, ./away/). The pattern of the agents' presence (store/postgres/presence.ts):
 *
 * - while a visitor's stream is open here, its row for this instance says "seen until now +
 *   ttl", renewed by this instance's heartbeat every third of the ttl;
 * - when the last of their streams here closes, the row goes and the handoff's '' row keeps
 *   the moment it closed;
 * - an instance that is killed stops renewing: its rows say the visitor was seen until at
 *   most `ttl` after its last heartbeat, then they are away like anyone else.
 *
 * open() answers at once: the writes go out in order behind it, and a failed one is reported
 * (the next heartbeat writes the open streams again).
 */
import { randomUUID } from 'node:crypto';
import type { Store } from './store/types';

export interface VisitorStreams {
  /** A visitor's event stream for `handoffId` opened here; returns the call for when it closes. */
  open(handoffId: string): () => void;
  /** Resolves once the writes so far are done. */
  flush(): Promise<void>;
  /** Stops the heartbeat and records the streams still open as closed now (shutdown). */
  end(): Promise<void>;
}

export interface VisitorStreamsOptions {
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** How long an open stream's mark lives without a heartbeat (ms); renewed every third of it. @default 30 000 */
  ttlMs?: number;
  /** Told when a write fails. @default a line on stderr */
  onError?: (error: Error) => void;
}

/** The longest list of handoffs one heartbeat write carries. */
const BATCH = 500;

export function createVisitorStreams(
  store: Pick<Store, 'visitorStreamsOpen' | 'visitorStreamClosed'>,
  options: VisitorStreamsOptions = {},
): VisitorStreams {
  const now = options.now ?? Date.now;
  const ttl = options.ttlMs ?? 30_000;
  const onError = options.onError ?? ((error) => console.error(`Lifeline: could not record a visitor's event stream: ${error.message}`));
  const instance = randomUUID();
  const streams = new Map<string, number>();
  let ended = false;

  let writes: Promise<void> = Promise.resolve();
  const write = (task: () => Promise<void>) => {
    writes = writes.then(task).catch((error: unknown) => onError(error as Error));
  };
  const until = () => new Date(now() + ttl).toISOString();
  const renew = (ids: string[]) => {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      write(() => store.visitorStreamsOpen(batch, instance, until()));
    }
  };

  const heartbeat = setInterval(() => renew([...streams.keys()]), ttl / 3);
  heartbeat.unref?.();

  return {
    open(handoffId) {
      const count = (streams.get(handoffId) ?? 0) + 1;
      streams.set(handoffId, count);
      if (count === 1 && !ended) renew([handoffId]);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        const left = (streams.get(handoffId) ?? 1) - 1;
        if (left > 0) return void streams.set(handoffId, left);
        streams.delete(handoffId);
        if (ended) return;
        const at = new Date(now()).toISOString();
        write(() => store.visitorStreamClosed(handoffId, instance, at));
      };
    },
    flush: () => writes,
    async end() {
      if (!ended) {
        ended = true;
        clearInterval(heartbeat);
        const at = new Date(now()).toISOString();
        for (const id of streams.keys()) write(() => store.visitorStreamClosed(id, instance, at));
        streams.clear();
      }
      await writes;
    },
  };
}
