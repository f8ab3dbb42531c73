/**
 * When a handoff leaves its queue (claimed, cancelled, resolved), everyone behind it moves up.
 * Their visitors hear a `status` event with the new position and wait, without an id: it is
 * not stored (replaying old positions would only mislead), and GET /v1/handoffs/:id always
 * tells the current one.
 *
 * Telling a queue costs one message per queued visitor, so it is done where the visitors'
 * streams are: the instance that moved a queue publishes one notice on the queue's topic (every
 * instance hears it: one notification on PostgreSQL, not one per visitor), and each instance,
 * on hearing it, reads the queue and tells its own streams (publishLocal). Bursts are coalesced
 * on both sides: the first change in a channel is told at once, later ones at most once per
 * `intervalMs` (the notice, once per tenth of it).
 */
import type { Channel } from '../../protocol/types';
import { CHANNELS } from '../../protocol/validate';
import type { StoredEvent } from '../store/types';
import { handoffTopic, type ApiDeps } from './deps';
import { waitEstimator } from '../service/estimate';

export interface QueueAnnouncer {
  /** Call after a change; tells the channel's queue if `events` moved a handoff out of it. */
  moved(channel: Channel, events: readonly StoredEvent[]): void;
}

/** Where a queue's news goes to every instance: one notice per change, not its positions. */
export const queueTopic = (channel: Channel): string => `queue:${channel}`;

export function createQueueAnnouncer(deps: Omit<ApiDeps, 'queue' | 'service'>, intervalMs = 1_000): QueueAnnouncer {
  const cleanups: Array<() => void> = [];
  const tell = async (channel: Channel) => {
    const [ids, estimate] = await Promise.all([deps.store.queuedIds(channel), waitEstimator(deps)]);
    ids.forEach((id, i) => {
      const position = i + 1;
      deps.bus.publishLocal(handoffTopic(id), {
        handoffId: id,
        seq: null,
        event: { type: 'status', status: 'queued', position, estimatedWaitSeconds: estimate(position) },
      });
    });
  };
  const telling = coalesce<Channel>(intervalMs, (channel) =>
    void tell(channel).catch((error: unknown) => {
      if (!telling.closed) console.error('Lifeline: could not tell a queue its new positions', error);
    }));
  const noticing = coalesce<{ channel: Channel; event: StoredEvent }>(intervalMs / 10, ({ channel, event }) =>
    deps.bus.publish(queueTopic(channel), { handoffId: event.handoffId, seq: null, event: event.event }), ({ channel }) => channel);
  for (const channel of CHANNELS) cleanups.push(deps.bus.subscribe(queueTopic(channel), () => telling.run(channel)));
  cleanups.push(
    deps.bus.onClose(() => {
      telling.close();
      noticing.close();
      for (const cleanup of cleanups.splice(0)) cleanup();
    }),
  );

  return {
    moved(channel, events) {
      const left = events.find((e) => e.event.type === 'status');
      if (left) noticing.run({ channel, event: left }); // else nobody left the queue
    },
  };
}

/**
 * Runs `fn(value)` at once for a key not seen within `intervalMs`; while more come, once more
 * per interval with the latest value (leading and trailing calls, per key).
 */
function coalesce<T>(intervalMs: number, fn: (value: T) => void, keyOf: (value: T) => unknown = (value) => value) {
  const keys = new Map<unknown, { timer: ReturnType<typeof setTimeout>; pending: T | undefined }>();
  let closed = false;
  const wait = (key: unknown): ReturnType<typeof setTimeout> => {
    const timer = setTimeout(() => {
      const state = keys.get(key);
      if (state?.pending !== undefined) {
        const value = state.pending;
        keys.set(key, { timer: wait(key), pending: undefined });
        fn(value);
      } else keys.delete(key);
    }, intervalMs);
    timer.unref?.();
    return timer;
  };
  return {
    get closed() {
      return closed;
    },
    run(value: T) {
      if (closed) return;
      const key = keyOf(value);
      const state = keys.get(key);
      if (state) {
        state.pending = value;
        return;
      }
      keys.set(key, { timer: wait(key), pending: undefined });
      fn(value);
    },
    close() {
      closed = true;
      for (const { timer } of keys.values()) clearTimeout(timer);
      keys.clear();
    },
  };
}
