/**
 * When a handoff leaves its queue (claimed, cancelled, resolved), everyone behind it moves up.
 * Their visitors hear a `status` event with the new position and wait, without an id: it is
 * not stored (replaying old positions would only mislead), and GET /v1/handoffs/:id always
 * tells the current one.
 *
 * Telling a queue costs one write per queued visitor, so a burst of claims is coalesced: the
 * first change in a channel is told at once, later ones at most once per `intervalMs`.
 */
import type { Channel } from '../../protocol/types';
import type { StoredEvent } from '../store/types';
import { handoffTopic, type ApiDeps } from './deps';
import { waitEstimator } from '../service/estimate';

export interface QueueAnnouncer {
  /** Call after a change; tells the channel's queue if `events` moved a handoff out of it. */
  moved(channel: Channel, events: readonly StoredEvent[]): void;
}

export function createQueueAnnouncer(deps: Omit<ApiDeps, 'queue' | 'service'>, intervalMs = 1_000): QueueAnnouncer {
  const channels = new Map<Channel, { timer: ReturnType<typeof setTimeout>; pending: boolean }>();
  let closed = false;
  deps.bus.onClose(() => {
    closed = true;
    for (const { timer } of channels.values()) clearTimeout(timer);
    channels.clear();
  });

  const tell = async (channel: Channel) => {
    const [ids, estimate] = await Promise.all([deps.store.queuedIds(channel), waitEstimator(deps)]);
    ids.forEach((id, i) => {
      const position = i + 1;
      deps.bus.publish(handoffTopic(id), {
        handoffId: id,
        seq: null,
        event: { type: 'status', status: 'queued', position, estimatedWaitSeconds: estimate(position) },
      });
    });
  };
  const run = (channel: Channel) =>
    void tell(channel).catch((error: unknown) => {
      if (!closed) console.error('Lifeline: could not tell a queue its new positions', error);
    });

  // Leading call at once; then, while changes keep coming, one trailing call per interval.
  const wait = (channel: Channel) => {
    const timer = setTimeout(() => {
      const state = channels.get(channel);
      if (state?.pending) {
        run(channel);
        channels.set(channel, { timer: wait(channel), pending: false });
      } else channels.delete(channel);
    }, intervalMs);
    timer.unref?.();
    return timer;
  };

  return {
    moved(channel, events) {
      if (closed || !events.some((e) => e.event.type === 'status')) return; // nobody left the queue
      const state = channels.get(channel);
      if (state) {
        state.pending = true;
        return;
      }
      run(channel);
      channels.set(channel, { timer: wait(channel), pending: false });
    },
  };
}
