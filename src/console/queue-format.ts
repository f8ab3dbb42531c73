/**
 * How the queue says times and searches, pure (tested in Node): a callback's booked time in the
 * agent's own zone with the business's beside it when they differ, whether it is due, and every
 * search a visitor made, compactly.
 */
import { localTime, offsetAt } from '../hours';

/** The agent's own zone: the browser's. */
export const AGENT_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The zone city as people say it: "America/New_York" → "New York". */
export const zoneCity = (zone: string): string => (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ');

const time = (at: number, zone: string, locale: string | undefined): string =>
  new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** The words a booked time needs, in the agent's language (the console's strings module). */
export interface DayWords {
  today: string;
  tomorrow: string;
  yesterday: string;
  yourTime: string;
}

const ENGLISH_DAYS: DayWords = { today: 'Today', tomorrow: 'Tomorrow', yesterday: 'Yesterday', yourTime: '(your time)' };

/** "Today", "Tomorrow", "Yesterday", else "Mon 3 Mar": the day of `at` on the clocks of `zone`. */
function day(at: number, now: number, zone: string, locale: string | undefined, words: DayWords): string {
  const ahead = localTime(zone, at).day - localTime(zone, now).day;
  if (ahead === 0) return words.today;
  if (ahead === 1) return words.tomorrow;
  if (ahead === -1) return words.yesterday;
  return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(at);
}

/**
 * A booked time as an agent reads it: "Today 15:30", or, when the business's clocks show another
 * time, "Today 15:30 (your time) · 09:30 New York" (the business's day named when it differs).
 */
export function bookedTime(iso: string, now: number, agentZone: string, businessZone: string, locale?: string, words: DayWords = ENGLISH_DAYS): string {
  const at = Date.parse(iso);
  const mine = `${day(at, now, agentZone, locale, words)} ${time(at, agentZone, locale)}`;
  if (offsetAt(agentZone, at) === offsetAt(businessZone, at)) return mine;
  const sameDay = localTime(agentZone, at).day - localTime(agentZone, now).day === localTime(businessZone, at).day - localTime(businessZone, now).day;
  const theirs = `${sameDay ? '' : `${day(at, now, businessZone, locale, words)} `}${time(at, businessZone, locale)} ${zoneCity(businessZone)}`;
  return `${mine} ${words.yourTime} · ${theirs}`;
}

export type CallbackTiming = 'booked' | 'due' | 'overdue';

/** Booked (ahead), due (its window has begun) or overdue (its window is over). */
export function callbackTiming(window: { from: string; to: string }, now: number): CallbackTiming {
  if (Date.parse(window.to) <= now) return 'overdue';
  return Date.parse(window.from) <= now ? 'due' : 'booked';
}

/** A search and how many times in a row-summary it was made. */
export interface SearchSummary {
  text: string;
  times: number;
}

/** Searches shown in a queue row; the rest are counted ("and 3 more"). */
export const SEARCHES_SHOWN = 6;

/**
 * Every search of a visitor, in the order first made, a repeat (same words, whatever the case
 * and spacing) counted on the first rather than listed again; at most SEARCHES_SHOWN, with the
 * number left out.
 */
export function summarizeSearches(searches: readonly string[]): { shown: SearchSummary[]; more: number } {
  const byKey = new Map<string, SearchSummary>();
  for (const raw of searches) {
    const text = raw.trim().replace(/\s+/g, ' ');
    if (text === '') continue;
    const key = text.toLowerCase();
    const seen = byKey.get(key);
    if (seen) seen.times += 1;
    else byKey.set(key, { text, times: 1 });
  }
  const all = [...byKey.values()];
  return { shown: all.slice(0, SEARCHES_SHOWN), more: Math.max(0, all.length - SEARCHES_SHOWN) };
}
