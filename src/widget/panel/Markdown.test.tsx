import { describe, expect, it, vi } from 'vitest';
import { isValidElement, type ComponentChildren } from 'preact';
import { Markdown, type MarkdownProps } from './Markdown';
import { parseMarkdown } from '../markdown/parse';

// No DOM and no preact-render-to-string here: we walk the VNode tree ourselves.

type Props = Record<string, unknown>;
interface Element {
  tag: string;
  props: Props;
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Serialises a VNode tree to HTML-ish text, invoking function components on the way. */
function toHtml(node: ComponentChildren): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return escape(String(node));
  if (Array.isArray(node)) return node.map(toHtml).join('');
  if (!isValidElement(node)) return '';
  const props = node.props as Props;
  if (typeof node.type === 'function') {
    return toHtml((node.type as (p: Props) => ComponentChildren)(props));
  }
  const attrs = Object.entries(props)
    .filter(([name, value]) => name !== 'children' && value !== undefined && value !== null && value !== false)
    .map(([name, value]) => (typeof value === 'function' ? ` ${name}` : ` ${name}="${escape(String(value))}"`))
    .join('');
  const tag = String(node.type);
  if (tag === 'br' || tag === 'hr') return `<${tag}${attrs}>`;
  return `<${tag}${attrs}>${toHtml(props.children as ComponentChildren)}</${tag}>`;
}

/** All host elements in the tree, depth first. */
function elements(node: ComponentChildren): Element[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement(node)) return [];
  const props = node.props as Props;
  if (typeof node.type === 'function') return elements((node.type as (p: Props) => ComponentChildren)(props));
  return [{ tag: String(node.type), props }, ...elements(props.children as ComponentChildren)];
}

const html = (props: MarkdownProps): string => toHtml(Markdown(props));

interface FakeClick {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  preventDefault: () => void;
}

function click(props: MarkdownProps, modifiers: Partial<FakeClick> = {}): FakeClick {
  const link = elements(Markdown(props)).find((el) => el.tag === 'a');
  const onClick = link?.props.onClick;
  if (typeof onClick !== 'function') throw new Error('article link has no click handler');
  const event: FakeClick = {
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    defaultPrevented: false,
    preventDefault: vi.fn(),
    ...modifiers,
  };
  (onClick as (e: FakeClick) => void)(event);
  return event;
}

describe('Markdown', () => {
  it('wraps the body in div.md', () => {
    expect(html({ source: 'Hello' })).toBe('<div class="md"><p>Hello</p></div>');
    expect(html({})).toBe('<div class="md"></div>');
  });

  it('shifts headings by two by default and clamps at h6', () => {
    expect(html({ source: '# A\n\n#### D\n\n###### F' })).toBe('<div class="md"><h3>A</h3><h6>D</h6><h6>F</h6></div>');
  });

  it('honours headingOffset', () => {
    expect(html({ source: '# A\n## B', headingOffset: 0 })).toBe('<div class="md"><h1>A</h1><h2>B</h2></div>');
    expect(html({ source: '# A', headingOffset: 9 })).toBe('<div class="md"><h6>A</h6></div>');
  });

  it('renders inline formatting, breaks and code', () => {
    expect(html({ source: '**b** _i_ `x < y`  \nnext' })).toBe(
      '<div class="md"><p><strong>b</strong> <em>i</em> <code>x &lt; y</code><br>next</p></div>',
    );
  });

  it('renders lists, code blocks, quotes and rules', () => {
    const source = '- a\n- b\n\n3. c\n\n---\n\n1. d\n\n```js\nlet x = "<b>";\n```\n\n> quoted\n\n---';
    expect(html({ source })).toBe(
      '<div class="md"><ul><li>a</li><li>b</li></ul><ol start="3"><li>c</li></ol><hr><ol><li>d</li></ol>' +
        '<pre><code class="language-js">let x = &quot;&lt;b&gt;&quot;;</code></pre>' +
        '<blockquote><p>quoted</p></blockquote><hr></div>',
    );
  });

  it('opens external links in a new tab with rel=noopener noreferrer', () => {
    expect(html({ source: '[Docs](https://example.com/docs "The docs")' })).toBe(
      '<div class="md"><p><a href="https://example.com/docs" title="The docs" target="_blank" rel="noopener noreferrer">Docs</a></p></div>',
    );
    expect(html({ source: '<http://example.com>' })).toContain('target="_blank" rel="noopener noreferrer"');
  });

  it('renders mailto, tel and relative links normally', () => {
    expect(html({ source: '[mail](mailto:help@shop.test) [call](tel:+18005550199) [faq](/faq#returns)' })).toBe(
      '<div class="md"><p><a href="mailto:help@shop.test">mail</a> <a href="tel:+18005550199">call</a> <a href="/faq#returns">faq</a></p></div>',
    );
  });

  it('renders unsafe links as their text only', () => {
    const out = html({ source: '[click *me*](javascript:alert(1)) [x](  JaVa\tscript:alert(1)) [d](data:text/html,hi)' });
    expect(out).toBe('<div class="md"><p>click <em>me</em> x d</p></div>');
  });

  it('keeps raw HTML as text and never uses dangerouslySetInnerHTML', () => {
    const source = '# <img src=x onerror=alert(1)>\n\n<script>alert(1)</script> **<b>hi</b>**\n\n- <i>x</i>\n\n```\n<style>*{}</style>\n```\n\n> <a href="javascript:x">y</a>';
    const tree = Markdown({ source });
    const all = elements(tree);
    expect(all.some((el) => 'dangerouslySetInnerHTML' in el.props)).toBe(false);
    expect(all.map((el) => el.tag).sort()).toEqual(['blockquote', 'code', 'div', 'h3', 'li', 'p', 'p', 'pre', 'strong', 'ul']);
    expect(toHtml(tree)).toContain('&lt;script&gt;alert(1)&lt;/script&gt; <strong>&lt;b&gt;hi&lt;/b&gt;</strong>');
  });

  it('links article links to a panel fragment', () => {
    expect(html({ source: 'See [returns](article:returns-101).' })).toBe(
      '<div class="md"><p>See <a href="#lifeline-article=returns-101" onClick>returns</a>.</p></div>',
    );
  });

  it('opens article links in the panel on a plain click', () => {
    const onArticleLink = vi.fn();
    const event = click({ source: '[returns](article:returns)', onArticleLink });
    expect(onArticleLink).toHaveBeenCalledWith('returns');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('leaves modified clicks, other buttons and handler-less panels to the browser', () => {
    const onArticleLink = vi.fn();
    for (const modifiers of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      const event = click({ source: '[r](article:r)', onArticleLink }, modifiers);
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
    expect(onArticleLink).not.toHaveBeenCalled();
    expect(click({ source: '[r](article:r)' }).preventDefault).not.toHaveBeenCalled();
  });

  it('renders pre-parsed blocks in preference to source', () => {
    expect(html({ blocks: parseMarkdown('*pre*'), source: 'ignored' })).toBe('<div class="md"><p><em>pre</em></p></div>');
  });
});
