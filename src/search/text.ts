/** Text helpers for search: pure, shared by the widget and the CLI. */
import { languageOf, normalizeWord, stem, type Language, type SearchLanguage } from './language';

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
  for (let ch of text) {
    const code = ch.charCodeAt(0);
    // Kana, ideographs, Hangul: no case, and nothing NFD would fold one for one. Skipping them
    // keeps Japanese and Chinese text cheap to fold.
    if (code >= 0x3000 && code < 0xf900) {
      out += ch;
      continue;
    }
    // Full-width Latin letters and digits, as Japanese and Chinese keyboards type them: "ＡＢＣ１" is "abc1".
    if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCharCode(code - 0xfee0);
    // Letters with a stroke have no decomposition; people type them without it ("zloty" for "złoty").
    ch = STROKED[ch] ?? ch;
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  }
  return out;
}

const STROKED: Record<string, string> = { ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O' };

export interface Token {
  /** The stem: folded, apostrophes gone, suffix stripped. */
  term: string;
  /** Where the word is in the text, [start, end] inclusive, for highlighting. */
  start: number;
  end: number;
}

// Letters and digits with their combining marks (niqqud, tashkeel, a decomposed accent), with
// apostrophes inside a word ("isn't" stays one word). Marks are matched after letters, not in
// their class: a class with \p{M} in it makes V8 a third slower on plain English.
const WORD = /[\p{L}\p{N}]+(?:\p{M}+[\p{L}\p{N}]*|['’][\p{L}\p{N}]+)*/gu;

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
  const words = (part: string, offset: number): void => {
    for (const match of part.matchAll(WORD)) {
      const at = offset + match.index;
      pushWord(tokens, match[0], at, language, spans.length > 0 && spans.some(([from, to]) => at > from && at < to));
    }
  };
  // Japanese and Chinese find their words with Intl.Segmenter (languages/segment-cjk.ts).
  if (language.segment) language.segment(folded, language, tokens, words);
  else words(folded, 0);
  return tokens;
}

/** One word found in a text, as its stem; `keep`: a quoted word, kept even when a stop word. */
function pushWord(tokens: Token[], found: string, at: number, language: Language, keep = false): void {
  const elided = language.elision?.exec(found)?.[0].length ?? 0;
  const word = normalizeWord(found.slice(elided).replace(/['’]/g, ''), language);
  if (!keep && (word.length < 2 || language.stopWords.has(word))) return;
  tokens.push({ term: stem(word, language), start: at + elided, end: at + found.length - 1 });
}

/** The distinct stems of a query, in order, without stop words (but those quoted, with `quoted`, as search reads them). */
export function queryTerms(query: string, lang: SearchLanguage = 'en', quoted = false): string[] {
  return [...new Set(tokenize(query, lang, quoted).map((t) => t.term))];
}
