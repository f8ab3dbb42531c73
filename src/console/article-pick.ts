/**
 * Which article an agent means by what they typed in "Send an article": the articles on offer
 * are the visitor's reads first, then the site's (the resolve form offers the same). Pure.
 */
import type { MessageArticle, TranscriptEntry } from '../protocol/types';

/** The articles to offer, id → title: those the visitor read first, then the site's. */
export function articleChoices(transcript: readonly TranscriptEntry[], site: ReadonlyMap<string, string> | null): Map<string, string> {
  const read = new Map(transcript.flatMap((e) => (e.type === 'article' ? [[e.articleId, e.title] as const] : [])));
  for (const [id, title] of site ?? []) if (!read.has(id)) read.set(id, title);
  return read;
}

const fold = (text: string): string => text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/** The article whose title (or id) is `typed`, ignoring case and spacing; null when none is. */
export function pickArticle(typed: string, choices: ReadonlyMap<string, string>): MessageArticle | null {
  const want = fold(typed);
  if (!want) return null;
  for (const [articleId, title] of choices) if (fold(title) === want) return { articleId, title };
  for (const [articleId, title] of choices) if (fold(articleId) === want) return { articleId, title };
  return null;
}

/** When the visitor opened an article sent at `sentAt` (the transcript's entry), or null. */
export function readAt(transcript: readonly TranscriptEntry[], article: MessageArticle, sentAt: string): string | null {
  const entry = transcript.find((e) => e.type === 'article' && e.articleId === article.articleId && e.at >= sentAt);
  return entry?.at ?? null;
}
