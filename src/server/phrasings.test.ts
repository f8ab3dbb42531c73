import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol/types';
import { articleTitleIn, learnablePhrasings, normalizePhrasing, skipReason, tidyPhrasing } from './phrasings';

const AT = '2025-03-01T10:00:00Z';
const search = (query: string): TranscriptEntry => ({ type: 'search', at: AT, query, resultCount: 1, topIds: [] });

describe('phrasing rules', () => {
  it('keeps the visitor’s words, tidied, and keys them without case, accents or punctuation', () => {
    expect(tidyPhrasing('  Where   is\tmy card? ')).toBe('Where is my card?');
    expect(normalizePhrasing('Where is my card?')).toBe('where is my card');
    expect(normalizePhrasing('¿Dónde está mi TARJETA?!')).toBe('donde esta mi tarjeta');
    expect(normalizePhrasing("Don't  charge—me twice")).toBe('dont charge me twice');
  });

  it.each([
    ['', 'empty'],
    ['ok', 'too_short'],
    ['a1 b2 33', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['refund for ada@example.com', 'personal_data'],
    ['order 12345678 late', 'personal_data'],
    ['call me on +1 800 555 0199', 'personal_data'],
    ['call 555-0199-12', 'personal_data'],
  ])('skips %j (%s)', (text, reason) => {
    expect(skipReason(text)).toBe(reason);
  });

  it.each(['card', 'order 123456 late', 'top up in 2 days', 'x'.repeat(200), 'où est ma carte'])('learns %j', (text) => {
    expect(skipReason(text)).toBeNull();
  });

  it('takes every search of a transcript once, in order, and nothing else', () => {
    const transcript: TranscriptEntry[] = [
      { type: 'page', at: AT, url: 'https://shop.example.com/', title: 'Home' },
      search('Where is my card?'),
      search('where is  my card'),
      { type: 'article', at: AT, articleId: 'card-arrival', title: 'When will my card arrive?' },
      search('me@example.com'),
      search('hi'),
      search('card not arrived'),
    ];
    expect(learnablePhrasings(transcript)).toEqual([
      { text: 'Where is my card?', key: 'where is my card' },
      { text: 'card not arrived', key: 'card not arrived' },
    ]);
    expect(articleTitleIn(transcript, 'card-arrival')).toBe('When will my card arrive?');
    expect(articleTitleIn(transcript, 'refunds')).toBeNull();
  });
});
