/**
 * Search over help articles: fuse.js does the fuzzy matching (typos, partial words); around it,
 * each query is split into meaningful words, every word is matched on its own, and an article's
 * score is how many of the words it matches and how well. Titles and keywords weigh more than
 * the body, and only an excerpt of the body is indexed so a query stays cheap as articles grow.
 */
import Fuse from 'fuse.js/basic';
import type { Article } from './types';
import { fold, queryTerms, stripMarkdown } from './text';

export type { Article } from './types';

/** [start, end] inclusive, as fuse.js reports them. */
export type Range = readonly [number, number];

export interface SearchResult {
  id: string;
  article: Article;
  /** 0 is a perfect match, 1 no match at all. */
  score: number;
  /** Where the query matched the title, to highlight it. */
  titleRanges: Range[];
}

export interface SearchIndex {
  readonly articles: readonly Article[];
  search(query: string, limit?: number): SearchResult[];
  get(id: string): Article | undefined;
}

interface Doc {
  article: Article;
  title: string;
  keywords: string[];
  tags: string[];
  excerpt: string;
}

/** How much of the body is indexed: the opening of an article says what it is about. */
const EXCERPT_CHARS = 600;

export function createSearchIndex(articles: readonly Article[]): SearchIndex {
  const docs: Doc[] = articles.map((article) => ({
    article,
    // Folded (lower case, no accents) like the query terms; fold keeps lengths, so match
    // ranges still point into the original title for highlighting.
    title: fold(article.title),
    keywords: (article.keywords ?? []).map(fold),
    tags: (article.tags ?? []).map(fold),
    excerpt: fold(stripMarkdown(article.body).slice(0, EXCERPT_CHARS)),
  }));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const common = { includeScore: true, includeMatches: true, ignoreLocation: true, minMatchCharLength: 2 };
  // Two matchers, because fuse.js multiplies key scores: one exact hit anywhere scores ~0, so a
  // word in the body would rank level with the same word in a title. Scored apart, a title,
  // keyword or tag hit counts fully and a body hit counts BODY_WEIGHT. Long bodies match almost
  // anything fuzzily, so they get a stricter threshold.
  const head = new Fuse(docs, {
    ...common,
    keys: [
      { name: 'title', weight: 3 },
      { name: 'keywords', weight: 2 },
      { name: 'tags', weight: 1 },
    ],
    threshold: 0.4,
  });
  const body = new Fuse(docs, { ...common, keys: ['excerpt'], threshold: 0.25 });

  return {
    articles,
    get: (id) => byId.get(id),
    search(query, limit = 10) {
      const terms = queryTerms(query).slice(0, 8);
      if (!terms.length) return [];
      const hits = new Map<Doc, { total: number; ranges: Range[] }>();
      for (const term of terms) {
        const best = new Map<Doc, number>();
        for (const result of head.search(term, { limit: 50 })) {
          const hit = hits.get(result.item) ?? { total: 0, ranges: [] };
          let inTitle = false;
          for (const match of result.matches ?? []) {
            if (match.key !== 'title') continue;
            inTitle = true;
            // Only spans long enough to show the word was found, not fuzzy crumbs like "re".
            hit.ranges.push(...match.indices.filter(([s, e]) => e - s + 1 >= Math.min(term.length, 3)));
          }
          hits.set(result.item, hit);
          // Among equally good matches, the article whose title has the word comes first.
          best.set(result.item, (1 - (result.score ?? 1)) * (inTitle ? 1 : 0.9));
        }
        for (const result of body.search(term, { limit: 50 })) {
          best.set(result.item, Math.max(best.get(result.item) ?? 0, BODY_WEIGHT * (1 - (result.score ?? 1))));
        }
        for (const [doc, quality] of best) {
          const hit = hits.get(doc) ?? { total: 0, ranges: [] };
          hit.total += quality;
          hits.set(doc, hit);
        }
      }
      const ranked = [...hits]
        .map(([doc, hit]) => ({
          id: doc.article.id,
          article: doc.article,
          quality: hit.total / terms.length,
          titleRanges: mergeRanges(hit.ranges),
        }))
        .sort((a, b) => b.quality - a.quality);
      // Weak matches far below the best one are noise, not answers.
      const floor = Math.max(MIN_QUALITY, (ranked[0]?.quality ?? 0) * RELATIVE_FLOOR);
      return ranked
        .filter((r) => r.quality >= floor)
        .slice(0, limit)
        .map(({ quality, ...rest }) => ({ ...rest, score: 1 - quality }));
    },
  };
}

const BODY_WEIGHT = 0.6;
const MIN_QUALITY = 0.2;
const RELATIVE_FLOOR = 0.45;

/** Sorted, non-overlapping ranges, so highlighting never nests. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}
