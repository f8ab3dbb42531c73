import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './build-index';
import { loadSearchIndex, MIN_CONFIDENCE } from './index';
import { serializeIndex } from './serialize';
import { languageOf, stem, type SearchLanguage } from './language';
import './languages/all';
import { fold, queryTerms, stripMarkdown } from './text';
import type { Article } from './types';

const articles: Article[] = [
  { id: 'refunds', title: 'How do I get a refund?', body: 'Refunds go back to the original payment method within 5 days.', tags: ['refunds', 'payments'], keywords: ['money back'] },
  { id: 'returns', title: 'How do I return an item?', body: 'Start a return from your account. A refund follows once we receive it.', tags: ['returns'] },
  { id: 'track', title: 'Where is my order?', body: 'Track your order with the link in your confirmation e-mail.', tags: ['delivery', 'orders'], keywords: ['tracking', 'parcel'] },
  { id: 'battery', title: 'My e-bike battery will not charge', body: '## Check the charger\n\nMake sure the **charger** light is green.', tags: ['e-bike', 'battery'] },
  { id: 'cafe', title: 'Café opening hours', body: 'Our café is open daily.', tags: ['café'] },
  { id: 'password', title: 'Reset your password', body: 'Use *Forgot password* on the sign-in page.', tags: ['account'] },
];
const index = createSearchIndex(articles);
const ids = (query: string) => index.search(query).map((r) => r.id);

describe('createSearchIndex', () => {
  it('finds the refund article despite a typo', () => {
    expect(ids('refnud')[0]).toBe('refunds');
  });

  it('ranks a title match above a body match', () => {
    expect(ids('refund')[0]).toBe('refunds');
    expect(ids('refund returns')).toEqual(['returns', 'refunds']);
  });

  it('scores multi-word questions on their meaningful words', () => {
    expect(ids('how do I get my money back')[0]).toBe('refunds');
    expect(ids('where is my parcel??')[0]).toBe('track');
    expect(ids('battery wont charge')[0]).toBe('battery');
  });

  it('ignores case and accents on both sides', () => {
    expect(ids('CAFE')[0]).toBe('cafe');
    expect(ids('café')[0]).toBe('cafe');
  });

  it('returns nothing for gibberish or an empty query', () => {
    expect(ids('xylophone quantum')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('   ?!  ')).toEqual([]);
  });

  it('reports title ranges in the original title for highlighting', () => {
    const [first] = index.search('refund');
    expect(first?.id).toBe('refunds');
    const [[start, end]] = first!.titleRanges as [[number, number]];
    expect(first!.article.title.slice(start, end + 1).toLowerCase()).toBe('refund');
  });

  it('gives scores from 0 (best) to 1, best first', () => {
    const results = index.search('order tracking');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
    expect([...results].sort((a, b) => a.score - b.score)).toEqual(results);
  });

  it('respects the limit and finds articles by id', () => {
    expect(index.search('how', 1).length).toBeLessThanOrEqual(1);
    expect(index.get('battery')?.title).toContain('battery');
    expect(index.get('nope')).toBeUndefined();
  });

  it('completes the word being typed, and only then', () => {
    expect(index.search('passw', 5, { typing: true })[0]?.id).toBe('password');
    expect(index.search('batt', 5, { typing: true })[0]?.id).toBe('battery');
    expect(index.search('passw ', 5, { typing: true })).toEqual([]);
  });

  it('says it has no good answer rather than offering unrelated articles', () => {
    // "order" matches, but most of the question is about something no article covers.
    expect(ids('can you recommend a restaurant for dinner with my family tonight and order wine')).toEqual([]);
    for (const r of index.search('refund')) expect(1 - r.score).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(createSearchIndex(articles, { minConfidence: 0.99 }).search('refund policy details')).toEqual([]);
  });

  it('learns phrasings: a past question finds its article though no word of it is in the article', () => {
    const learned = index.withPhrasings([{ articleId: 'track', queries: ['my stuff never showed up'] }, { articleId: 'gone', queries: ['x'] }]);
    expect(ids('stuff never showed up')).toEqual([]);
    expect(learned.search('my stuff still never showed up')[0]?.id).toBe('track');
    // The article index is shared, the original is unchanged.
    expect(learned.articles).toBe(index.articles);
    expect(index.search('stuff never showed up')).toEqual([]);
  });

  it('matches site-owner synonyms either way', () => {
    const synonyms = createSearchIndex(articles, { synonyms: [['parcel', 'package'], ['charger', 'power adapter']] });
    expect(synonyms.search('package')[0]?.id).toBe('track');
    expect(synonyms.search('power adapter')[0]?.id).toBe('battery');
  });

  it('finds everyday words of the same meaning, below the word itself', () => {
    const bank = createSearchIndex([
      { id: 'atm', title: 'Taking cash out at a cash machine', body: 'Withdraw cash with your card and PIN.' },
      { id: 'send', title: 'Sending money to a friend', body: 'Send money from the app.' },
      { id: 'fees', title: 'Our fees', body: 'What each card payment costs you.' },
    ]);
    const found = (q: string) => bank.search(q).map((r) => r.id);
    // "money" is in "send", its everyday equivalent "cash" in "atm": both found, the word itself first.
    expect(found('money')).toEqual(['send', 'atm']);
    expect(found('cash')).toEqual(['atm', 'send']);
    // "charge" is written "fees" and "costs" there.
    expect(found('why was I charged')[0]).toBe('fees');
    // A related word never weighs more than the word itself, however rare it is here.
    const shop = createSearchIndex([
      { id: 'where', title: 'Where is my order?', body: 'Track an order.' },
      { id: 'gift', title: 'Gift cards to purchase', body: 'Purchase a gift card.' },
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, title: `Topic ${id}`, body: `Topic ${id} of your order, at length, about many other things said here.` })),
    ]);
    expect(shop.search('where is my order')[0]?.id).toBe('where');
    expect(shop.search('purchase')[0]?.id).toBe('gift');
    // A typo's guess does not bring related words of the guess: "mony" is "money", not "cash" too.
    expect(found('mony')).toEqual(['send']);
    const en = languageOf('en');
    expect(en.relatives.get(stem('refund', en))).toContain(stem('reimburse', en));
  });

  it('reads a long message by its rarest words, but not by one word alone', () => {
    // Nine words of chatter around two that matter still find the article.
    expect(ids('hello, I tried five times since monday morning and my e-bike battery still will not charge at all')[0]).toBe('battery');
    // One article word in a long question about something else is a coincidence.
    expect(ids('which restaurant near the station serves dinner late with wine for my order of friends')).toEqual([]);
  });

  it('answers a long question by one word of it when that word is rare among the articles', () => {
    const many = createSearchIndex([
      { id: 'beneficiary', title: 'Beneficiaries', body: 'The people and companies you pay.' },
      ...Array.from({ length: 30 }, (_, i) => ({ id: `topic-${i}`, title: `Topic ${i}`, body: 'Words about nothing in particular.' })),
    ]);
    expect(many.search('tried five times this week from two phones, the beneficiary fails')[0]?.id).toBe('beneficiary');
    // A word as common among the articles as one they do not know says nothing on its own.
    expect(many.search('tried five times this week from two phones, the topic fails')).toEqual([]);
  });

  it('serializes and loads to the same answers, and refuses a stale index', () => {
    const learned = index.withPhrasings([{ articleId: 'track', queries: ['my stuff never showed up'] }]);
    const json = JSON.parse(JSON.stringify(serializeIndex(learned))) as unknown;
    const loaded = loadSearchIndex(json, articles);
    expect(loaded).not.toBeNull();
    for (const q of ['refnud', 'where is my parcel', 'battery wont charge', 'stuff never showed up', 'café']) {
      expect(loaded!.search(q).map((r) => r.id)).toEqual(learned.search(q).map((r) => r.id));
    }
    const edited = articles.map((a) => (a.id === 'cafe' ? { ...a, body: 'Closed for good.' } : a));
    expect(loadSearchIndex(json, edited)).toBeNull();
    expect(loadSearchIndex({ ...(json as object), version: 99 }, articles)).toBeNull();
    expect(loadSearchIndex('nonsense', articles)).toBeNull();
  });

  it('stays usable for very long queries', () => {
    const long = 'refund '.repeat(500);
    expect(ids(long)[0]).toBe('refunds');
  });
});

describe('text helpers', () => {
  it('strips Markdown to plain text', () => {
    expect(stripMarkdown('## Title\n\n- **bold** and [a link](https://x.y)\n\n```\ncode\n```')).toBe('Title bold and a link');
  });
  it('folds case and accents without changing length', () => {
    expect(fold('Éclair Café')).toBe('eclair cafe');
    expect(fold('Straße')).toHaveLength('Straße'.length);
  });
  it('drops stop words and reduces words to stems', () => {
    expect(queryTerms('How do I get a refund?')).toEqual(['refund']);
    expect(queryTerms("I'm still waiting on my cards, they haven't arrived")).toEqual(['wait', 'card', 'arriv']);
    expect(queryTerms('how do i')).toEqual([]);
    expect(queryTerms("Où est l'adresse de livraison ?", 'fr')).toEqual(['adres', 'livraison']);
  });
  it('stems the forms people type to one word', () => {
    const same = (lang: SearchLanguage, ...words: string[]) => expect(new Set(words.map((w) => stem(w, languageOf(lang)))).size).toBe(1);
    same('en', 'charge', 'charges', 'charged', 'charging');
    same('en', 'verify', 'verified', 'verifies', 'verification');
    same('en', 'withdrawal', 'withdrawals', 'withdrawing');
    same('en', 'transfer', 'transfers', 'transferred', 'transferring');
    same('fr', 'livraison', 'livraisons');
    same('de', 'Lieferung'.toLowerCase(), 'lieferungen');
    same('es', 'tarjeta', 'tarjetas');
    const en = languageOf('en');
    expect(stem('status', en)).toBe('status');
    expect(stem('app', en)).not.toBe(stem('apply', en));
  });
});
