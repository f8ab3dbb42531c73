/**
 * The handoff (HANDOFF.md): a visitor who gives up on self-help reaches a person who already
 * knows what they tried, and the conversation survives reloads, the next page and a backend
 * that goes away for a while. The visitor drives the widget on the demo (data-backend="/");
 * the agent works through the real agent API (the console comes later).
 */
import { expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TranscriptEntry } from '../src/protocol/types';
import { SESSION_KEY } from '../src/widget/transport/keys';
import { localTime, wallToInstant } from '../src/hours';
import { weekday } from '../src/hours/zone';
import { E2E_AGENT } from './playwright.config';
import {
  followSystemTheme,
  DEMO_ATTRS,
  LIVE,
  ORIGIN,
  hostPage,
  triedList,
  REFUND_TITLE,
  SORRY,
  agentTest as test,
  axeViolations,
  bubbles,
  channelButton,
  chatLog,
  chooseChat,
  collectPolicyViolations,
  dialog,
  expectOnScreen,
  expectSent,
  freePort,
  offlineNotice,
  openChannels,
  openPanel,
  panelPhone,
  refLine,
  search,
  sendMessage,
  signInAgent,
  startServer,
  talkToHuman,
  viewHeading,
  visitorRef,
  visitorRefWithin,
  chooseAnotherSlot,
  phoneChannel,
  type OwnServer,
} from './fixtures';

// Several people and pages in one test, on a busy two-core machine.
test.describe.configure({ timeout: 60_000 });

const SAM = E2E_AGENT.name;
const joined = (page: Page) => dialog(page).getByRole('status').filter({ hasText: LIVE.joined(SAM) });
const queued = (page: Page) => dialog(page).getByRole('status').filter({ hasText: /^You’re number \d+ in line/ });
const typingNote = (page: Page) => dialog(page).getByText(LIVE.typing(SAM), { exact: true });

/** The log holds exactly these messages, each once, in this order. */
async function expectConversation(page: Page, texts: string[]): Promise<void> {
  for (const text of texts) await expect(bubbles(page, text), `"${text}" is in the log once`).toHaveCount(1);
  const all = chatLog(page).getByRole('paragraph');
  await expect(all).toHaveCount(texts.length);
  const shown = await all.allTextContents();
  expect(shown.map((line) => texts.findIndex((t) => line.includes(t)))).toEqual(texts.map((_, i) => i));
}

test('the whole story: the agent sees what the visitor tried, and they chat', async ({ page, agent }) => {
  const violations = await collectPolicyViolations(page); // the demo is served with a strict policy
  await page.goto('/');
  const panel = await openPanel(page);
  await search(page, 'refund');
  await panel.getByRole('link', { name: REFUND_TITLE }).click();
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await panel.getByRole('button', { name: 'No', exact: true }).click();
  await expect(panel.getByText(SORRY)).toBeVisible();

  await openChannels(page);
  await expect(channelButton(page, LIVE.callback)).toBeVisible();
  await expect(phoneChannel(page)).toBeVisible();
  await chooseChat(page);

  const text = 'The refund article does not say what happens with a bike bought as a gift.';
  await sendMessage(page, text);
  await expect(queued(page)).toBeVisible({ timeout: 20_000 });
  const ref = await visitorRef(page);
  await expectSent(page, text);

  const handoff = await agent.byRef(ref);
  await test.step('the agent gets what the visitor tried, and the message once', async () => {
    expect(handoff.channel).toBe('chat');
    expect(handoff.status).toBe('queued');
    const t = handoff.transcript;
    const where = (what: string, match: (e: TranscriptEntry) => boolean): number => {
      const at = t.findIndex(match);
      expect(at, `${what} in ${JSON.stringify(t, null, 1)}`).toBeGreaterThanOrEqual(0);
      return at;
    };
    const searched = where('the search for "refund"', (e) => e.type === 'search' && e.query === 'refund' && e.resultCount > 0 && e.topIds.includes('refunds'));
    const read = where('the refund article', (e) => e.type === 'article' && e.articleId === 'refunds');
    const rated = where('"Did this help? No"', (e) => e.type === 'feedback' && e.articleId === 'refunds' && e.helpful === false);
    const handed = where('the handoff to chat', (e) => e.type === 'handoff' && e.channel === 'chat');
    expect([searched, read, rated, handed]).toEqual([...[searched, read, rated, handed]].sort((a, b) => a - b));
    expect(handoff.messages.map((m) => ({ from: m.from, text: m.text }))).toEqual([{ from: 'visitor', text }]);
  });

  await test.step('the agent claims it, types and replies', async () => {
    await agent.claim(handoff.id);
    await expect(joined(page)).toBeVisible();
    await expect(queued(page)).toHaveCount(0);

    await agent.typing(handoff.id, true);
    await expect(typingNote(page)).toBeVisible();

    const reply = 'Gifts are refunded to the buyer: I can start it for you now.';
    await agent.reply(handoff.id, reply);
    const bubble = bubbles(page, reply);
    await expect(bubble).toContainText(`${SAM}: `); // read out with the agent's name
    // and shown once above the agent's run of messages, with the time (e2e/conversation.spec.ts)
    await expect(chatLog(page).locator('.ll-group').filter({ hasText: reply }).getByText(SAM, { exact: true })).toBeVisible();
    await expect(typingNote(page)).toHaveCount(0); // the reply ends the typing
    await expectConversation(page, [text, reply]);
  });
  expect(violations, 'Content-Security-Policy or Trusted Types violations').toEqual([]);
});

test('the conversation survives a reload and follows the visitor to the next page', async ({ page, agent }) => {
  await page.goto('/');
  await openChannels(page);
  await chooseChat(page);
  const first = 'Does the warranty cover the battery?';
  await sendMessage(page, first, 'button');
  const ref = await visitorRef(page);
  await expectSent(page, first);
  const { id } = await agent.byRef(ref);
  await agent.claim(id);
  const answer = 'Yes, for two years or 500 charge cycles.';
  await agent.reply(id, answer);
  await expectConversation(page, [first, answer]);

  await test.step('a reload reopens the panel on the same conversation, nothing doubled', async () => {
    await page.reload();
    await expect(dialog(page)).toBeVisible({ timeout: 10_000 });
    await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
    await expect(joined(page)).toBeVisible();
    await expect(refLine(page)).toHaveText(LIVE.ref(ref));
    await expectConversation(page, [first, answer]);
  });

  const between = 'This one was sent while you were between pages.';
  await test.step('on the next page the panel reopens, with what was sent meanwhile', async () => {
    await page.goto('about:blank');
    await agent.reply(id, between);
    await page.goto('/ebikes.html');
    await expect(dialog(page)).toBeVisible({ timeout: 10_000 });
    await expect(joined(page)).toBeVisible();
    await expectConversation(page, [first, answer, between]);
  });

  await test.step('and the chat goes on live there, both ways', async () => {
    const live = 'I see you are looking at e-bikes now.';
    await agent.reply(id, live);
    await expect(bubbles(page, live)).toHaveCount(1);
    const more = 'Yes, the Trekker 500.';
    await sendMessage(page, more);
    await expectSent(page, more);
    await expectConversation(page, [first, answer, between, live, more]);
    const detail = await agent.get(id);
    expect(detail.messages.map((m) => `${m.from}: ${m.text}`)).toEqual([
      `visitor: ${first}`,
      `agent: ${answer}`,
      `agent: ${between}`,
      `agent: ${live}`,
      `visitor: ${more}`,
    ]);
  });
});

test('Lifeline("on", "message") tells the page of each agent message once, whatever the panel shows', async ({ page, agent }) => {
  // Subscribed through the command queue on every page of this tab (README: `message`).
  const events: Array<{ from: string; author?: string; text: string }> = [];
  page.on('console', (m) => {
    if (m.text().startsWith('e2e message ')) events.push(JSON.parse(m.text().slice('e2e message '.length)));
  });
  await page.addInitScript(() => {
    const w = window as unknown as { Lifeline: ((...args: unknown[]) => void) & { q?: unknown[] } };
    w.Lifeline = w.Lifeline || function (...args: unknown[]) { (w.Lifeline.q = w.Lifeline.q || []).push(args); };
    w.Lifeline('on', 'message', (p: unknown) => console.log(`e2e message ${JSON.stringify(p)}`));
  });
  await page.goto('/');
  await openChannels(page);
  await chooseChat(page);
  await sendMessage(page, 'Can I change the delivery address?');
  const { id } = await agent.byRef(await visitorRef(page));
  const texts = (): string[] => events.map((e) => e.text);

  const onChat = 'Yes: which one should it be?';
  await agent.reply(id, onChat);
  await expect(bubbles(page, onChat)).toHaveCount(1);
  await expect.poll(texts).toEqual([onChat]);
  expect(events[0]).toMatchObject({ from: 'agent', author: SAM, text: onChat });

  await test.step('a reply that arrives while the visitor reads the articles', async () => {
    await dialog(page).getByRole('button', { name: 'Back' }).click();
    await expect(dialog(page).getByRole('searchbox', { name: 'Search help' })).toBeVisible();
    const whileBrowsing = 'Still there? I can change it until it ships.';
    await agent.reply(id, whileBrowsing);
    await talkToHuman(page).click();
    await expect(bubbles(page, whileBrowsing)).toHaveCount(1); // it did reach the widget
    await expect.soft.poll(texts, 'the page is told of the reply that came while the search view was shown').toEqual([onChat, whileBrowsing]);
  });

  await test.step('a reload does not tell the page again of what it was told', async () => {
    const before = events.length;
    await page.reload();
    await expect(dialog(page)).toBeVisible({ timeout: 10_000 });
    const afterReload = 'Done: it goes to the new address.';
    await agent.reply(id, afterReload);
    await expect(bubbles(page, afterReload)).toHaveCount(1);
    await expect.poll(() => texts().slice(before)).toEqual([afterReload]);
  });
});

test.describe('a backend of its own, stopped and started again', () => {
  let server: OwnServer | undefined;
  let dir: string | undefined;
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('backend down, then up: the outbox delivers the handoff and the message exactly once', async ({ page }) => {
    test.setTimeout(90_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-down-'));
    const db = join(dir, 'lifeline.db');
    const port = await freePort();
    server = await startServer(port, db);

    await page.goto(`${server.origin}/`);
    await openChannels(page); // the live chunk is loaded while the backend is up

    await server.stop();
    await chooseChat(page);
    const text = 'Are you there?';
    await sendMessage(page, text);
    await expect(offlineNotice(page)).toBeVisible();
    await expect(bubbles(page, text)).toContainText(LIVE.waitingToSend);
    await expectOnScreen(panelPhone(page), 'the phone link while the backend is down');

    server = await startServer(port, db);
    // The widget retries with a backoff of 1, 2, 4, 8, 15, 30 s.
    await expectSent(page, text, 40_000);
    await expect(refLine(page)).toBeVisible();
    await expect(offlineNotice(page)).toHaveCount(0);

    const agent = await signInAgent(server.origin);
    try {
      const open = await agent.list('open');
      expect(open.map((h) => h.channel)).toEqual(['chat']);
      const detail = await agent.get(open[0]!.id);
      await expect(refLine(page)).toHaveText(LIVE.ref(detail.ref));
      expect(detail.messages.map((m) => ({ from: m.from, text: m.text }))).toEqual([{ from: 'visitor', text }]);
      expect(await agent.list('all')).toHaveLength(1);
    } finally {
      await agent.dispose();
    }
  });

  test('a callback booked while the backend is down: times from data-hours, sent once it is back, for the time chosen', async ({ page }) => {
    test.setTimeout(90_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-down-cb-'));
    const db = join(dir, 'lifeline.db');
    const port = await freePort();
    // The server keeps the hours the demo page gives in data-hours, so both cut the same slots.
    const hours = { LIFELINE_HOURS: 'Mo-Fr 09:00-17:00; Sa 10:00-14:00', LIFELINE_TIMEZONE: 'America/New_York' };
    server = await startServer(port, db, hours);
    // The visitor's clock says the next Friday, 16:10 in New York: one time is left that day (16:30),
    // so another is Saturday's first. The server keeps the real time; that Saturday is within
    // its 14 days of slots.
    const ny = 'America/New_York';
    const today = localTime(ny, Date.now()).day;
    let friday = today + ((5 - weekday(today) + 7) % 7);
    if (wallToInstant(ny, friday, 16 * 60 + 10) <= Date.now()) friday += 7;
    await page.clock.setFixedTime(wallToInstant(ny, friday, 16 * 60 + 10));

    await page.goto(`${server.origin}/`);
    await openChannels(page); // the live and hours chunks are loaded while the backend is up
    await page.keyboard.press('Escape');
    await server.stop();
    // Opened again, the panel asks for /v1/status, gets no answer, and works from data-hours.
    await openChannels(page);
    await channelButton(page, LIVE.callback).click();
    const panel = dialog(page);
    const { when, from } = await chooseAnotherSlot(page);
    expect(from, 'Saturday 10:00 in New York').toBe(new Date(wallToInstant(ny, friday + 1, 10 * 60)).toISOString());
    const phone = '+1 555 010 4040';
    await panel.getByRole('textbox', { name: LIVE.yourPhone }).fill(phone);
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    await expect(panel.getByText(LIVE.callbackConfirmed(phone, when))).toBeVisible();
    await expect(offlineNotice(page)).toBeVisible();
    await expect(panel.getByText(LIVE.sending)).toBeVisible();
    await expectOnScreen(panelPhone(page), 'the phone link while the backend is down');

    server = await startServer(port, db, hours);
    // The widget retries with a backoff of 1, 2, 4, 8, 15, 30 s.
    const ref = await visitorRefWithin(page, 45_000);
    await expect(offlineNotice(page)).toHaveCount(0);
    const agent = await signInAgent(server.origin);
    try {
      const handoff = await agent.byRef(ref);
      expect(handoff.channel).toBe('callback');
      expect(handoff.callback).toMatchObject({ phone });
      expect(handoff.callback!.from, 'the time the visitor chose').toBe(from);
      expect(await agent.list('all'), 'sent once').toHaveLength(1);
    } finally {
      await agent.dispose();
    }
  });

  test('a restart mid-chat: the console keeps the conversation, and every reply crosses exactly once', async ({ page, browser }) => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-restart-'));
    const db = join(dir, 'lifeline.db');
    const port = await freePort();
    server = await startServer(port, db);

    await page.goto(`${server.origin}/`);
    await openChannels(page);
    await chooseChat(page);
    const hello = 'Hello, my order is late.';
    await sendMessage(page, hello);
    const ref = await visitorRef(page);
    await expectSent(page, hello);

    const context = await browser.newContext({ baseURL: server.origin });
    try {
      const agentPage = await context.newPage();
      const log = agentPage.getByRole('log', { name: 'Messages' });
      const reply = async (text: string): Promise<void> => {
        await agentPage.getByLabel('Reply').fill(text);
        await agentPage.getByLabel('Reply').press('Enter');
        await expect(agentPage.getByLabel('Reply')).toHaveValue('');
      };
      await agentPage.goto('/console');
      await agentPage.getByLabel('Email').fill(E2E_AGENT.email);
      await agentPage.getByLabel('Password').fill(E2E_AGENT.password);
      await agentPage.getByRole('button', { name: 'Sign in' }).click();
      await agentPage.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
      await expect(agentPage.getByRole('button', { name: 'Claim' })).toBeVisible(); // the page's first load is done
      const before = 'Let me look at it.';
      await test.step('a reload answered after a reply keeps the reply on the screen', async () => {
        // The claim's events make the page reload the handoff; those answers are held until the
        // reply is shown, as on a slow server, so they come from before the reply.
        let release = (): void => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        let reads = 0;
        await agentPage.route('**/v1/agent/handoffs/*', async (route) => {
          if (route.request().method() !== 'GET') return route.fallback();
          const response = await route.fetch();
          reads += 1;
          await held;
          await route.fulfill({ response });
        });
        await agentPage.getByRole('button', { name: 'Claim' }).click();
        await expect(agentPage.getByText(`With ${SAM}`, { exact: true })).toBeVisible();
        await expect.poll(() => reads).toBeGreaterThan(0);
        await reply(before);
        await expect(log).toContainText(before);
        const answered = agentPage.waitForResponse((r) => /\/v1\/agent\/handoffs\/[^/?]+$/.test(new URL(r.url()).pathname));
        release();
        await answered;
        await agentPage.unrouteAll({ behavior: 'wait' });
        // Two frames: the answer has been applied and drawn.
        await agentPage.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        await expect(log.getByRole('listitem').filter({ hasText: before })).toHaveCount(1);
      });
      await expect(joined(page)).toBeVisible();
      await expect(bubbles(page, before)).toHaveCount(1);

      await server.stop();
      await test.step('while the server is down, the console keeps the conversation and says it is reconnecting', async () => {
        await expect(agentPage.getByRole('status').filter({ hasText: /^Reconnecting to the server/ })).toBeVisible();
        await expect(agentPage.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
        await expect(log).toContainText(before);
        await expect(agentPage.getByText('The server cannot be reached.')).toHaveCount(0);
      });
      const during = 'Sorry, our system is restarting.';
      await test.step('a reply written while it is down waits in the log, not sent yet', async () => {
        await reply(during);
        await expect(log.getByRole('listitem').filter({ hasText: during })).toContainText('Not sent yet');
      });
      server = await startServer(port, db);

      await test.step('once it is back, the waiting reply reaches the visitor once and the notice goes', async () => {
        await expect(bubbles(page, during)).toHaveCount(1, { timeout: 20_000 });
        await expect(log.getByRole('listitem').filter({ hasText: during })).not.toContainText('Not sent yet');
        await expect(agentPage.getByRole('status').filter({ hasText: /^Reconnecting to the server/ })).toHaveCount(0);
      });

      // After the restart: the agent's reply reaches the visitor, the visitor's the agent.
      const after = 'Found it: it ships today.';
      await reply(after);
      await expect(log).toContainText(after);
      await expect(bubbles(page, after)).toHaveCount(1, { timeout: 20_000 });
      const once = 'Is this here only once?';
      await test.step('a reply whose answer is lost goes again with the same id: the visitor gets it once', async () => {
        let lost = false;
        await agentPage.route('**/v1/agent/handoffs/*/messages', async (route) => {
          if (lost) return route.fallback();
          lost = true;
          await route.fetch();
          await route.abort('connectionreset');
        });
        await reply(once);
        await expect(bubbles(page, once)).toHaveCount(1, { timeout: 20_000 });
        await expect(log.getByRole('listitem').filter({ hasText: once })).not.toContainText('Not sent yet');
        await agentPage.unrouteAll({ behavior: 'wait' });
      });
      const thanks = 'Thank you!';
      await sendMessage(page, thanks);
      await expectSent(page, thanks, 20_000);
      await expect(log).toContainText(thanks, { timeout: 20_000 });
      await expectConversation(page, [hello, before, during, after, once, thanks]);
      await expect(log.getByRole('listitem')).toHaveCount(6);
      const agent = await signInAgent(server.origin);
      try {
        expect((await agent.byRef(ref)).messages.map((m) => m.text), 'each once, on the server too').toEqual([hello, before, during, after, once, thanks]);
      } finally {
        await agent.dispose();
      }
    } finally {
      await context.close();
    }
  });

  test('a busy server: a new handoff refused with 429 waits as asked, quietly, and arrives once', async ({ page }) => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-busy-'));
    const port = await freePort();
    // 20 a minute: 10 at once, then one every 3 s, per address.
    server = await startServer(port, join(dir, 'lifeline.db'), { LIFELINE_HANDOFFS_PER_MINUTE: '20' });
    // Ten other visitors behind the same address (an office, a NAT) used the burst.
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${server.origin}/v1/handoffs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), channel: 'chat', transcript: [], context: { pageUrl: `${server.origin}/`, locale: 'en' } }),
      });
      expect(response.status, await response.text()).toBe(201);
    }
    const creates: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/v1/handoffs') creates.push(r.status());
    });

    await page.goto(`${server.origin}/`);
    await openChannels(page);
    // Watches the panel for the offline notice the whole time, not only at the moments we look.
    await page.evaluate(() => {
      const root = document.querySelector('lifeline-widget')?.shadowRoot;
      if (!root) throw new Error('no widget');
      const flag = document.documentElement.dataset;
      new MutationObserver(() => {
        if (root.textContent?.includes('can’t reach our team')) flag.e2eOfflineSeen = 'yes';
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await chooseChat(page);
    const text = 'Is anyone there?';
    await sendMessage(page, text);
    await expect.poll(() => creates).toContain(429);
    await expectSent(page, text, 15_000);
    expect(creates.at(-1)).toBe(201);
    expect(creates.filter((status) => status === 201)).toHaveLength(1);
    const offlineSeen = await page.evaluate(() => document.documentElement.dataset.e2eOfflineSeen);
    expect(offlineSeen, 'a busy server is not a server that is down: no offline notice').toBeUndefined();

    const agent = await signInAgent(server.origin);
    try {
      expect(await agent.list('all'), 'the ten, and the visitor’s once').toHaveLength(11);
      const mine = await agent.byRef(await visitorRef(page));
      expect(mine.messages.map((m) => m.text)).toEqual([text]);
    } finally {
      await agent.dispose();
    }
  });
});

test('answers lost on the way and a refusal: the widget sends again, and the server keeps one of each', async ({ page, agent }) => {
  // The first POST of the handoff and of the message reach the server, but their answers are
  // lost (as on a flaky mobile network): the widget must resend with the same ids.
  const lost = new Set<string>();
  await page.route(/\/v1\/handoffs(\/[^/]+\/messages)?$/, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/\/[^/]+\/messages$/, '/:id/messages');
    if (route.request().method() !== 'POST' || lost.has(path)) return route.fallback();
    lost.add(path);
    await route.fetch();
    await route.abort('connectionreset');
  });
  // Letters only: digit runs may be masked as card numbers.
  const marker = `lost answer ${Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
  await page.goto('/');
  await openPanel(page);
  await search(page, marker); // to find every handoff this visitor made
  await openChannels(page);
  await chooseChat(page);
  const text = 'Did this arrive only once?';
  await sendMessage(page, text);
  const ref = await visitorRef(page);
  await expectSent(page, text, 15_000);
  expect([...lost].sort()).toEqual(['/v1/handoffs', '/v1/handoffs/:id/messages']);

  const mine = (await agent.list('all')).filter((h) => h.searches.includes(marker));
  expect(mine.map((h) => h.ref)).toEqual([ref]);
  const handoff = await agent.byRef(ref);
  expect(handoff.messages.map((m) => ({ from: m.from, text: m.text }))).toEqual([{ from: 'visitor', text }]);
  await expectConversation(page, [text]);

  await test.step('a message the server refuses: "Not sent. Retry", and Retry sends it', async () => {
    const refusedOnce = /\/v1\/handoffs\/[^/]+\/messages$/;
    await page.route(refusedOnce, (route) =>
      route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ error: 'Refused by the test.' }) }),
    );
    const second = 'A second try.';
    await sendMessage(page, second);
    const bubble = bubbles(page, second);
    await expect(bubble).toContainText(LIVE.notSent);
    await page.unroute(refusedOnce);
    await bubble.getByRole('button', { name: LIVE.retry }).click();
    await expectSent(page, second);
    await expectConversation(page, [text, second]);
    expect((await agent.get(handoff.id)).messages.map((m) => m.text)).toEqual([text, second]);
  });
});

test('a callback: the agent gets the number and the window, and cancelling closes it', async ({ page, agent }) => {
  await page.goto('/');
  await openChannels(page);
  await channelButton(page, LIVE.callback).click();
  const panel = dialog(page);
  const phone = '+1 555 010 2030';
  await panel.getByRole('textbox', { name: LIVE.yourPhone }).fill(phone);
  const chosen = await chooseAnotherSlot(page); // the soonest free time is chosen until then
  await panel.getByRole('textbox', { name: LIVE.note }).fill('About the order from March.');
  await panel.getByRole('button', { name: LIVE.requestCall }).click();

  await expect(panel.getByText(LIVE.callbackConfirmed(phone, chosen.when))).toBeVisible();
  const ref = await visitorRef(page);
  const handoff = await agent.byRef(ref);
  expect(handoff.channel).toBe('callback');
  expect(handoff.status).toBe('queued');
  expect(handoff.callback).toMatchObject({ phone, note: 'About the order from March.' });
  expect(handoff.callback!.from, 'the time chosen').toBe(chosen.from);
  const from = Date.parse(handoff.callback!.from);
  expect(Date.parse(handoff.callback!.to) - from, 'a 30-minute slot').toBe(30 * 60_000);
  expect(from).toBeGreaterThan(Date.now());
  expect(handoff.transcript.at(-1)).toMatchObject({ type: 'handoff', channel: 'callback' });

  await test.step('cancelling while the backend cannot be reached says so', async () => {
    const pageErrors: string[] = [];
    const onError = (error: Error): void => void pageErrors.push(error.message);
    page.on('pageerror', onError);
    await page.route(/\/v1\/handoffs\/[^/]+\/cancel$/, (route) => route.abort('connectionrefused'));
    await panel.getByRole('button', { name: LIVE.cancelRequest }).click();
    await expect.soft(offlineNotice(page).or(panel.getByRole('alert')), 'the visitor is told the cancel did not go through').toBeVisible();
    await expect(panel.getByText(LIVE.cancelled)).toHaveCount(0);
    expect.soft(pageErrors, 'no uncaught errors').toEqual([]);
    await page.unroute(/\/v1\/handoffs\/[^/]+\/cancel$/);
    page.off('pageerror', onError);
    expect((await agent.get(handoff.id)).status).toBe('queued');
  });

  await panel.getByRole('button', { name: LIVE.cancelRequest }).click();
  await expect(panel.getByText(LIVE.cancelled)).toBeVisible();
  await expect(channelButton(page, LIVE.callback)).toBeVisible(); // free to choose again
  expect((await agent.get(handoff.id)).status).toBe('cancelled');
});

test('"Call us now": a reference to quote, and the agent finds the call by it', async ({ page, agent }) => {
  await page.goto('/');
  await openChannels(page);
  await phoneChannel(page).click();
  const ref = await visitorRef(page);
  await expect(dialog(page).getByText(LIVE.quoteRef)).toBeVisible();
  const call = dialog(page).locator('section').filter({ hasText: LIVE.ref(ref) }).getByRole('link');
  await expect(call).toHaveAttribute('href', /^tel:\+18005550199/);
  await expectOnScreen(call, 'the call link beside the reference');

  const handoff = await agent.byRef(ref);
  expect(handoff.channel).toBe('phone');
  expect(handoff.transcript.at(-1)).toMatchObject({ type: 'handoff', channel: 'phone' });
});

test.describe('accessibility of the live views (axe, WCAG 2.2 AA)', () => {
  const expectNoViolations = async (page: Page, state: string): Promise<void> => {
    await test.step(`axe: ${state}`, async () => {
      const violations = await axeViolations(page);
      expect.soft(violations, `axe violations when ${state}:\n${violations.join('\n')}`).toEqual([]);
    });
  };

  test('the channel choice and the callback form, light and dark', async ({ page }) => {
    await followSystemTheme(page); // data-theme="auto": the widget is dark in the dark scheme
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto('/');
      await openChannels(page);
      await expect(channelButton(page, LIVE.chat)).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: the channel choice`);
      await channelButton(page, LIVE.callback).click();
      await expect(dialog(page).getByRole('button', { name: LIVE.requestCall })).toBeVisible();
      await expectNoViolations(page, `${colorScheme}: the callback form`);
    }
  });

  test('the chat with messages, light and dark', async ({ page, agent }) => {
    await followSystemTheme(page); // data-theme="auto": the widget is dark in the dark scheme
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto('/');
    await openChannels(page);
    await chooseChat(page);
    const text = 'Is the workshop open on Saturday?';
    await sendMessage(page, text);
    const ref = await visitorRef(page);
    await expectSent(page, text);
    const { id } = await agent.byRef(ref);
    await agent.claim(id);
    await agent.reply(id, 'Yes, from 10 to 14.');
    await agent.typing(id, true);
    await expect(typingNote(page)).toBeVisible();
    await expectConversation(page, [text, 'Yes, from 10 to 14.']);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await expectNoViolations(page, `${colorScheme}: the chat with messages`);
    }
  });
});

test('two visitors never see each other’s conversation', async ({ page, browser, agent }) => {
  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    const one = 'Visitor one: my frame is cracked.';
    const two = 'Visitor two: where is my order?';
    for (const [p, text] of [[page, one], [page2, two]] as const) {
      await p.goto(`${ORIGIN}/`);
      await openChannels(p);
      await chooseChat(p);
      await sendMessage(p, text);
    }
    const refOne = await visitorRef(page);
    const refTwo = await visitorRef(page2);
    expect(refOne).not.toBe(refTwo);
    await expectSent(page, one);
    await expectSent(page2, two);
    const [h1, h2] = [await agent.byRef(refOne), await agent.byRef(refTwo)];
    await agent.claim(h1.id);
    await agent.claim(h2.id);

    const forOne = 'Only for visitor one: send us a photo.';
    const forTwo = 'Only for visitor two: it ships tomorrow.';
    await agent.reply(h1.id, forOne);
    await expect(bubbles(page, forOne)).toHaveCount(1);
    await agent.reply(h2.id, forTwo);
    await expect(bubbles(page2, forTwo)).toHaveCount(1);
    await expectConversation(page, [one, forOne]);
    await expectConversation(page2, [two, forTwo]);

    // The second visitor's token opens nothing of the first one's handoff.
    const answers = await page2.evaluate(
      async ({ key, id }) => {
        const token = (JSON.parse(sessionStorage.getItem(key) ?? 'null') as { conversation: { token: string } }).conversation.token;
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const state = await fetch(`/v1/handoffs/${id}`, { headers });
        const events = await fetch(`/v1/handoffs/${id}/events`, { headers });
        const post = await fetch(`/v1/handoffs/${id}/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ clientMessageId: crypto.randomUUID(), text: 'Let me in' }),
        });
        return [state.status, events.status, post.status];
      },
      { key: SESSION_KEY, id: h1.id },
    );
    expect(answers).toEqual([401, 401, 401]);
    expect((await agent.get(h1.id)).messages.map((m) => m.text)).toEqual([one, forOne]);
    expect((await agent.get(h2.id)).messages.map((m) => m.text)).toEqual([two, forTwo]);
  } finally {
    await other.close();
  }
});

test.describe('bad strings never blank a view: half an emoji (a lone UTF-16 surrogate) from the host page, an entry the console cannot draw', () => {
  const HALF = '\uD83D'; // the first half of 😀, alone: a title the site's own code cut short
  const SHOWN = '\uFFFD'; // what it becomes
  const ARTICLES = '/e2e/half-emoji-articles.json';
  const DEALS = { id: 'deals', title: `Spring deals ${HALF}`, body: 'Ten percent off every bike in March.' };

  /** A page titled with half an emoji, with an article whose title has one, opened by its link. */
  async function halfEmojiPage(page: Page, backend: boolean): Promise<void> {
    await page.route(`${ORIGIN}${ARTICLES}`, (route) => route.fulfill({ json: [DEALS] }));
    const { url } = await hostPage(page, {
      inlineBefore: `document.title = 'Deals 😀 ${HALF}';`,
      script: { ...DEMO_ATTRS, 'data-articles': ARTICLES, ...(backend && { 'data-backend': '/' }) },
    });
    await page.goto(`${url}#lifeline-article=deals`);
    await expect(dialog(page).getByRole('heading', { name: /^Spring deals/ })).toBeVisible();
  }

  test('the human view still shows, with the e-mail link and what was tried', async ({ page }) => {
    await halfEmojiPage(page, false);
    await talkToHuman(page).click();
    await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
    const email = dialog(page).getByRole('link', { name: 'help@northwind-cycles.example' });
    await expect(email).toHaveAttribute('href', /^mailto:help@northwind-cycles\.example\?subject=.*Deals%20%F0%9F%98%80%20%EF%BF%BD/);
    await expect(triedList(page).filter({ hasText: `Deals 😀 ${SHOWN}` })).toHaveCount(1);
    await expect(triedList(page).filter({ hasText: `Spring deals ${SHOWN}` })).toHaveCount(1);
  });

  test('the handoff arrives, well-formed, and the agent’s handoff page shows it', async ({ page, agent, browser }) => {
    await halfEmojiPage(page, true);
    await openChannels(page);
    await chooseChat(page);
    await sendMessage(page, 'Is the spring deal still on?');
    const ref = await visitorRef(page);
    const handoff = await agent.byRef(ref);
    expect(handoff.transcript).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'page', title: `Deals 😀 ${SHOWN}` }),
        expect.objectContaining({ type: 'article', articleId: 'deals', title: `Spring deals ${SHOWN}` }),
      ]),
    );

    const context = await browser.newContext();
    await context.addCookies((await agent.api.storageState()).cookies);
    const console_ = await context.newPage();
    await console_.goto(`/console#/handoff/${handoff.id}`);
    const tried = console_.getByRole('region', { name: 'What they tried' });
    await expect(tried.getByRole('link', { name: `Deals 😀 ${SHOWN}` })).toBeVisible();
    await expect(tried.getByText(`Spring deals ${SHOWN}`)).toBeVisible();
    await expect(console_.getByRole('region', { name: 'Visitor' })).toBeVisible();
    await context.close();
  });

  test('one section of the agent’s handoff page that cannot be drawn shows a notice, and the rest of the page is there', async ({ page, agent, browser }) => {
    await halfEmojiPage(page, true);
    await openChannels(page);
    await chooseChat(page);
    const ref = await visitorRef(page);
    const handoff = await agent.byRef(ref);

    const context = await browser.newContext();
    await context.addCookies((await agent.api.storageState()).cookies);
    const console_ = await context.newPage();
    // A transcript entry this console does not know how to draw (from a newer widget, say).
    await console_.route(`**/v1/agent/handoffs/${handoff.id}`, async (route) => {
      const detail = (await (await route.fetch()).json()) as { transcript: unknown[] };
      detail.transcript.push({ type: 'handoff', at: new Date().toISOString(), channel: 'carrier pigeon' });
      await route.fulfill({ json: detail });
    });
    await console_.goto(`/console#/handoff/${handoff.id}`);
    const tried = console_.getByRole('region', { name: 'What they tried' });
    await expect(tried.getByRole('alert')).toHaveText('“What they tried” could not be shown; the rest of the page is as it was. Reload to try again.');
    await expect(console_.getByRole('region', { name: 'Visitor' })).toBeVisible();
    await expect(console_.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
    await console_.unrouteAll({ behavior: 'ignoreErrors' }); // the page may be loading the handoff again
    await context.close();
  });
});
