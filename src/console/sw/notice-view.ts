/**
 * How the console's service worker words a push notice (../../protocol/push.ts) and decides
 * whether to show it: pure, so it is unit-tested in Node. In the agent's language (the one the
 * console shares through Cache Storage, else the browser's), right to left in Arabic and Hebrew.
 */
import type { PushNotice } from '../../protocol/push';
import { NOTICE_WORDS, type NoticeWords } from '../strings/notices';
import { consoleDirection, pickConsoleLanguage } from '../strings/language';
import { isolate } from '../../protocol/bidi';

export interface NotificationView {
  title: string;
  body: string;
  /** One notification per handoff and kind: a newer one replaces the older. */
  tag: string;
  /** Where a click takes the agent. */
  url: string;
  /** The notification's language and direction (Arabic and Hebrew right to left), as the console's. */
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** A window of ours, as the service worker sees it (WindowClient). */
export interface WindowLike {
  url: string;
  visibilityState: string;
  focused: boolean;
}

export const handoffUrl = (handoffId: string): string => `/console#/handoff/${encodeURIComponent(handoffId)}`;

/** "Mon 15:00": a callback's booked time in the agent's own zone. */
function when(iso: string, locale: string | undefined, timeZone: string | undefined): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}

export function viewNotice(notice: PushNotice, options: { locale?: string; timeZone?: string; strings?: NoticeWords } = {}): NotificationView {
  const strings = options.strings ?? NOTICE_WORDS.en;
  const t = strings.notice;
  const url = handoffUrl(notice.handoffId);
  const dir = consoleDirection(pickConsoleLanguage(strings.locale, []));
  const lang = options.locale ?? strings.locale;
  // Right to left, what the visitor wrote keeps its own direction: "Hello?" is not "?Hello".
  const own = (text: string): string => (dir === 'rtl' ? isolate(text) : text);
  if (notice.kind === 'message') {
    return {
      title: `${notice.visitorName === null ? t.visitor : own(notice.visitorName)} · ${notice.ref}`,
      body: own(notice.text),
      tag: `lifeline-message-${notice.handoffId}`,
      url,
      lang,
      dir,
    };
  }
  const asked = notice.question === null ? t.noQuestion : `“${own(notice.question)}”`;
  const who = notice.visitorName ? `${own(notice.visitorName)}: ` : '';
  const title =
    notice.channel === 'callback'
      ? t.callback(notice.ref)
      : notice.channel === 'phone'
        ? t.phone(notice.ref)
        : t.chat(notice.ref);
  const at = notice.callbackAt ? when(notice.callbackAt, options.locale, options.timeZone) : '';
  return { title, body: `${at ? t.forTime(at) : ''}${who}${asked}`, tag: `lifeline-handoff-${notice.handoffId}`, url, lang, dir };
}

/** A push's data as a notice, or null when it is not one of ours (an older or newer shape). */
export function readNotice(data: unknown): PushNotice | null {
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (o.v !== 1 || typeof o.handoffId !== 'string' || typeof o.ref !== 'string') return null;
  if (o.kind === 'message' && typeof o.text === 'string') return data as PushNotice;
  if (o.kind === 'handoff' && typeof o.channel === 'string') return data as PushNotice;
  return null;
}

const isConsole = (url: string): boolean => {
  try {
    return /^\/console(\/|$)/.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/** The console is in front of the agent (a window of it visible and focused): the page itself tells them. */
export const consoleInFront = (windows: readonly WindowLike[]): boolean =>
  windows.some((w) => isConsole(w.url) && w.visibilityState === 'visible' && w.focused);

/** The console window a click should bring forward: a focused one, else a visible one, else any. */
export function pickConsoleWindow<W extends WindowLike>(windows: readonly W[]): W | null {
  const consoles = windows.filter((w) => isConsole(w.url));
  return consoles.find((w) => w.focused) ?? consoles.find((w) => w.visibilityState === 'visible') ?? consoles[0] ?? null;
}
