/**
 * One Server-Sent Events stream fed by the bus: `retry: 3000` first, then the stored events
 * after the client's last id (replay), then live messages, a heartbeat comment every
 * `heartbeatMs`. Ends when the client goes away or the bus closes (shutdown), and then cleans
 * up everything it subscribed to.
 *
 * Ordering: the stream subscribes before it reads the replay, so nothing published in between
 * is lost; every write goes through one promise chain; a stored event at or below the last seq
 * sent for its handoff is a duplicate and skipped; one that skips ahead (another process, or a future async
 * engine committing out of order) triggers a read of the gap first, so ids only ever go up by one.
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
  /** For a replayable stream: the last seq the client has, and how to read stored events after one. */
  replay?: { after: number; read: (after: number) => Promise<StoredEvent[]> };
  /** Called when the stream opens; returns what to call when it closes. */
  onOpen?: () => () => void;
}

export const RETRY_MS = 3_000;



export function eventStream(c: ApiContext, deps: Pick<ApiDeps, 'bus' | 'heartbeatMs'>, options: StreamOptions): Response {
  c.header('X-Accel-Buffering', 'no'); // nginx and friends: pass each event through at once
  return streamSSE(c, async (stream) => {
    const { replay } = options;
    // Sequence ids count per handoff, and the agents' stream carries every handoff: the last id
    // sent is kept per handoff. A replayable stream follows one handoff, which `replayed` tracks.
    const lastSent = new Map<string, number>();
    let replayed = replay?.after ?? 0;
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
      if (message.seq !== null) {
        if (message.seq <= (lastSent.get(message.handoffId) ?? replayed)) return;
        lastSent.set(message.handoffId, message.seq);
        if (replay) replayed = message.seq;
      }
      await stream.writeSSE(options.format(message));
    };
    const catchUp = async () => {
      if (replay) for (const e of await replay.read(replayed)) await write(fromStored(e));
    };
    const live = (message: BusMessage) =>
      enqueue(async () => {
        if (replay && message.seq !== null && message.seq > replayed + 1) await catchUp();
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
