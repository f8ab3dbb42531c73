import { describe, expect, it } from 'vitest';
import { parseArticles, safeArticleUrl } from './articles';

const refunds = { id: 'refunds', title: 'How do I get a refund?', body: 'Within **30 days**.' };

describe('parseArticles: the shape of the file', () => {
  it('reads a JSON array of articles', () => {
    expect(parseArticles([refunds])).toEqual({ articles: [refunds], problems: [] });
  });

  it('reads an index object and ignores its other keys', () => {
    expect(parseArticles({ version: 1, built: '2025-03-01', articles: [refunds] })).toEqual({ articles: [refunds], problems: [] });
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['[{"id": 1}]', 'a string'],
    [42, 'a number'],
    [true, 'a boolean'],
    [{ items: [] }, 'an object without "articles"'],
    [{ articles: { refunds } }, 'an object whose "articles" is an object without "articles"'],
    [{ articles: 'refunds' }, 'an object whose "articles" is a string'],
  ])('rejects %j, saying what it got', (value, kind) => {
    expect(parseArticles(value)).toEqual({
      articles: [],
      problems: [`expected a JSON array of articles or {"articles": [...]}, got ${kind}`],
    });
  });

  it('reads an empty array as no articles and no problems', () => {
    expect(parseArticles([])).toEqual({ articles: [], problems: [] });
  });
});

describe('parseArticles: each article', () => {
  it('keeps optional fields when they are valid', () => {
    const full = { ...refunds, url: 'https://shop.example.com/help/refunds', tags: ['billing'], keywords: ['money back', 'return'] };
    expect(parseArticles([full]).articles).toEqual([full]);
  });

  it('trims strings, and a body only of its surrounding blank lines', () => {
    const { articles } = parseArticles([
      { id: ' refunds ', title: '  Refunds\n', body: '\n\n    code block\n\n', tags: [' billing ', '  '], url: ' /help/refunds ' },
    ]);
    expect(articles).toEqual([{ id: 'refunds', title: 'Refunds', body: '    code block', tags: ['billing'], url: '/help/refunds' }]);
  });

  it('turns a numeric id into a string', () => {
    expect(parseArticles([{ ...refunds, id: 42 }]).articles[0]?.id).toBe('42');
  });

  it('accepts a missing body as empty, and null optional fields as absent', () => {
    const { articles, problems } = parseArticles([{ id: 'a', title: 'A', url: null, tags: null }]);
    expect(articles).toEqual([{ id: 'a', title: 'A', body: '' }]);
    expect(problems).toEqual([]);
  });

  it('caps titles at 300 characters', () => {
    expect(parseArticles([{ ...refunds, title: 'x'.repeat(400) }]).articles[0]?.title).toBe('x'.repeat(300));
  });

  it('skips entries without a usable id, title or body, naming the path and what is expected', () => {
    const { articles, problems } = parseArticles([
      refunds,
      'refunds',
      { title: 'No id', body: '' },
      { id: '  ', title: 'Blank id', body: '' },
      { id: 'b', title: '', body: '' },
      { id: 'c', title: 'C', body: ['not', 'a', 'string'] },
      { id: true, title: 7, body: 1 },
    ]);
    expect(articles).toEqual([refunds]);
    expect(problems).toEqual([
      'articles[1]: expected an object with id, title and body, got a string',
      'articles[2].id: expected a non-empty string or a number',
      'articles[3].id: expected a non-empty string or a number',
      'articles[4].title: expected a non-empty string',
      'articles[5].body: expected a string',
      'articles[6].id: expected a non-empty string or a number',
      'articles[6].title: expected a non-empty string',
      'articles[6].body: expected a string',
    ]);
  });

  it('keeps an article whose optional fields are wrong, without them', () => {
    const { articles, problems } = parseArticles([{ ...refunds, url: 42, tags: 'billing', keywords: ['ok', 3, null] }]);
    expect(articles).toEqual([{ ...refunds, keywords: ['ok'] }]);
    expect(problems).toEqual([
      'articles[0].url: expected a string',
      'articles[0].tags: expected an array of strings',
      'articles[0].keywords[1]: expected a string',
      'articles[0].keywords[2]: expected a string',
    ]);
  });

  it('drops unsafe URLs with a problem', () => {
    const { articles, problems } = parseArticles([
      { ...refunds, url: 'javascript:alert(1)' },
      { id: 'b', title: 'B', url: 'java\nscript:alert(1)' },
      { id: 'c', title: 'C', url: 'data:text/html,<script>alert(1)</script>' },
    ]);
    expect(articles.map((article) => article.url)).toEqual([undefined, undefined, undefined]);
    expect(problems).toEqual([
      'articles[0].url: expected an http(s) or relative URL, got "javascript:alert(1)"',
      'articles[1].url: expected an http(s) or relative URL, got "java\\nscript:alert(1)"',
      'articles[2].url: expected an http(s) or relative URL, got "data:text/html,<script>alert(1)</script>"',
    ]);
  });

  it('skips a later article with the same id', () => {
    const { articles, problems } = parseArticles([
      { id: 'shipping', title: 'Shipping' },
      { id: 'x', title: 'X' },
      refunds,
      { ...refunds, title: 'Refunds again' },
    ]);
    expect(articles.map((article) => article.title)).toEqual(['Shipping', 'X', refunds.title]);
    expect(problems).toEqual(['articles[3].id: duplicate id "refunds" (first at articles[2])']);
  });

  it('also treats 7 and "7" as the same id', () => {
    expect(parseArticles([{ id: 7, title: 'A' }, { id: '7', title: 'B' }]).problems).toEqual([
      'articles[1].id: duplicate id "7" (first at articles[0])',
    ]);
  });

  it('lists at most 20 problems, then how many more', () => {
    const { articles, problems } = parseArticles([refunds, ...Array.from({ length: 25 }, () => ({ id: 'x' }))]);
    expect(articles).toEqual([refunds]);
    expect(problems).toHaveLength(21);
    expect(problems[0]).toBe('articles[1].title: expected a non-empty string');
    expect(problems[20]).toBe('… and 5 more problems');
  });

  it('says "problem" for one more', () => {
    const { problems } = parseArticles(Array.from({ length: 21 }, () => ({ id: 'x' })));
    expect(problems.at(-1)).toBe('… and 1 more problem');
  });
});

describe('safeArticleUrl', () => {
  it.each(['https://example.com/a', 'HTTP://example.com', '/help/a', 'help/a', './a', '../a', '#faq', '?q=1', '//cdn.example.com/a'])(
    'accepts %s',
    (url) => expect(safeArticleUrl(url)).toBe(url),
  );

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' \u0001javascript:alert(1)', 'jav\tascript:x', 'data:text/html,x', 'vbscript:x', 'mailto:a@b.c'])(
    'rejects %j',
    (url) => expect(safeArticleUrl(url)).toBeUndefined(),
  );
});
