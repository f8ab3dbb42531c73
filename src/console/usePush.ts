/**
 * The console's browser notifications in this browser (Web Push): what the toggle shows, and
 * turning them on (ask permission, register /console/sw.js, subscribe with the server's VAPID
 * key, save it for the agent) or off (remove it on the server, unsubscribe). The words and the
 * rules are in push-state.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import { initialState, keyBytes, sameKey, type PushPlatform, type PushState } from './push-state';
import { useStrings } from './strings';

const SCOPE = '/console';
const WORKER = '/console/sw.js';

function platform(): PushPlatform {
  const hasNotification = typeof Notification !== 'undefined';
  return {
    secure: window.isSecureContext,
    hasPush: 'serviceWorker' in navigator && 'PushManager' in window && hasNotification,
    permission: hasNotification ? Notification.permission : null,
  };
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration(SCOPE);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

export interface PushControl {
  state: PushState;
  toggle(): void;
  /** Before signing out: this browser stops notifying this agent (a shared computer). */
  turnOffQuietly(): Promise<void>;
}

export function usePush(): PushControl {
  const said = useStrings().push;
  const [state, setState] = useState<PushState>(() => initialState(platform()));
  const stateRef = useRef(state);
  stateRef.current = state;

  // On opening the console: a subscription this browser still has is saved again (the server may
  // have dropped it, or have a new key after a new database); one made for another key is let go.
  useEffect(() => {
    if (state.kind !== 'checking') return;
    let cancelled = false;
    const settle = (next: PushState) => {
      if (!cancelled) setState(next);
    };
    void (async () => {
      try {
        const subscription = Notification.permission === 'granted' ? await currentSubscription() : null;
        if (!subscription) return settle({ kind: 'off', said: null });
        const { publicKey } = await api.pushKey();
        if (!sameKey(subscription.options.applicationServerKey, keyBytes(publicKey))) {
          await subscription.unsubscribe();
          return settle({ kind: 'off', said: null });
        }
        await api.pushSave(subscription.toJSON());
        settle({ kind: 'on', justTurnedOn: false });
      } catch (error) {
        console.warn('[Lifeline console] could not check browser notifications', error);
        settle({ kind: 'off', said: null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [state.kind]);

  const turnOn = useCallback(async () => {
    setState({ kind: 'busy', turning: 'on' });
    // Asked first, straight from the click: browsers only ask when a person just acted.
    const permission = await Notification.requestPermission();
    if (permission === 'denied') return setState({ kind: 'blocked' });
    if (permission !== 'granted') return setState({ kind: 'off', said: said.dismissed });
    let subscription: PushSubscription;
    try {
      await navigator.serviceWorker.register(WORKER, { scope: SCOPE });
      const registration = await navigator.serviceWorker.ready;
      const { publicKey } = await api.pushKey();
      const key = keyBytes(publicKey);
      let existing = await registration.pushManager.getSubscription();
      if (existing && !sameKey(existing.options.applicationServerKey, key)) {
        await existing.unsubscribe();
        existing = null;
      }
      try {
        subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
      } catch (error) {
        return setState({ kind: 'off', said: said.noPushService(reason(error)) });
      }
      await api.pushSave(subscription.toJSON());
    } catch (error) {
      return setState({ kind: 'off', said: said.failed(reason(error)) });
    }
    setState({ kind: 'on', justTurnedOn: true });
  }, []);

  const turnOff = useCallback(async (): Promise<string | null> => {
    const subscription = await currentSubscription();
    if (!subscription) return null;
    let problem: string | null = null;
    try {
      await api.pushRemove(subscription.endpoint);
    } catch (error) {
      // Unsubscribed below all the same: the push service then answers the server 410, and the
      // server forgets this browser at its next notice.
      problem = reason(error);
    }
    await subscription.unsubscribe();
    return problem;
  }, []);

  const toggle = useCallback(() => {
    const now = stateRef.current;
    if (now.kind === 'unavailable' || now.kind === 'busy' || now.kind === 'checking') return;
    if (now.kind === 'on') {
      setState({ kind: 'busy', turning: 'off' });
      void turnOff().then(
        (problem) => setState({ kind: 'off', said: problem && said.failed(problem) }),
        (error: unknown) => setState({ kind: 'off', said: said.failed(reason(error)) }),
      );
      return;
    }
    void turnOn();
  }, [turnOn, turnOff]);

  const turnOffQuietly = useCallback(async () => {
    if (stateRef.current.kind !== 'on') return;
    try {
      await turnOff();
    } catch (error) {
      console.warn('[Lifeline console] could not turn browser notifications off on signing out', error);
    }
  }, [turnOff]);

  return { state, toggle, turnOffQuietly };
}

/**
 * Follows a click on a notification while the console is open (the service worker says which
 * handoff; sw.ts); returns the cleanup.
 */
export function onNotificationClick(open: (handoffId: string) => void): () => void {
  if (!('serviceWorker' in navigator)) return () => undefined;
  const listener = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; handoffId?: unknown } | null;
    if (data?.type === 'lifeline-open-handoff' && typeof data.handoffId === 'string') open(data.handoffId);
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
