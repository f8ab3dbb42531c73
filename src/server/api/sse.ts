/**
 * One Server-Sent Events stream fed by the bus: `retry: 3000` first, then the stored events
 * after the client's last id (replay), then live messages, a heartbeat comment every
 * `heartbeatMs`. Ends when the client goes away or the bus closes (shutdown), and then cleans
 * up everything it subscribed to.
 *
 * Ordering: the stream subscribes before it reads the replay, so nothing published in between
 * is lost; every write goes through one promise chain; a stored event at or below the last
 * number sent (the handoff's seq for a visitor, the event log's id for the agents) is a
 * duplicate and skipped; one that skips ahead (another process, or an engine committing out of
 * order) triggers a read of the gap from the store first, so nothing is skipped.
 */
import type { SSEMessage } from 'hono/streaming';
import { streamSSE } from 'hono/streaming';
import type { StoredEvent } from '../store/types';
import type { ApiContext } from './http';
import { fromStored } from '../service/publish';
import type { ApiDeps, BusMessage } from './deps';

export interface StreamOptions {
  topic: string;
  /** Turns a bus message into what is written. */
  format: (message: BusMessage) => SSEMessage;
  /** For a replayable stream: what the client counts by, the last one it has, and how to read after one. */
  replay?: Replay;
  /** Called when the stream opens; returns what to call when it closes. */
  onOpen?: () => () => void;
}

export const RETRY_MS = 3_000;

/**
 * The Last-Event-ID a client sent (the header, or `?lastEventId=` where a header cannot be set):
 * undefined when absent, NaN when it is not a whole number.
 */
export function lastEventIdOf(c: ApiContext): number | undefined {
  const value = (c.req.header('last-event-id') ?? c.req.query('lastEventId'))?.trim();
  if (value === undefined || value === '') return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

export interface Replay {
  /** The number of a stored event the client counts by: its handoff's seq, or its event-log id. */
  by: 'seq' | 'id';
  /** The last one the client has; null: none (live from now on, nothing replayed). */
  after: number | null;
  /** The stored events after one, in order: at most `limit` of them when a limit is given. */
  read: (after: number) => Promise<StoredEvent[]>;
  /** With a limit, the replay reads again while a read comes back full. */
  limit?: number;
}


export function eventStream(c: ApiContext, deps: Pick<ApiDeps, 'bus' | 'heartbeatMs'>, options: StreamOptions): Response {
  c.header('X-Accel-Buffering', 'no'); // nginx and friends: pass each event through at once
  return streamSSE(c, async (stream) => {
    const { replay } = options;
    // A stream without replay may carry every handoff, whose seqs overlap: the last seq sent is
    // kept per handoff. A replayable stream keeps one number: the last seq or id it sent.
    const lastSent = new Map<string, number>();
    let last = replay?.after ?? null;
    const numberOf = (message: BusMessage): number | null => (replay?.by === 'id' ? (message.id ?? null) : message.seq);
    let end = () => {};
    const ended = new Promise<void>((resolve) => (end = resolve));

    let chain = Promise.resolve();
    const enqueue = (task: () => Promise<void>) => {
      chain = chain.then(task).catch((error: unknown) => {
        console.error('Lifeline: an event stream failed and was closed', error);
        end();
      });
    };

    const write = async (message: BusMessage) => {
      if (replay) {
        const n = numberOf(message);
        if (n !== null) {
          if (last !== null && n <= last) return;
          last = n;
        }
      } else if (message.seq !== null) {
        if (message.seq <= (lastSent.get(message.handoffId) ?? 0)) return;
        lastSent.set(message.handoffId, message.seq);
      }
      await stream.writeSSE(options.format(message));
    };
    const catchUp = async () => {
      if (!replay) return;
      for (;;) {
        if (last === null) return;
        const events = await replay.read(last);
        for (const e of events) await write(fromStored(e));
        if (replay.limit === undefined || events.length < replay.limit) return;
      }
    };
    const live = (message: BusMessage) =>
      enqueue(async () => {
        const n = numberOf(message);
        if (replay && n !== null && last !== null && n > last + 1) await catchUp();
        await write(message);
      });

    const cleanups = [deps.bus.subscribe(options.topic, live), deps.bus.onClose(end), options.onOpen?.()];
    stream.onAbort(end);
    if (stream.aborted) end();

    await stream.write(`retry: ${RETRY_MS}\n\n`);
    enqueue(catchUp);
    const heartbeat = setInterval(() => enqueue(async () => void (await stream.write(': heartbeat\n\n'))), deps.heartbeatMs);

    await ended;
    clearInterval(heartbeat);
    for (const cleanup of cleanups) cleanup?.();
    // What is already on its way (the replay of a stream opened during shutdown, which ends at
    // once) is written before the stream ends, unless nobody is reading any more.
    if (!stream.aborted) await chain;
  });
}
