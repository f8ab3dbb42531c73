import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, candidateSlots, listSlots, parseHours, SLOTS_LISTED_MAX, wallToInstant } from '.';
import { dateToDay } from './zone';

const NY = 'America/New_York';
const at = (date: string, minutes: number): number => wallToInstant(NY, dateToDay(date), minutes);
const wall = (t: number): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: NY, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(t);

describe('listSlots', () => {
  const office = parseHours('Mo-Fr 09:00-17:00; Sa 10:00-14:00').schedule;

  it('offers every free slot of the first three days that have one, in the business’s zone', () => {
    // Friday 15:40: the last two of Friday, then Saturday's eight, then Monday's sixteen.
    const now = at('2026-11-20', 15 * 60 + 40);
    const listed = listSlots(candidateSlots(office, NY, now, { slotMinutes: 30 }), NY);
    expect(listed).toHaveLength(2 + 8 + 16);
    expect(wall(listed[0]!.from)).toBe('2026-11-20, 16:00'); // 15 minutes ahead at least
    expect(wall(listed[2]!.from)).toBe('2026-11-21, 10:00');
    expect(wall(listed.at(-1)!.from)).toBe('2026-11-23, 16:30');
  });

  it('takes ISO times as the server and the widget hold them', () => {
    const now = at('2026-11-23', 9 * 60);
    const iso = candidateSlots(office, NY, now, { slotMinutes: 30 }).map((s) => ({ from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() }));
    const listed = listSlots(iso, NY);
    expect(listed).toHaveLength(15 + 16 + 16); // 09:15 lead: from 09:30 on Monday, then Tuesday and Wednesday
    expect(listed[0]).toEqual({ from: '2026-11-23T14:30:00.000Z', to: '2026-11-23T15:00:00.000Z' });
  });

  it('never lists more than the cap (an always-open line has 48 slots a day)', () => {
    const listed = listSlots(candidateSlots(ALWAYS_OPEN, NY, at('2026-11-23', 0), { slotMinutes: 30 }), NY);
    expect(listed).toHaveLength(SLOTS_LISTED_MAX);
  });

  it('lists nothing when nothing is free', () => {
    expect(listSlots([], NY)).toEqual([]);
  });
});
