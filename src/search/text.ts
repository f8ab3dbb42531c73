/** Text helpers for search: pure, shared by the widget and the CLI. */
import { languageOf, stem, type SearchLanguage } from './language';

/** Markdown to plain text, cheaply: enough for an excerpt to match and show, not to render. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>\s]+)>/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|[-*+]|\d+[.)]|>)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lower case without accents, one character for one (so match positions stay valid): "É" -> "e".
 * Characters whose base letter is not a single character are kept as they are.
 */
export function fold(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase(); // the common case, fast
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

export interface Token {
  /** The stem: folded, apostrophes gone, suffix stripped. */
  term: string;
  /** Where the word is in the text, [start, end] inclusive, for highlighting. */
  start: number;
  end: number;
}

// Letters and digits, with apostrophes inside a word ("isn't" stays one word).
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

// Text in quotation marks: "…", “…”, „…“, «…», ‘…’, '…' (a straight single quote only after a
// space or an opening bracket, so an apostrophe never opens one), 「…」.
const QUOTED = /"[^"\n]{1,80}"|“[^”\n]{1,80}”|„[^“”\n]{1,80}[“”]|«[^»\n]{1,80}»|‘[^’\n]{1,80}’|(?<=^|[\s(\[])'[^'\n]{1,80}'(?![\p{L}\p{N}])|「[^」\n]{1,80}」/gu;

/**
 * The meaningful words of a text as stems with their positions: folded, stop words and one-letter
 * words dropped. With `quoted`, words in quotation marks are all kept: someone who quotes
 * ("you and I", "a" or "an", the label "Pay now") means those very words.
 */
export function tokenize(text: string, lang: SearchLanguage, quoted = false): Token[] {
  const language = languageOf(lang);
  const folded = fold(text);
  const tokens: Token[] = [];
  const spans = quoted ? [...folded.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  for (const match of folded.matchAll(WORD)) {
    const elided = language.elision?.exec(match[0])?.[0].length ?? 0;
    const word = match[0].slice(elided).replace(/['’]/g, '');
    const keep = spans.length > 0 && spans.some(([from, to]) => match.index > from && match.index < to);
    if (!keep && (word.length < 2 || language.stopWords.has(word))) continue;
    tokens.push({ term: stem(word, language), start: match.index + elided, end: match.index + match[0].length - 1 });
  }
  return tokens;
}

/** The distinct stems of a query, in order, without stop words (but those quoted, with `quoted`, as search reads them). */
export function queryTerms(query: string, lang: SearchLanguage = 'en', quoted = false): string[] {
  return [...new Set(tokenize(query, lang, quoted).map((t) => t.term))];
}
