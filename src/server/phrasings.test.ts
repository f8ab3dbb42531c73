import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol/types';
import {
  articleTitleIn,
  chosenPhrasings,
  isAbout,
  articleTerms,
  isServed,
  learningCandidates,
  normalizePhrasing,
  skipReason,
  tidyPhrasing,
  toHistory,
  type ArticleText,
} from './phrasings';
import type { PhrasingRecord } from './store/types';

const AT = '2025-03-01T10:00:00Z';
const search = (query: string): TranscriptEntry => ({ type: 'search', at: AT, query, resultCount: 1, topIds: [] });

const REFUNDS: ArticleText = {
  title: 'How do I get a refund?',
  tags: ['refunds', 'returns', 'payments'],
  keywords: ['money back', 'reimbursement', 'refund status'],
  body: 'You can get a refund for anything you **return** within 30 days of delivery. We pay the money back to your card.',
  lang: 'en',
};

let nextId = 1;
const phrasing = (text: string, extra: Partial<PhrasingRecord> = {}): PhrasingRecord => ({
  id: String(nextId++),
  articleId: 'refunds',
  text,
  key: normalizePhrasing(text),
  count: 1,
  firstLearnedAt: AT,
  lastLearnedAt: AT,
  handoffId: null,
  handoffRef: null,
  removedAt: null,
  removedBy: null,
  confirmedAt: null,
  confirmedBy: null,
  ...extra,
});

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
    ['order 123456 late', 'personal_data'],
    ['call me on +1 800 555 0199', 'personal_data'],
    ['my name is Ada Lovelace, 12 High Street', 'personal_data'],
    ['refund to card ending 4242', 'personal_data'],
  ])('never learns %j (%s)', (text, reason) => {
    expect(skipReason(text)).toBe(reason);
  });

  it.each(['card', 'top up in 2 days', 'x'.repeat(200), 'où est ma carte'])('may learn %j', (text) => {
    expect(skipReason(text)).toBeNull();
  });
});

describe('is a search about the article?', () => {
  const words = articleTerms(REFUNDS);
  it.each([
    ['How do I get a refund?', true],
    ['refunds', true],
    ['when do I get my money back', true], // keywords
    ['reimbursement for a helmet', true], // half its words: reimburs, helmet
    ['refund karaoke', true],
    ['card refund', true], // card: the body; refund: the title
    ['karaoke delivery', false], // half, but only a word the body happens to use
    ['card delivery', false], // both words of the body only
    ['karaoke song lyrics', false],
    ['karaoke song refund', false], // one word in three
    ['how do I', false], // only stop words: says nothing
    ['refnd', false], // a typo: the agent may tick it
  ])('%j: %s', (text, about) => {
    expect(isAbout(text, 'en', words)).toBe(about);
  });

  it('takes the article’s synonyms as search does', () => {
    expect(isAbout('cashback please', 'en', articleTerms(REFUNDS))).toBe(false);
    expect(isAbout('cashback please', 'en', articleTerms({ ...REFUNDS, synonyms: [['refund', 'cashback']] }))).toBe(true);
  });
});

describe('learning candidates', () => {
  const transcript: TranscriptEntry[] = [
    { type: 'page', at: AT, url: 'https://shop.example.com/', title: 'Home' },
    search('How do I get a refund?'),
    search('how do i get a REFUND'),
    search('karaoke song lyrics'),
    search('refund for order 482913'),
    search('my name is Ada Lovelace, 12 High Street'),
    { type: 'article', at: AT, articleId: 'refunds', title: 'How do I get a refund?' },
    search('ok'),
    search('money back for broken bell'),
  ];

  it('offers each search once, ticked only when it is about the article; personal data never learnable', () => {
    expect(learningCandidates(transcript, REFUNDS, []).map(({ text, suggested, learnable, reason, personal }) => ({ text, suggested, learnable, reason, personal }))).toEqual([
      { text: 'How do I get a refund?', suggested: true, learnable: true, reason: 'about', personal: null },
      { text: 'karaoke song lyrics', suggested: false, learnable: true, reason: 'not_about', personal: null },
      { text: 'refund for order 482913', suggested: false, learnable: false, reason: 'personal_data', personal: 'reference' },
      { text: 'my name is Ada Lovelace, 12 High Street', suggested: false, learnable: false, reason: 'personal_data', personal: 'name' },
      { text: 'ok', suggested: false, learnable: false, reason: 'too_short', personal: null },
      { text: 'money back for broken bell', suggested: true, learnable: true, reason: 'about', personal: null },
    ]);
  });

  it('says which are known already, and never offers a removed one again', () => {
    const existing = [
      phrasing('How do I get a refund?'),
      phrasing('money back for broken bell', { removedAt: AT }),
      phrasing('karaoke song lyrics', { count: 2 }),
    ];
    const byText = new Map(learningCandidates(transcript, REFUNDS, existing).map((c) => [c.text, c]));
    expect(byText.get('How do I get a refund?')).toMatchObject({ known: 'pending', suggested: true });
    expect(byText.get('money back for broken bell')).toMatchObject({ known: null, learnable: false, reason: 'removed' });
    // A served phrasing vouches for its words: the same search again is about the article.
    expect(byText.get('karaoke song lyrics')).toMatchObject({ known: 'served', suggested: true, reason: 'about' });
  });

  it('without the article’s text, only served phrasings make a search about it; the agent’s tick is the only other way', () => {
    const unknown = learningCandidates([search('refund late'), search('late refund please')], null, []);
    expect(unknown.map((c) => [c.reason, c.suggested, c.learnable])).toEqual([
      ['article_unknown', false, true],
      ['article_unknown', false, true],
    ]);
    const vouched = learningCandidates([search('late refund please')], null, [phrasing('refund late', { confirmedAt: AT })]);
    expect(vouched[0]).toMatchObject({ reason: 'about', suggested: true });
  });

  it('learns what the agent ticked, re-checked; without a choice, the suggested ones', () => {
    const candidates = learningCandidates(transcript, REFUNDS, []);
    expect(chosenPhrasings(candidates, undefined)).toEqual({
      ok: true,
      learn: [
        { text: 'How do I get a refund?', key: 'how do i get a refund' },
        { text: 'money back for broken bell', key: 'money back for broken bell' },
      ],
    });
    // The agent may teach one not about the article, in the words as offered (any spelling of its key).
    expect(chosenPhrasings(candidates, ['KARAOKE song lyrics!', 'karaoke song lyrics'])).toEqual({
      ok: true,
      learn: [{ text: 'karaoke song lyrics', key: 'karaoke song lyrics' }],
    });
    expect(chosenPhrasings(candidates, [])).toEqual({ ok: true, learn: [] });
    expect(chosenPhrasings(candidates, ['refunds', 'my name is Ada Lovelace, 12 High Street'])).toEqual({
      ok: false,
      index: 0,
      error: 'is not one of this visitor’s searches',
    });
    expect(chosenPhrasings(candidates, ['How do I get a refund?', 'refund for order 482913'])).toEqual({
      ok: false,
      index: 1,
      error: 'looks like personal data and is never learned',
    });
    expect(chosenPhrasings(candidates, ['ok'])).toMatchObject({ ok: false, error: 'has fewer than 3 letters and is never learned' });
  });

  it('finds the title the visitor saw', () => {
    expect(articleTitleIn(transcript, 'refunds')).toBe('How do I get a refund?');
    expect(articleTitleIn(transcript, 'returns')).toBeNull();
  });
});

describe('what is served', () => {
  it('serves a phrasing taught by two handoffs or confirmed by an agent, never a removed one', () => {
    expect(isServed(phrasing('refund late'))).toBe(false);
    expect(isServed(phrasing('refund late', { count: 2 }))).toBe(true);
    expect(isServed(phrasing('refund late', { confirmedAt: AT }))).toBe(true);
    expect(isServed(phrasing('refund late', { count: 3, confirmedAt: AT, removedAt: AT }))).toBe(false);
  });

  it('gives out served phrasings only (pending ones on request), and never personal data from an older database', () => {
    const records = [
      phrasing('refund late', { count: 2 }),
      phrasing('refund status', { confirmedAt: AT }),
      phrasing('refund please'),
      phrasing('order 123456 refund', { count: 5 }),
      phrasing('refund gone', { count: 2, removedAt: AT }),
    ];
    expect(toHistory(records)).toEqual([{ articleId: 'refunds', queries: ['refund late', 'refund status'] }]);
    expect(toHistory(records, { pending: true })).toEqual([{ articleId: 'refunds', queries: ['refund late', 'refund status', 'refund please'] }]);
  });
});
