/**
 * The dispatcher: reads the event log after its cursor, plans each channel's jobs for those
 * events (plan.ts), and stores them with the cursor's advance in one transaction: an event is
 * planned once, whatever crashes, and a job planned twice (its key) is stored once. Only one
 * instance dispatches at a time (Store.outboxCursor); the others find it held and leave it.
 */
import type { HandoffRecord, Store } from '../store/types';
import { planJobs } from './plan';
import type { OutboxChannel } from './types';

export interface DispatchResult {
  /** False when another instance was dispatching: nothing was read. */
  held: boolean;
  /** Events read (and now behind the cursor). */
  events: number;
  /** Jobs newly stored. */
  jobs: number;
}

export async function dispatch(
  store: Store,
  channels: readonly OutboxChannel[],
  options: { batch: number; now: () => number; onError: (error: Error) => void },
): Promise<DispatchResult> {
  // Channels with nobody to deliver to now plan nothing for these events (OutboxChannel.wanted).
  const active: OutboxChannel[] = [];
  for (const channel of channels) if (!channel.wanted || (await channel.wanted(store))) active.push(channel);
  return store.transaction(async (tx) => {
    const cursor = await tx.outboxCursor();
    if (cursor === null) return { held: false, events: 0, jobs: 0 };
    const events = await tx.eventLogAfter(cursor, options.batch);
    if (events.length === 0) return { held: true, events: 0, jobs: 0 };
    // The handoff as it is now: a plan may depend on it (a visitor's address, the channel).
    const handoffs = new Map<string, HandoffRecord | null>();
    if (active.length > 0) for (const e of events) if (!handoffs.has(e.handoffId)) handoffs.set(e.handoffId, await tx.findHandoff(e.handoffId));
    const planned = planJobs(events, handoffs, active, options.onError);
    const jobs = await tx.insertJobs(planned, new Date(options.now()).toISOString());
    await tx.setOutboxCursor(events[events.length - 1]!.id);
    return { held: true, events: events.length, jobs };
  });
}
