import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, availability, describeDates, describeWeek, formatBack, formatSlot, formatUntil, isOpen, nextOpening, openPeriods, parseHours, wallToInstant, type Reader } from '.';
import { HOURS_WORDS } from './lang';
import { dateToDay, localTime } from './zone';

const at = (iso: string): number => Date.parse(iso);
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
const schedule = (spec: string) => {
  const { schedule, problems } = parseHours(spec);
  expect(problems).toEqual([]);
  return schedule;
};
const OFFICE = 'Mo-Fr 09:00-17:00; Sa 10:00-14:00';

describe('wallToInstant', () => {
  it('gives the first instant after a spring-forward gap, and the first of a repeated hour', () => {
    const ny = 'America/New_York';
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00Z); 02:30 does not exist.
    expect(iso(wallToInstant(ny, dateToDay('2026-03-08'), 150))).toBe('2026-03-08T07:00:00.000Z');
    expect(iso(wallToInstant(ny, dateToDay('2026-03-08'), 180))).toBe('2026-03-08T07:00:00.000Z');
    // 2026-11-01: 01:30 happens twice (EDT, then EST); the first is 05:30Z.
    expect(iso(wallToInstant(ny, dateToDay('2026-11-01'), 90))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(wallToInstant('Asia/Kolkata', dateToDay('2026-06-01'), 600))).toBe('2026-06-01T04:30:00.000Z');
  });
});

describe('parseHours', () => {
  it('reads days, ranges, lists, several periods, off, dates and channels', () => {
    const s = schedule('Mo-Fr 09:00-12:00,13:00-17:00; Sa,Su 10:00-14:00; Su off; 2026-12-24 09:00-12:00; 2026-12-25..2026-12-26 off; phone: Mo-Sa 08:00-20:00');
    expect(s.chat).toBe(s.callback);
    expect(s.chat!.week[1]).toEqual([{ start: 540, end: 720 }, { start: 780, end: 1020 }]);
    expect(s.chat!.week[0]).toEqual([]); // a later rule replaces an earlier one
    expect(s.chat!.week[6]).toEqual([{ start: 600, end: 840 }]);
    expect(s.chat!.dates).toEqual({ '2026-12-24': [{ start: 540, end: 720 }], '2026-12-25': [], '2026-12-26': [] });
    expect(s.phone!.week[6]).toEqual([{ start: 480, end: 1200 }]);
    expect(s.phone!.week[0]).toEqual([]);
  });

  it('runs a period past midnight, and takes 24:00 as the end of the day', () => {
    const s = schedule('Fr 22:00-02:00; Sa 20:00-24:00');
    expect(s.chat!.week[5]).toEqual([{ start: 1320, end: 1560 }]);
    expect(s.chat!.week[6]).toEqual([{ start: 1200, end: 1440 }]);
  });

  it('leaves channels without rules open, and an empty spec open', () => {
    const s = schedule('chat: Mo-Fr 09:00-17:00');
    expect(s.chat).not.toBeNull();
    expect(s.callback).toBeNull();
    expect(parseHours('').schedule).toEqual(ALWAYS_OPEN);
  });

  it('names each malformed part and then treats every channel as open', () => {
    const { schedule: s, problems } = parseHours('Mo-Fx 09:00-17:00; Sa 9-14; email: Mo 09:00-10:00; Tu 25:00-26:00; 2026-02-30 off; We 10:00-10:00');
    expect(problems).toEqual([
      '"Mo-Fx 09:00-17:00": unknown day "Fx"; expected Mo Tu We Th Fr Sa Su',
      '"Sa 9-14": expected times like 09:00-17:00 or "off", got "9-14"',
      '"email: Mo 09:00-10:00": unknown channel "email"; expected chat, callback or phone',
      '"Tu 25:00-26:00": "25:00-26:00" has a time that does not exist',
      '"2026-02-30 off": "2026-02-30" is not a date like 2026-12-25',
      '"We 10:00-10:00": "10:00-10:00" is an empty period',
    ]);
    expect(s).toEqual(ALWAYS_OPEN);
  });
});

describe('open now and the next opening', () => {
  it('New York, across the spring-forward change (2026-03-08)', () => {
    const s = schedule(OFFICE);
    const ny = 'America/New_York';
    // Saturday 2026-03-07 15:00 EST, closed: Monday 09:00 EDT is 13:00Z, not 14:00Z.
    expect(availability(s, 'chat', at('2026-03-07T20:00:00Z'), ny)).toEqual({ open: false, nextOpening: at('2026-03-09T13:00:00Z'), closesAt: null });
    expect(availability(s, 'chat', at('2026-03-09T13:30:00Z'), ny)).toEqual({ open: true, nextOpening: null, closesAt: at('2026-03-09T21:00:00Z') });
    // A period starting in the gap opens at 03:00 EDT.
    expect(openPeriods(schedule('Su 02:30-04:00'), 'chat', at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), ny)).toEqual([
      { from: at('2026-03-08T07:00:00Z'), to: at('2026-03-08T08:00:00Z') },
    ]);
  });

  it('New York, across the fall-back change (2026-11-01)', () => {
    const ny = 'America/New_York';
    // 01:30-03:00 on the night the clocks go back: from the first 01:30 (EDT) to 03:00 EST.
    expect(openPeriods(schedule('Su 01:30-03:00'), 'chat', at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'), ny)).toEqual([
      { from: at('2026-11-01T05:30:00Z'), to: at('2026-11-01T08:00:00Z') },
    ]);
    // Friday 17:00 EDT (21:00Z) closes; Monday 09:00 is EST now: 14:00Z.
    expect(nextOpening(schedule(OFFICE), 'chat', at('2026-10-31T19:00:00Z'), ny)).toBe(at('2026-11-02T14:00:00Z'));
  });

  it('Paris, across both changes (2026-03-29 and 2026-10-25), with a period over midnight', () => {
    const paris = 'Europe/Paris';
    const s = schedule('Sa 22:00-02:00');
    // Saturday 22:00 CET; 02:00 on Sunday is skipped, so it closes at 03:00 CEST (01:00Z).
    expect(availability(s, 'chat', at('2026-03-28T22:30:00Z'), paris)).toEqual({ open: true, nextOpening: null, closesAt: at('2026-03-29T01:00:00Z') });
    expect(isOpen(s, 'chat', at('2026-03-29T01:00:00Z'), paris)).toBe(false);
    // Saturday 2026-10-24 22:00 CEST (20:00Z) to Sunday 02:00, met first in CEST (00:00Z).
    expect(availability(s, 'chat', at('2026-10-24T23:59:00Z'), paris)).toMatchObject({ open: true, closesAt: at('2026-10-25T00:00:00Z') });
    expect(nextOpening(schedule(OFFICE), 'chat', at('2026-10-24T13:00:00Z'), paris)).toBe(at('2026-10-26T08:00:00Z'));
  });

  it('Sydney (southern summer time, 2026-10-04) and Kolkata (a half-hour offset)', () => {
    const s = schedule('Mo-Fr 09:00-17:00');
    // Friday 2026-10-02 17:30 AEST; Monday 09:00 AEDT is Sunday 22:00Z.
    expect(nextOpening(s, 'chat', at('2026-10-02T07:30:00Z'), 'Australia/Sydney')).toBe(at('2026-10-04T22:00:00Z'));
    expect(nextOpening(schedule('Mo-Sa 10:00-19:00'), 'phone', at('2026-06-06T13:31:00Z'), 'Asia/Kolkata')).toBe(at('2026-06-08T04:30:00Z'));
  });

  it('midnight: a late shift belongs to the day it starts, and a full week never closes', () => {
    const s = schedule('Fr 22:00-02:00');
    expect(isOpen(s, 'chat', at('2026-05-16T01:59:00Z'), 'UTC')).toBe(true); // Saturday 01:59
    expect(isOpen(s, 'chat', at('2026-05-16T02:00:00Z'), 'UTC')).toBe(false);
    expect(availability(schedule('Mo-Su 00:00-24:00'), 'chat', at('2026-05-16T02:00:00Z'), 'UTC')).toEqual({ open: true, nextOpening: null, closesAt: null });
    expect(availability(schedule('Mo-Fr 20:00-24:00; Sa 00:00-02:00'), 'chat', at('2026-05-15T23:00:00Z'), 'UTC').closesAt).toBe(at('2026-05-16T02:00:00Z'));
  });

  it('holidays override their weekday; channels keep their own hours', () => {
    const s = schedule(`${OFFICE}; 2026-12-24 09:00-12:00; 2026-12-25 off; phone: Mo-Su 08:00-22:00`);
    const ny = 'America/New_York';
    expect(availability(s, 'chat', at('2026-12-24T18:00:00Z'), ny)).toEqual({ open: false, nextOpening: at('2026-12-26T15:00:00Z'), closesAt: null });
    expect(isOpen(s, 'chat', at('2026-12-25T15:00:00Z'), ny)).toBe(false);
    expect(isOpen(s, 'phone', at('2026-12-25T15:00:00Z'), ny)).toBe(true);
    expect(isOpen(s, 'callback', at('2026-12-23T15:00:00Z'), ny)).toBe(true);
  });

  it('says null when nothing opens within four weeks', () => {
    expect(availability(schedule('Mo-Su off'), 'chat', at('2026-05-16T02:00:00Z'), 'UTC')).toEqual({ open: false, nextOpening: null, closesAt: null });
  });
});

describe('in the visitor’s words', () => {
  const ny = 'America/New_York';
  const reader = (zone: string, locale: string, language: Reader['language']): Reader => ({ zone, locale, language, words: HOURS_WORDS[language] });
  const friday = at('2026-03-06T23:00:00Z'); // Friday 18:00 in New York
  const monday = at('2026-03-09T13:00:00Z'); // Monday 09:00 EDT

  it('says the day, the time and "your time" only when the clocks differ', () => {
    expect(formatBack(monday, friday, reader(ny, 'en-GB', 'en'), ny)).toBe('back Monday 09:00');
    expect(formatBack(monday, friday, reader('Europe/Paris', 'en-GB', 'en'), ny)).toBe('back Monday 14:00 your time');
    expect(formatBack(monday, friday, reader('Europe/Paris', 'fr-FR', 'fr'), ny)).toBe('ouvre lundi à 14:00 (votre heure)');
    expect(formatBack(monday, friday, reader('Europe/Berlin', 'de-DE', 'de'), ny)).toBe('öffnet Montag um 14:00 (Ihre Zeit)');
    expect(formatBack(monday, friday, reader('Europe/Madrid', 'es-ES', 'es'), ny)).toBe('abre el lunes a las 14:00 (su hora)');
    // Toronto shares New York's clock: no "your time".
    expect(formatBack(monday, friday, reader('America/Toronto', 'en-CA', 'en'), ny)).not.toContain('your time');
  });

  it('says today and tomorrow in the visitor’s own calendar', () => {
    const r = reader(ny, 'en-GB', 'en');
    expect(formatBack(at('2026-03-06T14:00:00Z'), at('2026-03-06T12:00:00Z'), r, ny)).toBe('back today 09:00');
    expect(formatBack(at('2026-03-07T15:00:00Z'), friday, r, ny)).toBe('back tomorrow 10:00');
    // 18:00 Friday in New York is already Saturday in Sydney.
    const sydney = reader('Australia/Sydney', 'en-AU', 'en');
    expect(localTime('Australia/Sydney', friday).day).toBe(dateToDay('2026-03-07'));
    expect(formatBack(monday, friday, sydney, ny)).toMatch(/^back Tuesday 12:00 am your time$/i);
    expect(formatBack(at('2026-04-01T13:00:00Z'), friday, r, ny)).toBe('back Wednesday 1 April 09:00');
    expect(formatUntil(at('2026-03-06T22:00:00Z'), at('2026-03-06T20:00:00Z'), r)).toBe('until 17:00');
    expect(formatUntil(at('2026-03-07T07:00:00Z'), at('2026-03-06T20:00:00Z'), r)).toBe('until tomorrow 02:00');
  });

  it('shows a slot and a week', () => {
    expect(formatSlot({ from: monday, to: monday + 30 * 60_000 }, friday, reader(ny, 'en-GB', 'en'))).toEqual({ day: 'Monday', time: '09:00–09:30' });
    // On a 12-hour clock the range says AM or PM once, unless it crosses noon.
    const us = reader(ny, 'en-US', 'en');
    const spaces = (text: string): string => text.replace(/[\u2009\u202f]/g, ' ');
    expect(spaces(formatSlot({ from: monday, to: monday + 30 * 60_000 }, friday, us).time)).toBe('9:00 – 9:30 AM');
    const noon = monday + 150 * 60_000;
    expect(spaces(formatSlot({ from: noon, to: noon + 30 * 60_000 }, friday, us).time)).toBe('11:30 AM – 12:00 PM');
    // A slot that ends at midnight is two times, not two dates and times too wide for a phone.
    const late = monday + 14.5 * 3_600_000;
    expect(formatSlot({ from: late, to: late + 30 * 60_000 }, friday, reader(ny, 'en-GB', 'en')).time).toBe('23:30–00:00');
    expect(spaces(formatSlot({ from: late, to: late + 30 * 60_000 }, friday, us).time)).toBe('11:30 PM–12:00 AM');
    expect(describeWeek(schedule(`${OFFICE}; Su 11:00-12:00,13:00-15:00`).chat!, 'en-GB')).toEqual([
      { days: 'Mon–Fri', times: '09:00–17:00' },
      { days: 'Sat', times: '10:00–14:00' },
      { days: 'Sun', times: '11:00–12:00, 13:00–15:00' },
    ]);
  });
});

describe('describeDates', () => {
  it('tells the holidays and short days of the next two weeks, soonest first, in the business’s zone', () => {
    const rules = schedule('Mo-Fr 09:00-17:00; 2026-12-25 off; 2026-12-24 09:00-12:00; 2026-12-31 09:00-12:00,13:00-15:00; 2027-01-20 off; 2026-12-01 off').chat!;
    // Thursday 17 December, 20:00 in New York (already the 18th in UTC).
    const now = at('2026-12-18T01:00:00Z');
    expect(describeDates(rules, 'America/New_York', now, 'en-GB')).toEqual([
      { day: 'Thu 24 Dec', times: '09:00–12:00' },
      { day: 'Fri 25 Dec', times: null },
      { day: 'Thu 31 Dec', times: '09:00–12:00, 13:00–15:00' },
    ]);
    expect(describeDates(rules, 'America/New_York', at('2027-01-21T12:00:00Z'), 'en-GB')).toEqual([]);
  });
});
