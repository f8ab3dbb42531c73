import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol/transcript';
import {
  appendEntry,
  DEFAULT_LIMITS,
  maskCardNumbers,
  parseTranscript,
  summarizeTranscript,
  type SummaryStrings,
} from './transcript';
import { ENGLISH_SUMMARY } from './transcript-english';

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const page = (url: string, title = 'Page', s = 0): TranscriptEntry => ({ type: 'page', at: at(s), url, title });
const search = (query: string, s = 0, resultCount = 1, topIds: string[] = []): TranscriptEntry => ({
  type: 'search',
  at: at(s),
  query,
  resultCount,
  topIds,
});
const article = (articleId: string, title: string, s = 0): TranscriptEntry => ({ type: 'article', at: at(s), articleId, title });
const feedback = (articleId: string, helpful: boolean, s = 0): TranscriptEntry => ({ type: 'feedback', at: at(s), articleId, helpful });
const handoff = (channel: 'chat' | 'callback' | 'phone', s = 0): TranscriptEntry => ({ type: 'handoff', at: at(s), channel });

function appendAll(entries: TranscriptEntry[], limits = DEFAULT_LIMITS): TranscriptEntry[] {
  return entries.reduce<TranscriptEntry[]>((list, entry) => appendEntry(list, entry, limits), []);
}

describe('maskCardNumbers', () => {
  it.each([
    ['Visa', '4111111111111111', '••••••••••••1111'],
    ['Visa', '4242424242424242', '••••••••••••4242'],
    ['Mastercard', '5555555555554444', '••••••••••••4444'],
    ['Mastercard', '5105105105105100', '••••••••••••5100'],
    ['Amex', '378282246310005', '•••••••••••0005'],
    ['Discover', '6011111111111117', '••••••••••••1117'],
  ])('masks a %s test number, keeping its last four digits', (_brand, number, masked) => {
    expect(maskCardNumbers(number)).toBe(masked);
  });

  it('keeps spaces and dashes between groups', () => {
    expect(maskCardNumbers('4111 1111 1111 1111')).toBe('•••• •••• •••• 1111');
    expect(maskCardNumbers('4111-1111-1111-1111')).toBe('••••-••••-••••-1111');
    expect(maskCardNumbers('3782 822463 10005')).toBe('•••• •••••• •0005');
  });

  it('leaves numbers that fail the Luhn check alone', () => {
    expect(maskCardNumbers('4111111111111112')).toBe('4111111111111112');
    expect(maskCardNumbers('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
  });

  it('leaves phone numbers, order numbers and short numbers alone', () => {
    for (const text of ['+1 555-123-4567', '+44 20 7946 0958', 'order NW-123456', '12 items for 3 people', '2025-03-01']) {
      expect(maskCardNumbers(text)).toBe(text);
    }
  });

  it('does not treat runs longer than 19 digits or separated by two spaces as one card', () => {
    expect(maskCardNumbers('41111111111111111111')).toBe('41111111111111111111'); // 20 digits, no groups
    expect(maskCardNumbers('4111  1111  1111  1111')).toBe('4111  1111  1111  1111');
  });

  it('masks a number inside text and every number of a string', () => {
    expect(maskCardNumbers('my card 4111 1111 1111 1111 was charged twice')).toBe(
      'my card •••• •••• •••• 1111 was charged twice',
    );
    expect(maskCardNumbers('4242424242424242 or 5555-5555-5555-4444?')).toBe('••••••••••••4242 or ••••-••••-••••-4444?');
  });

  it('masks a card typed next to other numbers (an expiry, a date)', () => {
    expect(maskCardNumbers('4111 1111 1111 1111 12 27')).toContain('•••• •••• •••• 1111');
    expect(maskCardNumbers('2025-03-01 4111-1111-1111-1111')).toContain('••••-••••-••••-1111');
  });
});

describe('appendEntry', () => {
  it('returns a new list and never mutates the one given', () => {
    const list = Object.freeze([page('/a')]) as readonly TranscriptEntry[];
    const next = appendEntry(list, page('/b', 'B', 1));
    expect(next).not.toBe(list);
    expect(list).toHaveLength(1);
    expect(next.map((e) => e.type === 'page' && e.url)).toEqual(['/a', '/b']);
    expect(appendEntry(list, search('  '))).not.toBe(list);
  });

  it('masks card numbers in query, title and url', () => {
    const list = appendAll([
      search('charged 4111 1111 1111 1111'),
      page('/pay?card=4111111111111111', 'Card 4242424242424242', 20),
      article('cards', 'Is 5555555555554444 safe?', 21),
    ]);
    expect(JSON.stringify(list)).not.toMatch(/4111 1111|411111111111|424242424242|555555555555/);
    expect(list[0]).toMatchObject({ query: 'charged •••• •••• •••• 1111' });
    expect(list[1]).toMatchObject({ url: '/pay?card=••••••••••••1111', title: 'Card ••••••••••••4242' });
    expect(list[2]).toMatchObject({ title: 'Is ••••••••••••4444 safe?' });
  });

  it('trims fields and caps their length', () => {
    const list = appendAll([
      search(`  ${'q'.repeat(600)}  `),
      page(` /${'u'.repeat(3000)} `, ` ${'t'.repeat(400)} `, 20),
      article('long', 'a'.repeat(400), 21),
    ]);
    expect(list[0]).toMatchObject({ query: 'q'.repeat(500) });
    expect(list[1]).toMatchObject({ url: `/${'u'.repeat(1999)}`, title: 't'.repeat(300) });
    expect(list[2]).toMatchObject({ title: 'a'.repeat(300) });
  });

  it('caps after masking, so a cut never leaves digits of a card', () => {
    const query = `${'x'.repeat(490)} 4111111111111111`; // the cut falls inside the number
    const [entry] = appendEntry([], search(query));
    expect(entry).toMatchObject({ query: `${'x'.repeat(490)} •••••••••` });
  });

  it('keeps only the protocol fields', () => {
    const extra = Object.assign(page('/a'), { secret: 'x' });
    expect(appendEntry([], extra)[0]).toEqual(page('/a'));
  });

  it('ignores a malformed entry from plain JavaScript instead of throwing', () => {
    const malformed = [{ type: 'search', at: at(0), query: 'x' }, { type: 'page', at: 'now', url: '/a', title: '' }, null];
    for (const entry of malformed) expect(appendEntry([page('/a')], entry as unknown as TranscriptEntry)).toEqual([page('/a')]);
  });

  it('ignores a search with an empty or blank query', () => {
    expect(appendEntry([page('/a')], search(''))).toEqual([page('/a')]);
    expect(appendEntry([page('/a')], search(' \n\t '))).toEqual([page('/a')]);
  });

  it('caps topIds at three', () => {
    const [entry] = appendEntry([], search('refund', 0, 5, ['a', 'b', 'c', 'd', 'e']));
    expect(entry).toMatchObject({ topIds: ['a', 'b', 'c'] });
  });

  describe('pages', () => {
    it('does not add a reload of the latest page', () => {
      expect(appendAll([page('/a'), page('/a', 'Page', 5)])).toEqual([page('/a')]);
    });

    it('adds the same page again once something happened in between', () => {
      const list = appendAll([page('/a'), search('refund', 1), page('/a', 'Page', 30)]);
      expect(list.map((e) => e.type)).toEqual(['page', 'search', 'page']);
    });

    it('adds a different page', () => {
      expect(appendAll([page('/a'), page('/b', 'B', 1), page('/a', 'A', 2)])).toHaveLength(3);
    });
  });

  describe('searches', () => {
    it('replaces the previous search while the visitor is still typing', () => {
      const list = appendAll([search('re', 0), search('refu', 1), search('refund late', 3, 0)]);
      expect(list).toEqual([search('refund late', 3, 0)]);
    });

    it('replaces it when the visitor backspaces', () => {
      expect(appendAll([search('refund late', 0), search('refund', 2, 4)])).toEqual([search('refund', 2, 4)]);
    });

    it('compares queries without case or surrounding spaces', () => {
      expect(appendAll([search('Refund', 0), search('  refund LATE ', 2)])).toEqual([search('refund LATE', 2)]);
    });

    it('folds the digits of a card number being typed into the masked number', () => {
      const list = appendAll([search('charged 4111 1111', 0), search('charged 4111 1111 1111 1111', 4)]);
      expect(list).toEqual([search('charged •••• •••• •••• 1111', 4)]);
    });

    it('keeps both when more than 15 seconds apart', () => {
      expect(appendAll([search('refund', 0), search('refund late', 15)])).toHaveLength(1);
      expect(appendAll([search('refund', 0), search('refund late', 16)])).toHaveLength(2);
    });

    it('keeps both when neither query is a prefix of the other', () => {
      expect(appendAll([search('refund', 0), search('shipping', 1)])).toHaveLength(2);
      expect(appendAll([search('refund late', 0), search('refund early', 1)])).toHaveLength(2);
    });

    it('keeps both when something happened in between', () => {
      const list = appendAll([search('refund', 0), article('refunds', 'Refunds', 1), search('refund late', 2)]);
      expect(list.map((e) => e.type)).toEqual(['search', 'article', 'search']);
    });

    it('keeps both when the new search is dated before the previous one', () => {
      expect(appendAll([search('refund', 10), search('refund late', 5)])).toHaveLength(2);
    });
  });

  describe('bounds', () => {
    it('drops the oldest entries beyond maxEntries', () => {
      const limits = { maxEntries: 3, maxChars: 100_000 };
      const list = appendAll(['/1', '/2', '/3', '/4', '/5'].map((url, i) => page(url, 'P', i)), limits);
      expect(list.map((e) => e.type === 'page' && e.url)).toEqual(['/3', '/4', '/5']);
    });

    it('drops the oldest entries until the JSON fits in maxChars', () => {
      const one = JSON.stringify(page('/1', 'P', 0)).length;
      const limits = { maxEntries: 100, maxChars: 2 + 3 * one + 2 }; // room for exactly three
      const list = appendAll(['/1', '/2', '/3', '/4', '/5'].map((url, i) => page(url, 'P', i)), limits);
      expect(list.map((e) => e.type === 'page' && e.url)).toEqual(['/3', '/4', '/5']);
      expect(JSON.stringify(list).length).toBeLessThanOrEqual(limits.maxChars);
    });

    it('stays within the default limits whatever is appended', () => {
      let list: TranscriptEntry[] = [];
      for (let i = 0; i < 500; i++) list = appendEntry(list, page(`/${i}/${'x'.repeat(i % 3 === 0 ? 1500 : 10)}`, 'T', i));
      expect(list.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxEntries);
      expect(JSON.stringify(list).length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxChars);
      expect(list.at(-1)).toMatchObject({ url: `/499/${'x'.repeat(10)}` });
    });

    it('bounds a list given over the limits even when the entry is ignored', () => {
      const list = [page('/1'), page('/2', 'P', 1), page('/3', 'P', 2)];
      expect(appendEntry(list, search(''), { maxEntries: 2, maxChars: 10_000 })).toEqual(list.slice(1));
    });
  });
});

describe('parseTranscript', () => {
  it.each([null, undefined, 'a string', 42, true, {}, { entries: [] }])('reads %j as an empty transcript', (value) => {
    expect(parseTranscript(value)).toEqual([]);
  });

  it('keeps well-formed entries of every kind', () => {
    const list = [page('/a'), search('refund', 1, 2, ['a', 'b']), article('a', 'A', 2), feedback('a', false, 3), handoff('callback', 4)];
    expect(parseTranscript(JSON.parse(JSON.stringify(list)))).toEqual(list);
  });

  it('drops malformed entries and keeps the rest', () => {
    const good = page('/a');
    const bad: unknown[] = [
      null,
      'page',
      [],
      { type: 'page', url: '/a', title: 'A' }, // no time
      { ...good, at: 'yesterday' },
      { ...good, at: '2025-13-45T99:00:00Z' },
      { ...good, at: 1_700_000_000_000 },
      { ...good, url: 42 },
      { type: 'search', at: at(0), query: 'q', resultCount: '3', topIds: [] },
      { type: 'search', at: at(0), query: 'q', resultCount: -1, topIds: [] },
      { type: 'search', at: at(0), query: 'q', resultCount: 1, topIds: [1] },
      { type: 'search', at: at(0), query: '   ', resultCount: 1, topIds: [] },
      { type: 'article', at: at(0), articleId: '', title: 'A' },
      { type: 'feedback', at: at(0), articleId: 'a', helpful: 'yes' },
      { type: 'handoff', at: at(0), channel: 'email' },
      { type: 'video', at: at(0), url: '/v' }, // a kind from another version
    ];
    expect(parseTranscript([...bad, good, ...bad])).toEqual([good]);
  });

  it('cleans what it keeps as appendEntry would', () => {
    const stored = [{ type: 'search', at: at(0), query: ' 4111111111111111 ', resultCount: 0, topIds: ['a', 'b', 'c', 'd'], v: 2 }];
    expect(parseTranscript(stored)).toEqual([search('••••••••••••1111', 0, 0, ['a', 'b', 'c'])]);
  });
});

describe('summarizeTranscript', () => {
  const list = [
    page('/shipping', 'Shipping'),
    search('refund late', 1, 0),
    search('refund', 30, 1),
    article('refunds', 'How do I get a refund?', 31),
    feedback('refunds', false, 40),
    feedback('returns', true, 41),
    page('/cart', '', 50),
    handoff('callback', 60),
  ];

  it('writes one readable line per entry, oldest first', () => {
    expect(summarizeTranscript(list, ENGLISH_SUMMARY)).toEqual([
      'Visited "Shipping" (/shipping)',
      'Searched "refund late" — 0 results',
      'Searched "refund" — 1 result',
      'Read "How do I get a refund?"',
      'Marked "How do I get a refund?" as not helpful',
      'Marked "returns" as helpful',
      'Visited /cart',
      'Asked for a callback',
    ]);
  });

  it('names each way to a person', () => {
    expect(summarizeTranscript([handoff('chat'), handoff('phone')], ENGLISH_SUMMARY)).toEqual([
      'Asked to chat with a person',
      'Chose to call by phone',
    ]);
  });

  it('uses the article title even when the article was read after the feedback', () => {
    expect(summarizeTranscript([feedback('a', true), article('a', 'Alpha', 1)], ENGLISH_SUMMARY)[0]).toBe('Marked "Alpha" as helpful');
  });

  it('takes strings for another language', () => {
    const french: SummaryStrings = {
      ...ENGLISH_SUMMARY,
      search: (query, count) => `A cherché « ${query} » — ${count} résultat${count > 1 ? 's' : ''}`,
      handoff: () => 'A demandé à être rappelé',
    };
    expect(summarizeTranscript([search('remboursement', 0, 2), handoff('callback', 1)], french)).toEqual([
      'A cherché « remboursement » — 2 résultats',
      'A demandé à être rappelé',
    ]);
  });

  it('is empty for an empty transcript', () => {
    expect(summarizeTranscript([], ENGLISH_SUMMARY)).toEqual([]);
  });
});

describe('half an emoji (a lone surrogate)', () => {
  const HALF = '\uD83D'; // the first half of 😀, as a host page's own code may leave it in <title>

  it('is repaired to U+FFFD where an entry is made, so its summary can go in a mailto: link', () => {
    const list = appendAll([
      page('/deals', `Deals 😀 ${HALF}`),
      search(`bike${HALF}`, 1),
      article(`refunds${HALF}`, `\uDE00Refunds`, 2),
      feedback(`refunds${HALF}`, false, 3),
    ]);
    expect(list).toMatchObject([
      { title: 'Deals 😀 \uFFFD' },
      { query: 'bike\uFFFD' },
      { articleId: 'refunds\uFFFD', title: '\uFFFDRefunds' },
      { articleId: 'refunds\uFFFD' },
    ]);
    const lines = summarizeTranscript(list, ENGLISH_SUMMARY);
    expect(() => encodeURIComponent(lines.join('\n'))).not.toThrow();
  });

  it('is repaired when read back from what an earlier page stored', () => {
    expect(parseTranscript([{ type: 'page', at: at(0), url: '/x', title: `Deals ${HALF}` }])).toMatchObject([{ title: 'Deals \uFFFD' }]);
  });
});
