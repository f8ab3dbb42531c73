/**
 * Building a search index from articles (index.ts explains the design): every article read,
 * its words stemmed and weighted per field (BM25F), site-owner synonyms added. The widget needs
 * this only for an articles file without a prebuilt index (`lifeline index` writes one), so it
 * is a chunk of its own there.
 */
import { assemble, fingerprintOf, idfOf, type ArticleCore, type IndexOptions, type SearchIndex } from './index';
import { searchLanguage, type SearchLanguage } from './language';
import { stripMarkdown, tokenize } from './text';
import type { Article } from './types';

// BM25F: field weights, term-frequency saturation and length normalisation.
const FIELDS = [
  ['title', 3],
  ['keywords', 2],
  ['tags', 2],
  ['synonyms', 1.5],
  ['body', 1],
] as const;
const K1 = 1.2;
const B = 0.75;

export function createSearchIndex(articles: readonly Article[], options: IndexOptions = {}): SearchIndex {
  const lang = searchLanguage(options.lang);
  return assemble(buildArticleCore(articles, lang, options.synonyms ?? []), options.phrasings ?? [], options.minConfidence);
}

function buildArticleCore(articles: readonly Article[], lang: SearchLanguage, synonyms: ReadonlyArray<readonly string[]>): ArticleCore {
  const groups = synonyms.map((group) => group.map((member) => tokenize(member, lang).map((t) => t.term)).filter((m) => m.length));
  // Per field, per article: term counts and length.
  const docs = articles.map((article) => {
    const fields: Record<string, string[]> = {
      title: terms(article.title),
      keywords: terms((article.keywords ?? []).join(' . ')),
      tags: terms((article.tags ?? []).join(' . ')),
      body: terms(stripMarkdown(article.body)),
    };
    fields.synonyms = synonymTerms(groups, new Set(Object.values(fields).flat()));
    return fields;
  });
  const averages = FIELDS.map(([name]) => docs.reduce((sum, d) => sum + d[name]!.length, 0) / Math.max(1, docs.length) || 1);
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  docs.forEach((fields, at) => {
    const weighted = new Map<string, number>();
    FIELDS.forEach(([name, weight], f) => {
      const words = fields[name]!;
      const norm = 1 - B + (B * words.length) / averages[f]!;
      for (const word of words) weighted.set(word, (weighted.get(word) ?? 0) + weight / norm);
    });
    for (const [word, tf] of weighted) {
      const list = lists.get(word) ?? { docs: [], weights: [] };
      list.docs.push(at);
      // Saturating: the tenth mention adds less than the first. Rounded as serialized.
      list.weights.push(Math.round((tf / (K1 + tf)) * 1000) / 1000);
      lists.set(word, list);
    }
  });
  const postings: ArticleCore['postings'] = new Map();
  for (const [word, list] of lists) {
    postings.set(word, { docs: Uint32Array.from(list.docs), weights: Float32Array.from(list.weights), idf: idfOf(articles.length, list.docs.length) });
  }
  return { articles, lang, fingerprint: fingerprintOf(articles), postings };

  function terms(text: string): string[] {
    return tokenize(text, lang, true).map((t) => t.term);
  }
}

/**
 * Doc-side synonyms: when an article says one member of a group ("refund"), the words of the
 * other members ("money", "back") are added to its synonyms field, so either phrasing finds it.
 */
function synonymTerms(groups: string[][][], present: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const group of groups) {
    const has = group.map((member) => member.every((t) => present.has(t)));
    if (!has.includes(true)) continue;
    group.forEach((member, i) => {
      if (!has[i]) out.push(...member);
    });
  }
  return out;
}

