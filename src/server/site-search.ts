/**
 * The site's search on the server (GET /v1/search): the same engine as the widget's
 * (src/search/), over the articles of LIFELINE_ARTICLES, with the learned phrasings the server
 * serves. A help centre too large for every visitor to download its index (`lifeline index`
 * writes a small file with `"search": "backend"` then) is searched here instead.
 *
 * Kept warm, rebuilt only when something changed: the index follows the catalog's snapshot
 * (a new object when the file changed), loaded from the prebuilt index the file holds when it
 * fits, else built in slices (seconds at 10,000 long articles, once per change, the server
 * answering other requests meanwhile); the phrasings are read
 * from the store at most once a minute (what GET /v1/phrasings promises its caches too), and
 * added to the index only when they differ from the last read.
 */
import '../search/languages/all';
import { createSearchIndexInSlices } from '../search/build-index';
import { searchLanguage } from '../search/language';
import { thesaurusFor } from '../search/wordnet';
import { loadSearchIndex, type Phrasings, type SearchIndex } from '../search/index';
import { fold, stripMarkdown, tokenize } from '../search/text';
import type { Article } from '../search/types';
import type { SearchLanguage } from '../search/language';
import type { ArticleCatalog, CatalogSnapshot } from './article-catalog';

/** At most this many results, as the widget shows. */
export const SEARCH_LIMIT = 5;
/** Characters of a result's snippet, about two lines of the panel. */
const SNIPPET_CHARS = 160;
/** How long the learned phrasings read from the store are used before reading them again. */
const PHRASINGS_TTL_MS = 60_000;

export interface SiteSearchResult {
  id: string;
  title: string;
  /** The part of the body around the first word of the query it holds (else its start), as plain text. */
  snippet: string;
  url: string | null;
}

export interface SiteSearchAnswer {
  results: SiteSearchResult[];
  /** How many articles were searched. */
  articles: number;
  /** The articles' language (their stop words and stems). */
  lang: string;
}

export interface SiteSearch {
  /** Null when the server was not told the articles, or could not read them yet. */
  search(query: string, options?: { typing?: boolean; limit?: number }): Promise<SiteSearchAnswer | null>;
  /** One article in full (to open a result), or null when unknown. */
  article(id: string): Promise<Article | null>;
  /** Starts loading (or building) the index of the articles known now, so the first visitor does not wait for it. */
  warm(): void;
}

export function createSiteSearch(deps: {
  catalog: ArticleCatalog;
  /** The served learned phrasings (phrasings.ts toHistory of the store's). */
  phrasings: () => Promise<Phrasings[]>;
  now: () => number;
}): SiteSearch {
  type Base = { index: SearchIndex; byId: Map<string, Article> };
  let built: { snapshot: CatalogSnapshot; ready: Promise<Base> } | null = null;
  /** The last index ready: searched while the next one builds after the file changed. */
  let lastReady: { snapshot: CatalogSnapshot; base: Base } | null = null;
  let learned: { at: number; key: string; index: SearchIndex; base: SearchIndex } | null = null;
  let reading: Promise<Phrasings[]> | null = null;

  // Built in slices that hand the event loop back (seconds for 10,000 long articles without a
  // prebuilt index): chats, handoffs and event streams go on being served meanwhile.
  const baseIndex = (snapshot: CatalogSnapshot): Promise<Base> => {
    if (built?.snapshot === snapshot) return built.ready;
    const articles: Article[] = snapshot.articles.map(({ id, title, url, text }) => ({
      id,
      title,
      body: text?.body ?? '',
      ...(url && { url }),
      ...(text?.tags && { tags: [...text.tags] }),
      ...(text?.keywords && { keywords: [...text.keywords] }),
    }));
    const first = snapshot.articles[0]?.text;
    const lang = first?.lang;
    const synonyms = first?.synonyms ?? [];
    const ready = (async (): Promise<Base> => {
      await null; // `built` names this build before it can finish
      const index =
        (snapshot.index === undefined ? null : loadSearchIndex(snapshot.index, articles, lang)) ??
        (await createSearchIndexInSlices(articles, { ...(lang && { lang }), synonyms, thesaurus: thesaurusFor(searchLanguage(lang)) }));
      const base = { index, byId: new Map(articles.map((a) => [a.id, a])) };
      if (built?.snapshot === snapshot) lastReady = { snapshot, base };
      return base;
    })();
    built = { snapshot, ready };
    return ready;
  };

  /** The index of `snapshot`, or while it builds the one before it (a file that changed). */
  const usable = (snapshot: CatalogSnapshot): Promise<Base> => {
    const next = baseIndex(snapshot);
    return lastReady && lastReady.snapshot !== snapshot ? Promise.resolve(lastReady.base) : next;
  };

  const withLearned = async (base: SearchIndex): Promise<SearchIndex> => {
    const now = deps.now();
    if (learned && learned.base === base && now - learned.at < PHRASINGS_TTL_MS) return learned.index;
    // One read of the store for every search that arrives while it is under way.
    reading ??= deps.phrasings().finally(() => (reading = null));
    const fresh = await reading.catch((error: Error) => {
      // The database away for a moment: search the articles alone (the phrasings only add to them).
      console.error(`Lifeline: search goes without the learned phrasings (${error.message})`);
      return null;
    });
    if (!fresh) return learned?.base === base ? learned.index : base;
    const key = JSON.stringify(fresh);
    if (learned && learned.base === base && learned.key === key) {
      learned.at = now;
      return learned.index;
    }
    // The prebuilt index's own phrasings (`lifeline index --history`) stay; the served ones are added.
    const index = fresh.length ? base.withPhrasings([...base.phrasings, ...fresh]) : base;
    learned = { at: now, key, index, base };
    return index;
  };

  return {
    async search(query, { typing = false, limit = SEARCH_LIMIT } = {}) {
      const snapshot = deps.catalog.snapshot();
      if (!snapshot) return null;
      const { index } = await usable(snapshot);
      const searchable = await withLearned(index);
      const results = searchable.search(query, Math.min(limit, SEARCH_LIMIT), { typing });
      return {
        articles: index.articles.length,
        lang: index.lang,
        results: results.map(({ article }) => ({
          id: article.id,
          title: article.title,
          snippet: snippetOf(article.body, query, index.lang),
          url: article.url ?? null,
        })),
      };
    },
    async article(id) {
      const snapshot = deps.catalog.snapshot();
      return snapshot ? ((await usable(snapshot)).byId.get(id) ?? null) : null;
    },
    warm() {
      const snapshot = deps.catalog.snapshot();
      if (snapshot) void baseIndex(snapshot);
    },
  };
}

/**
 * About SNIPPET_CHARS of the body as plain text, around the first word of the query it holds
 * (a word that begins with one of the query's stems, as search matches), cut at word boundaries;
 * the start of the body when it holds none (a typo, a learned phrasing found it). One regular
 * expression over the folded text, not the tokenizer over the whole body: five long bodies per
 * request would cost more than the search.
 */
export function snippetOf(markdown: string, query: string, lang: SearchLanguage): string {
  const text = stripMarkdown(markdown).replace(/\s+/g, ' ').trim();
  if (text.length <= SNIPPET_CHARS) return text;
  const stems = [...new Set(tokenize(query, lang).map((t) => t.term))].map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // fold keeps one character for one, so a position in the folded text is one in the text.
  const hit = stems.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.join('|')})`, 'u').exec(fold(text)) : null;
  const at = hit?.index ?? 0;
  // A little context before the word, the rest after it.
  let start = Math.max(0, at - 40);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start + SNIPPET_CHARS / 2) end = space;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
