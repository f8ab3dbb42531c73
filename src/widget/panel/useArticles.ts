import { useEffect, useState } from 'preact/hooks';
import { parseArticles } from '../../search/articles';
import { createSearchIndex, type SearchIndex } from '../../search/index';

export type ArticlesState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'ready'; index: SearchIndex };

/**
 * Fetches `data-articles` once and builds the search index. Any failure (network, 404,
 * malformed JSON) is told to the site owner in the console and to the visitor as plain words;
 * the panel keeps the phone and the way to a human either way.
 */
export function useArticles(url: string | null): ArticlesState {
  const [state, setState] = useState<ArticlesState>(url ? { status: 'loading' } : { status: 'none' });
  useEffect(() => {
    if (!url) return;
    const abort = new AbortController();
    const fail = (why: string): void => {
      console.error(`[Lifeline] data-articles: ${url} ${why}`);
      setState({ status: 'failed' });
    };
    fetch(url, { signal: abort.signal, credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) return fail(`answered ${response.status} ${response.statusText}`.trim());
        let json: unknown;
        try {
          json = JSON.parse(await response.text());
        } catch (error) {
          return fail(`is not valid JSON (${(error as Error).message})`);
        }
        const { articles, problems } = parseArticles(json);
        for (const problem of problems) console.error(`[Lifeline] data-articles: ${url}: ${problem}`);
        if (!articles.length) return fail('has no usable articles');
        setState({ status: 'ready', index: createSearchIndex(articles) });
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) fail(`could not be fetched (${(error as Error).message})`);
      });
    return () => abort.abort();
  }, [url]);
  return state;
}
