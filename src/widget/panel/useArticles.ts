import { useCallback, useEffect, useState } from 'preact/hooks';
import { articlesLanguage, readArticlesFile } from '../../search/articles-file';
import { loadSearchLanguage } from '../../search/language-load';
import type { SearchIndex } from '../../search/index';
import type { RemoteSearch } from './remote-search';

export type ArticlesState =
  | { status: 'none' }
  | { status: 'loading' }
  /** `retry` fetches the file again (a flaky network, a deploy in progress). */
  | { status: 'failed'; retry(): void }
  /** `remote`: the server searches (`"search": "backend"`); `index` holds the file's popular articles. */
  | { status: 'ready'; index: SearchIndex; remote?: RemoteSearch };

/**
 * Fetches `data-articles` once and loads its prebuilt search index (or builds one). Any failure
 * (network, 404, malformed JSON) is told to the site owner in the console and to the visitor as
 * plain words; the panel keeps the phone and the way to a human either way.
 *
 * With a backend, the phrasings it learned from resolved handoffs (/v1/phrasings) are fetched
 * alongside and added when they arrive: search works without them, and a backend that is down
 * costs nothing but the learning.
 *
 * A help centre too large to download says `"search": "backend"`: the file holds its popular
 * articles, and the server searches the rest (remote-search.ts, fetched only then).
 */
export function useArticles(url: string | null, backend: string | null, lang: string): ArticlesState {
  const [state, setState] = useState<ArticlesState>(url ? { status: 'loading' } : { status: 'none' });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if (!url) return;
    setState({ status: 'loading' });
    const abort = new AbortController();
    const get = (from: string, credentials: RequestCredentials): Promise<Response> =>
      fetch(from, { signal: abort.signal, credentials, headers: { accept: 'application/json' } });
    const fail = (why: string): void => {
      console.error(`[Lifeline] data-articles: ${url} ${why}`);
      setState({ status: 'failed', retry });
    };
    const learned: Promise<unknown> = backend
      ? get(`${backend.replace(/\/$/, '')}/v1/phrasings`, 'omit')
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null)
      : Promise.resolve(null);
    // The widget's language is the likely language of the articles: its table is fetched beside them.
    void loadSearchLanguage(lang).catch(() => undefined);
    get(url, 'same-origin')
      .then(async (response) => {
        if (!response.ok) return fail(`answered ${response.status} ${response.statusText}`.trim());
        let json: unknown;
        try {
          json = JSON.parse(await response.text());
        } catch (error) {
          return fail(`is not valid JSON (${(error as Error).message})`);
        }
        const file = readArticlesFile(json, { lang: await loadSearchLanguage(articlesLanguage(json, lang)) });
        for (const problem of file.problems) console.error(`[Lifeline] data-articles: ${url}: ${problem}`);
        if (!file.articles.length) return fail('has no usable articles');
        // Without a prebuilt index (`lifeline index` writes one), the builder is fetched and run
        // here, in slices that hand the main thread back: the page stays responsive while it builds.
        const index = file.index ?? (await (await import('../../search/build-index')).createSearchIndexInSlices(file.articles, file));
        let remote: RemoteSearch | undefined;
        if ((json as { search?: unknown }).search === 'backend') remote = (await import('./remote-search')).createRemoteSearch(backend, url, file);
        if (abort.signal.aborted) return;
        setState({ status: 'ready', index, ...(remote && { remote }) });
        const feed = (await learned) as { phrasings?: unknown } | null;
        if (Array.isArray(feed?.phrasings) && feed.phrasings.length && !abort.signal.aborted) {
          setState({ status: 'ready', index: index.withPhrasings([...index.phrasings, ...feed.phrasings]), ...(remote && { remote }) });
        }
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) fail(`could not be fetched (${(error as Error).message})`);
      });
    return () => abort.abort();
  }, [url, backend, lang, attempt]);
  return state;
}
