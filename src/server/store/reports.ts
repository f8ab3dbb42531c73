/**
 * The figures of a report that come from transcripts rather than columns: computed in JS over
 * the period's transcripts, which is fine at one help desk's scale (thousands a week) and keeps
 * the logic the same for any engine behind the Store.
 */
import type { TranscriptEntry } from '../../protocol/types';
import type { ArticleBeforeHandoff, NoResultSearch } from './types';

/** The longest list a report gives for searches and articles. */
export const REPORT_TOP = 20;

/**
 * Searches that found nothing, most frequent first. Queries are grouped without regard to case
 * or surrounding spaces ("Refund " and "refund" are one thing the help lacks).
 */
export function noResultSearches(transcripts: readonly TranscriptEntry[][]): NoResultSearch[] {
  const counts = new Map<string, number>();
  for (const transcript of transcripts) {
    for (const e of transcript) {
      if (e.type !== 'search' || e.resultCount !== 0) continue;
      const query = e.query.trim().toLowerCase();
      if (query !== '') counts.set(query, (counts.get(query) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([query, count]) => ({ query, count }))
    .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
    .slice(0, REPORT_TOP);
}

/** Every search in these transcripts, whatever it found, most frequent first (grouped as above). */
export function searchesIn(transcripts: readonly TranscriptEntry[][]): NoResultSearch[] {
  return noResultSearches(transcripts.map((t) => t.map((e) => (e.type === 'search' ? { ...e, resultCount: 0 } : e))));
}

/**
 * The article each visitor read last before asking for a person (the last `article` entry
 * before the `handoff` entry): the articles that most often fall short, most frequent first.
 */
export function articlesBeforeHandoff(transcripts: readonly TranscriptEntry[][]): ArticleBeforeHandoff[] {
  const counts = new Map<string, ArticleBeforeHandoff>();
  for (const transcript of transcripts) {
    const handoffAt = transcript.findIndex((e) => e.type === 'handoff');
    if (handoffAt < 0) continue;
    const last = transcript.slice(0, handoffAt).findLast((e) => e.type === 'article');
    if (last?.type !== 'article') continue;
    const seen = counts.get(last.articleId);
    if (seen) seen.count += 1;
    else counts.set(last.articleId, { articleId: last.articleId, title: last.title, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.articleId.localeCompare(b.articleId)).slice(0, REPORT_TOP);
}

/** The median of `values`, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
