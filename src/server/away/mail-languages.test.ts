/**
 * The visitor's mails in every language: every line translated (see src/widget/i18n/packs.test.ts
 * for the rule and for AWAITING, the languages other branches bring), days in plural forms.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../../protocol/languages';
import { languageOf, WORDS as AWAY } from './mail';
import { WORDS as TRANSCRIPT } from './transcript-mail';

const AWAITING = new Set<Language>([]);
/** Rightly the same as English: "Support" in French and German. */
const SAME: Partial<Record<Language, string[]>> = { fr: ['support'], de: ['support'] };

const lines = (words: object): Map<string, string> =>
  new Map(Object.entries(words).map(([key, v]) => [key, typeof v === 'function' ? String(v(7)) : String(v)]));

describe.each(LANGUAGES.filter((l) => l !== 'en'))('%s', (language) => {
  (AWAITING.has(language) ? it.fails : it)('has every line of both mails, none left in English', () => {
    for (const words of [AWAY, TRANSCRIPT]) {
      const english = lines(words.en);
      const own = lines(words[language]);
      expect([...own.keys()]).toEqual([...english.keys()]);
      const same = new Set(SAME[language] ?? []);
      expect([...own].filter(([k, v]) => !v.trim() || (!same.has(k) && v === english.get(k))).map(([k]) => k)).toEqual([]);
    }
  });
});

describe('the visitor mails', () => {
  it('pick the nearest language of the tag the widget sent', () => {
    expect(['pt-BR', 'pl-PL', 'nl-BE', 'it', 'zh-TW', 'zh-HK', 'zh-Hant', 'zh-CN', 'nb', undefined].map(languageOf)).toEqual(['pt', 'pl', 'nl', 'it', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'zh', 'en', 'en']);
  });
  it('say how many days a link lasts in the language’s plural forms', () => {
    expect([1, 2, 5, 22].map((n) => AWAY.pl.lasts(n).match(/przez (.*)\.$/)![1])).toEqual(['1 dzień', '2 dni', '5 dni', '22 dni']);
    expect(AWAY.en.lasts(1)).toMatch(/for 1 day\.$/);
    expect(AWAY.it.lasts(7)).toMatch(/per 7 giorni\.$/);
  });
});
