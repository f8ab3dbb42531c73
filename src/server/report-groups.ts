/**
 * Searches grouped by similar wording, for the Reports page: "refund not received", "where is my
 * refund" and "Refund?" are one thing the help lacks, and the site owner should see it once, with
 * everyone who asked it, rather than three rows of one visitor each.
 *
 * How: each query becomes the set of its words as search cuts them (case, accents, punctuation,
 * stop words and endings folded away, in the articles' language), so "refunds" and "refund" are
 * one word and "how do I" is none. Two queries are alike when their word sets overlap by at least
 * half (Jaccard: shared words / all words), a word of 5 letters or more counting as shared with
 * one a typo away ("refnud"). Queries are taken most asked first, and each joins the group with
 * which it overlaps most (through any of its members), or starts one. A group is named after its
 * most asked query; its visitors are counted once however many of its queries they made.
 * Greedy and quadratic in the distinct queries of a period, which is hundreds at a help desk.
 */
import { queryTerms } from '../search/text';
import type { SearchLanguage } from '../search/language';
import type { HandoffSearches } from './store/types';

/** At least this share of two queries' words in common makes them alike. */
export const ALIKE = 0.5;
/** The longest list of groups a report gives, and of queries shown in one. */
const TOP_GROUPS = 20;
const TOP_QUERIES = 8;

export interface SearchGroup {
  /** The group's most asked query. */
  label: string;
  /** Its queries, most asked first (at most 8), with how many handoffs made each. */
  queries: Array<{ query: string; count: number }>;
  /** Handoffs that made one of its queries. */
  count: number;
  /** Different visitors among them. */
  visitors: number;
}

export function groupSearches(handoffs: readonly HandoffSearches[], lang: SearchLanguage): SearchGroup[] {
  // Per distinct query: the handoffs and visitors that made it.
  const byQuery = new Map<string, { count: number; who: Set<string> }>();
  handoffs.forEach((h) => {
    for (const query of h.queries) {
      const seen = byQuery.get(query) ?? { count: 0, who: new Set<string>() };
      seen.count += 1;
      seen.who.add(h.visitor);
      byQuery.set(query, seen);
    }
  });
  const queries = [...byQuery]
    .map(([query, { count, who }]) => ({ query, count, who, words: wordsOf(query, lang) }))
    .sort((a, b) => b.who.size - a.who.size || b.count - a.count || a.query.localeCompare(b.query));

  const groups: Array<{ members: typeof queries; who: Set<string>; count: number }> = [];
  for (const q of queries) {
    let best: (typeof groups)[number] | null = null;
    let bestScore = 0;
    for (const group of groups) {
      for (const member of group.members) {
        const score = jaccard(q.words, member.words);
        if (score >= ALIKE && score > bestScore) {
          best = group;
          bestScore = score;
        }
      }
    }
    if (best) {
      best.members.push(q);
      best.count += q.count;
      q.who.forEach((v) => best.who.add(v));
    } else groups.push({ members: [q], who: new Set(q.who), count: q.count });
  }
  return groups
    .map(({ members, who, count }) => ({
      label: members[0]!.query,
      queries: members.slice(0, TOP_QUERIES).map(({ query, count: n }) => ({ query, count: n })),
      count,
      visitors: who.size,
    }))
    .sort((a, b) => b.visitors - a.visitors || b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, TOP_GROUPS);
}

/** The words search would match: stems without stop words; a query of only stop words keeps its plain words. */
function wordsOf(query: string, lang: SearchLanguage): string[] {
  const terms = queryTerms(query, lang);
  return terms.length ? terms : (query.match(/[\p{L}\p{N}]+/gu) ?? [query]);
}

/** Shared words over all words, a long word matching one a typo away. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const shared = a.filter((x) => b.some((y) => sameWord(x, y))).length;
  return shared / (a.length + b.length - shared);
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  return oneEditApart(a, b);
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const rest = (k: number) => a.slice(k) === b.slice(k);
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2));
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}
