import { describe, expect, it } from 'vitest';
import { bookedTime, callbackTiming, summarizeSearches, zoneCity } from './queue-format';

describe('bookedTime', () => {
  const now = Date.parse('2025-03-01T10:00:00Z');
  it('says the agent’s time, and the business’s beside it when the clocks differ', () => {
    expect(bookedTime('2025-03-01T14:30:00Z', now, 'Europe/Paris', 'America/New_York', 'en-GB')).toBe(
      'Today 15:30 (your time) · 09:30 New York',
    );
    expect(bookedTime('2025-03-01T14:30:00Z', now, 'America/New_York', 'America/New_York', 'en-GB')).toBe('Today 09:30');
    expect(bookedTime('2025-03-02T09:00:00Z', now, 'UTC', 'UTC', 'en-GB')).toBe('Tomorrow 09:00');
  });
  it('names the business’s day when it is another one', () => {
    // 23:30 in Paris on the 1st is 18:30 the same day in New York.
    expect(bookedTime('2025-03-01T23:30:00Z', now, 'Europe/Paris', 'America/New_York', 'en-GB')).toBe(
      'Tomorrow 00:30 (your time) · Today 18:30 New York',
    );
  });
});

describe('callbackTiming', () => {
  const window = { from: '2025-03-01T10:00:00Z', to: '2025-03-01T10:30:00Z' };
  it('is booked before the window, due in it, overdue after', () => {
    expect(callbackTiming(window, Date.parse('2025-03-01T09:59:00Z'))).toBe('booked');
    expect(callbackTiming(window, Date.parse('2025-03-01T10:00:00Z'))).toBe('due');
    expect(callbackTiming(window, Date.parse('2025-03-01T10:30:00Z'))).toBe('overdue');
  });
});

describe('summarizeSearches', () => {
  it('keeps every search, counts repeats, and says how many more there are', () => {
    expect(summarizeSearches(['refund', 'Refund ', 'late  delivery', 'refund'])).toEqual({
      shown: [
        { text: 'refund', times: 3 },
        { text: 'late delivery', times: 1 },
      ],
      more: 0,
    });
    const many = summarizeSearches(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8']);
    expect(many.shown).toHaveLength(6);
    expect(many.more).toBe(2);
  });
  it('names a zone by its city', () => {
    expect(zoneCity('America/New_York')).toBe('New York');
    expect(zoneCity('UTC')).toBe('UTC');
  });
});
