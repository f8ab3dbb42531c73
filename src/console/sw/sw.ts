/**
 * The console's service worker, served at /console/sw.js with the scope /console: it shows the
 * browser notifications an agent turned on (Web Push), unless a console window is in front of
 * them (visible and focused: the page tells them itself), and a click brings the console
 * forward on that handoff, or opens it. No fetch handler: the console's requests never go
 * through it. Built as a classic script (src/build/build.ts).
 */
import { consoleInFront, pickConsoleWindow, readNotice, viewNotice, type WindowLike } from './notice-view';
import { consoleLocale, pickConsoleLanguage, readSharedLanguage } from '../strings/language';
import { NOTICE_WORDS } from '../strings/notices';


// The DOM library is what the project type-checks with; the worker's own globals are declared
// here, as narrowly as they are used.
interface WindowClientLike extends WindowLike {
  focus(): Promise<WindowClientLike>;
  postMessage(message: unknown): void;
}
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushEvent extends ExtendableEvent {
  data: { json(): unknown } | null;
}
interface NotificationEvent extends ExtendableEvent {
  notification: Notification;
}
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  oldSubscription: PushSubscription | null;
  newSubscription: PushSubscription | null;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEvent) => void): void;
  addEventListener(type: 'pushsubscriptionchange', listener: (event: PushSubscriptionChangeEvent) => void): void;
  skipWaiting(): Promise<void>;
  /** WorkerNavigator: the browser's languages, for the notices' words. */
  navigator: { languages: readonly string[] };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<WindowClientLike | null>;
    claim(): Promise<void>;
  };
  registration: ServiceWorkerRegistration;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('push', (event) => {
  event.waitUntil(
    (async () => {
      let data: unknown = null;
      try {
        data = event.data?.json() ?? null;
      } catch (error) {
        console.warn('[Lifeline console] a push that is not JSON was ignored', error);
      }
      const notice = readNotice(data);
      if (!notice) return;
      const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (consoleInFront(windows)) return;
      // The agent's choice in the console (the page shares it), else the browser's language.
      const language = pickConsoleLanguage(await readSharedLanguage(), worker.navigator.languages);
      const view = viewNotice(notice, { strings: NOTICE_WORDS[language], locale: consoleLocale(language, worker.navigator.languages) });
      await worker.registration.showNotification(view.title, {
        body: view.body,
        tag: view.tag,
        lang: view.lang,
        dir: view.dir,
        data: { url: view.url, handoffId: notice.handoffId },
        // A newer message on the same handoff replaces the last one, and still gets attention.
        renotify: notice.kind === 'message',
      } as NotificationOptions);
    })(),
  );
});

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const { url, handoffId } = (event.notification.data ?? {}) as { url?: string; handoffId?: string };
  if (!url || !handoffId) return;
  event.waitUntil(
    (async () => {
      const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = pickConsoleWindow(windows);
      if (open) {
        // The page moves to the handoff itself (main.tsx listens): navigating would reload it.
        open.postMessage({ type: 'lifeline-open-handoff', handoffId });
        await open.focus();
      } else {
        await worker.clients.openWindow(url);
      }
    })(),
  );
});

// The push service replaced the subscription (it expired, say): the new one is saved for the
// agent, with the same server key, so notifications keep coming without a visit to the console.
worker.addEventListener('pushsubscriptionchange', (event) => {
  const key = event.oldSubscription?.options.applicationServerKey;
  if (!key) return;
  event.waitUntil(
    (async () => {
      const subscription = event.newSubscription ?? (await worker.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key }));
      await fetch('/v1/agent/push', {
        method: 'PUT',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(subscription.toJSON()),
      });
    })(),
  );
});
