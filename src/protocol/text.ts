/**
 * Well-formed text. A JavaScript string may hold half of a surrogate pair (half of an emoji),
 * e.g. a host page's <title> cut at a fixed length by the site's own code. Such a string cannot
 * be encoded (encodeURIComponent throws, UTF-8 has no byte sequence for it), so one of them must
 * never reach a URL, a database or another person's screen. Pure, shared by widget and server.
 */

/**
 * A lone half of a surrogate pair, or U+0000. In a `u` regular expression a whole pair is one
 * code point (an emoji, not a surrogate), so only a lone half is of the category Cs. U+0000 is
 * text a JavaScript string may hold but PostgreSQL cannot: replaced like a lone half, so that
 * both stores keep the same text.
 */
const UNSTORABLE = /[\p{Cs}\0]/gu;

/**
 * `text` with every lone surrogate (and U+0000) replaced by U+FFFD, the replacement character,
 * as String.prototype.toWellFormed does (which older browsers the widget supports lack). The
 * length in UTF-16 code units does not change.
 */
export const wellFormed = (text: string): string => text.replace(UNSTORABLE, '\uFFFD');

/** Whether `text` holds no lone surrogate (String.prototype.isWellFormed). */
export const isWellFormed = (text: string): boolean => wellFormed(text) === text;

/** At most `max` UTF-16 units of `text`, never ending on the first half of a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}
