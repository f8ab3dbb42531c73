/**
 * The visitor's transcript (docs/protocol.md, "The transcript"): what they tried in the widget, kept
 * small and free of card numbers, so a person can pick up where self-help left off.
 * Pure functions over plain data; storage lives in transcript-store.ts.
 */
import type { Channel, TranscriptEntry } from '../protocol/transcript';
import { cut, wellFormed } from '../protocol/text';

export interface TranscriptLimits {
  /** Most entries kept; the oldest go first. @default 200 */
  maxEntries: number;
  /** Longest `JSON.stringify(list)` kept, in UTF-16 code units. @default 32000 */
  maxChars: number;
}

/** Well under sessionStorage quotas and a handoff request's size limit. */
export const DEFAULT_LIMITS: Readonly<TranscriptLimits> = Object.freeze({ maxEntries: 200, maxChars: 32_000 });

/** Caps on single fields, applied after masking so a cut never exposes digits of a card number. */
export const FIELD_LIMITS = Object.freeze({ query: 500, title: 300, url: 2_000, topIds: 3 });

/** Searches this close together, one a prefix of the other, are one search still being typed. */
const REFINE_WINDOW_MS = 15_000;

// ---------------------------------------------------------------------------------------------
// Card numbers

/** Digits where single spaces or dashes may separate groups: "4111 1111-1111 1111". */
const DIGIT_RUN = /\d+(?:[ -]\d+)*/g;

/**
 * Masks card numbers (13–19 digits passing the Luhn check, maybe grouped by single spaces or
 * dashes), keeping the last four digits and the separators: "•••• •••• •••• 1111".
 */
export function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, maskRun);
}

function maskRun(run: string): string {
  const positions: number[] = []; // where each digit of the run is
  for (let i = 0; i < run.length; i++) if (isDigit(run[i])) positions.push(i);
  const startsGroup = (d: number) => d === 0 || !isDigit(run[positions[d]! - 1]);
  const endsGroup = (d: number) => d === positions.length - 1 || !isDigit(run[positions[d]! + 1]);
  const digits = positions.map((p) => run[p]!).join('');

  // A card is often typed next to other numbers ("4111 1111 1111 1111 12 25", a date before it),
  // so every span of whole groups is a candidate, not only the whole run. Masking the union of
  // all matching spans may hide a few digits too many, never one too few.
  const masked = new Array<boolean>(digits.length).fill(false);
  for (let start = 0; start < digits.length; start++) {
    if (!startsGroup(start)) continue;
    for (let end = start + 12; end < digits.length && end - start < 19; end++) {
      if (endsGroup(end) && passesLuhn(digits.slice(start, end + 1))) masked.fill(true, start, end - 3);
    }
  }
  if (!masked.includes(true)) return run;
  const chars = [...run];
  masked.forEach((hide, d) => {
    if (hide) chars[positions[d]!] = '•';
  });
  return chars.join('');
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// ---------------------------------------------------------------------------------------------
// Appending

/**
 * Returns a new list with `entry` added (the input is never mutated): card numbers masked,
 * fields trimmed and capped, a reload of the same page and the keystrokes of one search folded
 * into one entry, then the oldest entries dropped until the list is within `limits`.
 */
export function appendEntry(
  list: readonly TranscriptEntry[],
  entry: TranscriptEntry,
  limits: TranscriptLimits = DEFAULT_LIMITS,
): TranscriptEntry[] {
  // Validated like stored data: plain JavaScript callers can pass anything.
  const next = readEntry(entry);
  const last = list.at(-1);
  if (next === null || (last !== undefined && isReload(last, next))) return bound(list, limits);
  const kept = last !== undefined && refines(last, next) ? list.slice(0, -1) : list;
  return bound([...kept, next], limits);
}

/** A copy holding only the protocol's fields, cleaned; null when there is nothing worth keeping. */
function normalizeEntry(entry: TranscriptEntry): TranscriptEntry | null {
  const { at } = entry;
  switch (entry.type) {
    case 'page':
      return { type: 'page', at, url: clean(entry.url, FIELD_LIMITS.url), title: clean(entry.title, FIELD_LIMITS.title) };
    case 'search': {
      const query = clean(entry.query, FIELD_LIMITS.query);
      if (query === '') return null;
      const topIds = entry.topIds.slice(0, FIELD_LIMITS.topIds).map(wellFormed);
      return { type: 'search', at, query, resultCount: entry.resultCount, topIds };
    }
    case 'article':
      return { type: 'article', at, articleId: wellFormed(entry.articleId), title: clean(entry.title, FIELD_LIMITS.title) };
    case 'feedback':
      return { type: 'feedback', at, articleId: wellFormed(entry.articleId), helpful: entry.helpful };
    case 'handoff':
      return { type: 'handoff', at, channel: entry.channel };
  }
}

/**
 * Half of an emoji (a host page's <title> its own code cut short, say) becomes U+FFFD here,
 * where the entry is made, so no view, e-mail link or handoff ever meets a string that cannot
 * be encoded (encodeURIComponent throws on one).
 */
function clean(text: string, max: number): string {
  return cut(wellFormed(maskCardNumbers(text).trim()), max);
}

/** The same page seen again with nothing in between: a reload, not a visit. */
function isReload(last: TranscriptEntry, next: TranscriptEntry): boolean {
  return last.type === 'page' && next.type === 'page' && last.url === next.url;
}

/** The visitor was still typing (or backspacing) the previous search. */
function refines(last: TranscriptEntry, next: TranscriptEntry): boolean {
  if (last.type !== 'search' || next.type !== 'search') return false;
  const elapsed = Date.parse(next.at) - Date.parse(last.at); // NaN for a bad time: not a refinement
  if (!(elapsed >= 0 && elapsed <= REFINE_WINDOW_MS)) return false;
  const a = last.query.trim().toLowerCase();
  const b = next.query.trim().toLowerCase();
  // Compared up to the shorter one; a masked digit matches any digit, so typing a card number
  // ("4111 1111", then the whole number, masked) still folds and the partial digits go.
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (!sameTypedChar(a[i], b[i])) return false;
  }
  return true;
}

function sameTypedChar(x: string | undefined, y: string | undefined): boolean {
  return x === y || (x === '•' && isDigit(y)) || (y === '•' && isDigit(x));
}

/** Drops the oldest entries until both limits hold; always returns a new array. */
function bound(list: readonly TranscriptEntry[], limits: TranscriptLimits): TranscriptEntry[] {
  const sizes = list.map((entry) => JSON.stringify(entry).length);
  // "[" + entries joined by "," + "]", without stringifying the whole list again per drop
  let chars = 2 + sizes.reduce((sum, size) => sum + size, 0) + Math.max(0, list.length - 1);
  let start = 0;
  while (start < list.length && (list.length - start > limits.maxEntries || chars > limits.maxChars)) {
    chars -= sizes[start]! + (list.length - start > 1 ? 1 : 0);
    start++;
  }
  return list.slice(start);
}

// ---------------------------------------------------------------------------------------------
// Reading back

const CHANNELS: readonly Channel[] = ['chat', 'callback', 'phone'];
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads what an earlier page (or an earlier version of the widget) stored: keeps the well-formed
 * entries, cleaned as `appendEntry` would, drops the rest, and never throws.
 */
export function parseTranscript(value: unknown): TranscriptEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: TranscriptEntry[] = [];
  for (const item of value) {
    const entry = readEntry(item);
    if (entry !== null) entries.push(entry);
  }
  return entries;
}

function readEntry(value: unknown): TranscriptEntry | null {
  if (!isRecord(value)) return null;
  const { type, at } = value;
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) return null;
  switch (type) {
    case 'page': {
      const { url, title } = value;
      return typeof url === 'string' && typeof title === 'string' ? normalizeEntry({ type, at, url, title }) : null;
    }
    case 'search': {
      const { query, resultCount, topIds } = value;
      const wellFormed =
        typeof query === 'string' &&
        typeof resultCount === 'number' &&
        Number.isInteger(resultCount) &&
        resultCount >= 0 &&
        Array.isArray(topIds) &&
        topIds.every((id) => typeof id === 'string');
      return wellFormed ? normalizeEntry({ type, at, query, resultCount, topIds }) : null;
    }
    case 'article': {
      const { articleId, title } = value;
      return isId(articleId) && typeof title === 'string' ? normalizeEntry({ type, at, articleId, title }) : null;
    }
    case 'feedback': {
      const { articleId, helpful } = value;
      return isId(articleId) && typeof helpful === 'boolean' ? normalizeEntry({ type, at, articleId, helpful }) : null;
    }
    case 'handoff': {
      const { channel } = value;
      return isChannel(channel) ? { type, at, channel } : null;
    }
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isChannel(value: unknown): value is Channel {
  return CHANNELS.some((channel) => channel === value);
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

// ---------------------------------------------------------------------------------------------
// Summary

/** One template per entry kind, so the summary can be shown in the visitor's language. */
export interface SummaryStrings {
  /** `title` may be empty (a page without a title). */
  page(title: string, url: string): string;
  search(query: string, resultCount: number): string;
  article(title: string): string;
  /** `title` is the article's title when the transcript has it, else its id. */
  feedback(title: string, helpful: boolean): string;
  handoff(channel: Channel): string;
}

/** One readable line per entry, oldest first, for the visitor and the agent alike. */
export function summarizeTranscript(
  list: readonly TranscriptEntry[],
  strings: SummaryStrings,
): string[] {
  // Feedback only carries an id; the article entry (if any) knows what the visitor saw.
  const titles = new Map<string, string>();
  for (const entry of list) if (entry.type === 'article' && entry.title) titles.set(entry.articleId, entry.title);

  return list.map((entry) => {
    switch (entry.type) {
      case 'page':
        return strings.page(entry.title, entry.url);
      case 'search':
        return strings.search(entry.query, entry.resultCount);
      case 'article':
        return strings.article(entry.title || entry.articleId);
      case 'feedback':
        return strings.feedback(titles.get(entry.articleId) ?? entry.articleId, entry.helpful);
      case 'handoff':
        return strings.handoff(entry.channel);
    }
  });
}
