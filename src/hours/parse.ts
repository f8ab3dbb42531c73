/**
 * The opening-hours grammar of data-hours and LIFELINE_HOURS, parsed into plain data.
 *
 *   spec    = rule *(";" rule)
 *   rule    = [channels ":"] [days | dates] (periods | "off")
 *   channels= "chat" | "callback" | "phone", comma-separated: the rule is theirs alone
 *   days    = "Mo-Fr", "Mo,We,Fr", "Sa", "Mo-Fr,Su" (Mo Tu We Th Fr Sa Su; none means every day)
 *   dates   = "2026-12-25", "2026-12-24,2026-12-31" or "2026-12-24..2026-12-26"
 *   periods = "09:00-12:00,13:00-17:00"; an end before its start runs past midnight
 *             ("Fr 22:00-02:00" belongs to Friday); "24:00" is the end of the day
 *
 * As in OpenStreetMap's opening_hours, a later rule replaces what an earlier one said about the
 * same day ("Mo-Su 09:00-17:00; Su off"), and a date rule beats the weekday rules on its date.
 * A channel named in some rule gets only its own rules; the others share the rules without a
 * prefix; a channel with no rule at all is always open.
 */

export type HoursChannel = 'chat' | 'callback' | 'phone';
export const HOURS_CHANNELS: readonly HoursChannel[] = ['chat', 'callback', 'phone'];

/** Minutes after the day's midnight; `end` may pass 1440 (the period runs into the next day). */
export interface Period {
  start: number;
  end: number;
}

export interface Rules {
  /** Index 0 = Sunday; a day no rule named is closed. */
  week: Period[][];
  /** "2026-12-25" -> that day's periods ([] = closed), overriding its weekday. */
  dates: Record<string, Period[]>;
}

/** Rules per channel; a channel without any (null) is always open. */
export type Schedule = Record<HoursChannel, Rules | null>;

export const ALWAYS_OPEN: Schedule = Object.freeze({ chat: null, callback: null, phone: null });

const DAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_DATE_RANGE = 366;

class Problem extends Error {}

const emptyRules = (): Rules => ({ week: DAYS.map(() => []), dates: {} });

/**
 * Parses `spec`. With any problem, each named with its part (`"Mo-Fx 09:00-17:00": unknown day
 * "Fx"`), the schedule is ALWAYS_OPEN: a mistake in the hours must not hide a person.
 */
export function parseHours(spec: string): { schedule: Schedule; problems: string[] } {
  const problems: string[] = [];
  const own: Partial<Record<HoursChannel, Rules>> = {};
  const shared = emptyRules();
  let sharedUsed = false;

  for (const raw of spec.split(';')) {
    const rule = raw.trim().replace(/[–—]/g, '-');
    if (!rule) continue;
    try {
      let body = rule;
      let channels: HoursChannel[] | null = null;
      const colon = /^([a-z,\s]+):(?!\d)/i.exec(rule);
      if (colon) {
        channels = colon[1]!.split(',').map((c) => {
          const name = c.trim().toLowerCase();
          if (!HOURS_CHANNELS.includes(name as HoursChannel)) throw new Problem(`unknown channel "${c.trim()}"; expected chat, callback or phone`);
          return name as HoursChannel;
        });
        body = rule.slice(colon[0].length).trim();
      }
      const words = body.split(/\s+/).filter(Boolean);
      if (!words.length) throw new Problem('expected days and times, like "Mo-Fr 09:00-17:00"');
      const timesText = words.pop()!;
      if (words.length > 1) throw new Problem(`expected days then times, got "${body}"`);
      const periods = parsePeriods(timesText);
      const selector = words[0];
      const targets = channels ? channels.map((c) => (own[c] ??= emptyRules())) : [shared];
      if (!channels) sharedUsed = true;
      if (selector !== undefined && /^\d/.test(selector)) {
        for (const date of parseDates(selector)) for (const t of targets) t.dates[date] = periods;
      } else {
        for (const day of parseDays(selector ?? 'Mo-Su')) for (const t of targets) t.week[day] = periods;
      }
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      problems.push(`"${rule}": ${error.message}`);
    }
  }
  if (problems.length) return { schedule: ALWAYS_OPEN, problems };
  const schedule = { ...ALWAYS_OPEN };
  for (const channel of HOURS_CHANNELS) schedule[channel] = own[channel] ?? (sharedUsed ? shared : null);
  return { schedule, problems };
}

function parseDays(text: string): number[] {
  const days = new Set<number>();
  const day = (name: string): number => {
    const i = DAYS.findIndex((d) => d.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Problem(`unknown day "${name}"; expected Mo Tu We Th Fr Sa Su`);
    return i;
  };
  for (const part of text.split(',')) {
    const [first, last, extra] = part.split('-');
    if (extra !== undefined) throw new Problem(`"${part}" is not a day or a range of days like Mo-Fr`);
    const from = day(first!);
    const to = last === undefined ? from : day(last);
    // Mo-Fr, and Fr-Mo wrapping over the weekend.
    for (let d = from; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === to) break;
    }
  }
  return [...days];
}

function parseDates(text: string): string[] {
  const dates: string[] = [];
  for (const part of text.split(',')) {
    const [first, last, extra] = part.split('..');
    if (extra !== undefined) throw new Problem(`"${part}" is not a date or a range of dates`);
    const from = dayNumber(first!);
    const to = last === undefined ? from : dayNumber(last);
    if (to < from || to - from > MAX_DATE_RANGE) throw new Problem(`"${part}": a range of dates runs forward, at most a year`);
    for (let d = from; d <= to; d++) dates.push(new Date(d * 86_400_000).toISOString().slice(0, 10));
  }
  return dates;
}

function dayNumber(text: string): number {
  const m = DATE.exec(text);
  const ms = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) : NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== text) throw new Problem(`"${text}" is not a date like 2026-12-25`);
  return ms / 86_400_000;
}

function parsePeriods(text: string): Period[] {
  if (/^(off|closed)$/i.test(text)) return [];
  return text.split(',').map((part) => {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) throw new Problem(`expected times like 09:00-17:00 or "off", got "${part}"`);
    const start = minutes(+m[1]!, +m[2]!, part, false);
    let end = minutes(+m[3]!, +m[4]!, part, true);
    if (end === start) throw new Problem(`"${part}" is an empty period`);
    if (end < start) end += 1440; // runs past midnight into the next day
    return { start, end };
  });
}

function minutes(hour: number, minute: number, part: string, isEnd: boolean): number {
  if (minute > 59 || hour > 24 || (hour === 24 && (minute > 0 || !isEnd))) throw new Problem(`"${part}" has a time that does not exist`);
  return hour * 60 + minute;
}
