/**
 * The console's queue tells the truth, on a server of its own (its handoffs would crowd the
 * suite's): 520 junk chats then one real visitor, who is listed; a callback at its booked time
 * in the agent's zone with the business's beside it; a phone reference apart, not counted as
 * waiting, and marked answered; every search quoted; and the focus on each view's heading.
 */
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BackendStatus, CreateHandoffResponse } from '../src/protocol/types';
import { E2E_AGENT } from './playwright.config';
import { collectPolicyViolations, freePort, pageViolations, startServer, type OwnServer } from './fixtures';
import { test } from '@playwright/test';

test.describe.configure({ timeout: 120_000 });

const AT = new Date().toISOString();
const search = (query: string) => ({ type: 'search', at: AT, query, resultCount: 0, topIds: [] });

/** Creates a handoff through the visitor API, as a widget would. */
async function create(api: APIRequestContext, body: Record<string, unknown>): Promise<CreateHandoffResponse> {
  const response = await api.post('/v1/handoffs', { data: { clientId: crypto.randomUUID(), channel: 'chat', transcript: [], ...body } });
  if (!response.ok()) throw new Error(`POST /v1/handoffs: ${response.status()} ${await response.text()}`);
  return (await response.json()) as CreateHandoffResponse;
}

/** The name and tag of what has the keyboard focus. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName.toLowerCase() ?? null, text: e?.textContent?.trim() ?? null };
  });

let server: OwnServer;
let dir: string;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-queue-'));
  // The business is in New York; the agent's browser (below) in Paris.
  server = await startServer(await freePort(), join(dir, 'lifeline.db'), { LIFELINE_TIMEZONE: 'America/New_York' });
});
test.afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the queue lists a new visitor behind 520 junk chats, callbacks at their time, phone references apart', async ({ browser }) => {
  const api = await request.newContext({ baseURL: server.origin });
  // 520 junk chats, 20 at a time (the e2e server raises the per-address limit).
  for (let i = 0; i < 520; i += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, j) => create(api, { visitor: { name: `Junk ${i + j}` } })));
  }
  const real = await create(api, {
    visitor: { name: 'Real Visitor' },
    transcript: [search('refund'), search('late delivery'), search('Refund ')],
  });
  const phone = await create(api, { channel: 'phone', visitor: { name: 'Caller' } });
  const status = (await (await api.get('/v1/status')).json()) as BackendStatus;
  const slot = status.callbackSlots![0]!;
  const callback = await create(api, { channel: 'callback', visitor: { name: 'Calls Back' }, callback: { phone: '+1 555 0142', ...slot } });

  const context = await browser.newContext({ baseURL: server.origin, timezoneId: 'Europe/Paris', locale: 'en-GB' });
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);

  await test.step('after sign-in, the focus is on the queue’s heading', async () => {
    await page.goto('/console');
    await page.getByLabel('Email').fill(E2E_AGENT.email);
    await page.getByLabel('Password').fill(E2E_AGENT.password);
    await page.getByLabel('Password').press('Enter');
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeFocused();
  });

  const chats = page.getByRole('region', { name: /^Chats/ });
  const realRow = chats.getByRole('link', { name: new RegExp(`Ref ${real.ref}\\b`) });
  await test.step('the real visitor is listed, and the section says what it leaves out', async () => {
    await expect(realRow).toBeVisible();
    await expect(realRow).toContainText('Real Visitor');
    await expect(chats.getByText(/^Showing 500 of 521: the 450 waiting longest and the 50 newest\./)).toBeVisible();
    await expect(chats.getByRole('listitem').filter({ hasText: '21 more not listed here' })).toBeVisible();
    // Only people waiting count: 521 chats; the phone reference does not, nor the callback not yet due.
    await expect(page.getByRole('status').filter({ hasText: /waiting$/ })).toHaveText('521 people waiting');
    await expect(page).toHaveTitle(/^\(521\) Queue · Lifeline console$/);
  });

  await test.step('every search is quoted, a repeat counted once', async () => {
    const searches = chats.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`Ref ${real.ref}\\b`) }) }).getByText(/^Searched:/);
    await expect(searches).toHaveText('Searched: refund ×2, late delivery');
    // Each one in its own quotation marks (a q's opening mark is its ::before).
    const opening = await searches.locator('q').evaluateAll((qs) => qs.map((q) => getComputedStyle(q, '::before').content));
    expect(opening).toHaveLength(2);
    expect(new Set(opening).size, `opening marks: ${opening.join(' ')}`).toBe(1);
    expect(opening[0]).not.toBe('none');
  });

  await test.step('a callback shows its booked time in the agent’s zone and the business’s', async () => {
    const callbacks = page.getByRole('region', { name: /^Callbacks/ });
    const row = callbacks.getByRole('link', { name: new RegExp(`Ref ${callback.ref}\\b`) });
    const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(slot.from));
    const newYork = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(slot.from));
    await expect(row).toContainText(new RegExp(`${paris} \\(your time\\) · (\\S+ )?${newYork} New York`));
    await expect(row).not.toContainText('waiting');
    // And on its page.
    await row.click();
    await expect(page.getByRole('region', { name: 'Callback' })).toContainText(new RegExp(`Booked for\\S* *\\S+ ${paris} \\(your time\\) · (\\S+ )?${newYork} New York`));
    await page.getByRole('link', { name: /Back to the queue/ }).click();
  });

  await test.step('a phone reference is apart, and marked answered it leaves', async () => {
    const phones = page.getByRole('region', { name: /^Phone references for today/ });
    await expect(phones.getByRole('link', { name: new RegExp(`Ref ${phone.ref}\\b`) })).toBeVisible();
    await expect(chats.getByRole('link', { name: new RegExp(`Ref ${phone.ref}\\b`) })).toHaveCount(0);
    expect(await pageViolations(page), 'axe on the queue in sections').toEqual([]);
    await phones.getByRole('button', { name: `Mark answered: Ref ${phone.ref}` }).click();
    await expect(phones.getByText(/^No phone references given today/)).toBeVisible();
  });

  await test.step('opening a handoff focuses its heading; going back focuses the queue’s', async () => {
    await realRow.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: `Chat · Ref ${real.ref}` });
    await expect(heading).toBeFocused();
    expect(await focused(page)).toEqual({ tag: 'h1', text: `Chat · Ref ${real.ref}` });
    await page.getByRole('link', { name: /Back to the queue/ }).press('Enter');
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeFocused();
    // Far down a long queue, the heading is scrolled back into view with the focus.
    await chats.getByRole('link', { name: new RegExp(`Ref ${real.ref}\\b`) }).click();
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();
  });

  await test.step('Show all lists every chat', async () => {
    await page.getByRole('link', { name: /Back to the queue/ }).click();
    // The row a person (or a click on its way) is on stays that visitor's as rows move around it.
    const held = await chats.getByRole('link', { name: new RegExp(`Ref ${real.ref}\\b`) }).elementHandle();
    await chats.getByRole('button', { name: 'Show all 521' }).click();
    await expect(chats.getByRole('link')).toHaveCount(521);
    await expect(chats.getByText(/^Showing/)).toHaveCount(0);
    expect(await held!.evaluate((a) => a.isConnected && a.getAttribute('href'))).toBe(`#/handoff/${real.id}`);
  });

  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
  await api.dispose();
});
