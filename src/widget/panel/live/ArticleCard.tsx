import type { MessageArticle } from '../../../protocol/types';
import type { LiveStrings } from '../strings';

/**
 * An article an agent sent in the chat: a card named "Open article: <title>" that opens it in
 * the panel, from the site's own articles (the panel's back button returns to the chat).
 */
export function ArticleCard({ article, s, onOpen }: { article: MessageArticle; s: LiveStrings; onOpen(id: string): void }) {
  return (
    <button type="button" class="ll-channel" aria-label={s.openArticle(article.title)} onClick={() => onOpen(article.articleId)}>
      <span class="ll-channel-note" aria-hidden="true">{s.article}</span>
      <span class="ll-channel-label" dir="auto">{article.title}</span>
    </button>
  );
}
