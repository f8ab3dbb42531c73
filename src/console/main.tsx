/**
 * The agents' console (/console): sign in, the queue, one handoff, reports, learned phrasings. Routes
 * live in the hash (#/handoff/ID, #/reports, #/phrasings, #/webhooks) so the server serves one shell. One live stream feeds the queue (kept here, so
 * the tab title counts the people waiting on every screen) and whichever handoff is open.
 */
import { render, type ComponentChild } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentMe, AgentQueue, AgentStreamEvent } from '../server/api/agent-types';
import { MAX_QUEUE_LIMIT, waitingCount } from '../server/queue-rules';
import { api, ApiError } from './api';
import { HandoffPage } from './HandoffPage';
import { Phrasings } from './Phrasings';
import { Queue } from './Queue';
import { NotificationsNote, NotificationsToggle } from './Notifications';
import { Reports } from './Reports';
import { goToHandoff, readRoute, type Route } from './router';
import { SignIn } from './SignIn';
import { Webhooks } from './Webhooks';
import { beep } from './sound';
import { useEvents, type Subscribe } from './useEvents';
import { useNow } from './useNow';
import { onNotificationClick, usePush } from './usePush';
import { CONSOLE_LANGUAGES, CONSOLE_STRINGS, LANGUAGE_NAMES, StringsContext, consoleDirection, consoleLocale, pickConsoleLanguage, readStoredLanguage, shareLanguage, storeLanguage, useStrings, type ConsoleLanguage } from './strings';
import './styles.css';

const MUTE_KEY = 'lifeline-console-muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false; // storage blocked: sound on, the default
  }
}

/** The agent's language: chosen in the header (kept per browser), the browser's by default. */
function Root() {
  const [language, setLanguage] = useState<ConsoleLanguage>(() => pickConsoleLanguage(readStoredLanguage(), navigator.languages));
  // Before the first paint: an Arabic or Hebrew console never shows a frame laid out left to right.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = consoleDirection(language);
  }, [language]);
  // Notifications, shown by the service worker, read in the same language.
  useEffect(() => void shareLanguage(language), [language]);
  const choose = (next: ConsoleLanguage): void => {
    storeLanguage(next);
    setLanguage(next);
  };
  // Dates in the browser's own variant of that language when it has one (en-GB: "Mon 3 Mar").
  const strings = useMemo(() => ({ ...CONSOLE_STRINGS[language], locale: consoleLocale(language, navigator.languages) }), [language]);
  return (
    <StringsContext.Provider value={strings}>
      <App language={language} onLanguage={choose} />
    </StringsContext.Provider>
  );
}

/** The language picker, each language named in itself. */
function LanguagePicker({ language, onLanguage }: { language: ConsoleLanguage; onLanguage(l: ConsoleLanguage): void }) {
  const t = useStrings();
  return (
    <select class="language" aria-label={t.shell.language} value={language} onChange={(e) => onLanguage(e.currentTarget.value as ConsoleLanguage)}>
      {CONSOLE_LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {LANGUAGE_NAMES[l]}
        </option>
      ))}
    </select>
  );
}

function App({ language, onLanguage }: { language: ConsoleLanguage; onLanguage(l: ConsoleLanguage): void }) {
  const t = useStrings();
  const [me, setMe] = useState<AgentMe | null | undefined>(undefined);
  useEffect(() => {
    api.me().then(setMe, (error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) console.error('[Lifeline console]', error);
      setMe(null);
    });
  }, []);
  const picker = <LanguagePicker language={language} onLanguage={onLanguage} />;
  if (me === undefined) return <p class="loading">{t.shell.loading}</p>;
  if (me === null) return <SignIn onSignedIn={setMe} picker={picker} />;
  return <Console me={me} onSignedOut={() => setMe(null)} picker={picker} />;
}

function Console({ me, onSignedOut, picker }: { me: AgentMe; onSignedOut: () => void; picker: ComponentChild }) {
  const t = useStrings();
  const [route, setRoute] = useState<Route>(() => readRoute(location.hash));
  const [queue, setQueue] = useState<AgentQueue | null>(null);
  /** undefined: the server's section size; set by "Show all". */
  const [limit, setLimit] = useState<number | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [muted, setMuted] = useState(readMuted);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const known = useRef<Set<string> | null>(null);
  /** The creation time of the newest chat or callback listed so far (ISO, so it compares as text). */
  const newest = useRef('');
  const listeners = useRef(new Set<(event: AgentStreamEvent | null) => void>());
  /** False while the live stream is down (a restart, the network): screens say they are reconnecting. */
  const [live, setLive] = useState(true);

  useEffect(() => {
    const onHash = (): void => setRoute(readRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const push = usePush();
  useEffect(() => onNotificationClick(goToHandoff), []);

  const loadQueue = useCallback(async () => {
    try {
      const next = await api.queue(limit);
      const listed = [...next.chats.handoffs, ...next.callbacks.handoffs];
      // A chat or callback not seen before (after the first load) and made since the newest seen
      // is new: beep once per batch. (An older one that moves up into a long section's listing
      // is not new.) Phone references do not beep: the caller is on the line, not waiting for us.
      const before = known.current;
      const since = newest.current;
      const fresh = before !== null && listed.some((h) => h.status === 'queued' && !before.has(h.id) && h.createdAt >= since);
      known.current = new Set(listed.map((h) => h.id));
      for (const h of listed) if (h.createdAt > newest.current) newest.current = h.createdAt;
      if (fresh && !mutedRef.current) beep();
      setQueue(next);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, [onSignedOut, limit]);

  // Events come in bursts (a day's phone references expiring, a flood of handoffs): one load
  // at a time, and one more after it when anything changed meanwhile.
  const loading = useRef(false);
  const again = useRef(false);
  const reload = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        await loadQueue();
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, [loadQueue]);
  useEffect(() => {
    if (limit !== undefined) void reload();
  }, [limit, reload]);

  useEvents({
    // A stream refused for good (signed out elsewhere, say): the list's answer tells which.
    onLost: () => void reload(),
    onDown: () => setLive(false),
    onOpen: () => {
      setLive(true);
      void reload();
      for (const listener of listeners.current) listener(null);
    },
    onEvent: (event) => {
      // Typing and messages do not change the queue; new handoffs, claims and closings do.
      if (event.type === 'status' || event.type === 'agent_joined') void reload();
      for (const listener of listeners.current) listener(event);
    },
  });

  const subscribe: Subscribe = useCallback((listener) => {
    listeners.current.add(listener);
    return () => listeners.current.delete(listener);
  }, []);

  // Only people really waiting: a callback counts from its booked time, so the count moves with the clock.
  const now = useNow(15_000);
  const waiting = queue ? waitingCount(queue.waitingChats, queue.callbacks.handoffs, now) : 0;
  useEffect(() => {
    document.title = t.shell.title(t.shell.screens[route.page], waiting);
  }, [waiting, route.page, t]);

  const toggleMute = (): void => {
    const next = !muted;
    setMuted(next);
    try {
      localStorage.setItem(MUTE_KEY, next ? '1' : '0');
    } catch {
      // storage blocked: the choice lasts for this page only
    }
  };

  const signOut = async (): Promise<void> => {
    await push.turnOffQuietly();
    try {
      await api.logout();
    } catch (error) {
      // The session ends on the server within 8 hours anyway; this screen signs out now.
      console.warn('[Lifeline console] sign-out did not reach the server', error);
    }
    onSignedOut();
  };

  return (
    <>
      <header class="top">
        <a class="brand" href="#/">{t.shell.brand}</a>
        <a class="nav" href="#/reports" aria-current={route.page === 'reports' ? 'page' : undefined}>
          {t.shell.reports}
        </a>
        <a class="nav" href="#/phrasings" aria-current={route.page === 'phrasings' ? 'page' : undefined}>
          {t.shell.phrasings}
        </a>
        <a class="nav" href="#/webhooks" aria-current={route.page === 'webhooks' ? 'page' : undefined}>
          {t.shell.webhooks}
        </a>
        <span class="who">{t.shell.signedInAs(me.name)}</span>
        {picker}
        <button type="button" class="quiet" aria-pressed={muted} onClick={toggleMute}>
          {t.shell.mute}
        </button>
        <NotificationsToggle state={push.state} onToggle={push.toggle} />
        <button type="button" class="quiet" onClick={() => void signOut()}>
          {t.shell.signOut}
        </button>
      </header>
      <NotificationsNote state={push.state} />
      <main class="content">
        {route.page === 'queue' ? (
          <Queue queue={queue} error={error} waiting={waiting} onShowAll={() => setLimit(MAX_QUEUE_LIMIT)} />
        ) : route.page === 'reports' ? (
          <Reports />
        ) : route.page === 'phrasings' ? (
          <Phrasings onSignedOut={onSignedOut} />
        ) : route.page === 'webhooks' ? (
          <Webhooks onSignedOut={onSignedOut} />
        ) : (
          <HandoffPage key={route.id} id={route.id} me={me} subscribe={subscribe} businessZone={queue?.timeZone ?? null} live={live} />
        )}
      </main>
    </>
  );
}

const mount = document.getElementById('console');
if (mount) render(<Root />, mount);
