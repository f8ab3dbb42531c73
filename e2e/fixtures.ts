/**
 * Shared helpers for the end-to-end suite. Everything is driven the way a person (or a screen
 * reader) finds it: by role and accessible name, never by the widget's class names.
 *
 * Host pages for special cases are fulfilled with `page.route()` on the server's own origin, so
 * `/lifeline.js`, the panel chunk and `/articles.json` still come from the real server.
 */
import { expect, request, test as base, type APIRequestContext, type APIResponse, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import en from '../src/widget/panel/strings/lang-en';
import live from '../src/widget/panel/live/strings/live-en';
import type { AgentHandoffDetail, AgentHandoffSummary } from '../src/server/api/agent-types';
import { E2E_AGENT, serverEnv } from './playwright.config';

export const PORT = Number(process.env.E2E_PORT ?? 8791);
export const ORIGIN = `http://127.0.0.1:${PORT}`;

/** The demo's phone number, as people read it. */
export const PHONE = '+1 800 555 0199';
export const CALL_NAME = `Call ${PHONE}`;
export const REFUND_TITLE = 'How do I get a refund?';
export const ARTICLES_FAILED = 'The help articles could not be loaded. A person can still help you.';
export const NO_ARTICLES = 'Tell us what you need: a person is ready to help.';
/** Copy that is not part of the contract comes from the widget's own English strings. */
export const SORRY = en.sorry;
export const CALL_AT = en.callAt(PHONE);
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE_VIEWPORT = { width: 320, height: 640 };

// ---------------------------------------------------------------------------------------------
// Locators

export const widget = (page: Page): Locator => page.locator('lifeline-widget');
/** Our launcher button, named exactly "Help". */
export const helpButton = (page: Page): Locator => widget(page).getByRole('button', { name: 'Help', exact: true });
/** The open panel. */
export const dialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Help' });
/**
 * The widget's phone link outside the panel. The panel's own phone link is hidden while the
 * panel is closed, so while collapsed this is the launcher's one.
 */
export const collapsedPhone = (page: Page): Locator =>
  widget(page).getByRole('link', { name: CALL_NAME, exact: true });
export const panelPhone = (page: Page): Locator => dialog(page).getByRole('link', { name: CALL_NAME, exact: true });
export const talkToHuman = (page: Page): Locator =>
  dialog(page).getByRole('button', { name: 'Talk to a human', exact: true });
export const searchbox = (page: Page): Locator => dialog(page).getByRole('searchbox', { name: 'Search help' });
/** The live region of the search view (a polite status). */
export const liveStatus = (page: Page): Locator => dialog(page).getByRole('status').first();
export const viewHeading = (page: Page, name: string): Locator =>
  dialog(page).getByRole('heading', { name, exact: true });
/** The "What you tried" list of the human view. */
export const triedList = (page: Page): Locator =>
  dialog(page).getByRole('region', { name: 'What you tried' }).getByRole('listitem');

// ---------------------------------------------------------------------------------------------
// Host pages

export type ScriptAttrs = Record<string, string | boolean | undefined>;

/** The demo's settings, minus what a strict demo page adds (nonce). */
export const DEMO_ATTRS: ScriptAttrs = {
  'data-phone': PHONE,
  'data-email': 'help@northwind-cycles.example',
  'data-articles': '/articles.json',
};

export interface HostPageOptions {
  /** Path on the server's origin; default a unique /e2e/host-N.html. */
  path?: string;
  title?: string;
  lang?: string;
  /** The page's direction (<html dir>), e.g. "rtl" for an Arabic page; none by default. */
  dir?: string;
  /** The origin that serves the page (a server of the test's own); the suite's server by default. */
  origin?: string;
  /** Extra markup at the end of <head> (before the script when it is placed in the head). */
  head?: string;
  /** The body's content (before the script tag). */
  body?: string;
  /** The script tag's attributes (src is added); null = no script tag at all. */
  script?: ScriptAttrs | null;
  /** Where the script tag goes. */
  placement?: 'body-end' | 'head';
  /** An inline script before the widget's (gets the nonce when there is one). */
  inlineBefore?: string;
  /** true = the strict policy of a careful site (with a nonce); a string = that policy, `{{NONCE}}` replaced. */
  csp?: boolean | string;
}

export interface HostPage {
  url: string;
  nonce: string;
}

let pageCounter = 0;

export const STRICT_CSP =
  "default-src 'self'; script-src 'nonce-{{NONCE}}' 'strict-dynamic'; style-src 'self'; object-src 'none'; " +
  "base-uri 'none'; require-trusted-types-for 'script'";

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function scriptTag(attrs: ScriptAttrs, nonce?: string): string {
  const parts = ['src="/lifeline.js"'];
  if (nonce) parts.push(`nonce="${nonce}"`);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    parts.push(value === true ? name : `${name}="${escapeAttr(value)}"`);
  }
  return `<script ${parts.join(' ')}></script>`;
}

/**
 * Serves a site owner's page at `path` on the server's origin (through page.route) and returns
 * its URL. The widget's own files are not routed: they come from the real server.
 */
export async function hostPage(page: Page, options: HostPageOptions = {}): Promise<HostPage> {
  const path = options.path ?? `/e2e/host-${++pageCounter}.html`;
  const nonce = randomBytes(12).toString('base64');
  const useNonce = options.csp !== undefined && options.csp !== false;
  const n = useNonce ? nonce : undefined;
  const nonceAttr = n ? ` nonce="${n}"` : '';
  const script = options.script === null ? '' : scriptTag(options.script ?? DEMO_ATTRS, n);
  const inline = options.inlineBefore ? `<script${nonceAttr}>${options.inlineBefore}</script>` : '';
  const placement = options.placement ?? 'body-end';
  const html = `<!DOCTYPE html>
<html lang="${options.lang ?? 'en'}"${options.dir ? ` dir="${options.dir}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title ?? 'A site owner’s page'}</title>
${options.head ?? ''}
${inline}
${placement === 'head' ? script : ''}
</head>
<body>
${options.body ?? '<main><h1>A site owner’s page</h1><p>Some content.</p></main>'}
${placement === 'body-end' ? script : ''}
</body>
</html>`;
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  if (useNonce) {
    const policy = typeof options.csp === 'string' ? options.csp : STRICT_CSP;
    headers['content-security-policy'] = policy.replaceAll('{{NONCE}}', nonce);
  }
  const origin = options.origin ?? ORIGIN;
  await page.route(`${origin}${path}`, (route) => route.fulfill({ status: 200, headers, body: html }));
  return { url: `${origin}${path}`, nonce };
}

/** Serves broken JSON at /e2e/malformed.json (for data-articles). */
export async function routeMalformedArticles(page: Page): Promise<string> {
  const path = '/e2e/malformed.json';
  await page.route(`${ORIGIN}${path}`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '[{"id": "refunds", "title": "How do I get a refund?", "body": "Half an arti',
    }),
  );
  return path;
}

/** A path the real server does not have. */
export const MISSING_ARTICLES = '/nope/articles.json';

// ---------------------------------------------------------------------------------------------
// Actions

/**
 * The widget is light unless the site asks otherwise: this asks for `auto` (the visitor's system,
 * as page.emulateMedia sets it), through window.LifelineSettings so that it works on the demo's
 * own pages too. Call before page.goto.
 */
export async function followSystemTheme(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { LifelineSettings?: Record<string, unknown> };
    w.LifelineSettings = { ...w.LifelineSettings, theme: 'auto' };
  });
}

/** Opens the panel as a person would: a click on Help. Returns the dialog. */
export async function openPanel(page: Page): Promise<Locator> {
  await helpButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
  return dialog(page);
}

/** Types a query into the search box (fill: one input event) and waits until it is enabled. */
export async function search(page: Page, query: string): Promise<void> {
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).fill(query);
}

// ---------------------------------------------------------------------------------------------
// Checks

/**
 * The element is visible, its bounding box lies fully inside the viewport, and nothing covers
 * its centre (a hit test through the shadow root), so a tap there reaches it.
 */
export async function expectOnScreen(locator: Locator, what: string): Promise<void> {
  await expect(locator, `${what} is visible`).toBeVisible();
  await animationsFinished(locator);
  const page = locator.page();
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no fixed viewport');
  const box = await locator.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  if (!box) return;
  const where = `${what}: box ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`;
  expect.soft(box.x, where).toBeGreaterThanOrEqual(0);
  expect.soft(box.y, where).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, where).toBeLessThanOrEqual(viewport.width + 0.5);
  expect.soft(box.y + box.height, where).toBeLessThanOrEqual(viewport.height + 0.5);
  expect.soft(box.width, where).toBeGreaterThan(0);
  expect.soft(box.height, where).toBeGreaterThan(0);
  const onTop = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const root = el.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && el.contains(hit);
  });
  expect.soft(onTop, `${what} is not covered by anything at its centre`).toBe(true);
}

/**
 * Waits for the running animations of the element's tree (the shadow root when it is in one):
 * the panel slides in over 140 ms, and boxes are measured where they come to rest.
 */
export async function animationsFinished(locator: Locator): Promise<void> {
  await locator.evaluate(async (el) => {
    const root = el.getRootNode() as Document | ShadowRoot;
    const running = root.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });
}

/** Every console message, kept in order. */
export function collectConsole(page: Page): ConsoleMessage[] {
  const messages: ConsoleMessage[] = [];
  page.on('console', (message) => messages.push(message));
  return messages;
}

/** The console.error texts that start with `[Lifeline] <prefix>`. */
export const lifelineErrors = (messages: ConsoleMessage[], prefix = ''): string[] =>
  messages
    .filter((m) => m.type() === 'error' && m.text().startsWith(`[Lifeline] ${prefix}`))
    .map((m) => m.text());

const VIOLATION_TAG = '[e2e:securitypolicyviolation]';

/**
 * Collects Content-Security-Policy and Trusted Types violations: `securitypolicyviolation`
 * events (reported through the console, so no global is added to the page), console errors
 * about either, and uncaught page errors mentioning them. Call before `page.goto`.
 */
export async function collectPolicyViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  await page.addInitScript((tag: string) => {
    const report = (event: SecurityPolicyViolationEvent): void => {
      console.warn(`${tag} ${event.violatedDirective} blocked=${event.blockedURI} sample=${event.sample} at ${event.sourceFile}:${event.lineNumber}`);
    };
    // Capture on window: violations in a shadow root are retargeted, this sees them all.
    addEventListener('securitypolicyviolation', report, true);
  }, VIOLATION_TAG);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION_TAG)) found.push(text);
    else if (message.type() === 'error' && /Content Security Policy|Trusted ?Type/i.test(text)) found.push(text);
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|Trusted ?Type/i.test(`${error.name} ${error.message}`)) found.push(`pageerror: ${error.message}`);
  });
  return found;
}

/** Runs axe (WCAG 2.2 AA tags) on a whole page of ours (the console), summarised. */
export async function pageViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`);
}

/**
 * Runs axe (WCAG 2.2 AA tags; `tags` to add others, e.g. 'best-practice') on the widget and
 * returns the violations, summarised.
 */
export async function axeViolations(page: Page, tags: readonly string[] = WCAG_TAGS): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('lifeline-widget').withTags([...tags]).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join('\n    ')}`,
  );
}

/** `document.activeElement`, followed into open shadow roots: a short description. */
export async function deepActiveElement(page: Page): Promise<{ tag: string; name: string; inDialog: boolean; inWidget: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName === 'LIFELINE-WIDGET') inWidget = true;
      el = el.shadowRoot.activeElement;
    }
    if (el?.tagName === 'LIFELINE-WIDGET') inWidget = true;
    const name = (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      name,
      inDialog: Boolean(el?.closest('[role="dialog"]')),
      inWidget,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The live ways to a person (data-backend): visitor side

/** The live views' English copy (not part of the contract, so it comes from the widget). */
export const LIVE = live;
/**
 * How long a new handoff may take to be accepted: a two-core machine running two browsers and
 * the server may be slow, and the widget sends again after a failure with a backoff.
 */
export const CREATED_TIMEOUT = 15_000;

/**
 * A channel of the choice, by its label (its name is the label followed by its notes): a button,
 * or for the phone a tel: link.
 */
export const channelButton = (page: Page, label: string): Locator => {
  const name = new RegExp(`^${label}\\b`);
  return dialog(page).getByRole('button', { name }).or(dialog(page).getByRole('link', { name }));
};
/** The phone channel: "Call us now" while the line is answered, "Call us at …" (never "now") when not. */
export const phoneChannel = (page: Page): Locator => dialog(page).getByRole('link', { name: /^Call us (now\b|at )/ });
export const chatLog = (page: Page): Locator => dialog(page).getByRole('log');
export const messageBox = (page: Page): Locator => dialog(page).getByRole('textbox', { name: LIVE.message, exact: true });
/** The chat bubbles whose text contains `text` (each is a paragraph of the log). */
export const bubbles = (page: Page, text: string): Locator => chatLog(page).getByRole('paragraph').filter({ hasText: text });
/** The "Your reference: NNNN" line. */
export const refLine = (page: Page): Locator => dialog(page).getByText(/^Your reference: \d+$/);
/** The notice shown while the backend cannot be reached. */
export const offlineNotice = (page: Page): Locator =>
  dialog(page).getByRole('status').filter({ hasText: /^We can’t reach our team right now\./ });

/** On a demo page: Help → Talk to a human, until the channel choice is shown (live chunk loaded). */
export async function openChannels(page: Page): Promise<void> {
  if (!(await dialog(page).isVisible())) await openPanel(page);
  await talkToHuman(page).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(dialog(page).getByRole('heading', { name: LIVE.choose })).toBeVisible();
}

/** From the channel choice: "Chat with a person", until the composer is there. */
export async function chooseChat(page: Page): Promise<void> {
  await channelButton(page, LIVE.chat).click();
  await expect(messageBox(page)).toBeVisible();
}

/** Types a message and sends it with Enter (or the Send button). */
export async function sendMessage(page: Page, text: string, how: 'enter' | 'button' = 'enter'): Promise<void> {
  await messageBox(page).fill(text);
  if (how === 'enter') await messageBox(page).press('Enter');
  else await dialog(page).getByRole('button', { name: LIVE.send, exact: true }).click();
  await expect(messageBox(page)).toHaveValue('');
}

/** The visitor's message is in the log once, with no state after it (not "Sending…", not queued). */
export async function expectSent(page: Page, text: string, timeout?: number): Promise<void> {
  await expect(bubbles(page, text)).toHaveText(`${LIVE.you}: ${text}`, timeout === undefined ? {} : { timeout });
}

/**
 * In the callback form, checks that the soonest free time is chosen, then chooses another: the
 * day's second time, or, when the first day has only one left (late in the day), the next day's
 * first. Returns it as the confirmation says it, within its sentence ("tomorrow, 09:30–10:00",
 * "Monday, 09:00–09:30") and its ISO start.
 */
export async function chooseAnotherSlot(page: Page): Promise<{ when: string; from: string }> {
  const panel = dialog(page);
  const times = panel.getByRole('group', { name: LIVE.slotsLegend }).getByRole('radio');
  await expect(times.first()).toBeChecked();
  const daySelect = panel.getByRole('combobox', { name: LIVE.slotDay });
  if ((await times.count()) > 1) await times.nth(1).check();
  else await daySelect.selectOption({ index: 1 });
  const chosen = panel.getByRole('group', { name: LIVE.slotsLegend }).getByRole('radio', { checked: true });
  // The day is the Day choice when there are several, else the line above the times.
  const day = (await daySelect.count())
    ? await daySelect.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]!.text)
    : await panel.getByRole('group', { name: LIVE.slotsLegend }).evaluate((group) => group.previousElementSibling!.textContent!);
  const time = (await chosen.evaluate((input) => input.closest('label')!.textContent))!.trim();
  // The picker's day stands alone ("Tomorrow"); within the confirmation's sentence it is "tomorrow".
  const inSentence = day === 'Today' || day === 'Tomorrow' ? day.toLowerCase() : day;
  return { when: `${inSentence}, ${time}`, from: new Date((await chosen.getAttribute('value'))!).toISOString() };
}

/** On `origin`'s demo page: asks for a chat, writes `text`, waits until it is sent; returns the reference. */
export async function startChat(page: Page, origin: string, text: string): Promise<string> {
  await page.goto(`${origin}/`);
  await openChannels(page);
  await chooseChat(page);
  await sendMessage(page, text);
  await expectSent(page, text);
  return visitorRef(page);
}

/** Signs the e2e agent in to the console at `origin` and waits for the queue. */
export async function signInConsole(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/console`);
  await page.getByLabel('Email').fill(E2E_AGENT.email);
  await page.getByLabel('Password').fill(E2E_AGENT.password);
  const queue = page.getByRole('heading', { name: 'Queue', exact: true });
  // The suite signs the same agent in from many tests at once, and the server limits sign-ins (10
  // a minute per address and e-mail): when it says "Too many sign-in attempts", sign in again
  // as a person would, until the queue shows.
  await expect(async () => {
    if (!(await queue.isVisible())) await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(queue).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000, 5_000, 10_000] });
}

/** Waits for the reference the visitor is shown and returns it. */
export const visitorRef = (page: Page): Promise<string> => visitorRefWithin(page, CREATED_TIMEOUT);

/** Waits up to `timeout` ms (a backend that was down: the widget's backoff) for the reference. */
export async function visitorRefWithin(page: Page, timeout: number): Promise<string> {
  await expect(refLine(page)).toBeVisible({ timeout });
  const ref = /(\d+)$/.exec((await refLine(page).textContent()) ?? '')?.[1];
  if (!ref) throw new Error('no reference shown');
  return ref;
}

// ---------------------------------------------------------------------------------------------
// The live ways to a person: the agent's side, through the real agent API

export interface Agent {
  readonly api: APIRequestContext;
  /** An open handoff by the ref the visitor was shown. */
  byRef(ref: string): Promise<AgentHandoffDetail>;
  get(id: string): Promise<AgentHandoffDetail>;
  list(status?: 'open' | 'resolved' | 'all'): Promise<AgentHandoffSummary[]>;
  claim(id: string): Promise<AgentHandoffDetail>;
  reply(id: string, text: string): Promise<void>;
  typing(id: string, typing: boolean): Promise<void>;
  dispose(): Promise<void>;
}

async function ok(response: APIResponse, what: string): Promise<APIResponse> {
  if (!response.ok()) throw new Error(`${what}: HTTP ${response.status()} ${await response.text()}`);
  return response;
}

/** Signs in as the e2e agent (playwright.config.ts) on the server at `origin`. */
export async function signInAgent(origin = ORIGIN): Promise<Agent> {
  const api = await request.newContext({ baseURL: origin });
  await ok(await api.post('/v1/agent/login', { data: { email: E2E_AGENT.email, password: E2E_AGENT.password } }), 'agent login');
  const json = async <T>(response: Promise<APIResponse>, what: string): Promise<T> => (await ok(await response, what)).json() as Promise<T>;
  return {
    api,
    byRef: (ref) => json(api.get(`/v1/agent/handoffs/by-ref/${encodeURIComponent(ref)}`), `handoff by ref ${ref}`),
    get: (id) => json(api.get(`/v1/agent/handoffs/${encodeURIComponent(id)}`), `handoff ${id}`),
    list: async (status = 'open') =>
      (await json<{ handoffs: AgentHandoffSummary[] }>(api.get(`/v1/agent/handoffs?status=${status}`), 'handoff list')).handoffs,
    claim: (id) => json(api.post(`/v1/agent/handoffs/${encodeURIComponent(id)}/claim`, { data: {} }), `claim ${id}`),
    reply: async (id, text) => {
      await ok(await api.post(`/v1/agent/handoffs/${encodeURIComponent(id)}/messages`, { data: { clientMessageId: randomUUID(), text } }), `reply to ${id}`);
    },
    typing: async (id, typing) => {
      await ok(await api.post(`/v1/agent/handoffs/${encodeURIComponent(id)}/typing`, { data: { typing } }), `typing in ${id}`);
    },
    dispose: () => api.dispose(),
  };
}

/**
 * `test` with `agent`: the e2e agent signed in on the suite's server, once per worker (the
 * server allows 5 sign-ins per IP at once, then 10 a minute).
 */
export const agentTest = base.extend<{}, { agent: Agent }>({
  agent: [
    async ({}, use) => {
      const agent = await signInAgent();
      await use(agent);
      await agent.dispose();
    },
    { scope: 'worker' },
  ],
});

// ---------------------------------------------------------------------------------------------
// A second, real server that a test starts and stops (the backend going down and coming back)

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface OwnServer {
  readonly origin: string;
  readonly port: number;
  /** Ends it with SIGTERM (as a deploy does) and waits until the process has exited. */
  stop(): Promise<void>;
  /** Ends it with SIGKILL (a crash: no shutdown of any kind) and waits until it has exited. */
  kill(): Promise<void>;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts `node --import tsx src/server/main.ts` on `port` with the SQLite file `db`, the e2e
 * agent and any further `env` (LIFELINE_HOURS...), and resolves once `/lifeline.js` answers.
 */
export async function startServer(port: number, db: string, env: Record<string, string> = {}): Promise<OwnServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...serverEnv(port, db), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (running()) child.kill('SIGTERM');
    const killer = setTimeout(() => running() && child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };

  const kill = async (): Promise<void> => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (!running()) throw new Error(`the server on port ${port} exited at start:\n${output}`);
    try {
      if ((await fetch(`${origin}/lifeline.js`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server on port ${port} did not answer in 20 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, port, stop, kill };
}
