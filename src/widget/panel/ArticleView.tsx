import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelCtx } from './context';
import type { ArticlesState } from './useArticles';
import type { Article } from '../../search/types';
import type { PanelStrings } from './strings';
import { Markdown } from './Markdown';
import { useFocusOnChange } from './useFocusOnChange';

interface Props {
  ctx: PanelCtx;
  strings: PanelStrings;
  articles: ArticlesState;
  id: string;
  onOpenArticle(id: string): void;
  onHuman(): void;
}

/** One article, rendered from Markdown without innerHTML, with "Did this help?". */
export function ArticleView({ ctx, strings, articles, id, onOpenArticle, onHuman }: Props) {
  const local = articles.status === 'ready' ? articles.index.get(id) : undefined;
  const remote = articles.status === 'ready' ? articles.remote : undefined;
  // An article the server's search found is fetched when opened: undefined while it comes, null if it cannot.
  const [fetched, setFetched] = useState<Article | null | undefined>(undefined);
  useEffect(() => {
    if (local || !remote) return;
    setFetched(undefined);
    const abort = new AbortController();
    remote.article(id, abort.signal).then(setFetched, () => abort.signal.aborted || setFetched(null));
    return () => abort.abort();
  }, [id, remote]);
  const article = local ?? fetched ?? undefined;
  const [helpful, setHelpful] = useState<boolean | null>(null);
  // After "No": the way to a person (the button pressed is gone); after "Yes": the thanks.
  const feedback = useRef<HTMLDivElement>(null);
  useFocusOnChange(helpful, () => feedback.current?.querySelector<HTMLElement>('[data-focus-here]'));

  useEffect(() => {
    if (!article) return;
    ctx.transcript.append({ type: 'article', articleId: article.id, title: article.title });
    ctx.emitter.emit('article', { id: article.id, title: article.title });
  }, [article]);

  if (articles.status === 'loading' || (!local && remote && fetched === undefined)) return <p class="ll-note">{strings.loading}</p>;
  if (!article) {
    return (
      <div class="ll-view">
        <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.articleMissing}</h3>
        <button type="button" class="ll-pill ll-accent ll-wrap" onClick={onHuman}>{strings.contactPerson}</button>
      </div>
    );
  }

  const vote = (value: boolean): void => {
    setHelpful(value);
    ctx.transcript.append({ type: 'feedback', articleId: article.id, helpful: value });
  };

  return (
    <article class="ll-view ll-article">
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading dir="auto">{article.title}</h3>
      <Markdown source={article.body} headingOffset={2} onArticleLink={onOpenArticle} />
      {article.url && (
        <p class="ll-original"><a href={article.url} target="_blank" rel="noopener">{strings.openOriginal}</a></p>
      )}
      <div class="ll-feedback" role="group" aria-labelledby="ll-did-help" ref={feedback}>
        {helpful === null ? (
          <>
            <p id="ll-did-help" class="ll-feedback-question">{strings.didHelp}</p>
            <div class="ll-feedback-buttons">
              <button type="button" class="ll-pill ll-plain" onClick={() => vote(true)}>{strings.yes}</button>
              <button type="button" class="ll-pill ll-plain" onClick={() => vote(false)}>{strings.no}</button>
            </div>
          </>
        ) : (
          <div role="status">
            <p id="ll-did-help" tabIndex={-1} {...(helpful && { 'data-focus-here': '' })}>{helpful ? strings.thanks : strings.sorry}</p>
            {!helpful && <button type="button" class="ll-pill ll-accent ll-wrap" data-focus-here onClick={onHuman}>{strings.contactPerson}</button>}
          </div>
        )}
      </div>
    </article>
  );
}
