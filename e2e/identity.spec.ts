/**
 * Verified visitors (issue 16), in Chromium against the real server (main.ts on its own SQLite
 * file, with LIFELINE_IDENTITY_SECRET): a page identifies its signed-in customer with a token
 * its own server signed; the customer hands off, the console marks them Verified; on a second
 * browser (another device) with a fresh token for the same customer, the widget shows the
 * earlier conversation; a forged token is refused, shows no one's history, and still reaches a
 * person as "Not verified", as does a page's bare claim.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signIdentityToken } from '../src/server/identity/jwt';
import { axeViolations, chooseChat, DEMO_ATTRS, dialog, expectSent, freePort, openChannels, scriptTag, sendMessage, signInAgent, signInConsole, startServer, visitorRef, type Agent, type OwnServer } from './fixtures';

const SECRET = 'northwind-signs-its-customers-with-this-0123456789';
const SHOTS = '/tmp/identity-shots';
const ANN = { sub: 'cust-ann-7', email: 'ann@example.com', name: 'Ann Customer' };
const token = (claims: Record<string, unknown>, secret = SECRET) => signIdentityToken({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600, ...claims }, secret);
const history = (page: Page) => dialog(page).getByRole('region', { name: 'Your conversations' });

let pages = 0;
/** The site's page for a signed-in customer: identify() before the script, as the README shows. */
async function customerPage(page: Page, origin: string, visitor: Record<string, unknown> | null, theme = 'light'): Promise<void> {
  const path = `/e2e/account-${++pages}.html`;
  const identify = visitor ? `Lifeline('identify', ${JSON.stringify(visitor)});` : '';
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Your account</title>
<script>window.Lifeline=window.Lifeline||function(){(Lifeline.q=Lifeline.q||[]).push(arguments)};${identify}</script></head>
<body><main><h1>Your account</h1></main>${scriptTag({ ...DEMO_ATTRS, 'data-backend': '/', 'data-theme': theme })}</body></html>`;
  await page.route(`${origin}${path}`, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, body: html }));
  await page.goto(`${origin}${path}`);
}

test.describe('verified visitors', () => {
  test.describe.configure({ mode: 'serial' });
  let server: OwnServer | undefined;
  let dir: string | undefined;
  let origin = '';
  let agent: Agent;
  let annRef = '';

  test.beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-identity-'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = await startServer(port, join(dir, 'lifeline.db'), { LIFELINE_PUBLIC_URL: origin, LIFELINE_IDENTITY_SECRET: SECRET });
    agent = await signInAgent(origin);
  });
  test.afterAll(async () => {
    await agent?.dispose();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a verified customer hands off, and the console marks them Verified', async ({ page }) => {
    await customerPage(page, origin, { name: 'Ann', email: ANN.email, token: token(ANN) });
    await openChannels(page);
    // Nothing earlier yet: the card says so, and the ways to a person are all there.
    await expect(history(page).getByText('No earlier conversations yet.')).toBeVisible();
    await chooseChat(page);
    await sendMessage(page, 'My rear brake squeaks after the service');
    await expectSent(page, 'My rear brake squeaks after the service');
    annRef = await visitorRef(page);
    const h = await agent.byRef(annRef);
    expect(h.verified).toEqual(ANN);
    await agent.claim(h.id);
    await agent.reply(h.id, 'Clean the rim with alcohol, then try again.');
    await expect(dialog(page).getByText('Clean the rim with alcohol, then try again.')).toBeVisible();

    await signInConsole(page, origin);
    await page.goto(`${origin}/console#/handoff/${h.id}`);
    const card = page.getByRole('region', { name: 'Visitor' });
    await expect(card.getByText(`Verified · ${ANN.email} · id ${ANN.sub}`)).toBeVisible();
    await expect(card.getByText('Not verified')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Earlier conversations' }).getByText('None: this is the customer’s first.')).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 800 });
    await card.screenshot({ path: `${SHOTS}/console-verified.png` });
  });

  // Each size and theme a test of its own: a fresh browser context each time, nothing of the
  // first browser's storage, as on another device.
  for (const [width, theme] of [[1280, 'light'], [320, 'dark'], [320, 'light'], [1280, 'dark']] as const) {
    test(`on another device (${width} px, ${theme}), a fresh token for the same customer shows the earlier conversation`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: width === 320 ? 640 : 800 } });
      const page = await context.newPage();
      await customerPage(page, origin, { token: token({ sub: ANN.sub }) }, theme);
      await openChannels(page);
      const conversation = history(page).getByRole('group').filter({ hasText: `ref. ${annRef}` });
      await expect(conversation).toHaveCount(1);
      await conversation.getByText(`ref. ${annRef}`).click();
      await expect(conversation.getByText('My rear brake squeaks after the service')).toBeVisible();
      await expect(conversation.getByText('Clean the rim with alcohol, then try again.')).toBeVisible();
      await expect(conversation.getByText('You', { exact: true })).toBeVisible();
      await expect(conversation.getByText('Sam', { exact: true })).toBeVisible();
      await history(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/history-${width}-${theme}.png` });
      // Readable by everyone, in both themes: contrast, names, the opened conversation.
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  test('the agent sees the customer’s earlier conversation beside the new one, and opens it', async ({ browser, page }) => {
    const context = await browser.newContext();
    const visitor = await context.newPage();
    await customerPage(visitor, origin, { token: token({ sub: ANN.sub, email: ANN.email }) });
    await openChannels(visitor);
    await chooseChat(visitor);
    await sendMessage(visitor, 'Still squeaking, sorry');
    await expectSent(visitor, 'Still squeaking, sorry');
    const again = await agent.byRef(await visitorRef(visitor));
    await context.close();
    expect(again.earlier.map((e) => e.ref)).toContain(annRef);

    await signInConsole(page, origin);
    await page.goto(`${origin}/console#/handoff/${again.id}`);
    const earlier = page.getByRole('region', { name: 'Earlier conversations' });
    await expect(earlier.getByText('“My rear brake squeaks after the service”')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/console-earlier-1280.png`, fullPage: true });
    await earlier.getByRole('link', { name: `Chat · Ref ${annRef}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Chat · Ref ${annRef}` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Earlier conversations' }).getByRole('link', { name: /^Chat · Ref / })).toHaveCount(1);
  });

  test('a forged token is refused, shows nobody’s history, and still reaches a person as Not verified', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // Ann's id, signed by someone who does not have the site's secret.
    await customerPage(page, origin, { email: ANN.email, token: token(ANN, 'an-attacker-guessing-the-secret-0123456789') });
    await openChannels(page);
    await expect(history(page).getByRole('alert')).toHaveText('We couldn’t confirm who you are, so your earlier conversations stay private. You can still talk to us.');
    await expect(history(page).getByRole('group')).toHaveCount(0);
    await expect(page.getByText('My rear brake squeaks after the service')).toHaveCount(0);
    expect(errors.join('\n')).toContain('[Lifeline] identify: The identity token');
    await page.screenshot({ path: `${SHOTS}/history-refused-1280.png` });

    await chooseChat(page);
    await sendMessage(page, 'Please show me my orders');
    await expectSent(page, 'Please show me my orders');
    const h = await agent.byRef(await visitorRef(page));
    expect(h.verified).toBeNull();
    expect(h.earlier).toEqual([]);
    expect(h.visitor).toEqual({ email: ANN.email });
    // Ann's own history did not get this conversation.
    const ann = await agent.byRef(annRef).catch(() => null);
    if (ann) expect(ann.earlier.map((e) => e.id)).not.toContain(h.id);
  });

  test('a page’s bare claim is shown as such: Not verified, "Says: …"', async ({ page }) => {
    await customerPage(page, origin, { name: 'Ann', email: ANN.email, id: ANN.sub });
    await openChannels(page);
    await expect(history(page)).toHaveCount(0); // no token: no history card at all
    await chooseChat(page);
    await sendMessage(page, 'I am Ann, honestly');
    await expectSent(page, 'I am Ann, honestly');
    const h = await agent.byRef(await visitorRef(page));
    expect(h.verified).toBeNull();

    await signInConsole(page, origin);
    await page.goto(`${origin}/console#/handoff/${h.id}`);
    const card = page.getByRole('region', { name: 'Visitor' });
    await expect(card.getByText('Not verified', { exact: true })).toBeVisible();
    await expect(card.getByText(`Says: ${ANN.email}`)).toBeVisible();
    await expect(card.getByText(`Says: ${ANN.sub}`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Earlier conversations' })).toHaveCount(0);
    await card.screenshot({ path: `${SHOTS}/console-not-verified.png` });
  });
  test('a customer with more than 20 conversations loads the earlier ones, and focus lands on the first of them', async ({ page, playwright }) => {
    const api = await playwright.request.newContext({ baseURL: origin });
    const refs: string[] = [];
    try {
      for (let i = 0; i < 22; i++) {
        const response = await api.post('/v1/handoffs', { data: { clientId: crypto.randomUUID(), channel: 'chat', transcript: [], visitor: { token: token({ sub: 'cust-many' }) } } });
        expect(response.status()).toBe(201);
        refs.unshift(((await response.json()) as { ref: string }).ref);
      }
    } finally {
      await api.dispose();
    }
    await customerPage(page, origin, { token: token({ sub: 'cust-many' }) });
    await openChannels(page);
    const conversations = history(page).getByRole('group');
    await expect(conversations).toHaveCount(20);
    const earlier = history(page).getByRole('button', { name: 'Show earlier conversations' });
    await earlier.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/history-earlier-button.png` });
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect(conversations).toHaveCount(22);
    await expect(earlier).toHaveCount(0);
    // Each once, newest first, and the keyboard is on the first one just loaded.
    const summaries = await history(page).locator('summary').allTextContents();
    expect(summaries.map((t) => refs.find((r) => t.includes(`ref. ${r} `)))).toEqual(refs);
    await expect(history(page).locator('summary').nth(20)).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/history-earlier-loaded.png` });
    expect(await axeViolations(page)).toEqual([]);
  });
});
