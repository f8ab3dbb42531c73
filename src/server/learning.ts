/**
 * Learning, between the routes and the store: what a handoff's searches would teach an article
 * (for the resolve form to offer) from the article's text (LIFELINE_ARTICLES) and the article's
 * phrasings so far, by the pure rules of phrasings.ts.
 */
import { searchLanguage } from '../search/language';
import type { ArticleCatalog } from './article-catalog';
import { learningCandidates, type LearningCandidate } from './phrasings';
import type { HandoffRecord, StoreReads } from './store/types';

export async function candidatesFor(
  deps: { store: Pick<StoreReads, 'listPhrasings'>; articles: ArticleCatalog },
  handoff: HandoffRecord,
  articleId: string,
): Promise<LearningCandidate[]> {
  const existing = await deps.store.listPhrasings(articleId, { withRemoved: true });
  // Without the article's text, searches are cut in the visitor's language.
  return learningCandidates(handoff.transcript, deps.articles.article(articleId), existing, searchLanguage(handoff.context?.locale));
}
