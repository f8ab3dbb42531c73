import { describe, expect, it } from 'vitest';
import { classifyUrl, isExternalHref, parseMarkdown, plainText, type Block, type Inline } from './parse';

const text = (value: string): Inline => ({ type: 'text', value });

/** Inlines of a document that is a single paragraph. */
function inlines(source: string): Inline[] {
  const blocks = parseMarkdown(source);
  expect(blocks).toHaveLength(1);
  const [block] = blocks;
  if (block?.type !== 'paragraph') throw new Error(`expected a paragraph, got ${JSON.stringify(block)}`);
  return block.children;
}

/** Every node of an inline tree, depth first. */
function walk(nodes: Inline[]): Inline[] {
  return nodes.flatMap((n) => ('children' in n ? [n, ...walk(n.children)] : [n]));
}

describe('blocks', () => {
  it('returns nothing for empty or blank input', () => {
    expect(parseMarkdown('')).toEqual([]);
    expect(parseMarkdown(' \n\t\n\r\n')).toEqual([]);
  });

  it('parses ATX headings with their level, dropping a closing sequence', () => {
    expect(parseMarkdown('# One\n###### Six ##\n####### seven')).toEqual<Block[]>([
      { type: 'heading', level: 1, children: [text('One')] },
      { type: 'heading', level: 6, children: [text('Six')] },
      { type: 'paragraph', children: [text('####### seven')] },
    ]);
    expect(parseMarkdown('#hashtag')).toEqual([{ type: 'paragraph', children: [text('#hashtag')] }]);
    expect(parseMarkdown('## C#')).toEqual([{ type: 'heading', level: 2, children: [text('C#')] }]);
  });

  it('joins paragraph lines with a space and splits paragraphs on blank lines', () => {
    expect(parseMarkdown('one\n  two\r\nthree\n\nfour')).toEqual<Block[]>([
      { type: 'paragraph', children: [text('one two three')] },
      { type: 'paragraph', children: [text('four')] },
    ]);
  });

  it('parses unordered lists with any bullet and lazy continuation lines', () => {
    expect(parseMarkdown('- one\ncontinued\n* two\n+ three')).toEqual<Block[]>([
      { type: 'list', ordered: false, items: [[text('one continued')], [text('two')], [text('three')]] },
    ]);
  });

  it('parses ordered lists and keeps the start number', () => {
    expect(parseMarkdown('3. three\n4) four')).toEqual<Block[]>([
      { type: 'list', ordered: true, start: 3, items: [[text('three')], [text('four')]] },
    ]);
    expect(parseMarkdown('1. a')).toEqual([{ type: 'list', ordered: true, start: 1, items: [[text('a')]] }]);
  });

  it('flattens nested lists and tolerates blank lines and tabs between items', () => {
    const blocks = parseMarkdown('1. first\n   - nested\n\t- tabbed\n\n2. second\n\n   more of second');
    expect(blocks).toEqual<Block[]>([
      {
        type: 'list',
        ordered: true,
        start: 1,
        items: [[text('first')], [text('nested')], [text('tabbed')], [text('second more of second')]],
      },
    ]);
  });

  it('does not start a list mid-paragraph for numbers other than 1', () => {
    expect(parseMarkdown('We opened in\n2021. It was great.')).toEqual([
      { type: 'paragraph', children: [text('We opened in 2021. It was great.')] },
    ]);
  });

  it('parses fenced code blocks verbatim with an optional language', () => {
    const src = '```ts\nconst a = *b* <i>\n\n  indented\t`x`\n```\n~~~\nplain\n~~~';
    expect(parseMarkdown(src)).toEqual<Block[]>([
      { type: 'code', lang: 'ts', value: 'const a = *b* <i>\n\n  indented\t`x`' },
      { type: 'code', value: 'plain' },
    ]);
  });

  it('runs an unclosed fence to the end of the document', () => {
    expect(parseMarkdown('```\na\n\nb')).toEqual([{ type: 'code', value: 'a\n\nb' }]);
  });

  it('treats ``` with backticks in the info string as inline code', () => {
    expect(parseMarkdown('```a```')).toEqual([{ type: 'paragraph', children: [{ type: 'code', value: 'a' }] }]);
  });

  it('parses blockquotes, including lazy lines and nesting', () => {
    expect(parseMarkdown('> quoted\nlazy\n>\n> second\n> > inner')).toEqual<Block[]>([
      {
        type: 'quote',
        children: [
          { type: 'paragraph', children: [text('quoted lazy')] },
          { type: 'paragraph', children: [text('second')] },
          { type: 'quote', children: [{ type: 'paragraph', children: [text('inner')] }] },
        ],
      },
    ]);
  });

  it('bounds quote nesting depth', () => {
    const blocks = parseMarkdown('>'.repeat(10_000) + ' deep');
    let depth = 0;
    let node: Block | undefined = blocks[0];
    while (node?.type === 'quote') {
      depth++;
      node = node.children[0];
    }
    expect(depth).toBeLessThanOrEqual(8);
    expect(plainText(blocks)).toContain('deep');
  });

  it('parses thematic breaks and prefers them over list items', () => {
    expect(parseMarkdown('a\n\n---\n***\n- - -\n_ _ _')).toEqual<Block[]>([
      { type: 'paragraph', children: [text('a')] },
      { type: 'rule' },
      { type: 'rule' },
      { type: 'rule' },
      { type: 'rule' },
    ]);
  });
});

describe('inlines', () => {
  it('parses strong and emphasis with both delimiters', () => {
    expect(inlines('**a** __b__ *c* _d_')).toEqual<Inline[]>([
      { type: 'strong', children: [text('a')] },
      text(' '),
      { type: 'strong', children: [text('b')] },
      text(' '),
      { type: 'em', children: [text('c')] },
      text(' '),
      { type: 'em', children: [text('d')] },
    ]);
  });

  it('nests emphasis', () => {
    expect(inlines('***both*** *a **b** c*')).toEqual<Inline[]>([
      { type: 'em', children: [{ type: 'strong', children: [text('both')] }] },
      text(' '),
      { type: 'em', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] },
    ]);
  });

  it('leaves intra-word underscores (snake_case) alone but allows intra-word stars', () => {
    expect(inlines('use snake_case_name and __init__ here')).toEqual([
      text('use snake_case_name and '),
      { type: 'strong', children: [text('init')] },
      text(' here'),
    ]);
    expect(inlines('my_var_ and un*frigging*believable')).toEqual([
      text('my_var_ and un'),
      { type: 'em', children: [text('frigging')] },
      text('believable'),
    ]);
  });

  it('keeps unmatched delimiters as text', () => {
    expect(inlines('2 * 3 * 4 and **open')).toEqual([text('2 * 3 * 4 and **open')]);
  });

  it('parses code spans without parsing inside them', () => {
    expect(inlines('run `rm *.tmp [x](y)` now')).toEqual([
      text('run '),
      { type: 'code', value: 'rm *.tmp [x](y)' },
      text(' now'),
    ]);
    expect(inlines('`` a ` b ``')).toEqual([{ type: 'code', value: 'a ` b' }]);
    expect(inlines('a `unclosed')).toEqual([text('a `unclosed')]);
  });

  it('parses links with and without titles', () => {
    expect(inlines('[Help](https://example.com/help "Help centre") and [home](/)')).toEqual<Inline[]>([
      { type: 'link', href: 'https://example.com/help', title: 'Help centre', children: [text('Help')] },
      text(' and '),
      { type: 'link', href: '/', children: [text('home')] },
    ]);
  });

  it('parses emphasis and code inside link text', () => {
    expect(inlines('[**bold** and *em* `c`](https://x.test)')).toEqual<Inline[]>([
      {
        type: 'link',
        href: 'https://x.test',
        children: [
          { type: 'strong', children: [text('bold')] },
          text(' and '),
          { type: 'em', children: [text('em')] },
          text(' '),
          { type: 'code', value: 'c' },
        ],
      },
    ]);
  });

  it('does not let emphasis cross a link boundary', () => {
    expect(inlines('*[a*](/x)')).toEqual([text('*'), { type: 'link', href: '/x', children: [text('a*')] }]);
  });

  it('keeps relative, mailto and tel destinations, and balanced parentheses', () => {
    const hrefs = walk(inlines('[a](./x) [b](x.html) [c](#frag) [d](?q=1) [e](mailto:a@b.test) [f](tel:+18005550199) [g](/wiki/A_(b))'))
      .flatMap((n) => (n.type === 'link' ? [n.href] : []));
    expect(hrefs).toEqual(['./x', 'x.html', '#frag', '?q=1', 'mailto:a@b.test', 'tel:+18005550199', '/wiki/A_(b)']);
  });

  it('parses autolinks and email autolinks', () => {
    expect(inlines('<https://a.test/x?y=1> <help@shop.test>')).toEqual<Inline[]>([
      { type: 'link', href: 'https://a.test/x?y=1', children: [text('https://a.test/x?y=1')] },
      text(' '),
      { type: 'link', href: 'mailto:help@shop.test', children: [text('help@shop.test')] },
    ]);
  });

  it('applies backslash escapes', () => {
    expect(inlines('\\*not em\\* \\[not link\\](x) \\`tick\\` C:\\path \\_')).toEqual([
      text('*not em* [not link](x) `tick` C:\\path _'),
    ]);
  });

  it('makes hard breaks from two trailing spaces or a trailing backslash', () => {
    expect(inlines('one  \ntwo\\\nthree\nfour   ')).toEqual<Inline[]>([
      text('one'),
      { type: 'break' },
      text('two'),
      { type: 'break' },
      text('three four'),
    ]);
  });

  it('keeps raw HTML as literal text', () => {
    expect(inlines('<b>hi</b> <img src=x onerror=alert(1)> <script>alert(1)</script>')).toEqual([
      text('<b>hi</b> <img src=x onerror=alert(1)> <script>alert(1)</script>'),
    ]);
  });
});

describe('link safety', () => {
  const unsafe = [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(1)',
    '<  JaVa\tscript:alert(1)>',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    'about:blank',
  ];

  it.each(unsafe)('renders [text](%j) as plain text', (dest) => {
    expect(inlines(`before [click **me**](${dest}) after`)).toEqual([
      text('before click '),
      { type: 'strong', children: [text('me')] },
      text(' after'),
    ]);
  });

  it('turns unsafe autolinks into text', () => {
    expect(inlines('<javascript:alert(1)>')).toEqual([text('javascript:alert(1)')]);
  });

  it('drops empty destinations', () => {
    expect(inlines('[x]()')).toEqual([text('x')]);
  });

  it('classifies URLs', () => {
    expect(classifyUrl(' \t https://a.test ')).toEqual({ kind: 'href', href: 'https://a.test' });
    expect(classifyUrl('HTTP://A.TEST')).toEqual({ kind: 'href', href: 'HTTP://A.TEST' });
    expect(classifyUrl(' JaVa\tscript:x')).toEqual({ kind: 'unsafe' });
    expect(classifyUrl('article:refunds')).toEqual({ kind: 'article', articleId: 'refunds' });
    expect(classifyUrl('ARTICLE:a_b-9')).toEqual({ kind: 'article', articleId: 'a_b-9' });
    expect(classifyUrl('article:../etc')).toEqual({ kind: 'unsafe' });
    expect(classifyUrl('article:')).toEqual({ kind: 'unsafe' });
  });

  it('tells external links from local ones', () => {
    expect(['https://a.test', 'HTTP://a', '//cdn.test/x', '/\\evil.test'].map(isExternalHref)).toEqual([true, true, true, true]);
    expect(['/help', './x', '#f', '?q', 'mailto:a@b', 'tel:1', 'x.html'].map(isExternalHref)).toEqual([
      false, false, false, false, false, false, false,
    ]);
  });
});

describe('article links', () => {
  it('produces articleLink inlines', () => {
    expect(inlines('See [how to return *an item*](article:returns-101).')).toEqual<Inline[]>([
      text('See '),
      { type: 'articleLink', articleId: 'returns-101', children: [text('how to return '), { type: 'em', children: [text('an item')] }] },
      text('.'),
    ]);
  });

  it('turns malformed article ids into text', () => {
    expect(inlines('[x](article:a/b) [y](article:a b)')).toEqual([text('x [y](article:a b)')]);
  });
});

describe('plainText', () => {
  it('extracts text, one line per block or list item', () => {
    const blocks = parseMarkdown('# Title\n\nSome **bold** and [a link](https://a.test).\n\n- one\n- `two`\n\n> quoted\n\n---\n\n```\ncode\n```');
    expect(plainText(blocks)).toBe('Title\nSome bold and a link.\none\ntwo\nquoted\ncode');
  });
});

describe('robustness', () => {
  it('handles 200 KB of pathological delimiters and brackets', () => {
    const source = '*_['.repeat(70_000);
    const blocks = parseMarkdown(source);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.type).toBe('paragraph');
    const out = plainText(blocks);
    // Delimiters may pair up into emphasis, but no '[' can become a link and nothing else appears.
    expect(out.split('[').length - 1).toBe(70_000);
    expect(/^[*_[]*$/.test(out)).toBe(true);
  });

  it('handles other hostile patterns without losing text', () => {
    for (const unit of ['[](x', '[a](b "', '`` `', '<a:b', '*a ', '_a_b', '[]((', '\\']) {
      const source = unit.repeat(Math.ceil(50_000 / unit.length));
      const blocks = parseMarkdown(source);
      expect(plainText(blocks).length).toBeGreaterThan(0);
    }
  });

  it('bounds emphasis nesting depth', () => {
    const source = '*a '.repeat(5_000) + 'x' + ' a*'.repeat(5_000);
    const blocks = parseMarkdown(source);
    let depth = 0;
    const measure = (nodes: Inline[], d: number): void => {
      depth = Math.max(depth, d);
      for (const n of nodes) if ('children' in n) measure(n.children, d + 1);
    };
    const [block] = blocks;
    if (block?.type === 'paragraph') measure(block.children, 0);
    expect(depth).toBeLessThanOrEqual(16);
    expect(plainText(blocks).replace(/ /g, '')).toBe('a'.repeat(5_000) + 'x' + 'a'.repeat(5_000));
  });

  it('never throws on non-string input at runtime', () => {
    expect(parseMarkdown(undefined as unknown as string)).toEqual([]);
  });
});
