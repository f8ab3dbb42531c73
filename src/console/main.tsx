/**
 * The agents' console (/console): sign in, the queue, one handoff, reports, learned phrasings. Routes
 * live in the hash (#/handoff/ID, #/reports, #/phrasings, #/webhooks) so the server serves one shell. One live stream feeds the queue (kept here, so
 * the tab title counts the people waiting on every screen) and whichever handoff is open.
 */
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
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
import './styles.css';

const MUTE_KEY = 'lifeline-console-muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false; // storage blocked: sound on, the default
  }
}

function App() {
  const [me, setMe] = useState<AgentMe | null | undefined>(undefined);
  useEffect(() => {
    api.me().then(setMe, (error: unknown) => {
      if (!(error instanceof ApiError && error.status === 401)) console.error('[Lifeline console]', error);
      setMe(null);
    });
  }, []);
  if (me === undefined) return <p class="loading">Loading…</p>;
  if (me === null) return <SignIn onSignedIn={setMe} />;
  return <Console me={me} onSignedOut={() => setMe(null)} />;
}

function Console({ me, onSignedOut }: { me: AgentMe; onSignedOut: () => void }) {
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
    const screen = { queue: 'Queue', reports: 'Reports', phrasings: 'Learned phrasings', webhooks: 'Webhooks', handoff: 'Handoff' }[route.page];
    document.title = `${waiting > 0 ? `(${waiting}) ` : ''}${screen} · Lifeline console`;
  }, [waiting, route.page]);

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
        <a class="brand" href="#/">Lifeline console</a>
        <a class="nav" href="#/reports" aria-current={route.page === 'reports' ? 'page' : undefined}>
          Reports
        </a>
        <a class="nav" href="#/phrasings" aria-current={route.page === 'phrasings' ? 'page' : undefined}>
          Learned phrasings
        </a>
        <a class="nav" href="#/webhooks" aria-current={route.page === 'webhooks' ? 'page' : undefined}>
          Webhooks
        </a>
        <span class="who">Signed in as {me.name}</span>
        <button type="button" class="quiet" aria-pressed={muted} onClick={toggleMute}>
          Mute
        </button>
        <NotificationsToggle state={push.state} onToggle={push.toggle} />
        <button type="button" class="quiet" onClick={() => void signOut()}>
          Sign out
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
if (mount) render(<App />, mount);
