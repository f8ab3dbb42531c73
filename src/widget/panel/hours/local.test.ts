import { beforeAll, describe, expect, it } from 'vitest';
import { readerFor } from './local';
import { hoursWords, loadWords } from './words';
import { DEFAULT_SETTINGS } from '../../settings';

describe('readerFor', () => {
  beforeAll(() => Promise.all((['pt', 'pl', 'nl'] as const).map((language) => loadWords(language))));

  it('writes times in the locale of the visitor’s language, region included when a tag gives it', () => {
    expect(readerFor({ ...DEFAULT_SETTINGS, locale: 'pt-PT' }, 'pt').locale).toBe('pt-PT');
    expect(readerFor({ ...DEFAULT_SETTINGS, locale: 'fr-CA' }, 'pl').locale).toBe('pl');
  });

  it('says hours in the site’s own words where it gave them (hours.open...), the widget’s elsewhere', () => {
    const reader = readerFor({ ...DEFAULT_SETTINGS, strings: { nl: { 'hours.open': 'Wij zijn er', 'hours.nope': 'x' } } }, 'nl');
    expect(reader.words).toMatchObject({ open: 'Wij zijn er', closed: 'Gesloten', today: 'vandaag' });
  });
});

describe('the hours words, a chunk per language', () => {
  it('are fetched for the visitor’s language only, and said in it', async () => {
    expect(() => hoursWords('ja')).toThrow(/not loaded/);
    await loadWords('ja');
    expect(hoursWords('ja').open).toBe('受付中');
    expect(() => hoursWords('zh')).toThrow(/not loaded/);
  });
});
