/**
 * Learned phrasings (history.json: `{articleId, queries[]}`, what past visitors typed before a
 * human resolved their question), added to articles as extra keywords.
 *
 * A simple, honest first version: each article's past queries are appended as `keywords`
 * (deduplicated, at most MAX_HISTORY_KEYWORDS per article) before the index is built. It does not
 * weigh recent or frequent phrasings, forget stale ones, or learn words rather than whole
 * queries; the real learning design is future work.
 */
import type { Article } from './types';

export interface HistoryEntry {
  articleId: string;
  queries: string[];
}

export const MAX_HISTORY_KEYWORDS = 50;

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

/** New articles with each one's history queries appended to its keywords; the input is not changed. */
export function withHistory(articles: readonly Article[], history: readonly HistoryEntry[], cap = MAX_HISTORY_KEYWORDS): Article[] {
  const byId = new Map<string, string[]>();
  for (const { articleId, queries } of history) byId.set(articleId, [...(byId.get(articleId) ?? []), ...queries]);
  return articles.map((article) => {
    const learned = byId.get(article.id);
    if (!learned) return article;
    const keywords = [...(article.keywords ?? [])];
    const seen = new Set(keywords.map((k) => k.trim().toLowerCase()));
    let added = 0;
    for (const query of learned) {
      if (added >= cap) break;
      const phrase = query.trim().replace(/\s+/g, ' ');
      const key = phrase.toLowerCase();
      if (!phrase || seen.has(key)) continue;
      seen.add(key);
      keywords.push(phrase);
      added++;
    }
    return keywords.length > 0 ? { ...article, keywords } : article;
  });
}
