import { describe, expect, it } from 'vitest';
import { byBookedTime, callbackDue, cutSection, NEWEST_KEPT, phoneRefsExpireBefore, waitingCount } from './queue-rules';

const window = (from: string) => ({ phone: '+1 555 0100', from, to: new Date(Date.parse(from) + 1_800_000).toISOString() });

describe('phone references', () => {
  it('expire at the end of the business day they were given, in its zone', () => {
    // 10:00 in New York (UTC-5 in March before DST): today began at 05:00 UTC.
    expect(new Date(phoneRefsExpireBefore(Date.parse('2025-03-01T15:00:00Z'), 'America/New_York')).toISOString()).toBe('2025-03-01T05:00:00.000Z');
    // 01:00 UTC is still the evening before in New York.
    expect(new Date(phoneRefsExpireBefore(Date.parse('2025-03-02T01:00:00Z'), 'America/New_York')).toISOString()).toBe('2025-03-01T05:00:00.000Z');
    expect(new Date(phoneRefsExpireBefore(Date.parse('2025-03-02T01:00:00Z'), 'UTC')).toISOString()).toBe('2025-03-02T00:00:00.000Z');
  });
});

describe('callbacks', () => {
  it('are due from the start of their booked window, and listed by booked time', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    expect(callbackDue(window('2025-03-01T10:00:00Z'), now)).toBe(true);
    expect(callbackDue(window('2025-03-01T10:30:00Z'), now)).toBe(false);
    // Offsets differ: compared as instants, not as text.
    const later = { callback: window('2025-03-01T11:00:00+01:00'), createdAt: '2025-03-01T08:00:00Z' }; // 10:00Z
    const sooner = { callback: window('2025-03-01T09:30:00Z'), createdAt: '2025-03-01T09:00:00Z' };
    expect(byBookedTime([later, sooner])).toEqual([sooner, later]);
  });

  it('count as waiting only when due and nobody has taken them; chats count when queued', () => {
    const now = Date.parse('2025-03-01T10:00:00Z');
    const callbacks = [
      { status: 'queued' as const, callbackWindow: window('2025-03-01T09:30:00Z') },
      { status: 'active' as const, callbackWindow: window('2025-03-01T09:30:00Z') },
      { status: 'queued' as const, callbackWindow: window('2025-03-01T12:00:00Z') },
    ];
    expect(waitingCount(2, callbacks, now)).toBe(3);
  });
});

describe('cutSection', () => {
  const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

  it('lists every row when they fit', () => {
    expect(cutSection(rows(3), [...rows(3)].reverse(), 3, 500)).toEqual({ rows: rows(3), total: 3, gap: null });
  });

  it('keeps the longest waiting and the newest when cut, and says how many were left out', () => {
    const all = rows(521);
    const cut = cutSection(all.slice(0, 500), [...all].reverse().slice(0, 500), 521, 500);
    expect(cut.rows).toHaveLength(500);
    expect(cut.rows.at(-1)).toEqual({ id: '520' }); // the newest visitor is listed
    expect(cut.rows[0]).toEqual({ id: '0' }); // and the one waiting longest
    expect(cut.gap).toEqual({ after: 500 - NEWEST_KEPT, left: 21 });
    expect(cut.rows.slice(500 - NEWEST_KEPT).map((r) => r.id)).toEqual(all.slice(-NEWEST_KEPT).map((r) => r.id));
  });
});
