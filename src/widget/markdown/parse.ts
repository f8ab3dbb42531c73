/**
 * A small, safe Markdown subset parsed into a typed AST. Pure: no DOM, no network.
 *
 * Article bodies are untrusted and the widget runs under Trusted Types / strict CSP, so nothing
 * here ever produces HTML: raw HTML stays literal text, and link targets are filtered to a short
 * allow-list (anything else degrades to the link's text). The renderer (panel/Markdown.tsx) turns
 * the AST into Preact elements.
 *
 * The inline parser follows CommonMark's delimiter-stack algorithm (with its "openers bottom"
 * optimisation) rather than regexes, so hostile input such as 200 KB of `*_[` stays linear-ish.
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

// Deeper `>>>>…` nesting is kept as text, so hostile input cannot exhaust the stack.
const MAX_QUOTE_DEPTH = 8;
// CommonMark caps parentheses nesting in link destinations; it also bounds rescanning.
const MAX_PAREN_DEPTH = 32;

export function parseMarkdown(source: string): Block[] {
  // Untrusted data may not even be a string at runtime.
  const text = typeof source === 'string' ? source : '';
  try {
    const lines = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').split('\n');
    return parseBlocks(lines, 0);
  } catch {
    // Belt and braces: the parser is not expected to throw, but a help panel must never crash.
    return text.trim() ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
  }
}

/** Text content of the blocks (one line per block / list item), for search excerpts and aria. */
export function plainText(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        out.push(inlineText(block.children));
        break;
      case 'list':
        for (const item of block.items) out.push(inlineText(item));
        break;
      case 'code':
        out.push(block.value);
        break;
      case 'quote':
        out.push(plainText(block.children));
        break;
      case 'rule':
        break;
    }
  }
  return out.filter((s) => s !== '').join('\n');
}

function inlineText(nodes: Inline[]): string {
  let s = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') s += node.value;
    else if (node.type === 'break') s += '\n';
    else s += inlineText(node.children);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// URL safety

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Classifies a link destination. Browsers drop leading/trailing C0 controls and spaces and every
 * tab/newline inside a URL ("  JaVa\tscript:" is javascript:), so we normalise the same way before
 * looking at the scheme. Only http(s), mailto, tel, relative URLs and `article:ID` survive.
 */
export function classifyUrl(raw: string): LinkTarget {
  const url = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  if (url === '') return { kind: 'unsafe' }; // `[x]()` would just reload the host page
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (scheme) {
    const name = (scheme[1] ?? '').toLowerCase();
    if (SAFE_SCHEMES.has(name)) return { kind: 'href', href: url };
    if (name === 'article') {
      const id = url.slice(scheme[0].length);
      return /^[A-Za-z0-9_-]+$/.test(id) ? { kind: 'article', articleId: id } : { kind: 'unsafe' };
    }
    return { kind: 'unsafe' };
  }
  // No valid scheme. A colon before any '/', '?' or '#' still smells like one ("java script:",
  // "&#106;avascript:"); refuse rather than guess how some browser reads it.
  const colon = url.indexOf(':');
  if (colon >= 0 && !/[/?#]/.test(url.slice(0, colon))) return { kind: 'unsafe' };
  return { kind: 'href', href: url };
}

/** True for absolute http(s) and protocol-relative URLs ("//host", "/\host" in browsers). */
export function isExternalHref(href: string): boolean {
  return /^(?:https?:)?[/\\]{2}/i.test(href) || /^https?:/i.test(href);
}

// ---------------------------------------------------------------------------------------------
// Blocks

interface Indented {
  indent: number; // columns, tabs to the next multiple of 4
  rest: string; // the line without its leading whitespace
}

function splitIndent(line: string): Indented {
  let col = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return { indent: col, rest: line.slice(i) };
}

const isBlank = (line: string): boolean => line.trim() === '';

interface Fence {
  char: string;
  length: number;
  lang?: string;
}

function matchFence(rest: string): Fence | null {
  const m = /^(`{3,}|~{3,})(.*)$/.exec(rest);
  if (!m) return null;
  const marks = m[1] ?? '';
  const info = (m[2] ?? '').trim();
  const char = marks.charAt(0);
  // A backtick in the info string means this is inline code (```a``` on one line), not a fence.
  if (char === '`' && info.includes('`')) return null;
  const lang = info.split(/[ \t]/, 1)[0];
  return lang ? { char, length: marks.length, lang } : { char, length: marks.length };
}

function isClosingFence(rest: string, fence: Fence): boolean {
  let n = 0;
  while (rest[n] === fence.char) n++;
  return n >= fence.length && rest.slice(n).trim() === '';
}

function matchHeading(rest: string): { level: HeadingLevel; text: string } | null {
  const m = /^(#{1,6})(?:[ \t]|$)/.exec(rest);
  if (!m) return null;
  const level = (m[1] ?? '').length as HeadingLevel;
  let text = rest.slice(level).trim();
  // Optional closing sequence ("## Title ##"); done by hand to avoid a backtracking regex.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return { level, text };
}

function isRule(rest: string): boolean {
  const compact = rest.replace(/[ \t]/g, '');
  const c = compact.charAt(0);
  if (compact.length < 3 || (c !== '-' && c !== '*' && c !== '_')) return false;
  for (const ch of compact) if (ch !== c) return false;
  return true;
}

interface ListItemStart {
  ordered: boolean;
  start: number;
  content: string;
}

function matchListItem(rest: string): ListItemStart | null {
  if (isRule(rest)) return null; // "- - -" and "* * *" are rules, not items
  const bullet = /^[-*+](?:[ \t]+|$)/.exec(rest);
  if (bullet) return { ordered: false, start: 1, content: rest.slice(bullet[0].length).trim() };
  const num = /^(\d{1,9})[.)](?:[ \t]+|$)/.exec(rest);
  if (num) return { ordered: true, start: Number(num[1]), content: rest.slice(num[0].length).trim() };
  return null;
}

/** Whether a line starts a block that ends a paragraph (or a lazy list/quote continuation). */
function interruptsParagraph(rest: string, depth: number): boolean {
  if (matchFence(rest) || matchHeading(rest) || isRule(rest)) return true;
  if (rest.startsWith('>') && depth < MAX_QUOTE_DEPTH) return true;
  const item = matchListItem(rest);
  // As in CommonMark, "2021. was a year" mid-paragraph or an empty item must not start a list.
  return item !== null && item.content !== '' && (!item.ordered || item.start === 1);
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      i++;
      continue;
    }
    const { indent, rest } = splitIndent(line);

    const fence = matchFence(rest);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length) {
        const l = lines[i] ?? '';
        if (isClosingFence(splitIndent(l).rest, fence)) {
          i++;
          break;
        }
        body.push(stripIndent(l, indent));
        i++;
      }
      const code: Block = { type: 'code', value: body.join('\n') };
      if (fence.lang) code.lang = fence.lang;
      blocks.push(code);
      continue;
    }

    const heading = matchHeading(rest);
    if (heading) {
      blocks.push({ type: 'heading', level: heading.level, children: parseInline(heading.text) });
      i++;
      continue;
    }

    if (isRule(rest)) {
      blocks.push({ type: 'rule' });
      i++;
      continue;
    }

    if (rest.startsWith('>') && depth < MAX_QUOTE_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length) {
        const l = lines[i] ?? '';
        const r = splitIndent(l).rest;
        if (r.startsWith('>')) inner.push(r.slice(r[1] === ' ' || r[1] === '\t' ? 2 : 1));
        // Lazy continuation: an unmarked line continues the quote's open paragraph.
        else if (!isBlank(l) && !isBlank(inner[inner.length - 1] ?? '') && !interruptsParagraph(r, depth)) inner.push(r);
        else break;
        i++;
      }
      blocks.push({ type: 'quote', children: parseBlocks(inner, depth + 1) });
      continue;
    }

    const first = matchListItem(rest);
    if (first) {
      i = parseList(lines, i, indent, first, depth, blocks);
      continue;
    }

    // Paragraph: runs until a blank line or a line that starts another block.
    const para: string[] = [rest];
    i++;
    while (i < lines.length) {
      const l = lines[i] ?? '';
      const r = splitIndent(l).rest;
      if (isBlank(l) || interruptsParagraph(r, depth)) break;
      para.push(r);
      i++;
    }
    blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
  }
  return blocks;
}

/** Removes up to `columns` of leading indentation (a fenced block's own indent). */
function stripIndent(line: string, columns: number): string {
  let i = 0;
  while (i < columns && line[i] === ' ') i++;
  return line.slice(i);
}

/**
 * Parses a list starting at `lines[start]`; returns the index after it. Nested lists are
 * flattened: any item indented deeper than the first continues this list whatever its marker.
 */
function parseList(
  lines: string[],
  start: number,
  baseIndent: number,
  first: ListItemStart,
  depth: number,
  out: Block[],
): number {
  const items: string[][] = [[first.content]];
  let i = start + 1;
  const accepts = (item: ListItemStart, indent: number): boolean =>
    item.ordered === first.ordered || indent > baseIndent;

  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (isBlank(line)) {
      // A blank line ends the list unless the next content is another item or is indented.
      let j = i + 1;
      while (j < lines.length && isBlank(lines[j] ?? '')) j++;
      if (j >= lines.length) break;
      const next = splitIndent(lines[j] ?? '');
      const item = matchListItem(next.rest);
      if (item && accepts(item, next.indent)) {
        items.push([item.content]);
      } else if (!item && next.indent > baseIndent && !interruptsParagraph(next.rest, depth)) {
        items[items.length - 1]?.push(next.rest); // a later paragraph of the item, joined in
      } else {
        break;
      }
      i = j + 1;
      continue;
    }
    const { indent, rest } = splitIndent(line);
    const item = matchListItem(rest);
    if (item) {
      if (!accepts(item, indent)) break;
      items.push([item.content]);
    } else if (interruptsParagraph(rest, depth)) {
      break;
    } else {
      items[items.length - 1]?.push(rest); // lazy continuation line
    }
    i++;
  }

  const list: Block = { type: 'list', ordered: first.ordered, items: items.map((item) => parseInline(item.join('\n'))) };
  if (first.ordered) list.start = first.start;
  out.push(list);
  return i;
}

// ---------------------------------------------------------------------------------------------
// Inlines

/**
 * Flat token stream. Delimiter runs and `[` stay tokens until emphasis/link matching decides
 * what they are; `buildTree` then folds the stream into nested Inline nodes.
 */
type Token =
  | { t: 'text'; value: string }
  | { t: 'node'; node: Inline }
  | { t: 'delim'; char: string; count: number; opens: EmphasisKind[]; closes: EmphasisKind[] }
  | { t: 'linkOpen'; target: LinkTarget; title?: string }
  | { t: 'linkClose' };

type EmphasisKind = 'strong' | 'em';

/** An entry of the delimiter stack (a doubly linked list, as removals are frequent). */
interface Delim {
  pos: number; // creation order, for "is below" comparisons
  token: Extract<Token, { t: 'delim' }>;
  char: string;
  origLength: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delim | null;
  next: Delim | null;
}

interface Bracket {
  tokenIndex: number;
  delimBottom: number; // pos of the last delimiter before the bracket (-1: none)
  active: boolean;
}

const ASCII_PUNCT = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const isPunct = (c: string): boolean => c !== '' && (ASCII_PUNCT.includes(c) || /[\p{P}\p{S}]/u.test(c));
const isSpace = (c: string): boolean => c === '' || /\s/u.test(c);
const AUTOLINK_URL = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\u0000-\u001f]*)>/y;
const AUTOLINK_EMAIL = /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>/y;

function parseInline(source: string): Inline[] {
  const src = source.trim();
  const tokens: Token[] = [];
  let text = ''; // pending literal text, flushed before any other token
  let delimTail: Delim | null = null;
  let delimCount = 0;
  const brackets: Bracket[] = [];
  // Once a backtick run of length n found no closer from some point on, none will later either.
  const noCloserForRun = new Set<number>();

  const flush = (): void => {
    if (text) tokens.push({ t: 'text', value: text });
    text = '';
  };
  const pushNode = (node: Inline): void => {
    flush();
    tokens.push({ t: 'node', node });
  };
  const unlink = (d: Delim): void => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
    else delimTail = d.prev;
  };

  /** CommonMark "process emphasis", for the delimiters above `bottom` (a pos). */
  const processEmphasis = (bottom: number): void => {
    const openersBottom = new Map<string, number>();
    let closer: Delim | null = delimTail;
    while (closer && closer.prev && closer.prev.pos > bottom) closer = closer.prev;
    if (closer && closer.pos <= bottom) closer = null;

    while (closer) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.origLength % 3}`;
      const floor = Math.max(bottom, openersBottom.get(key) ?? -1);
      let opener: Delim | null = closer.prev;
      while (opener && opener.pos > floor) {
        const oddMatch =
          (opener.canClose || closer.canOpen) &&
          (opener.origLength + closer.origLength) % 3 === 0 &&
          !(opener.origLength % 3 === 0 && closer.origLength % 3 === 0);
        if (opener.char === closer.char && opener.canOpen && !oddMatch) break;
        opener = opener.prev;
      }
      if (opener && opener.pos > floor) {
        const use = opener.token.count >= 2 && closer.token.count >= 2 ? 2 : 1;
        const kind: EmphasisKind = use === 2 ? 'strong' : 'em';
        opener.token.count -= use;
        closer.token.count -= use;
        opener.token.opens.push(kind);
        closer.token.closes.push(kind);
        // Delimiters between the pair can no longer match anything outside it.
        opener.next = closer;
        closer.prev = opener;
        if (opener.token.count === 0) unlink(opener);
        if (closer.token.count === 0) {
          const next: Delim | null = closer.next;
          unlink(closer);
          closer = next;
        }
      } else {
        openersBottom.set(key, closer.prev ? closer.prev.pos : -1);
        const next: Delim | null = closer.next;
        if (!closer.canOpen) unlink(closer);
        closer = next;
      }
    }
    // Everything above the bottom is settled: drop it from the stack.
    while (delimTail && delimTail.pos > bottom) unlink(delimTail);
  };

  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);

    if (c === '\\') {
      const next = src.charAt(i + 1);
      if (next === '\n') {
        pushNode({ type: 'break' });
        i = skipLineStart(src, i + 2);
      } else if (next !== '' && ASCII_PUNCT.includes(next)) {
        text += next;
        i += 2;
      } else {
        text += c;
        i++;
      }
      continue;
    }

    if (c === '\n') {
      // Two or more trailing spaces make a hard break; otherwise lines join with a space.
      const trimmed = text.replace(/ +$/, '');
      const hard = text.length - trimmed.length >= 2;
      text = trimmed;
      if (hard) pushNode({ type: 'break' });
      else text += ' ';
      i = skipLineStart(src, i + 1);
      continue;
    }

    if (c === '`') {
      let n = 0;
      while (src[i + n] === '`') n++;
      const close = noCloserForRun.has(n) ? -1 : findBacktickRun(src, i + n, n);
      if (close < 0) {
        noCloserForRun.add(n);
        text += src.slice(i, i + n);
        i += n;
        continue;
      }
      let value = src.slice(i + n, close).replace(/\n/g, ' ');
      if (value.length > 2 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '') value = value.slice(1, -1);
      pushNode({ type: 'code', value });
      i = close + n;
      continue;
    }

    if (c === '*' || c === '_') {
      let n = 0;
      while (src[i + n] === c) n++;
      const before = i > 0 ? src.charAt(i - 1) : '';
      const after = src.charAt(i + n);
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      // Underscores must not open/close inside words, so snake_case_names stay plain text.
      const canOpen = c === '*' ? left : left && (!right || isPunct(before));
      const canClose = c === '*' ? right : right && (!left || isPunct(after));
      flush();
      const token: Extract<Token, { t: 'delim' }> = { t: 'delim', char: c, count: n, opens: [], closes: [] };
      tokens.push(token);
      if (canOpen || canClose) {
        const d: Delim = { pos: delimCount++, token, char: c, origLength: n, canOpen, canClose, prev: delimTail, next: null };
        if (delimTail) delimTail.next = d;
        delimTail = d;
      }
      i += n;
      continue;
    }

    if (c === '[') {
      flush();
      brackets.push({ tokenIndex: tokens.length, delimBottom: delimTail ? delimTail.pos : -1, active: true });
      tokens.push({ t: 'text', value: '[' });
      i++;
      continue;
    }

    if (c === ']') {
      const opener = brackets.pop();
      const tail = opener && opener.active && src[i + 1] === '(' ? parseLinkTail(src, i + 1) : null;
      if (!opener || !tail) {
        text += c;
        i++;
        continue;
      }
      flush();
      processEmphasis(opener.delimBottom);
      const open: Extract<Token, { t: 'linkOpen' }> = { t: 'linkOpen', target: classifyUrl(tail.dest) };
      if (tail.title !== undefined) open.title = tail.title;
      tokens[opener.tokenIndex] = open;
      tokens.push({ t: 'linkClose' });
      // Links may not contain links: earlier brackets can no longer form one.
      for (const b of brackets) b.active = false;
      i = tail.end;
      continue;
    }

    if (c === '<') {
      AUTOLINK_URL.lastIndex = i;
      const url = AUTOLINK_URL.exec(src);
      AUTOLINK_EMAIL.lastIndex = i;
      const email = url ? null : AUTOLINK_EMAIL.exec(src);
      const m = url ?? email;
      if (m) {
        const label = m[1] ?? '';
        const target = classifyUrl(url ? label : `mailto:${label}`);
        for (const node of linkNodes(target, undefined, [{ type: 'text', value: label }])) pushNode(node);
        i += m[0].length;
        continue;
      }
    }

    text += c; // everything else, including '<' of raw HTML, is literal text
    i++;
  }
  flush();
  processEmphasis(-1);
  return buildTree(tokens);
}

function skipLineStart(src: string, i: number): number {
  while (src[i] === ' ' || src[i] === '\t') i++;
  return i;
}

/** Index of the next backtick run of exactly `n` after `from`, or -1. */
function findBacktickRun(src: string, from: number, n: number): number {
  let i = src.indexOf('`', from);
  while (i >= 0) {
    let len = 0;
    while (src[i + len] === '`') len++;
    if (len === n) return i;
    i = src.indexOf('`', i + len);
  }
  return -1;
}

interface LinkTail {
  dest: string;
  title?: string;
  end: number; // index after the closing ')'
}

/** Parses `(dest "title")` starting at the '(' at `start`; null if it is not one. */
function parseLinkTail(src: string, start: number): LinkTail | null {
  let i = skipSpaceAndOneNewline(src, start + 1);
  let dest = '';
  if (src[i] === '<') {
    i++;
    for (;;) {
      const c = src.charAt(i);
      if (c === '' || c === '\n' || c === '<') return null;
      if (c === '>') break;
      if (c === '\\' && ASCII_PUNCT.includes(src.charAt(i + 1))) {
        dest += src.charAt(i + 1);
        i += 2;
      } else {
        dest += c;
        i++;
      }
    }
    i++;
  } else {
    let depth = 0;
    for (;;) {
      const c = src.charAt(i);
      // Stricter than CommonMark: control characters and tabs (which browsers strip) stay in the
      // destination, so "\u0001java\tscript:" reaches classifyUrl and is refused as a whole
      // instead of falling apart into literal Markdown.
      const control = c !== '' && c < ' ' && c !== '\n' && c !== '\t';
      if (control || (c === '\t' && !/[\s"'()]/.test(src.charAt(i + 1) || ' '))) {
        dest += c;
        i++;
        continue;
      }
      if (c === '' || c <= ' ') break;
      if (c === '\\' && ASCII_PUNCT.includes(src.charAt(i + 1))) {
        dest += src.charAt(i + 1);
        i += 2;
        continue;
      }
      if (c === '(') {
        if (++depth > MAX_PAREN_DEPTH) return null;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      dest += c;
      i++;
    }
    if (depth !== 0) return null;
  }

  const afterDest = i;
  i = skipSpaceAndOneNewline(src, i);
  let title: string | undefined;
  const q = src.charAt(i);
  if (i > afterDest && (q === '"' || q === "'" || q === '(')) {
    const closeChar = q === '(' ? ')' : q;
    let t = '';
    i++;
    for (;;) {
      const c = src.charAt(i);
      if (c === '' || (q === '(' && c === '(')) return null;
      if (c === closeChar) break;
      if (c === '\\' && ASCII_PUNCT.includes(src.charAt(i + 1))) {
        t += src.charAt(i + 1);
        i += 2;
      } else {
        t += c;
        i++;
      }
    }
    title = t;
    i = skipSpaceAndOneNewline(src, i + 1);
  }
  if (src[i] !== ')') return null;
  return title === undefined ? { dest, end: i + 1 } : { dest, title, end: i + 1 };
}

function skipSpaceAndOneNewline(src: string, i: number): number {
  i = skipLineStart(src, i);
  if (src[i] === '\n') i = skipLineStart(src, i + 1);
  return i;
}

/** The Inline(s) a link becomes: a link, an article link, or (unsafe) just its text. */
function linkNodes(target: LinkTarget, title: string | undefined, children: Inline[]): Inline[] {
  if (target.kind === 'article') return [{ type: 'articleLink', articleId: target.articleId, children }];
  if (target.kind === 'unsafe') return children;
  // An empty label would be an invisible link; show where it goes instead.
  const label: Inline[] = children.length ? children : [{ type: 'text', value: target.href }];
  return [title === undefined ? { type: 'link', href: target.href, children: label } : { type: 'link', href: target.href, title, children: label }];
}

// Deeper emphasis nesting is flattened, so renderers and plainText never recurse unboundedly.
const MAX_INLINE_DEPTH = 16;

interface Frame {
  children: Inline[];
  // 'flat' frames share their parent's children: used beyond MAX_INLINE_DEPTH.
  kind: EmphasisKind | 'link' | 'flat' | 'root';
  open?: Extract<Token, { t: 'linkOpen' }>;
}

/** Folds the flat token stream (well nested by construction) into Inline trees. */
function buildTree(tokens: Token[]): Inline[] {
  const root: Frame = { children: [], kind: 'root' };
  const stack: Frame[] = [root];
  let linkDepth = 0;
  const top = (): Frame => stack[stack.length - 1] ?? root;

  const append = (node: Inline): void => {
    const list = top().children;
    const last = list[list.length - 1];
    if (node.type === 'text') {
      if (!node.value) return;
      if (last?.type === 'text') {
        last.value += node.value; // keep adjacent text in one node
        return;
      }
    }
    // A link inside a link (e.g. an autolink in link text) is invalid HTML: keep its text only.
    if ((node.type === 'link' || node.type === 'articleLink') && linkDepth > 0) {
      for (const child of node.children) append(child);
      return;
    }
    list.push(node);
  };

  const open = (frame: Frame): void => {
    if (stack.length > MAX_INLINE_DEPTH) {
      stack.push({ children: top().children, kind: 'flat' });
      return;
    }
    if (frame.kind === 'link') linkDepth++;
    stack.push(frame);
  };

  const close = (): void => {
    const frame = stack.length > 1 ? stack.pop() : undefined;
    if (!frame || frame.kind === 'flat' || frame.kind === 'root') return;
    if (frame.kind === 'strong' || frame.kind === 'em') {
      append({ type: frame.kind, children: frame.children });
      return;
    }
    linkDepth--;
    const target: LinkTarget = frame.open?.target ?? { kind: 'unsafe' };
    for (const node of linkNodes(target, frame.open?.title, frame.children)) append(node);
  };

  for (const token of tokens) {
    switch (token.t) {
      case 'text':
        append({ type: 'text', value: token.value });
        break;
      case 'node':
        append(token.node);
        break;
      case 'delim':
        // Closers use the run's leftmost characters (innermost first), openers its rightmost.
        for (let k = 0; k < token.closes.length; k++) close();
        append({ type: 'text', value: token.char.repeat(token.count) });
        for (let k = token.opens.length - 1; k >= 0; k--) open({ children: [], kind: token.opens[k] ?? 'em' });
        break;
      case 'linkOpen':
        open({ children: [], kind: 'link', open: token });
        break;
      case 'linkClose':
        close();
        break;
    }
  }
  while (stack.length > 1) close();
  return root.children;
}
