import { describe, expect, it, vi } from 'vitest';
import { isKnownTimeZone } from './time-zone';

describe('isKnownTimeZone', () => {
  it('knows a canonical zone from the list, without building a DateTimeFormat', () => {
    const DateTimeFormat = vi.fn();
    const intl = { supportedValuesOf: () => ['America/New_York', 'Europe/Paris'], DateTimeFormat } as unknown as typeof Intl;
    expect(isKnownTimeZone('Europe/Paris', intl)).toBe(true);
    expect(DateTimeFormat).not.toHaveBeenCalled();
  });

  it('tries a name missing from the list with DateTimeFormat (aliases, other spellings)', () => {
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('US/Eastern')).toBe(true);
    expect(isKnownTimeZone('america/new_york')).toBe(true);
    expect(isKnownTimeZone('America/New_York')).toBe(true);
  });

  it('refuses a zone the engine does not know', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('works in an engine without Intl.supportedValuesOf', () => {
    const intl = { DateTimeFormat: Intl.DateTimeFormat } as unknown as typeof Intl;
    expect(isKnownTimeZone('Europe/Paris', intl)).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons', intl)).toBe(false);
  });
});
