/**
 * Browser notifications in the console (Web Push), in real Chromium against the real server.
 * Headless Chromium reaches no push service, so what is checked here is what a browser can show
 * without one: the toggle's name and state, the service worker registered at /console/sw.js
 * under the console's policy, what the agent is told when the push service, the permission or
 * Push itself is missing, and the service worker's own decisions (a notice shown, or held back
 * while the console is in front; a click moving the console to the handoff). Delivery, signed and
 * encrypted, from the event log to a push service is tested in Vitest (src/server/api/agent-push.test.ts).
 */
import { expect, test, type Page, type Worker } from '@playwright/test';
import { ORIGIN, collectPolicyViolations, pageViolations, signInConsole } from './fixtures';
import ar from '../src/console/strings/ar';

test.describe.configure({ timeout: 60_000 });

const toggle = (page: Page) => page.getByRole('button', { name: 'Browser notifications', exact: true });
const note = (page: Page) => page.locator('#push-note');

async function consoleWorker(page: Page): Promise<Worker> {
  const found = page.context().serviceWorkers().find((w) => w.url().endsWith('/console/sw.js'));
  return found ?? page.context().waitForEvent('serviceworker', { predicate: (w) => w.url().endsWith('/console/sw.js') });
}

test('with permission granted, turning notifications on registers the service worker, and a browser without a push service says so', async ({ page, context }) => {
  await context.grantPermissions(['notifications'], { origin: ORIGIN });
  const violations = await collectPolicyViolations(page);
  await signInConsole(page, ORIGIN);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle(page)).toContainText('Off');
  await toggle(page).click();

  const worker = await consoleWorker(page);
  expect(worker.url()).toBe(`${ORIGIN}/console/sw.js`);
  const registration = () =>
    page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration('/console');
      return r ? { scope: r.scope, active: r.active?.scriptURL ?? null } : null;
    });
  await expect.poll(registration).toEqual({ scope: `${ORIGIN}/console`, active: `${ORIGIN}/console/sw.js` });

  // Chromium without Google's push service cannot subscribe: said plainly, and the toggle stays off.
  await expect(note(page)).toContainText('could not reach its push service');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle(page)).toHaveAttribute('aria-describedby', 'push-note');
  expect(await pageViolations(page)).toEqual([]);
  expect(violations).toEqual([]);
});

test('the service worker shows a new chat while the console is not in front, holds it back while it is, and a click opens that handoff', async ({ page: first, context }) => {
  let page = first;
  await context.grantPermissions(['notifications'], { origin: ORIGIN });
  await signInConsole(page, ORIGIN);
  await toggle(page).click();
  const worker = await consoleWorker(page);
  await expect(note(page)).not.toBeEmpty();

  const notice = { v: 1, kind: 'handoff', handoffId: 'h-e2e', ref: '4821', channel: 'chat', visitorName: 'Ada', question: 'refund late', callbackAt: null };
  /** Dispatches a push with `data` in the worker and answers the notifications it then shows. */
  const push = (data: unknown) =>
    worker.evaluate(async (json: string) => {
      const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
      for (const n of await scope.registration.getNotifications()) n.close();
      const waits: Array<Promise<unknown>> = [];
      const event = new (globalThis as unknown as { PushEvent: new (t: string, i: object) => Event }).PushEvent('push', { data: json });
      (event as unknown as { waitUntil(p: Promise<unknown>): void }).waitUntil = (p) => void waits.push(p);
      scope.dispatchEvent(event);
      await Promise.all(waits);
      return (await scope.registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, dir: n.dir }));
    }, JSON.stringify(data));

  // The console is visible and focused: it tells the agent itself.
  expect(await page.evaluate(() => document.visibilityState === 'visible' && document.hasFocus())).toBe(true);
  expect(await push(notice)).toEqual([]);

  // The console's tab closed (only the shop open): the notification is shown. (Headless Chromium
  // keeps every tab visible and focused, so a hidden console is played by a closed one.)
  const shop = await context.newPage();
  await shop.goto(`${ORIGIN}/`);
  await page.close();
  expect(await push(notice)).toEqual([{ title: 'New chat · 4821', body: 'Ada: “refund late”', tag: 'lifeline-handoff-h-e2e', dir: 'ltr' }]);
  expect(await push({ ...notice, v: 99 })).toEqual([]); // not ours: nothing shown
  expect(await push({ ...notice, question: 'refund' })).toHaveLength(1);

  // The agent chose German in the console: the worker, which cannot read the page's storage,
  // words the notification in German too, not in the browser's English.
  const german = await context.newPage();
  await german.goto(`${ORIGIN}/console`);
  await german.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(german.getByRole('heading', { name: 'Warteschlange', exact: true })).toBeVisible();
  // Shared with the worker once Cache Storage has it (a tab closed at once may lose the write).
  const shared = (page: Page) => page.evaluate(async () => (await (await caches.open('lifeline-console')).match('/console/.language'))?.text() ?? null);
  await expect.poll(() => shared(german)).toBe('de');
  await german.close();
  await expect.poll(async () => (await push(notice)).map((n) => n.title)).toEqual(['Neuer Chat · 4821']);
  // Arabic: the notification right to left, the visitor's English words keeping their own direction.
  const arabic = await context.newPage();
  await arabic.goto(`${ORIGIN}/console`);
  await arabic.getByRole('combobox', { name: 'Sprache' }).selectOption('ar');
  await expect(arabic.getByRole('heading', { name: ar.queue.heading, exact: true })).toBeVisible();
  await expect.poll(() => shared(arabic)).toBe('ar');
  await arabic.close();
  await expect
    .poll(async () => (await push(notice)).map(({ title, body, dir }) => ({ title, body, dir })))
    .toEqual([{ title: ar.notice.chat('4821'), body: '\u2068Ada\u2069: “\u2068refund late\u2069”', dir: 'rtl' }]);
  // Back to English for what follows.
  const english = await context.newPage();
  await english.goto(`${ORIGIN}/console`);
  await english.getByRole('combobox', { name: ar.shell.language }).selectOption('en');
  await expect(english.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
  await expect.poll(() => shared(english)).toBe('en');
  await english.close();

  // A click on it, with the console open again: it moves to that handoff.
  page = await context.newPage();
  await page.goto(`${ORIGIN}/console`);
  await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
  await worker.evaluate(async () => {
    const scope = self as unknown as { registration: ServiceWorkerRegistration; dispatchEvent(e: Event): boolean };
    const [shown] = await scope.registration.getNotifications();
    const event = new (globalThis as unknown as { NotificationEvent: new (t: string, i: object) => Event }).NotificationEvent('notificationclick', { notification: shown });
    const waits: Array<Promise<unknown>> = [];
    (event as unknown as { waitUntil(p: Promise<unknown>): void }).waitUntil = (p) => void waits.push(p);
    scope.dispatchEvent(event);
    // focus() needs a real click on the notification; the console has moved before it is asked.
    await Promise.allSettled(waits);
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/handoff/h-e2e');
});

test('a browser without Web Push, and one where notifications are blocked, are told plainly', async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as { PushManager?: unknown }).PushManager;
  });
  await signInConsole(page, ORIGIN);
  await expect(toggle(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(note(page)).toHaveText(/This browser cannot show notifications from a web page \(it has no Web Push\)/);
  await toggle(page).focus();
  await page.keyboard.press('Enter'); // nothing to do, nothing asked
  await expect(note(page)).toHaveText(/no Web Push/);
  expect(await pageViolations(page)).toEqual([]);
});

test('notifications refused at the browser’s question are said to be blocked', async ({ page }) => {
  // No permission granted: headless Chromium answers the question with "denied".
  await signInConsole(page, ORIGIN);
  await toggle(page).click();
  await expect(note(page)).toHaveText(/Notifications are blocked for this site in your browser/);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
});

test('turned on, this browser is saved for the agent and the toggle says On; turned off or signed out, it is removed', async ({ page, context }) => {
  await context.grantPermissions(['notifications'], { origin: ORIGIN });
  // Headless Chromium has no push service: its PushManager is stood in for by one that hands out
  // a subscription as a browser's looks (an https endpoint, a P-256 key, a 16-byte secret), and
  // keeps it across reloads (localStorage) as a browser does.
  await page.addInitScript(() => {
    const KEY = 'e2e-push-subscription';
    const make = (endpoint: string, key: number[]): PushSubscription => {
      const keys = { p256dh: `B${'Q'.repeat(86)}`, auth: 'A'.repeat(22) };
      return {
        endpoint,
        expirationTime: null,
        options: { applicationServerKey: new Uint8Array(key).buffer, userVisibleOnly: true },
        toJSON: () => ({ endpoint, expirationTime: null, keys }),
        unsubscribe: async () => (localStorage.removeItem(KEY), true),
        getKey: () => null,
      } as unknown as PushSubscription;
    };
    PushManager.prototype.getSubscription = async () => {
      const saved = localStorage.getItem(KEY);
      if (!saved) return null;
      const { endpoint, key } = JSON.parse(saved) as { endpoint: string; key: number[] };
      return make(endpoint, key);
    };
    PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
      const endpoint = `https://push.example.com/send/${crypto.randomUUID()}`;
      const key = [...(options?.applicationServerKey as Uint8Array)];
      localStorage.setItem(KEY, JSON.stringify({ endpoint, key }));
      return make(endpoint, key);
    };
  });
  await signInConsole(page, ORIGIN);
  const devices = () => page.evaluate(async () => ((await (await fetch('/v1/agent/push')).json()) as { devices: number }).devices);
  const before = await devices();

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(toggle(page)).toContainText('On');
  await expect(note(page)).toHaveText(/Browser notifications are on in this browser/);
  expect(await devices()).toBe(before + 1);
  expect(await pageViolations(page)).toEqual([]);

  // Opened again, the console finds this browser's subscription and says On, without a word; it
  // saves it again (here after the server forgot it, as when a push service once answered 410).
  const endpoint = await page.evaluate(async () => (await (await navigator.serviceWorker.getRegistration('/console'))!.pushManager.getSubscription())!.endpoint);
  await page.evaluate(async (e) => {
    await fetch('/v1/agent/push', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: e }) });
  }, endpoint);
  expect(await devices()).toBe(before);
  await page.reload();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(note(page)).toBeEmpty();
  await expect.poll(devices).toBe(before + 1);

  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(note(page)).toBeEmpty();
  expect(await devices()).toBe(before);

  // On again, then Sign out: a shared computer stops notifying this agent.
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
  expect(await devices()).toBe(before + 1);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signInConsole(page, ORIGIN);
  expect(await devices()).toBe(before);
  await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
});
