/**
 * Hours in the visitor's own words: "back Monday 09:00 your time", "until 17:00", a slot's day
 * and time, a week of hours. Instants are shown in the visitor's zone and locale; "your time" is
 * said only when the visitor's clock differs from the business's at that instant.
 */
import type { Rules } from './parse';
import type { HoursLanguage, HoursWords } from './words';
import { DAY_MS, MINUTE, dateToDay, localTime, offsetAt } from './zone';

/** Where and how the visitor reads times. */
export interface Reader {
  /** The visitor's IANA zone. */
  zone: string;
  /** BCP 47 locale for Intl ("en-GB", "fr"). */
  locale: string;
  language: HoursLanguage;
  /**
   * The words hours are said in: the language's (lang/hours-<language>.ts), with any the site
   * replaced (hours.open...). Given, never looked up here: the widget fetches only its language's.
   */
  words: HoursWords;
}

const WEEK_DAYS = 6;

/** "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one ("03:00 PM" reads oddly). */
export const formatTime = (at: number, zone: string, locale: string): string => clock(zone, locale).format(at);

/**
 * A span of time on one clock, as the locale writes it: "09:00–09:30", "10:00 – 10:30 AM" (AM
 * said once); "from–to" where the browser has no formatRange.
 */
export function formatTimeRange(from: number, to: number, zone: string, locale: string): string {
  const format = clock(zone, locale);
  // formatRange adds both dates when the range crosses midnight ("04/12/2026, 23:30 – 05/12/2026,
  // 00:00"), too wide for a phone and saying nothing the slot's day does not: two times instead.
  const sameDay = localTime(zone, from).day === localTime(zone, to).day;
  return sameDay && typeof format.formatRange === 'function' ? format.formatRange(from, to) : `${format.format(from)}–${format.format(to)}`;
}

function clock(zone: string, locale: string): Intl.DateTimeFormat {
  const twelve = /h1[12]/.test(new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  return new Intl.DateTimeFormat(locale, { timeZone: zone, hour: twelve ? 'numeric' : '2-digit', minute: '2-digit' });
}

/**
 * "today", "tomorrow", a weekday within the week ahead, else a date; and '' for today when
 * `quietToday` (for "until 17:00").
 */
export function dayName(at: number, now: number, reader: Reader, quietToday = false): string {
  const words = reader.words;
  const ahead = localTime(reader.zone, at).day - localTime(reader.zone, now).day;
  if (ahead === 0) return quietToday ? '' : words.today;
  if (ahead === 1) return words.tomorrow;
  const options: Intl.DateTimeFormatOptions =
    ahead > 0 && ahead <= WEEK_DAYS ? { timeZone: reader.zone, weekday: 'long' } : { timeZone: reader.zone, weekday: 'long', day: 'numeric', month: 'long' };
  return words.day(new Intl.DateTimeFormat(reader.locale, options).format(at));
}

/** Whether the visitor's clock shows another time than the business's at `at`. */
export const otherClock = (at: number, reader: Reader, businessZone: string): boolean =>
  offsetAt(reader.zone, at) !== offsetAt(businessZone, at);

/** "back Monday 09:00 your time" (en), "ouvre lundi à 09:00 (votre heure)" (fr)... */
export function formatBack(at: number, now: number, reader: Reader, businessZone: string): string {
  return reader.words.back(dayName(at, now, reader), formatTime(at, reader.zone, reader.locale), otherClock(at, reader, businessZone));
}

/** "until 17:00", "until tomorrow 02:00". */
export const formatUntil = (at: number, now: number, reader: Reader): string =>
  reader.words.until(dayName(at, now, reader, true), formatTime(at, reader.zone, reader.locale));

/** A callback slot as the visitor reads it: { day: "Tomorrow", time: "09:00–09:30" / "9:00 – 9:30 AM" }. */
export function formatSlot(slot: { from: number; to: number }, now: number, reader: Reader): { day: string; time: string } {
  const day = dayName(slot.from, now, reader);
  return {
    day: day.charAt(0).toUpperCase() + day.slice(1),
    time: formatTimeRange(slot.from, slot.to, reader.zone, reader.locale),
  };
}

/**
 * A week of hours, days with the same periods grouped: [{ days: "Mon–Fri", times:
 * "09:00–17:00" }, ...], Monday first, closed days left out. Times are the business's own
 * (wall times of its zone), as written in the hours.
 */
export function describeWeek(rules: Rules, locale: string): Array<{ days: string; times: string }> {
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short' });
  // Day 4 (1970-01-05) was a Monday; i = 0..6 is Monday..Sunday.
  const name = (i: number): string => dayFormat.format((4 + i) * DAY_MS);
  const time = (minute: number): string => formatTime((minute % 1440) * MINUTE, 'UTC', locale);
  const key = (i: number): string => JSON.stringify(rules.week[(i + 1) % 7]);
  const lines: Array<{ days: string; times: string }> = [];
  for (let i = 0; i < 7; ) {
    let j = i;
    while (j + 1 < 7 && key(j + 1) === key(i)) j++;
    const periods = rules.week[(i + 1) % 7]!;
    if (periods.length) {
      lines.push({
        days: i === j ? name(i) : `${name(i)}–${name(j)}`,
        times: periods.map((p) => `${time(p.start)}–${time(p.end)}`).join(', '),
      });
    }
    i = j + 1;
  }
  return lines;
}

/** How far ahead the date rules (holidays, short days) are told beside the week. */
export const DATES_AHEAD_DAYS = 14;

/**
 * The date rules from today (in the business's zone) to DATES_AHEAD_DAYS ahead, soonest first:
 * [{ day: "Thu 24 Dec", times: "09:00–12:00" }, { day: "Fri 25 Dec", times: null }] (null:
 * closed), so a visitor learns of a holiday before the day, not on it. Times are the business's
 * own, as in describeWeek.
 */
export function describeDates(rules: Rules, zone: string, now: number, locale: string): Array<{ day: string; times: string | null }> {
  const today = localTime(zone, now).day;
  const dayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
  const time = (minute: number): string => formatTime((minute % 1440) * MINUTE, 'UTC', locale);
  return Object.entries(rules.dates)
    .map(([date, periods]) => ({ day: dateToDay(date), periods }))
    .filter(({ day }) => day >= today && day <= today + DATES_AHEAD_DAYS)
    .sort((a, b) => a.day - b.day)
    .map(({ day, periods }) => ({
      day: dayFormat.format(day * DAY_MS),
      times: periods.length ? periods.map((p) => `${time(p.start)}–${time(p.end)}`).join(', ') : null,
    }));
}
