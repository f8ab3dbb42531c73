import type { LearningCandidate } from '../server/api/agent-types';
import type { ConsoleStrings } from './strings/types';
import en from './strings/en';
/**
 * Small pure helpers for the console's screens. Each takes the agent's words (useStrings()) and
 * the locale for Intl; without them, English as the browser writes times (the unit tests).
 */

/** "45 s", "3 min", "1 h 05 min": how long since `since`. */
export function waited(since: string, now: number, s: ConsoleStrings = en): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(since)) / 1000));
  if (seconds < 60) return s.format.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return s.format.minutes(minutes);
  return s.format.hoursMinutes(Math.floor(minutes / 60), String(minutes % 60).padStart(2, '0'));
}

/** A time of day in the agent's language ("15:30", "3:30 PM"); `locale` from useStrings().locale. */
export const clock = (iso: string, locale?: string): string =>
  new Date(iso).toLocaleTimeString(locale ?? [], { hour: '2-digit', minute: '2-digit' });

export const dateTime = (iso: string, locale?: string): string =>
  new Date(iso).toLocaleString(locale ?? [], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A visitor-given URL as a link target only when it is http(s): never javascript: and the like. */
export function safeHref(url: string, base = location.origin): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null; // not a URL: shown as text only
  }
}

/** "45 s", "3 min 20 s": a wait in words; "No replies yet" for none. */
export function waitText(seconds: number | null, t: ConsoleStrings = en): string {
  if (seconds === null) return t.format.noReplies;
  const s = Math.round(seconds);
  if (s < 60) return t.format.seconds(s);
  const rest = s % 60;
  return rest === 0 ? t.format.minutes(Math.floor(s / 60)) : t.format.minutesSeconds(Math.floor(s / 60), rest);
}

/**
 * "1 search learned as a phrasing of “When will my card arrive?”: it is served to visitors once
 * another handoff teaches it or you confirm it.": what resolving taught.
 */
export function learnedText(learned: { articleId: string; articleTitle: string | null; count: number; served: number }, t: ConsoleStrings = en): string {
  const article = learned.articleTitle !== null ? `${t.quotes[0]}${learned.articleTitle}${t.quotes[1]}` : t.format.articleById(learned.articleId);
  return t.format.learned(learned.count, learned.served, article);
}

/** Why a search is, or is not, offered ticked for an article (the resolve form's line under it). */
export function candidateNote(c: Pick<LearningCandidate, 'reason' | 'personal' | 'known'>, t: ConsoleStrings = en): string {
  const f = t.format;
  if (c.reason === 'personal_data') return f.personal(f.personalKinds[c.personal ?? 'number']);
  const known = c.known === 'served' ? f.knownServed : c.known === 'pending' ? f.knownPending : '';
  const withKnown = c.reason === 'about' || c.reason === 'not_about' || c.reason === 'article_unknown';
  return withKnown && known ? `${f.candidate[c.reason]} ${known}` : f.candidate[c.reason];
}

/** A share (0 to 1) as a whole percentage, "67%"; a dash when there is no share (nobody answered). */
export const percentText = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** What a rating said, in a few words for the handoff page and the queue. */
export const ratingText = (good: boolean, t: ConsoleStrings = en): string => (good ? t.format.good : t.format.bad);
export const repeatedText = (repeated: boolean | null, t: ConsoleStrings = en): string =>
  repeated === null ? t.format.notAnswered : repeated ? t.format.repeatedYes : t.format.repeatedNo;
