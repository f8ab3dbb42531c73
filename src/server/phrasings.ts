/**
 * Learning from resolved handoffs (issue 5): when an agent names the article that answered, the
 * visitor's searches become phrasings of that article. These are the rules of what is learned,
 * pure, so any engine behind the Store applies them the same way and they test in plain Node.
 */
import type { TranscriptEntry } from '../protocol/types';
import { normalizePhrasing, tidyPhrasing } from '../search/history';
import type { PhrasingRecord } from './store/types';

/** Live phrasings kept per article unless LIFELINE_PHRASINGS_PER_ARTICLE says otherwise. */
export { DEFAULT_PHRASINGS_PER_ARTICLE } from '../search/history';
/** The most LIFELINE_PHRASINGS_PER_ARTICLE may be: far more than a help article ever needs. */
export const MAX_PHRASINGS_PER_ARTICLE = 10_000;

/** A query shorter than this, in letters, says too little to stand for an article ("ok", "?"). */
export const MIN_LETTERS = 3;
/** A query longer than this is a message pasted into the box, not a phrasing. */
export const MAX_LENGTH = 200;

/** A search as it will be stored: the visitor's words, and the key that makes two the same. */
export interface LearnablePhrasing {
  /** Trimmed, runs of white space made one space; otherwise as the visitor typed it. */
  text: string;
  /** normalizePhrasing(text): unique per article. */
  key: string;
}

// The same tidying and key as a history file's (search/history.ts), so both count one phrasing once.
export { normalizePhrasing, tidyPhrasing };

const EMAIL = /[^\s@]+@[^\s@]+/;
// Seven digits or more, even with single spaces, dots or dashes between them: a phone number,
// an account or order number. Card numbers are masked already (redact.ts), these are not.
const LONG_NUMBER = /\d(?:[\s.-]?\d){6,}/;

/** Why a query is not learned, or null when it is. */
export function skipReason(text: string): 'empty' | 'too_short' | 'too_long' | 'personal_data' | null {
  if (text === '') return 'empty';
  if (text.length > MAX_LENGTH) return 'too_long';
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return 'too_short';
  if (EMAIL.test(text) || LONG_NUMBER.test(text)) return 'personal_data';
  return null;
}

/**
 * The searches of a transcript worth learning, in the order they were made: every `search`
 * entry (all of them are what the visitor tried), minus the skipped ones and repeats by key.
 */
export function learnablePhrasings(transcript: readonly TranscriptEntry[]): LearnablePhrasing[] {
  const seen = new Set<string>();
  const out: LearnablePhrasing[] = [];
  for (const entry of transcript) {
    if (entry.type !== 'search') continue;
    const text = tidyPhrasing(entry.query);
    if (skipReason(text) !== null) continue;
    const key = normalizePhrasing(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, key });
  }
  return out;
}

/** The title the visitor saw for `articleId` in this transcript, when they opened it. */
export function articleTitleIn(transcript: readonly TranscriptEntry[], articleId: string): string | null {
  const opened = transcript.findLast((e) => e.type === 'article' && e.articleId === articleId);
  return opened?.type === 'article' ? opened.title : null;
}

/**
 * Live phrasings (ordered by article, then most learned first) as history.json entries, the
 * shape `lifeline search --history` and the widget read: one per article, its texts in order.
 */
export function toHistory(records: readonly PhrasingRecord[]): Array<{ articleId: string; queries: string[] }> {
  const byArticle = new Map<string, string[]>();
  for (const p of records) {
    if (p.removedAt !== null) continue;
    const queries = byArticle.get(p.articleId);
    if (queries) queries.push(p.text);
    else byArticle.set(p.articleId, [p.text]);
  }
  return [...byArticle].map(([articleId, queries]) => ({ articleId, queries }));
}
