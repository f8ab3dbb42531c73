/**
 * Learned phrasings in the history.json format (`[{articleId, queries[]}]`: what past visitors
 * typed before a person answered them with that article). The search index matches them as whole
 * questions (index.ts); the server learns them from resolved handoffs and serves them in the same
 * shape at /v1/phrasings.
 */
import type { Phrasings } from './index';
import { fold } from './text';

export type HistoryEntry = Phrasings;

/** Phrasings kept per article: the server's default cap (LIFELINE_PHRASINGS_PER_ARTICLE), so a history file counts as learning would. */
export const DEFAULT_PHRASINGS_PER_ARTICLE = 200;

/** The entries of a history.json value; problems name the bad entries. */
export function parseHistory(value: unknown): { entries: HistoryEntry[]; problems: string[] } {
  if (!Array.isArray(value)) return { entries: [], problems: ['history: expected a JSON array of {articleId, queries[]}'] };
  const entries: HistoryEntry[] = [];
  const problems: string[] = [];
  value.forEach((item: unknown, index) => {
    const rec = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : undefined;
    const articleId = rec?.articleId;
    const queries = rec?.queries;
    if (typeof articleId !== 'string' || !Array.isArray(queries)) {
      problems.push(`history[${index}]: expected {articleId: string, queries: string[]}`);
      return;
    }
    entries.push({ articleId, queries: queries.filter((q): q is string => typeof q === 'string') });
  });
  return { entries, problems };
}

/** Trims and collapses white space: how a phrasing is shown and served. */
export const tidyPhrasing = (text: string): string => text.trim().replace(/\s+/g, ' ');

/**
 * The key that makes "Where is my card?" and "where is  my card" one phrasing: lower case,
 * accents folded, apostrophes dropped ("don't" is "dont"), other punctuation a space, runs of
 * spaces one.
 */
export function normalizePhrasing(text: string): string {
  return fold(text)
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * One entry per article, its phrasings deduplicated (case, accents, spacing and punctuation
 * aside) and capped at `cap` per article, the first ones kept: the server lists the most learned
 * first, and a history file is in the order its owner wrote it.
 */
export function mergeHistory(history: readonly HistoryEntry[], cap = DEFAULT_PHRASINGS_PER_ARTICLE): Array<{ articleId: string; queries: string[] }> {
  const byId = new Map<string, { queries: string[]; seen: Set<string> }>();
  for (const { articleId, queries } of history) {
    const entry = byId.get(articleId) ?? { queries: [], seen: new Set<string>() };
    byId.set(articleId, entry);
    for (const query of queries) {
      const phrase = tidyPhrasing(query);
      const key = normalizePhrasing(phrase);
      if (!key || entry.seen.has(key) || entry.queries.length >= cap) continue;
      entry.seen.add(key);
      entry.queries.push(phrase);
    }
  }
  return [...byId].map(([articleId, { queries }]) => ({ articleId, queries }));
}
