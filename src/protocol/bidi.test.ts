import { describe, expect, it } from 'vitest';
import { directionOf, isolate, ltr, oneLine } from './bidi';
import { LANGUAGES } from './languages';

describe('directionOf', () => {
  it('reads Arabic and Hebrew right to left, every other language left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('he')).toBe('rtl');
    for (const l of LANGUAGES.filter((l) => l !== 'ar' && l !== 'he')) expect(directionOf(l)).toBe('ltr');
  });
});

describe('oneLine', () => {
  it('keeps a time range on one line: no break at its spaces or after its dash', () => {
    expect(oneLine('غدًا، 9:00–9:30 ص')).toBe('غدًا،\u00a09:00–\u20609:30\u00a0ص');
  });
});

describe('isolate and ltr', () => {
  it('wrap a value in a first-strong isolate, so "Where is my order?" keeps its question mark at its end', () => {
    expect(isolate('Where is my order?')).toBe('\u2068Where is my order?\u2069');
  });
  it('force a phone number or a reference left to right inside any sentence', () => {
    expect(ltr('+1 800 555 0199')).toBe('\u2066+1\u00a0800\u00a0555\u00a00199\u2069');
    expect(`اتصل بنا على ${ltr('+1 800')}`).toContain('\u2066+1\u00a0800\u2069');
  });
});
