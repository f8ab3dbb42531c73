/**
 * Callback slots: each open period of the callback channel cut into equal slots from its
 * start (09:00, 09:30, ...), the first far enough ahead for an agent to see it. The server
 * decides which are free (it knows the bookings); the widget uses the same cut when it has only
 * data-hours to go on.
 */
import type { Schedule } from './parse';
import { openPeriods, type Interval } from './schedule';
import { DAY_MS, localTime, wallToInstant } from './zone';

export interface SlotRules {
  /** Length of a slot. @default 30 */
  slotMinutes: number;
  /** A slot starts at least this long after now. @default 15 minutes */
  leadMs?: number;
  /** How far ahead slots are offered. @default 14 days */
  horizonDays?: number;
}

export const SLOT_LEAD_MS = 15 * 60_000;
export const SLOT_HORIZON_DAYS = 14;

/** Every slot from `now` (plus the lead) to the horizon, in order. */
export function candidateSlots(schedule: Schedule, zone: string, now: number, rules: SlotRules): Interval[] {
  const length = rules.slotMinutes * 60_000;
  const earliest = now + (rules.leadMs ?? SLOT_LEAD_MS);
  // From today's local midnight, so slots of an always-open channel fall on :00 and :30.
  const from = wallToInstant(zone, localTime(zone, now).day, 0);
  const until = now + (rules.horizonDays ?? SLOT_HORIZON_DAYS) * DAY_MS;
  const slots: Interval[] = [];
  for (const period of openPeriods(schedule, 'callback', from, until, zone)) {
    for (let t = period.from; t + length <= Math.min(period.to, until + length); t += length) {
      if (t >= earliest) slots.push({ from: t, to: t + length });
    }
  }
  return slots;
}

/** The slots offered to choose from: all of the first few days that have a free one. */
export const SLOT_DAYS_LISTED = 3;
/** ...but never more than this many (an always-open line has 48 a day). */
export const SLOTS_LISTED_MAX = 60;

/**
 * The free slots a visitor chooses from: those on the first SLOT_DAYS_LISTED days (in `zone`)
 * that have any, soonest first, at most SLOTS_LISTED_MAX. Whole days, so that a visitor who
 * cannot take a call this morning can pick the afternoon or tomorrow.
 */
export function listSlots<T extends { from: string | number }>(slots: readonly T[], zone: string): T[] {
  const days = new Set<number>();
  const listed: T[] = [];
  for (const slot of slots) {
    const day = localTime(zone, typeof slot.from === 'number' ? slot.from : Date.parse(slot.from)).day;
    if (!days.has(day)) {
      if (days.size === SLOT_DAYS_LISTED) break;
      days.add(day);
    }
    listed.push(slot);
    if (listed.length === SLOTS_LISTED_MAX) break;
  }
  return listed;
}
