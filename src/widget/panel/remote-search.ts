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

/**
 * Both calls wait when the server asks them to (429, too many searches from this address: its
 * Retry-After) and ask again then, until `signal` says the visitor moved on; `onBusy` is told
 * each time, so the panel can show something meanwhile. A 429 is not a server that is away.
 */
export interface RemoteSearch {
  /** The server's best answers for `query` (the last word may be unfinished); throws when it cannot answer. */
  search(query: string, signal: AbortSignal, onBusy?: () => void): Promise<SearchResult[]>;
  /** One article in full, to open a result; throws when it cannot be had. */
  article(id: string, signal: AbortSignal): Promise<Article>;
  /** The title of an article a result named, for the header while it loads. */
  title(id: string): string | undefined;
}

/**
 * Resolves after `ms`, or rejects once `signal` aborts. Its listener goes when the signal aborts,
 * which the panel does to every search and article it leaves (a newer query, closing).
 */
const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Undefined, said to the site owner, without data-backend: then only the file's own articles are searched. */
export function createRemoteSearch(backend: string | null, url: string, { lang, articles }: { lang: SearchLanguage; articles: readonly Article[] }): RemoteSearch | undefined {
  if (!backend) {
    console.error(`[Lifeline] data-articles: ${url} is searched by the server ("search": "backend"); add data-backend, or only its ${articles.length} popular articles are searched`);
    return undefined;
  }
  const base = backend.replace(/\/$/, '');
  const titles = new Map<string, string>();
  const full = new Map<string, Article>();
  const get = async <T>(path: string, signal: AbortSignal, onBusy?: () => void): Promise<T> => {
    let response: Response;
    // No cookies: the answer is the same for everyone, and caches may share it.
    while ((response = await fetch(`${base}${path}`, { signal, credentials: 'omit', headers: { accept: 'application/json' } })).status === 429) {
      onBusy?.();
      // Seconds, as the protocol says (a missing or unreadable one: 5).
      await wait((Number(response.headers.get('retry-after')) || 5) * 1000, signal);
    }
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    async search(query, signal, onBusy) {
      const answer = await get<SearchAnswer>(`/v1/search?typing=1&q=${encodeURIComponent(query.slice(0, 200))}`, signal, onBusy);
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
