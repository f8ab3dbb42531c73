/**
 * The figures of a report that come from transcripts rather than columns: computed in JS over
 * the period's transcripts, which is fine at one help desk's scale (thousands a week) and keeps
 * the logic the same for any engine behind the Store.
 */
import type { TranscriptEntry, Visitor } from '../../protocol/types';
import type { ArticleBeforeHandoff, ArticleReadBeforeHandoff, HandoffSearches, NoResultSearch, RatingFigures } from './types';

/** What a report reads of one handoff. */
export interface ReportHandoff {
  id: string;
  visitor: Visitor | null;
  transcript: TranscriptEntry[];
}

/**
 * Who a handoff's visitor is, as far as the report can tell: the site's id for them, else their
 * e-mail, else their phone; an anonymous visitor counts as one person per handoff (a widget
 * makes a new handoff only when its visitor asks again).
 */
export function visitorKey(h: ReportHandoff): string {
  const v = h.visitor;
  if (v?.id) return `id:${v.id}`;
  if (v?.email) return `email:${v.email.trim().toLowerCase()}`;
  const phone = v?.phone?.replace(/[^\d+]/g, '');
  if (phone) return `phone:${phone}`;
  return `handoff:${h.id}`;
}

/** How many different visitors these handoffs came from. */
export const countVisitors = (handoffs: readonly ReportHandoff[]): number => new Set(handoffs.map(visitorKey)).size;

/** Counts of a thing by key: how many times, and by how many different visitors. */
function tally<T extends { count: number; visitors: number }>() {
  const rows = new Map<string, { row: T; who: Set<string> }>();
  return {
    add(key: string, visitor: string, make: () => T): void {
      const seen = rows.get(key);
      if (seen) {
        seen.row.count += 1;
        seen.who.add(visitor);
      } else rows.set(key, { row: make(), who: new Set([visitor]) });
    },
    /** Most visitors first, then most times, then `tie`. */
    top(tie: (a: T, b: T) => number): T[] {
      return [...rows.values()]
        .map(({ row, who }) => ({ ...row, visitors: who.size }))
        .sort((a, b) => b.visitors - a.visitors || b.count - a.count || tie(a, b))
        .slice(0, REPORT_TOP);
    },
  };
}

/** The longest list a report gives for searches and articles. */
export const REPORT_TOP = 20;

/**
 * Searches that found nothing, by how many visitors made them, then how many times. Queries are
 * grouped without regard to case or surrounding spaces ("Refund " and "refund" are one thing the
 * help lacks); one visitor searching the same thing again is one visitor, more times.
 */
export function noResultSearches(handoffs: readonly ReportHandoff[]): NoResultSearch[] {
  const counts = tally<NoResultSearch>();
  for (const h of handoffs) {
    const visitor = visitorKey(h);
    for (const e of h.transcript) {
      if (e.type !== 'search' || e.resultCount !== 0) continue;
      const query = e.query.trim().toLowerCase();
      if (query !== '') counts.add(query, visitor, () => ({ query, count: 1, visitors: 1 }));
    }
  }
  return counts.top((a, b) => a.query.localeCompare(b.query));
}

/** Every search in these handoffs, whatever it found, counted as above. */
export function searchesIn(handoffs: readonly ReportHandoff[]): NoResultSearch[] {
  return noResultSearches(
    handoffs.map((h) => ({ ...h, transcript: h.transcript.map((e) => (e.type === 'search' ? { ...e, resultCount: 0 } : e)) })),
  );
}

/**
 * The article each visitor read last before asking for a person (the last `article` entry
 * before the `handoff` entry): the articles that most often fall short, by visitors, then handoffs.
 */
export function articlesBeforeHandoff(handoffs: readonly ReportHandoff[]): ArticleBeforeHandoff[] {
  const counts = tally<ArticleBeforeHandoff>();
  for (const h of handoffs) {
    const handoffAt = h.transcript.findIndex((e) => e.type === 'handoff');
    if (handoffAt < 0) continue;
    const last = h.transcript.slice(0, handoffAt).findLast((e) => e.type === 'article');
    if (last?.type !== 'article') continue;
    counts.add(last.articleId, visitorKey(h), () => ({ articleId: last.articleId, title: last.title, count: 1, visitors: 1 }));
  }
  return counts.top((a, b) => a.articleId.localeCompare(b.articleId));
}

/**
 * Every article visitors read before asking for a person anyway (any read before the `handoff`
 * entry, not only the last): in how many handoffs, by how many visitors, and how many of those
 * answered its "Did this help?" with No. The articles that most often fall short, by visitors.
 */
export function articlesReadBeforeHandoff(handoffs: readonly ReportHandoff[]): ArticleReadBeforeHandoff[] {
  const rows = new Map<string, { row: ArticleReadBeforeHandoff; who: Set<string>; no: Set<string> }>();
  for (const h of handoffs) {
    const handoffAt = h.transcript.findIndex((e) => e.type === 'handoff');
    if (handoffAt < 0) continue;
    const visitor = visitorKey(h);
    const before = h.transcript.slice(0, handoffAt);
    const read = new Map<string, string>();
    for (const e of before) if (e.type === 'article') read.set(e.articleId, e.title);
    const notHelpful = new Set(before.flatMap((e) => (e.type === 'feedback' && !e.helpful ? [e.articleId] : [])));
    for (const [articleId, title] of read) {
      const seen = rows.get(articleId) ?? { row: { articleId, title, count: 0, visitors: 0, notHelpful: 0 }, who: new Set<string>(), no: new Set<string>() };
      seen.row.count += 1;
      seen.who.add(visitor);
      if (notHelpful.has(articleId)) seen.no.add(visitor);
      rows.set(articleId, seen);
    }
  }
  return [...rows.values()]
    .map(({ row, who, no }) => ({ ...row, visitors: who.size, notHelpful: no.size }))
    .sort((a, b) => b.visitors - a.visitors || b.count - a.count || a.articleId.localeCompare(b.articleId))
    .slice(0, REPORT_TOP);
}

/**
 * Per handoff, who asked and what they searched before asking for a person (each query once,
 * trimmed, lower case): what the report groups by wording (report-groups.ts), in the service,
 * where the articles' language is known.
 */
export function handoffSearches(handoffs: readonly ReportHandoff[], noArticle: ReadonlySet<string>): HandoffSearches[] {
  return handoffs.flatMap((h) => {
    const handoffAt = h.transcript.findIndex((e) => e.type === 'handoff');
    const before = handoffAt < 0 ? h.transcript : h.transcript.slice(0, handoffAt);
    const queries = [...new Set(before.flatMap((e) => (e.type === 'search' && e.query.trim() !== '' ? [e.query.trim().toLowerCase()] : [])))];
    return queries.length ? [{ visitor: visitorKey(h), noArticle: noArticle.has(h.id), queries }] : [];
  });
}

/** The median of `values`, or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How many ratings of a period said `good` and `repeated` (null: the repeat question left unanswered). */
export interface RatingCount {
  good: boolean;
  repeated: boolean | null;
  n: number;
}

/** A part of a whole as a fraction, or null when the whole is nothing (no share to speak of). */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The report's rating figures from the counts each engine groups: the share of Good among the
 * ratings, and the share of Yes (had to repeat themselves) among those who answered that question.
 */
export function ratingFigures(counts: readonly RatingCount[]): RatingFigures {
  let rated = 0;
  let good = 0;
  let repeatAnswered = 0;
  let repeated = 0;
  for (const c of counts) {
    rated += c.n;
    if (c.good) good += c.n;
    if (c.repeated !== null) repeatAnswered += c.n;
    if (c.repeated === true) repeated += c.n;
  }
  return { rated, good, goodShare: share(good, rated), repeatAnswered, repeated, repeatedShare: share(repeated, repeatAnswered) };
}
