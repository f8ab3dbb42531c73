/** Text helpers for search: pure, shared by the widget and the CLI. */

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

// Words that carry no topic; dropped from multi-word queries so "how do I get a refund"
// is scored on "get" and "refund". English only for now; other languages come with search work.
const STOP_WORDS = new Set(
  ('a an and are as at be but by can could do does for from had has have how i if in into is it its ' +
    'me my no not of on or our so that the their them then there these they this to was we were what ' +
    'when where which who why will with would you your im ive id dont cant please help hi hello').split(' '),
);

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

/** Lower-cased words of a query, without accents, punctuation or stop words. */
export function queryTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
  const meaningful = words.filter((w) => !STOP_WORDS.has(w));
  // A query made only of stop words ("how do i") still searches for something.
  return [...new Set(meaningful.length ? meaningful : words)];
}
