/**
 * Building a search index from articles (index.ts explains the design): every article read,
 * its words stemmed and weighted per field (BM25F), site-owner synonyms added. The widget needs
 * this only for an articles file without a prebuilt index (`lifeline index` writes one), so it
 * is a chunk of its own there.
 */
import { assemble, fingerprintOf, idfOf, type ArticleCore, type IndexOptions, type SearchIndex, type Thesaurus } from './index';
import { languageOf, searchLanguage, type SearchLanguage } from './language';
import { stripMarkdown, tokenize } from './text';
import type { Article } from './types';

// BM25F: field weights, term-frequency saturation and length normalisation.
const FIELDS = [
  ['title', 3],
  ['keywords', 2],
  ['tags', 2],
  ['synonyms', 1.5],
  ['body', 1],
  // Other words for the article's words (a thesaurus: WordNet's, when indexed in Node), a lesser
  // match than any of its own. At 0.25 Banking77 answers 0.2 points more of its queries in the
  // top three than at 0.15; at 0.5, English Stack Exchange's off-topic questions find more.
  ['thesaurus', 0.25],
] as const;
const K1 = 1.2;
const B = 0.75;

export function createSearchIndex(articles: readonly Article[], options: IndexOptions = {}): SearchIndex {
  const steps = buildArticleCore(articles, searchLanguage(options.lang), options.synonyms ?? [], options.thesaurus);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return assemble(step.value, options.phrasings ?? [], options.minConfidence);
}

/** How the sliced builder hands the main thread back: the browser's scheduler.yield where there is one. */
export type YieldToHost = () => Promise<void>;

/**
 * The same index as createSearchIndex, built in slices of about `sliceMs` with the main thread
 * handed back between them (`yieldToHost`), so building 1,000 long articles in the browser never
 * blocks input for more than a slice: one task of ~200 ms became many of under 50. A slice ends
 * after the article (or posting list) that passes its time; one long article is the least a
 * slice does. The time is injected so tests count slices, not milliseconds.
 */
export async function createSearchIndexInSlices(
  articles: readonly Article[],
  options: IndexOptions = {},
  { yieldToHost = defaultYield, sliceMs = 8, now = () => performance.now() }: { yieldToHost?: YieldToHost; sliceMs?: number; now?: () => number } = {},
): Promise<SearchIndex> {
  const steps = buildArticleCore(articles, searchLanguage(options.lang), options.synonyms ?? [], options.thesaurus);
  let started = now();
  let step = steps.next();
  while (!step.done) {
    if (now() - started >= sliceMs) {
      await yieldToHost();
      started = now();
    }
    step = steps.next();
  }
  return assemble(step.value, options.phrasings ?? [], options.minConfidence);
}

/** scheduler.yield (Chromium), else a message through a channel: a new task, without setTimeout's 4 ms clamp. */
const defaultYield: YieldToHost = () => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
};

/**
 * The article index, one step per article read, per article weighted and per posting list made:
 * createSearchIndex runs every step at once, createSearchIndexInSlices a slice at a time.
 */
function* buildArticleCore(
  articles: readonly Article[],
  lang: SearchLanguage,
  synonyms: ReadonlyArray<readonly string[]>,
  thesaurus: Thesaurus | undefined,
): Generator<void, ArticleCore> {
  const groups = synonyms.map((group) => group.map((member) => tokenize(member, lang).map((t) => t.term)).filter((m) => m.length));
  // The article's words as written, and per word the stems of its thesaurus words (once a build).
  const written = new Set<string>();
  const related = new Map<string, string[]>();
  const { stopWords } = languageOf(lang);
  // Per field, per article: term counts and length.
  const docs: Array<Record<string, string[]>> = [];
  for (const article of articles) {
    const fields: Record<string, string[]> = {
      title: terms(article.title),
      keywords: terms((article.keywords ?? []).join(' . ')),
      tags: terms((article.tags ?? []).join(' . ')),
      body: terms(stripMarkdown(article.body)),
    };
    fields.synonyms = synonymTerms(groups, new Set(Object.values(fields).flat()));
    fields.thesaurus = thesaurus ? thesaurusTerms(thesaurus, new Set(Object.values(fields).flat())) : [];
    written.clear();
    docs.push(fields);
    yield;
  }
  const averages = FIELDS.map(([name]) => docs.reduce((sum, d) => sum + d[name]!.length, 0) / Math.max(1, docs.length) || 1);
  const lists = new Map<string, { docs: number[]; weights: number[] }>();
  for (let at = 0; at < docs.length; at++) {
    const fields = docs[at]!;
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
    yield;
  }
  const postings: ArticleCore['postings'] = new Map();
  let made = 0;
  for (const [word, list] of lists) {
    postings.set(word, { docs: Uint32Array.from(list.docs), weights: Float32Array.from(list.weights), idf: idfOf(articles.length, list.docs.length) });
    // Many short lists: a step every 256 of them.
    if (++made % 256 === 0) yield;
  }
  return { articles, lang, fingerprint: fingerprintOf(articles), postings };

  function terms(text: string): string[] {
    const tokens = tokenize(text, lang, true);
    // The words as the article writes them, for the thesaurus (which knows "charges", not "charg").
    // Not a quoted stop word ("while" as a word is not "a while").
    if (thesaurus) {
      for (const t of tokens) {
        const word = text.slice(t.start, t.end + 1).toLowerCase();
        if (!stopWords.has(word)) written.add(word);
      }
    }
    return tokens.map((t) => t.term);
  }

  /** The stems of the thesaurus's words for the article's words, each once, none the article has. */
  function thesaurusTerms(of: Thesaurus, present: ReadonlySet<string>): string[] {
    const out = new Set<string>();
    for (const word of written) {
      let stems = related.get(word);
      if (!stems) related.set(word, (stems = of(word).flatMap((other) => tokenize(other, lang).map((t) => t.term))));
      for (const term of stems) if (!present.has(term)) out.add(term);
    }
    return [...out];
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

