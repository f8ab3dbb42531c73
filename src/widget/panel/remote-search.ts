/**
 * Search through the server, for a help centre too large to download its index (the articles
 * file says `"search": "backend"`; `lifeline index` decides, README "Search"). A chunk of its
 * own: a site searched in the browser never fetches it. The answers are shaped as the in-browser
 * search's, so the panel shows them the same way; the articles it names are fetched when opened.
 */
import type { SearchResult } from '../../search/index';
import { queryTerms, tokenize } from '../../search/text';
import type { SearchLanguage } from '../../search/language';
import type { Article } from '../../search/types';
import type { SearchAnswer } from '../../protocol/search';

export interface RemoteSearch {
  /** The server's best answers for `query` (the last word may be unfinished); throws when it cannot answer. */
  search(query: string, signal: AbortSignal): Promise<SearchResult[]>;
  /** One article in full, to open a result; throws when it cannot be had. */
  article(id: string, signal: AbortSignal): Promise<Article>;
  /** The title of an article a result named, for the header while it loads. */
  title(id: string): string | undefined;
}

/** Undefined, said to the site owner, without data-backend: then only the file's own articles are searched. */
export function createRemoteSearch(backend: string | null, url: string, { lang, articles }: { lang: SearchLanguage; articles: readonly Article[] }): RemoteSearch | undefined {
  if (!backend) {
    console.error(`[Lifeline] data-articles: ${url} is searched by the server ("search": "backend"); add data-backend, or only its ${articles.length} popular articles are searched`);
    return undefined;
  }
  const base = backend.replace(/\/$/, '');
  const titles = new Map<string, string>();
  const full = new Map<string, Article>();
  const get = async <T>(path: string, signal: AbortSignal): Promise<T> => {
    // No cookies: the answer is the same for everyone, and caches may share it.
    const response = await fetch(`${base}${path}`, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    async search(query, signal) {
      const answer = await get<SearchAnswer>(`/v1/search?typing=1&q=${encodeURIComponent(query.slice(0, 200))}`, signal);
      const words = new Set(queryTerms(query, lang));
      return answer.results.map(({ id, title, snippet, url }) => {
        titles.set(id, title);
        return {
          id,
          article: { id, title, body: snippet, ...(url && { url }) },
          score: 0,
          // The query's words in the title, highlighted as the in-browser search does.
          titleRanges: tokenize(title, lang).filter((t) => words.has(t.term)).map((t) => [t.start, t.end] as const),
        };
      });
    },
    async article(id, signal) {
      const known = full.get(id);
      if (known) return known;
      const article = await get<Article>(`/v1/articles/${encodeURIComponent(id)}`, signal);
      full.set(id, article);
      return article;
    },
    title: (id) => titles.get(id) ?? full.get(id)?.title,
  };
}
