/**
 * The agents' console (/console): sign in, the queue, one handoff, reports, learned phrasings. Routes
 * live in the hash (#/handoff/ID, #/reports, #/phrasings) so the server serves one shell. One live stream feeds the queue (kept here, so
 * the tab title counts waiting handoffs on every screen) and whichever handoff is open.
 */
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AgentHandoffSummary, AgentMe, AgentStreamEvent } from '../server/api/agent-types';
import { api, ApiError } from './api';
import { HandoffPage } from './HandoffPage';
import { Phrasings } from './Phrasings';
import { Queue } from './Queue';
import { Reports } from './Reports';
import { readRoute, type Route } from './router';
import { SignIn } from './SignIn';
import { beep } from './sound';
import { useEvents, type Subscribe } from './useEvents';
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
  const [handoffs, setHandoffs] = useState<AgentHandoffSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [muted, setMuted] = useState(readMuted);
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const known = useRef<Set<string> | null>(null);
  const listeners = useRef(new Set<(event: AgentStreamEvent | null) => void>());
  /** False while the live stream is down (a restart, the network): screens say they are reconnecting. */
  const [live, setLive] = useState(true);

  useEffect(() => {
    const onHash = (): void => setRoute(readRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const reload = useCallback(async () => {
    try {
      const list = await api.openHandoffs();
      // A handoff not seen before (after the first load) is new: beep once per batch.
      const before = known.current;
      const fresh = before !== null && list.some((h) => h.status === 'queued' && !before.has(h.id));
      known.current = new Set(list.map((h) => h.id));
      if (fresh && !mutedRef.current) beep();
      setHandoffs(list);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, [onSignedOut]);

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

  const waiting = handoffs?.filter((h) => h.status === 'queued').length ?? 0;
  useEffect(() => {
    const screen = { queue: 'Queue', reports: 'Reports', phrasings: 'Learned phrasings', handoff: 'Handoff' }[route.page];
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
        <span class="who">Signed in as {me.name}</span>
        <button type="button" class="quiet" aria-pressed={muted} onClick={toggleMute}>
          Mute
        </button>
        <button type="button" class="quiet" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main class="content">
        {route.page === 'queue' ? (
          <Queue handoffs={handoffs} error={error} waiting={waiting} />
        ) : route.page === 'reports' ? (
          <Reports />
        ) : route.page === 'phrasings' ? (
          <Phrasings onSignedOut={onSignedOut} />
        ) : (
          <HandoffPage key={route.id} id={route.id} me={me} subscribe={subscribe} live={live} />
        )}
      </main>
    </>
  );
}

const mount = document.getElementById('console');
if (mount) render(<App />, mount);
