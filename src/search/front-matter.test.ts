import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from './front-matter';

const md = (...lines: string[]) => lines.join('\n');

describe('parseFrontMatter', () => {
  it('returns the whole source as body when there is no front matter', () => {
    const source = md('# Refunds', '', 'Within 30 days.');
    expect(parseFrontMatter(source)).toEqual({ data: {}, body: source, problems: [] });
  });

  it('only sees front matter at the very start', () => {
    const source = md('', '---', 'title: x', '---', 'body');
    expect(parseFrontMatter(source).data).toEqual({});
  });

  it('reads plain and quoted values', () => {
    const { data, body, problems } = parseFrontMatter(
      md(
        '---',
        'id: refunds',
        'title: "Refunds: how and when"',
        "subtitle: 'It''s quick'",
        'escaped: "say \\"hi\\""',
        'url:   /help/refunds  ',
        'note: C# tips: #1',
        '---',
        '# Refunds',
      ),
    );
    expect(data).toEqual({
      id: 'refunds',
      title: 'Refunds: how and when',
      subtitle: "It's quick",
      escaped: 'say "hi"',
      url: '/help/refunds',
      note: 'C# tips: #1',
    });
    expect(body).toBe('# Refunds');
    expect(problems).toEqual([]);
  });

  it('reads flow lists', () => {
    const { data } = parseFrontMatter(md('---', 'tags: [billing, money back, "c, d", \'e\']', 'empty: []', '---', ''));
    expect(data).toEqual({ tags: ['billing', 'money back', 'c, d', 'e'], empty: [] });
  });

  it('reads block lists', () => {
    const { data, problems } = parseFrontMatter(
      md('---', 'keywords:', '  - refund', '  - "money back"', '', '  - return', 'title: Refunds', 'tags:', '- top level', '---', ''),
    );
    expect(data).toEqual({ keywords: ['refund', 'money back', 'return'], title: 'Refunds', tags: ['top level'] });
    expect(problems).toEqual([]);
  });

  it('reads a key with no value and no list as an empty string', () => {
    expect(parseFrontMatter(md('---', 'url:', 'title: A', '---', '')).data).toEqual({ url: '', title: 'A' });
  });

  it('skips blank lines and comments', () => {
    expect(parseFrontMatter(md('---', '', '# a comment', 'id: a', '   # another', '---', '')).data).toEqual({ id: 'a' });
  });

  it('handles \\r\\n line endings and a byte order mark', () => {
    const { data, body } = parseFrontMatter('\uFEFF---\r\ntitle: Refunds\r\ntags: [a, b]\r\n---\r\nLine one\r\nLine two\r\n');
    expect(data).toEqual({ title: 'Refunds', tags: ['a', 'b'] });
    expect(body).toBe('Line one\nLine two\n');
  });

  it('keeps everything after the closing fence, including later --- lines', () => {
    expect(parseFrontMatter(md('---', 'id: a', '---', 'one', '---', 'two')).body).toBe(md('one', '---', 'two'));
  });

  it('accepts ... as the closing fence', () => {
    expect(parseFrontMatter(md('---', 'id: a', '...', 'body'))).toEqual({ data: { id: 'a' }, body: 'body', problems: [] });
  });

  it('reports an unterminated block and keeps the source as body', () => {
    const source = md('---', 'title: Refunds', '', 'Text that was meant as the body.');
    expect(parseFrontMatter(source)).toEqual({
      data: {},
      body: source,
      problems: ['line 1: front matter starts with --- but has no closing --- line'],
    });
  });

  it('reports lines it cannot read, with their line numbers', () => {
    const { data, problems } = parseFrontMatter(
      md('---', 'title: A', 'just text', 'author:', '  name: Ann', 'description: |', '  two', '  lines', 'title: B', '---', ''),
    );
    expect(data).toEqual({ title: 'B', author: '' });
    expect(problems).toEqual([
      'line 3: expected "key: value", got "just text"',
      'line 5: nested values are not supported, got "name: Ann"',
      'line 6: multi-line values (|) are not supported; write "description" on one line',
      'line 9: duplicate key "title" (the last one is kept)',
    ]);
  });

  it('keeps odd keys as plain data', () => {
    const { data } = parseFrontMatter(md('---', '__proto__: [x]', 'constructor: y', '---', ''));
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor']);
  });
});
