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

/** "2 searches learned as phrasings of “When will my card arrive?”": what resolving taught. */
export function learnedText(learned: { articleId: string; articleTitle: string | null; count: number }): string {
  const article = learned.articleTitle !== null ? `“${learned.articleTitle}”` : `the article ${learned.articleId}`;
  if (learned.count === 0) return `No search of this visitor was learned as a phrasing of ${article}.`;
  return learned.count === 1
    ? `1 search learned as a phrasing of ${article}.`
    : `${learned.count} searches learned as phrasings of ${article}.`;
}
