/**
 * Wall time <-> instants in an IANA time zone, with nothing but Intl.DateTimeFormat (no date
 * library: the widget's chunks are small and every browser ships the zone data).
 *
 * A "day" here is a calendar day counted from 1970-01-01 (day 0), whatever the zone: a local
 * date without a time, so date arithmetic is plain integer arithmetic and weekdays are `(day + 4) % 7`.
 */

export const MINUTE = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // en-US with h23: numeric parts we can read back, whatever the visitor's language.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a zone this engine knows ("Europe/Paris", "UTC"). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false; // RangeError: an unknown zone, which the caller reports
  }
}

/** The zone's offset from UTC at `instant`, in milliseconds (+02:00 is 7,200,000). */
export function offsetAt(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The local day and minute of the day (0..1439) of `instant` in `zone`. */
export function localTime(zone: string, instant: number): { day: number; minute: number } {
  const wall = instant + offsetAt(zone, instant);
  const day = Math.floor(wall / DAY_MS);
  return { day, minute: Math.floor((wall - day * DAY_MS) / MINUTE) };
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

/** "2026-12-25" for a day number, and back. */
export const dayToDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dateToDay = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;

/**
 * The instant at which `zone`'s clocks show `minute` minutes after the start of `day` (minute may
 * be 1440 or more: the next days). A wall time skipped by a spring-forward change gives the first
 * instant after the gap; one that happens twice in a fall-back change gives the first occurrence.
 */
export function wallToInstant(zone: string, day: number, minute: number): number {
  const wall = day * DAY_MS + minute * MINUTE;
  // The offsets in force half a day either side: any change of offset near `wall` is between them.
  const before = offsetAt(zone, wall - DAY_MS / 2);
  const after = offsetAt(zone, wall + DAY_MS / 2);
  const fits = [wall - before, wall - after].filter((t) => offsetAt(zone, t) === wall - t);
  if (fits.length) return Math.min(...fits);
  // In a gap: the clocks jumped from before it to after it at one instant between these two.
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}
