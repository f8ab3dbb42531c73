/** The widget's way to a search table: a locale's nearest table, fetched once, and registered. */
import { describe, expect, it } from 'vitest';
import { languageOf, SEARCH_LANGUAGES } from './language';
import { loadSearchLanguage } from './language-load';
import { queryTerms } from './text';

describe('loadSearchLanguage', () => {
  it('loads each of the twelve tables, by a full locale too', async () => {
    for (const code of SEARCH_LANGUAGES) expect(await loadSearchLanguage(`${code}-XX`)).toBe(code);
    expect(await loadSearchLanguage('zh-Hans-CN')).toBe('zh');
    expect(await loadSearchLanguage('xx')).toBe('en');
    expect(languageOf('ja').code).toBe('ja');
    expect(languageOf('zh').code).toBe('zh');
  });

  it('Japanese and Chinese, from one chunk, keep their own stop words', async () => {
    await loadSearchLanguage('ja');
    await loadSearchLanguage('zh');
    expect(queryTerms('注文はどこですか', 'ja')).toEqual(['注文']);
    expect(queryTerms('我的订单在哪里', 'zh')).toEqual(['订单']);
  });
});
