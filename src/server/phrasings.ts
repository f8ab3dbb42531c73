/**
 * Learning from resolved handoffs: when an agent names the article that answered, the visitor's
 * searches that are about that article may become phrasings of it. These are the rules of what
 * is offered, what is learned and what is served, pure, so any engine behind the Store applies
 * them the same way and they test in plain Node. The README ("Learning from resolved handoffs")
 * says the same in words.
 */
import type { TranscriptEntry } from '../protocol/types';
import { normalizePhrasing, tidyPhrasing } from '../search/history';
import type { SearchLanguage } from '../search/language';
import { queryTerms, stripMarkdown } from '../search/text';
import { personalData, type PersonalKind } from './personal-data';
// Searches are cut into words with the articles' language: every table, the server being Node.
import '../search/languages/all';
import type { PhrasingRecord } from './store/types';

/** Live phrasings kept per article unless LIFELINE_PHRASINGS_PER_ARTICLE says otherwise. */
export { DEFAULT_PHRASINGS_PER_ARTICLE } from '../search/history';
/** The most LIFELINE_PHRASINGS_PER_ARTICLE may be: far more than a help article ever needs. */
export const MAX_PHRASINGS_PER_ARTICLE = 10_000;

/** A query shorter than this, in letters, says too little to stand for an article ("ok", "?"). */
export const MIN_LETTERS = 3;
/** A query longer than this is a message pasted into the box, not a phrasing. */
export const MAX_LENGTH = 200;
/** Different handoffs that must teach a phrasing before it is served without an agent's confirmation. */
export const HANDOFFS_TO_SERVE = 2;

/** A search as it will be stored: the visitor's words, and the key that makes two the same. */
export interface LearnablePhrasing {
  /** Trimmed, runs of white space made one space; otherwise as the visitor typed it. */
  text: string;
  /** normalizePhrasing(text): unique per article. */
  key: string;
}

// The same tidying and key as a history file's (search/history.ts), so both count one phrasing once.
export { normalizePhrasing, tidyPhrasing };

/** Why a search can never be learned (it is not even offered), or null when it may be. */
export type NeverReason = 'empty' | 'too_short' | 'too_long' | 'personal_data';

/** Why a query is never learned, or null when it may be. */
export function skipReason(text: string): NeverReason | null {
  if (text === '') return 'empty';
  if (text.length > MAX_LENGTH) return 'too_long';
  if ((text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return 'too_short';
  if (personalData(text) !== null) return 'personal_data';
  return null;
}

/** What the server knows of an article to tell whether a search is about it. */
export interface ArticleText {
  title: string;
  /** Markdown. */
  body: string;
  tags?: readonly string[];
  keywords?: readonly string[];
  /** The articles file's language: its stop words and stems are the ones searches are cut with. */
  lang: SearchLanguage;
  /** The site's synonym groups (the articles file's `synonyms`), as search adds them. */
  synonyms?: ReadonlyArray<readonly string[]>;
}

/**
 * One of a handoff's searches, as the resolve form offers it for one article.
 * - `about`: it shares at least half of its words with the article: learned unless the agent unticks it.
 * - `not_about`: it shares less (or says nothing: only stop words): offered unticked.
 * - `article_unknown`: the server does not know the article's text (no LIFELINE_ARTICLES) and
 *   no served phrasing of it shares the words: offered unticked, the agent's tick is the only way.
 * - `removed`: an agent removed this phrasing from the article: never learned again.
 * - the NeverReasons: never learned, whatever is ticked.
 */
export type CandidateReason = 'about' | 'not_about' | 'article_unknown' | 'removed' | Exclude<NeverReason, 'empty'>;

export interface LearningCandidate extends LearnablePhrasing {
  /** Learned when the agent does not say otherwise (the box is ticked at first). */
  suggested: boolean;
  /** The agent may tick it: false for personal data, too short or long, and removed phrasings. */
  learnable: boolean;
  reason: CandidateReason;
  /** For personal data: what it looks like. */
  personal: PersonalKind | null;
  /** The phrasing as the article has it already: learned from another handoff (pending or served), or null. */
  known: 'pending' | 'served' | null;
}

/** What makes a phrasing served: learned from two different handoffs, or confirmed by an agent. */
export const isServed = (p: Pick<PhrasingRecord, 'count' | 'confirmedAt' | 'removedAt'>): boolean =>
  p.removedAt === null && (p.count >= HANDOFFS_TO_SERVE || p.confirmedAt !== null);

/**
 * The words (stems) of an article, as search cuts them: `strong` from what names its subject
 * (title, keywords, tags, the site's synonyms of those), `all` with its body too.
 */
export interface ArticleWords {
  strong: Set<string>;
  all: Set<string>;
}

export function articleTerms(article: ArticleText): ArticleWords {
  const { lang } = article;
  const strong = new Set<string>();
  const all = new Set<string>();
  const add = (text: string, into: Set<string>[]) => queryTerms(text, lang).forEach((t) => into.forEach((set) => set.add(t)));
  add(article.title, [strong, all]);
  add((article.keywords ?? []).join(' . '), [strong, all]);
  add((article.tags ?? []).join(' . '), [strong, all]);
  add(stripMarkdown(article.body), [all]);
  // Synonyms as the index adds them: an article that says one member of a group has them all.
  for (const group of article.synonyms ?? []) {
    const members = group.map((m) => queryTerms(m, lang)).filter((m) => m.length);
    const said = members.filter((m) => m.every((t) => all.has(t)));
    if (!said.length) continue;
    const named = said.some((m) => m.every((t) => strong.has(t)));
    members.flat().forEach((t) => (named ? [strong, all] : [all]).forEach((set) => set.add(t)));
  }
  return { strong, all };
}

/**
 * A search is about the article when at least half of its words are the article's words, and
 * one of them names its subject (title, keywords, tags, synonyms, served phrasings): a word the
 * body happens to use ("delivery", "bike") is not enough on its own.
 */
export function isAbout(text: string, lang: SearchLanguage, words: ArticleWords): boolean {
  const terms = queryTerms(text, lang);
  if (terms.length === 0) return false;
  const shared = terms.filter((t) => words.all.has(t));
  return shared.length * 2 >= terms.length && shared.some((t) => words.strong.has(t));
}

/**
 * Each search of a transcript (in order, once per key) as a candidate phrasing of an article:
 * whether it is offered ticked, whether it may be learned at all, and why.
 *
 * @param article the article's text, or null when the server was not told the articles
 * @param existing the article's phrasings, removed ones included
 * @param lang the language to cut searches in when the article is not known (the visitor's)
 */
export function learningCandidates(
  transcript: readonly TranscriptEntry[],
  article: ArticleText | null,
  existing: readonly PhrasingRecord[],
  lang: SearchLanguage = 'en',
): LearningCandidate[] {
  const language = article?.lang ?? lang;
  const known = new Map(existing.map((p) => [p.key, p]));
  // What the article says, and what served phrasings of it say (agents or two handoffs vouched for those).
  const words: ArticleWords = article ? articleTerms(article) : { strong: new Set(), all: new Set() };
  for (const p of existing) {
    if (isServed(p)) queryTerms(p.text, language).forEach((t) => (words.strong.add(t), words.all.add(t)));
  }

  const seen = new Set<string>();
  const out: LearningCandidate[] = [];
  for (const entry of transcript) {
    if (entry.type !== 'search') continue;
    const text = tidyPhrasing(entry.query);
    const key = normalizePhrasing(text);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    const never = skipReason(text);
    if (never === 'empty') continue;
    const prior = known.get(key);
    const base = { text, key, known: prior && prior.removedAt === null ? (isServed(prior) ? 'served' : 'pending') : null } as const;
    if (never !== null) {
      // Personal data is named, never learnable; its words are not looked at.
      out.push({ ...base, suggested: false, learnable: false, reason: never, personal: never === 'personal_data' ? personalData(text) : null });
    } else if (prior?.removedAt != null) {
      out.push({ ...base, suggested: false, learnable: false, reason: 'removed', personal: null });
    } else {
      const about = isAbout(text, language, words);
      const reason = about ? 'about' : article ? 'not_about' : 'article_unknown';
      out.push({ ...base, suggested: about, learnable: true, reason, personal: null });
    }
  }
  return out;
}

/** What the agent chose to learn did not pass: which one, and why. */
export interface ChoiceProblem {
  index: number;
  error: string;
}

/**
 * The phrasings to learn: the ones the agent ticked (`chosen`, the texts as offered), or, when
 * the request does not say, the suggested ones. Every chosen one must be one of the handoff's own
 * searches and learnable: the client is never trusted past the personal-data rule.
 */
export function chosenPhrasings(
  candidates: readonly LearningCandidate[],
  chosen: readonly string[] | undefined,
): { ok: true; learn: LearnablePhrasing[] } | ({ ok: false } & ChoiceProblem) {
  if (chosen === undefined) return { ok: true, learn: candidates.filter((c) => c.suggested).map(({ text, key }) => ({ text, key })) };
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  const learn: LearnablePhrasing[] = [];
  const taken = new Set<string>();
  for (const [index, text] of chosen.entries()) {
    const key = normalizePhrasing(tidyPhrasing(text));
    const candidate = byKey.get(key);
    if (!candidate) return { ok: false, index, error: 'is not one of this visitor’s searches' };
    if (candidate.reason === 'personal_data') return { ok: false, index, error: 'looks like personal data and is never learned' };
    if (candidate.reason === 'too_short') return { ok: false, index, error: `has fewer than ${MIN_LETTERS} letters and is never learned` };
    if (candidate.reason === 'too_long') return { ok: false, index, error: `is longer than ${MAX_LENGTH} characters and is never learned` };
    // Removed meanwhile by another agent: the tombstone wins, quietly (the store skips it too).
    if (!candidate.learnable || taken.has(key)) continue;
    taken.add(key);
    learn.push({ text: candidate.text, key });
  }
  return { ok: true, learn };
}

/** The title the visitor saw for `articleId` in this transcript, when they opened it. */
export function articleTitleIn(transcript: readonly TranscriptEntry[], articleId: string): string | null {
  const opened = transcript.findLast((e) => e.type === 'article' && e.articleId === articleId);
  return opened?.type === 'article' ? opened.title : null;
}

/**
 * Served phrasings (ordered by article, then most learned first) as history.json entries, the
 * shape `lifeline search --history` and the widget read: one per article, its texts in order.
 * Pending ones are left out unless `pending`; whatever the database holds, a text that looks
 * like personal data by today's rules is never given out (a database from before them).
 */
export function toHistory(records: readonly PhrasingRecord[], { pending = false } = {}): Array<{ articleId: string; queries: string[] }> {
  const byArticle = new Map<string, string[]>();
  for (const p of records) {
    if (p.removedAt !== null || !(pending || isServed(p)) || skipReason(p.text) !== null) continue;
    const queries = byArticle.get(p.articleId);
    if (queries) queries.push(p.text);
    else byArticle.set(p.articleId, [p.text]);
  }
  return [...byArticle].map(([articleId, queries]) => ({ articleId, queries }));
}
