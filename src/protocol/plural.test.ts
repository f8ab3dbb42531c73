import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('picks the form Intl.PluralRules names, with the number in that language', () => {
    const en = { one: '# article', other: '# articles' };
    expect([0, 1, 2, 5, 22].map((n) => plural('en', n, en))).toEqual(['0 articles', '1 article', '2 articles', '5 articles', '22 articles']);
    const pl = { one: '# artykuł', few: '# artykuły', many: '# artykułów', other: '# artykułu' };
    expect([0, 1, 2, 5, 22, 25].map((n) => plural('pl', n, pl))).toEqual(['0 artykułów', '1 artykuł', '2 artykuły', '5 artykułów', '22 artykuły', '25 artykułów']);
    expect(plural('fr', 0, { one: '# article', other: '# articles' })).toBe('0 article');
    expect(plural('de', 12345, { one: '# Artikel', other: '# Artikel' })).toBe('12.345 Artikel');
  });
  it('falls back to other when a language has no form of its own for a category', () => {
    expect(plural('ja', 3, { other: '# 件' })).toBe('3 件');
  });
});
