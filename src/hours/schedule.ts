/**
 * Questions about a parsed schedule (parse.ts) at instants: open now, the next opening, the next
 * closing, and the open periods between two instants. Wall times become instants in the
 * schedule's zone through zone.ts, so daylight-saving changes and midnight are handled once.
 */
import type { HoursChannel, Period, Schedule } from './parse';
import { DAY_MS, dayToDate, localTime, wallToInstant, weekday } from './zone';

/** An open period as instants (ms since the epoch), start included, end excluded. */
export interface Interval {
  from: number;
  to: number;
}

/** How far ahead to look for an opening or a closing: past a long holiday, not forever. */
export const HORIZON_DAYS = 28;

/**
 * The open intervals of `channel` that overlap [from, until), merged where they touch, not
 * clipped (the first may start before `from`, the last end after `until`). A channel without
 * rules is one interval over the whole span.
 */
export function openPeriods(schedule: Schedule, channel: HoursChannel, from: number, until: number, zone: string): Interval[] {
  const rules = schedule[channel];
  if (!rules) return [{ from, to: until }];
  // Start a day early: yesterday's "22:00-02:00" may still be open at `from`.
  const first = localTime(zone, from).day - 1;
  const last = localTime(zone, until).day;
  const found: Interval[] = [];
  for (let day = first; day <= last; day++) {
    const periods: Period[] = rules.dates[dayToDate(day)] ?? rules.week[weekday(day)]!;
    for (const p of periods) {
      const interval = { from: wallToInstant(zone, day, p.start), to: wallToInstant(zone, day, p.end) };
      if (interval.to > interval.from && interval.to > from && interval.from < until) found.push(interval);
    }
  }
  found.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const i of found) {
    const previous = merged[merged.length - 1];
    if (previous && i.from <= previous.to) previous.to = Math.max(previous.to, i.to);
    else merged.push({ ...i });
  }
  return merged;
}

/** Whether `channel` is open at `at`, and when that changes: `{open, nextOpening, closesAt}`. */
export interface Availability {
  open: boolean;
  /** When closed: the next opening within HORIZON_DAYS, else null. */
  nextOpening: number | null;
  /** When open: when it closes, null when it stays open past HORIZON_DAYS. */
  closesAt: number | null;
}

export function availability(schedule: Schedule, channel: HoursChannel, at: number, zone: string): Availability {
  const until = at + HORIZON_DAYS * DAY_MS;
  const periods = openPeriods(schedule, channel, at, until, zone);
  const current = periods.find((p) => p.from <= at && at < p.to);
  if (current) return { open: true, nextOpening: null, closesAt: current.to >= until ? null : current.to };
  const next = periods.find((p) => p.from > at);
  return { open: false, nextOpening: next ? next.from : null, closesAt: null };
}

export const isOpen = (schedule: Schedule, channel: HoursChannel, at: number, zone: string): boolean =>
  availability(schedule, channel, at, zone).open;

/** The next instant `channel` opens after `at` (null when open now or not within the horizon). */
export const nextOpening = (schedule: Schedule, channel: HoursChannel, at: number, zone: string): number | null =>
  availability(schedule, channel, at, zone).nextOpening;

/** When `channel`, open at `at`, closes (null when closed now or open past the horizon). */
export const nextClosing = (schedule: Schedule, channel: HoursChannel, at: number, zone: string): number | null =>
  availability(schedule, channel, at, zone).closesAt;
