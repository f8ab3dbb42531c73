import type { LearningCandidate, PersonalKind } from '../server/api/agent-types';
/** Small pure helpers for the console's screens. */

/** "45 s", "3 min", "1 h 05 min": how long since `since`. */
export function waited(since: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export const clock = (iso: string): string =>
  new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A visitor-given URL as a link target only when it is http(s): never javascript: and the like. */
export function safeHref(url: string, base = location.origin): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null; // not a URL: shown as text only
  }
}

export const CHANNEL_LABEL = { chat: 'Chat', callback: 'Callback', phone: 'Phone' } as const;

/** "45 s", "3 min 20 s": a wait in words; "No replies yet" for none. */
export function waitText(seconds: number | null): string {
  if (seconds === null) return 'No replies yet';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const rest = s % 60;
  return rest === 0 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 60)} min ${rest} s`;
}

/**
 * "1 search learned as a phrasing of “When will my card arrive?”: it is served to visitors once
 * another handoff teaches it or you confirm it.": what resolving taught.
 */
export function learnedText(learned: { articleId: string; articleTitle: string | null; count: number; served: number }): string {
  const article = learned.articleTitle !== null ? `“${learned.articleTitle}”` : `the article ${learned.articleId}`;
  if (learned.count === 0) return `No search of this visitor was learned as a phrasing of ${article}.`;
  const what =
    learned.count === 1 ? `1 search learned as a phrasing of ${article}` : `${learned.count} searches learned as phrasings of ${article}`;
  const pending = learned.count - learned.served;
  const once = 'once another handoff teaches it or you confirm it';
  if (pending === 0) return `${what}: ${learned.count === 1 ? 'it is' : 'they are'} served to visitors now.`;
  if (learned.served === 0) return `${what}: ${learned.count === 1 ? 'it is' : 'each is'} served to visitors ${once}.`;
  return `${what}: ${learned.served} served to visitors now, the ${pending === 1 ? 'other' : `other ${pending} each`} ${once}.`;
}

/** Why a search is, or is not, offered ticked for an article (the resolve form's line under it). */
export function candidateNote(c: Pick<LearningCandidate, 'reason' | 'personal' | 'known'>): string {
  const known = c.known === 'served' ? ' Already served.' : c.known === 'pending' ? ' Taught once before: learning it again serves it.' : '';
  switch (c.reason) {
    case 'about':
      return `About the article.${known}`;
    case 'not_about':
      return `Shares few words with the article: learned only if you tick it.${known}`;
    case 'article_unknown':
      return `The server does not know this article’s text: learned only if you tick it.${known}`;
    case 'removed':
      return 'Removed from this article by an agent: never learned again.';
    case 'too_short':
      return 'Too short to stand for a question.';
    case 'too_long':
      return 'Too long: a message, not a search.';
    case 'personal_data':
      return `Looks like personal data (${PERSONAL[c.personal ?? 'number']}): never learned.`;
  }
}

const PERSONAL: Record<PersonalKind, string> = {
  email: 'an e-mail address',
  number: 'a long number',
  card: 'a card',
  reference: 'an order or reference number',
  name: 'a name',
  address: 'a street address',
};

/** A share (0 to 1) as a whole percentage, "67%"; a dash when there is no share (nobody answered). */
export const percentText = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** What a rating said, in a few words for the handoff page and the queue. */
export const ratingText = (good: boolean): string => (good ? 'Good' : 'Bad');
export const repeatedText = (repeated: boolean | null): string =>
  repeated === null ? 'Not answered' : repeated ? 'Yes, they had to repeat something' : 'No';
