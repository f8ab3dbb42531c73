/**
 * What the server tells visitors before they choose (GET /v1/status) and checks when they book
 * a callback: channels open now from LIFELINE_HOURS, and the callback slots still free given the
 * callbacks already booked. The hours logic itself is src/hours, shared with the widget.
 */
import type { CallbackSlot, Channel, ChannelAvailability } from '../protocol/types';
import { availability, candidateSlots, listSlots } from '../hours';
import type { BusinessHours, CallbackPolicy } from './config';
import type { Store } from './store/types';


const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

export function channelsAt(hours: BusinessHours, now: number): Record<Channel, ChannelAvailability> {
  const one = (channel: Channel): ChannelAvailability => {
    const a = availability(hours.schedule, channel, now, hours.zone);
    return { open: a.open, nextOpening: iso(a.nextOpening), closesAt: iso(a.closesAt) };
  };
  return { chat: one('chat'), callback: one('callback'), phone: one('phone') };
}

/** Every slot from now to the horizon with room left, soonest first. */
export async function freeSlots(store: Store, hours: BusinessHours, policy: CallbackPolicy, now: number): Promise<CallbackSlot[]> {
  const booked = await store.bookedCallbacks(new Date(now).toISOString());
  return candidateSlots(hours.schedule, hours.zone, now, { slotMinutes: policy.slotMinutes })
    .map((s) => ({ from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() }))
    .filter((s) => (booked.get(s.from) ?? 0) < policy.perSlot);
}

/** The free slots /v1/status lists (and a 409 repeats): whole days, the first three that have one. */
export const listedSlots = (slots: readonly CallbackSlot[], hours: BusinessHours): CallbackSlot[] => listSlots(slots, hours.zone);

/** The free slot that `from`-`to` names (any ISO spelling of the same instants), or null. */
export const matchSlot = (slots: readonly CallbackSlot[], from: string, to: string): CallbackSlot | null =>
  slots.find((s) => Date.parse(s.from) === Date.parse(from) && Date.parse(s.to) === Date.parse(to)) ?? null;
