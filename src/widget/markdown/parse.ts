/**
 * A small, safe Markdown subset parsed into a typed AST. Pure: no DOM, no network.
 *
 * Article bodies are untrusted and the widget runs under Trusted Types / strict CSP, so nothing
 * here ever produces HTML: raw HTML stays literal text, and link targets are filtered to a short
 * allow-list (anything else degrades to the link's text). The renderer (panel/Markdown.tsx) turns
 * the AST into Preact elements.
 *
 * Deliberately not CommonMark, to stay small: lists are flat, emphasis is matched eagerly (see
 * `inline`) and never across an open `[`, and the rules for continuation lines are loose. Every
 * loop and regex is linear-ish, so hostile input such as 200 KB of `*_[` stays fast; nesting is
 * bounded (quotes 8 deep, inlines 16), so nothing recurses unboundedly.
 */

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; href: string; title?: string; children: Inline[] }
  | { type: 'articleLink'; articleId: string; children: Inline[] }
  | { type: 'break' };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type Block =
  | { type: 'heading'; level: HeadingLevel; children: Inline[] }
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; start?: number; items: Inline[][] }
  | { type: 'code'; lang?: string; value: string }
  | { type: 'quote'; children: Block[] }
  | { type: 'rule' };

/** What a link destination may become; anything not allowed is `unsafe` (rendered as text). */
export type LinkTarget =
  | { kind: 'href'; href: string }
  | { kind: 'article'; articleId: string }
  | { kind: 'unsafe' };

export function parseMarkdown(source: string): Block[] {
  try {
    return blocks(source.split(/\r\n?|\n/), 0);
  } catch {
    // Untrusted data may not even be a string at runtime (nor is the parser expected to throw,
    // but a help panel must never crash).
    return [];
  }
}

/** Text content of the blocks (one line per block / list item), for search excerpts and aria. */
export const plainText = (blocks: Block[]): string =>
  blocks
    .flatMap((b) =>
      b.type == 'quote' ? plainText(b.children) : 'items' in b ? b.items.map(inlineText) : 'value' in b ? b.value : 'children' in b ? inlineText(b.children) : '',
    )
    .filter((s) => s)
    .join('\n');

const inlineText = (nodes: Inline[]): string =>
  nodes.map((n) => (n.type == 'break' ? '\n' : 'value' in n ? n.value : inlineText(n.children))).join('');

// ---------------------------------------------------------------------------------------------
// URL safety

/**
 * Classifies a link destination. Browsers drop leading C0 controls and spaces and every
 * tab/newline inside a URL ("  JaVa\tscript:" is javascript:), so we normalise the same way before
 * looking at the scheme. Only http(s), mailto, tel, relative URLs and `article:ID` survive; a
 * colon before any '/', '?' or '#' ("java script:", "&#106;avascript:") is refused rather than
 * guessing how some browser reads it, and an empty URL (`[x]()`) would just reload the page.
 */
export function classifyUrl(raw: string): LinkTarget {
  const url = raw.replace(/^[\0- ]+|[\t\n\r]/g, '').trimEnd();
  const id = /^article:([\w-]+)$/i.exec(url)?.[1];
  return id
    ? { kind: 'article', articleId: id }
    : url && (/^(https?|mailto|tel):/i.test(url) || !/^[^/?#]*:/.test(url))
      ? { kind: 'href', href: url }
      : { kind: 'unsafe' };
}

/** True for absolute http(s) and protocol-relative URLs ("//host", "/\host" in browsers). */
export const isExternalHref = (href: string): boolean => /^(https?:|[/\\]{2})/i.test(href);

// ---------------------------------------------------------------------------------------------
// Blocks

// A backtick in the info string means inline code (```a``` on one line), not a fence.
const FENCE = /^(`{3,}(?![^`]*`)|~{3,})\s*(\S+)?/;
const HEADING = /^(#{1,6})(?:[ \t]|$)(.*)/s;
const RULE = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
// [1]: the number of an ordered item, [2]: its content.
const ITEM = /^(?:[-*+]|(\d{1,9})[.)])(?:[ \t]+|$)(.*)/s;

const indent = (line: string): number => line.length - line.trimStart().length;

// "- - -" and "* * *" are rules, not items.
const item = (rest: string) => !RULE.test(rest) && ITEM.exec(rest);

// Deeper `>>>>…` nesting is kept as text, so hostile input cannot exhaust the stack.
const isQuote = (rest: string, depth: number): boolean => rest[0] == '>' && depth < 8;

/** Whether a line starts a block that ends a paragraph (or a lazy list/quote continuation). */
function interrupts(rest: string, depth: number) {
  const m = item(rest);
  return (
    FENCE.test(rest) ||
    HEADING.test(rest) ||
    RULE.test(rest) ||
    isQuote(rest, depth) ||
    // As in CommonMark, "2021. was a year" mid-paragraph or an empty item must not start a list.
    (m && m[2] && !(+m[1]! > 1))
  );
}

function blocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  const add = (block: Block) => out.push(block);
  const at = (i: number) => lines[i]?.trimStart();
  let i = 0;
  let m: RegExpExecArray | null | false;
  let r: string | undefined;
  while (i < lines.length) {
    const rest = at(i)!;
    if (!rest) {
      i++;
    } else if ((m = FENCE.exec(rest))) {
      // Runs to a line of at least as many of the same character, or to the end.
      const close = RegExp(`^\\s*${m[1]}+\\s*$`);
      const body: string[] = [];
      while (++i < lines.length && !close.test(lines[i]!)) body.push(lines[i]!);
      i++;
      add({ type: 'code', lang: m[2], value: body.join('\n') });
    } else if ((m = HEADING.exec(rest))) {
      // Drops an optional closing sequence ("## Title ##"). Linear: only a start or a space may
      // begin a match, and each run of '#' follows just one of those.
      add({ type: 'heading', level: m[1]!.length as HeadingLevel, children: inline(m[2]!.replace(/(^|\s)#+\s*$/, '')) });
      i++;
    } else if (RULE.test(rest)) {
      add({ type: 'rule' });
      i++;
    } else if (isQuote(rest, depth)) {
      const inner: string[] = [];
      // Lazy continuation: an unmarked line continues the quote's open paragraph.
      for (; (r = at(i)) && (r[0] == '>' ? ((r = r.replace(/^>[ \t]?/, '')), 1) : inner.at(-1)!.trim() && !interrupts(r, depth)); i++)
        inner.push(r);
      add({ type: 'quote', children: blocks(inner, depth + 1) });
    } else if ((m = item(rest))) {
      // Lists are flat: an item indented deeper than the first continues it whatever its marker.
      const ordered = !!m[1];
      const base = indent(lines[i]!);
      const items = [m[2]!];
      while ((r = at(++i)) != null) {
        const next = item(r);
        const deeper = indent(lines[i]!) > base;
        if (!r) continue;
        // After a blank line, only an item or an indented paragraph continues the list.
        if (next ? !next[1] == ordered && !deeper : interrupts(r, depth) || (!at(i - 1) && !deeper)) break;
        if (next) items.push(next[2]!);
        else items[items.length - 1] += '\n' + r; // lazy continuation or a later paragraph
      }
      add({ type: 'list', ordered, start: ordered ? +m[1]! : undefined, items: items.map(inline) });
    } else {
      // Paragraph: runs until a blank line or a line that starts another block.
      let para = rest;
      while ((r = at(++i)) && !interrupts(r, depth)) para += '\n' + r;
      add({ type: 'paragraph', children: inline(para) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Inlines

const textNode = (value: string): Inline => ({ type: 'text', value });

// An escape, a run of backticks/stars/underscores, spaces and a newline, spaces, plain text, or
// any single character. (` *\n` backtracks only over its own run, which ` +` then takes.)
const TOKEN = /\\[!-/:-@[-`{-~\n]|`+|\*+|_+| *\n| +|[^\\\n`*_[\]< ]+|[^]/y;
const ESCAPE = /\\([!-/:-@[-`{-~])/g; // backslash escapes in link destinations
const TICKS = /`+/g;
// `(dest "title")` after a `]`. Separators are only space/newline and the destination takes
// everything else (tabs, controls), so "java\tscript:" reaches classifyUrl whole and is refused.
// Every alternative starts with a distinct character, so there is no catastrophic backtracking.
const LINK = /\([ \n]*(?:(?:<([^<>\n]*)>|((?:[^ \n()\\]|\\.|\([^ \n()]*\))+))(?:[ \n]+("[^"]*"|'[^']*'))?[ \n]*)?\)/y;
const AUTOLINK = /<(?:([a-z][\w+.-]+:[^\s<>\0-\x1f]*)|([\w.+-]+@[\w.-]+))>/iy;
// Nesting depth of the emphasis and link nodes made so far (absent: 0).
const depthOf = new WeakMap<Inline, number>();

/** 2 for whitespace (and the ends of the text), 1 for punctuation, 0 for anything else. */
const charClass = (c = ' '): number => (/\s/.test(c) ? 2 : /[\p{P}\p{S}]/u.test(c) ? 1 : 0);

/** Merges adjacent text nodes and drops empty ones. */
function merge(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type != 'text') out.push(n);
    else if (last?.type == 'text') last.value += n.value;
    else if (n.value) out.push(n);
  }
  return out;
}

/** The Inline(s) a link becomes: a link, an article link, or (unsafe) just its text. */
const link = (target: LinkTarget, children: Inline[], title?: string): Inline[] =>
  target.kind == 'article'
    ? [{ type: 'articleLink', articleId: target.articleId, children }]
    : target.kind == 'href'
      ? // An empty label would be an invisible link; show where it goes instead.
        [{ type: 'link', href: target.href, title, children: children[0] ? children : [textNode(target.href)] }]
      : children;

/**
 * Emphasis is matched eagerly: a closer takes the nearest opener of its character (one stack per
 * character, so that is O(1)) and wraps every node after the opener's text node. It never
 * crosses an open '['. Openers and brackets are known by the index of their text node in `out`,
 * and the text of an opener is its remaining delimiter run.
 */
function inline(source: string): Inline[] {
  const src = source.trim();
  const out: Inline[] = [];
  const stacks: number[][] = [[], []]; // '*' and '_' openers
  const noCloser: number[] = []; // backtick run lengths known to have no closer further on
  let brackets: number[] = [];
  let i = 0;
  let m: RegExpExecArray | null | undefined;
  // Wraps out[at..] in the node(s) `make` returns. Beyond 16 levels the children stay flat
  // instead (the delimiters vanish), and `flat` remembers where: any later wrap reaching back
  // over that point is as deep, so it is flattened without looking at (or moving) the nodes.
  let flat = -1;
  const add = (nodes: Inline[]): void => {
    for (const n of nodes) out.push(n);
  };
  const literal = (value: string) => out.push(textNode(value));
  // Drops the openers after out[k]: they can no longer match anything outside it.
  const settle = (k: number): void => {
    for (const s of stacks) while (s.at(-1)! > k) s.pop();
  };
  const wrap = (at: number, make: (children: Inline[]) => Inline[]): void => {
    if (at > flat) {
      const children = merge(out.splice(at));
      const depth = children.reduce((d, n) => Math.max(d, depthOf.get(n) ?? 0), 0) + 1;
      if (depth <= 16) return add(make(children).map((n) => (depthOf.set(n, depth), n)));
      add(children);
    }
    flat = at;
  };

  while (i < src.length) {
    TOKEN.lastIndex = i;
    const t = TOKEN.exec(src)![0];
    const c = t[0]!;
    const j = i;
    let n = t.length;
    i += n;
    if (t.at(-1) == '\n') {
      // Two or more trailing spaces or a backslash make a hard break; otherwise lines join
      // with a space.
      n > 2 || c == '\\' ? out.push({ type: 'break' }) : literal(' ');
    } else if (c == '\\' && n > 1) {
      literal(t[1]!);
    } else if (c == '`') {
      m = null;
      TICKS.lastIndex = i;
      if (!noCloser[n]) while ((m = TICKS.exec(src)) && m[0].length != n);
      if (m) {
        out.push({ type: 'code', value: src.slice(i, m.index).replace(/\n/g, ' ').replace(/^ (?=.*[^ ])(.*) $/s, '$1') });
        i = m.index + n;
      } else {
        noCloser[n] = 1;
        literal(t);
      }
    } else if (c == '*' || c == '_') {
      const before = charClass(src[j - 1]);
      const after = charClass(src[i]);
      const left = after < 2 && (!after || before);
      const right = before < 2 && (!before || after);
      // Underscores must not open/close inside words, so snake_case_names stay plain text.
      const opens = c == '*' ? left : left && (!right || before == 1);
      const same = stacks[+(c == '_')]!;
      // A run that could also open (foo**bar) only closes one of its own length: a cheap stand-in
      // for CommonMark's "rule of 3", so that **foo*bar*baz** still nests.
      if (c == '*' ? right : right && (!left || after == 1)) {
        for (let k; n && (k = same.at(-1))! > (brackets.at(-1) ?? -1) && !(opens && (out[k!] as { value: string }).value.length != n); ) {
          const o = out[k!] as { value: string };
          const use = n > 1 && o.value.length > 1 ? 2 : 1;
          n -= use;
          if (!(o.value = o.value.slice(use))) same.pop();
          settle(k!);
          wrap(k! + 1, (children) => [{ type: use > 1 ? 'strong' : 'em', children }]);
        }
      }
      if (n) {
        if (opens) same.push(out.length);
        literal(c.repeat(n));
      }
    } else if (c == '[') {
      brackets.push(out.length);
      literal(c);
    } else if (c == ']' && brackets.length && (m = ((LINK.lastIndex = i), LINK.exec(src)))) {
      const open = brackets.pop()!;
      const target = classifyUrl((m[1] ?? m[2] ?? '').replace(ESCAPE, '$1'));
      const title = m[3]?.slice(1, -1);
      i = LINK.lastIndex;
      // Links may not contain links, and emphasis inside one is settled.
      brackets = [];
      settle(open);
      out.splice(open, 1);
      wrap(open, (children) => link(target, children, title));
    } else if (c == '<' && (m = ((AUTOLINK.lastIndex = j), AUTOLINK.exec(src)))) {
      const label = m[1] ?? m[2]!;
      // Inside a possible link's text an autolink stays text (no links in links).
      add(link(brackets.length ? { kind: 'unsafe' } : classifyUrl(m[1] ?? 'mailto:' + label), [textNode(label)]));
      i = AUTOLINK.lastIndex;
    } else {
      if (c == ']') brackets.pop();
      literal(t); // everything else, including '<' of raw HTML, is literal text
    }
  }
  return merge(out);
}
