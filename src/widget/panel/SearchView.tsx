import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PanelCtx } from './context';
import type { SearchResult } from '../../search/index';
import type { ArticlesState } from './useArticles';
import type { PanelStrings } from './strings';
import { ResultList } from './ResultList';
import { queryTerms } from '../../search/text';

/** A query counts as settled (one transcript entry) once typing pauses this long. */
const SETTLE_MS = 900;
/** The result count is announced a little after typing pauses, so a screen reader isn't flooded. */
const ANNOUNCE_MS = 450;
const POPULAR = 5;
/** Searching through the server: a request once typing pauses this long, not at every key. */
const REMOTE_MS = 150;

interface Props {
  ctx: PanelCtx;
  strings: PanelStrings;
  articles: ArticlesState;
  query: string;
  onQuery(query: string): void;
  onOpenArticle(id: string): void;
  onHuman(): void;
}

export function SearchView({ ctx, strings, articles, query, onQuery, onOpenArticle, onHuman }: Props) {
  const index = articles.status === 'ready' ? articles.index : null;
  const remote = articles.status === 'ready' ? articles.remote : undefined;
  // A query of only filler words ("how do I") is not a question yet: popular articles stay.
  // Without articles (still loading, or failed) what was typed is still what the visitor tried.
  const trimmed = !index || queryTerms(query, index.lang, true).length ? query.trim() : '';
  // The server's answer to the latest query it answered; results null: it could not be reached,
  // or (busy) it asked us to wait (429) while nothing was shown.
  const [answer, setAnswer] = useState<{ query: string; results: SearchResult[] | null; busy?: boolean } | null>(null);
  useEffect(() => {
    if (!remote || !trimmed) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      remote.search(query, abort.signal, () =>
        // Asked to wait: the results shown stay; with none, the popular articles and the person
        // meanwhile. remote-search asks again after Retry-After while this is still the query.
        setAnswer((shown) => (shown?.results?.length ? shown : { query, results: null, busy: true })),
      ).then(
        (found) => setAnswer({ query, results: found }),
        () => abort.signal.aborted || setAnswer({ query, results: null }),
      );
    }, REMOTE_MS);
    // A newer query (or leaving) drops this one, sent or not: an old answer never replaces a newer.
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [remote, query]);
  // Without the server, the popular articles the file holds are searched here, and a person offered.
  const offline = !!remote && answer?.results === null;
  // Typing: the last word may be unfinished, so its completions count; at most MAX_RESULTS
  // (search/index.ts), the index's default limit.
  const local: SearchResult[] = useMemo(
    () => (index && trimmed && (!remote || offline) ? index.search(query, undefined, { typing: true }) : []),
    [index, query, offline],
  );
  const results = remote && !offline ? (answer?.results ?? []) : local;
  // Through the server, "no good answer" waits for its first answer.
  const answered = !remote || answer !== null;
  // Results kept from an earlier query (the server is slow, or asked us to wait) are not
  // announced or recorded as this query's.
  const fresh = !remote || answer?.query === query;
  const busy = answer?.busy;
  const [announced, setAnnounced] = useState('');
  const recorded = useRef('');
  const box = useRef<HTMLInputElement>(null);

  // On a pause in typing (with articles), or on leaving the view: then even without articles, so
  // a visitor who typed while they were loading or had failed and went to a person is not
  // asked again (with no results, which is what they saw).
  const settle = (): void => {
    if (!trimmed || recorded.current === trimmed) return;
    recorded.current = trimmed;
    const topIds = results.slice(0, 3).map((r) => r.id);
    ctx.transcript.append({ type: 'search', query: trimmed, resultCount: results.length, topIds });
    ctx.emitter.emit('search', { query: trimmed, resultCount: results.length, topIds });
  };
  const settleRef = useRef(settle);
  settleRef.current = settle;

  useEffect(() => {
    if (!index || !trimmed || !fresh) return setAnnounced('');
    const announce = setTimeout(() => setAnnounced(results.length ? strings.results(results.length) : busy ? strings.searchBusy : strings.noResults(trimmed)), ANNOUNCE_MS);
    // While the server has us wait, its answer is still to come: recorded then (or on leaving).
    const timer = busy ? undefined : setTimeout(() => settleRef.current(), SETTLE_MS);
    return () => {
      clearTimeout(announce);
      clearTimeout(timer);
    };
  }, [index, trimmed, results, fresh, busy]);
  // Leaving the view (opening an article, closing the panel) settles what was typed.
  useEffect(() => () => settleRef.current(), []);

  const open = (id: string): void => {
    settle();
    onOpenArticle(id);
  };

  return (
    <div class="ll-view ll-search">
      {ctx.settings.greeting && <p class="ll-greeting">{ctx.settings.greeting}</p>}
      <form
        role="search"
        class="ll-search-form"
        onSubmit={(event) => {
          event.preventDefault();
          settle();
          const first = results[0];
          if (first) open(first.id);
        }}
      >
        <input
          ref={box}
          type="search"
          class="ll-input"
          aria-label={strings.searchLabel}
          placeholder={strings.searchPlaceholder}
          value={query}
          // The question's own direction once typed (an English query in an Arabic panel reads left
          // to right with the clear button at its end, not under its first letter); empty, the
          // panel's, so the placeholder reads as the panel does.
          dir={query ? 'auto' : undefined}
          onInput={(event) => onQuery((event.currentTarget as HTMLInputElement).value)}
          autocomplete="off"
          spellcheck={false}
          enterKeyHint="search"
          maxLength={200}
        />
      </form>
      <p class="ll-sr" role="status" aria-live="polite">{announced}</p>

      {articles.status === 'loading' && <p class="ll-note">{strings.loading}</p>}
      {articles.status === 'failed' && (
        <PersonFirst text={strings.articlesFailed} strings={strings} onHuman={onHuman}>
          <button type="button" class="ll-pill ll-plain ll-wrap" onClick={() => {
            // The button goes while the articles load: focus the view's first control, the search box.
            box.current?.focus();
            articles.retry();
          }}>{strings.retryArticles}</button>
        </PersonFirst>
      )}
      {articles.status === 'none' && <PersonFirst text={strings.noArticles} strings={strings} onHuman={onHuman} />}

      {offline && trimmed && <p class="ll-note">{busy ? strings.searchBusy : strings.searchFailed}</p>}
      {/* Also while the server has us wait and the file's own articles match nothing: the note says "here are the articles". */}
      {index && (!trimmed || (busy && !results.length)) && (
        <section aria-labelledby="ll-popular">
          <h3 id="ll-popular" class="ll-section-title">{strings.popular}</h3>
          <ResultList
            results={index.articles.slice(0, POPULAR).map((article) => ({ id: article.id, article, score: 0, titleRanges: [] }))}
            onOpen={open}
          />
        </section>
      )}
      {index && trimmed && results.length > 0 && (
        <>
          <p class="ll-count" aria-hidden="true">{strings.results(results.length)}</p>
          <ResultList results={results} onOpen={open} />
        </>
      )}
      {index && trimmed && answered && results.length === 0 && (
        <PersonFirst title={busy ? undefined : strings.noResults(trimmed)} text={strings.noResultsHint} strings={strings} onHuman={() => { settle(); onHuman(); }} />
      )}
    </div>
  );
}

/** When self-help has nothing, a person comes first. */
function PersonFirst(props: { title?: string; text: string; strings: PanelStrings; onHuman(): void; children?: ComponentChildren }) {
  return (
    <div class="ll-person-first">
      {props.title && <p class="ll-person-first-title">{props.title}</p>}
      <p>{props.text}</p>
      <div class="ll-row ll-person-first-actions">
        <button type="button" class="ll-pill ll-accent ll-wrap" onClick={props.onHuman}>{props.strings.contactPerson}</button>
        {props.children}
      </div>
    </div>
  );
}
