/**
 * Issue 12 on the visitor's side, in a real Chromium against a real server of its own (a fresh
 * SQLite file each, so who is online and the reports' figures are this test's alone):
 * - honest before the visitor types: with nobody on chat, the human view says so first and
 *   offers the soonest way first (the phone while it is answered, else a callback), and a chat
 *   can still be started, answered by e-mail;
 * - did we keep the promise: after the agent resolves a chat, or the visitor ends it with End
 *   chat, the widget asks how it was and whether they had to repeat themselves; the console's
 *   handoff page and Reports show the answer, and that the visitor ended it.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import RATING from '../src/widget/panel/rating/strings/rating-en';
import {
  followSystemTheme,
  DEMO_ATTRS,
  LIVE,
  PHONE,
  axeViolations,
  bubbles,
  channelButton,
  chooseChat,
  dialog,
  expectOnScreen,
  freePort,
  messageBox,
  openChannels,
  pageViolations,
  panelPhone,
  phoneChannel,
  scriptTag,
  signInAgent,
  signInConsole,
  startChat,
  startServer,
  talkToHuman,
  type OwnServer,
} from './fixtures';

let server: OwnServer;
let dir: string;
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-promise-'));
  server = await startServer(await freePort(), join(dir, 'lifeline.db'));
});
test.afterEach(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A site owner's page on the test server's own origin, with these script attributes. */
async function sitePage(page: Page, attrs: Record<string, string>): Promise<void> {
  const url = `${server.origin}/e2e/site-${Math.random().toString(36).slice(2)}.html`;
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title></head>
<body><main><h1>A shop</h1></main>${scriptTag({ ...DEMO_ATTRS, 'data-backend': '/', ...attrs })}</body></html>`;
  await page.route(url, (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html }));
  await page.goto(url);
}

/** The ways to a person, in the order offered: the first words of each. */
const channelOrder = async (page: Page): Promise<string[]> =>
  (await dialog(page).getByRole('list').filter({ has: page.getByRole('button', { name: new RegExp(`^${LIVE.chat}`) }) }).getByRole('listitem').allInnerTexts()).map(
    (text) => text.split('\n')[0]!.trim(),
  );

const question = (page: Page) => dialog(page).getByRole('group', { name: RATING.question });
const repeatQuestion = (page: Page) => dialog(page).getByRole('group', { name: RATING.repeatQuestion });

/** Answers the rating as a person would, and waits for the thanks (focused, read out). */
async function rate(page: Page, good: boolean, repeated: boolean, comment: string): Promise<void> {
  // Focus lands on the question as it appears: a screen reader hears it, a keyboard goes on from there.
  await expect(dialog(page).getByText(RATING.question, { exact: true })).toBeFocused();
  await expectOnScreen(question(page), 'the rating question');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `axe, the rating, ${colorScheme}`).toEqual([]);
  }
  const choose = question(page).getByRole('button', { name: good ? RATING.good : RATING.bad, exact: true });
  await choose.click();
  await expect(choose).toHaveAttribute('aria-pressed', 'true');
  await repeatQuestion(page).getByRole('button', { name: repeated ? RATING.yes : RATING.no, exact: true }).click();
  await dialog(page).getByRole('textbox', { name: RATING.comment }).fill(comment);
  await dialog(page).getByRole('button', { name: RATING.send, exact: true }).click();
  await expect(dialog(page).getByRole('status').filter({ hasText: RATING.thanks })).toBeFocused();
  await expect(question(page)).toHaveCount(0);
}

/** The console's page of a handoff, signed in as the e2e agent, in a browser of its own. */
async function consolePage(browser: Browser, id: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInConsole(page, server.origin);
  await page.goto(`${server.origin}/console#/handoff/${id}`);
  return page;
}

test('nobody on chat: the human view says so first, offers the soonest way first, and a chat is answered by e-mail', async ({ page }) => {
  // The phone answered now (data-hours: always): it is the soonest way, first in the list.
  await sitePage(page, { 'data-hours': 'Mo-Su 00:00-24:00' });
  await openChannels(page);
  const panel = dialog(page);
  const notice = panel.getByText(LIVE.nobody, { exact: true });
  await expect(notice).toBeVisible();
  expect(await channelOrder(page)).toEqual([LIVE.phone, LIVE.callback, LIVE.chat]);
  await expect(channelButton(page, LIVE.chat)).toContainText(LIVE.byEmail);
  // Said before anything else of the view, and never with a wait or "online" beside it.
  const text = await panel.locator('.ll-human').innerText();
  expect(text.indexOf(LIVE.nobody)).toBeGreaterThan(-1);
  expect(text.indexOf(LIVE.nobody)).toBeLessThan(text.indexOf(LIVE.choose));
  await expect(panel.getByText(/min wait|\d+ online/)).toHaveCount(0);
  // Promise 1: the phone number and Talk to a human stay on screen.
  await expectOnScreen(panelPhone(page), 'the phone link');
  await expectOnScreen(talkToHuman(page), 'Talk to a human');
  expect(await axeViolations(page), 'axe, nobody online').toEqual([]);

  // The phone not answered now: a callback at the next free time is offered first, the phone last, never "now".
  await sitePage(page, { 'data-hours': 'Mo-Su 00:00-24:00; phone: 2020-01-01 09:00-10:00' });
  await openChannels(page);
  await expect(panel.getByText(`${LIVE.nobody} ${LIVE.callInstead}`, { exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: /^Call me back / })).toBeVisible();
  expect(await channelOrder(page)).toEqual([LIVE.callback, LIVE.chat, LIVE.phoneLater(PHONE)]);
  await expect(phoneChannel(page)).not.toContainText('now');

  // A chat can still be started: it says the answer comes by e-mail, not a place in line.
  await chooseChat(page);
  await messageBox(page).fill('Where is my order 1234?');
  await messageBox(page).press('Enter');
  await expect(panel.getByRole('status').filter({ hasText: LIVE.nobody })).toHaveText(`${LIVE.nobody} ${LIVE.byEmail}.`);
  await expect(panel.getByText(/in line/)).toHaveCount(0);
  await expectOnScreen(panelPhone(page), 'the phone link during the chat');
});

test('the agent resolves the chat: the visitor rates it Good and had not to repeat anything; the console and Reports show it', async ({ page, browser }) => {
  await followSystemTheme(page); // data-theme="auto": the rating is checked in the dark scheme too
  const ref = await startChat(page, server.origin, 'My new bike makes a clicking noise when I brake.');
  const agent = await signInAgent(server.origin);
  const handoff = await agent.byRef(ref);
  await agent.claim(handoff.id);
  await agent.reply(handoff.id, 'That is the pads settling in; it stops after a few rides.');
  await expect(bubbles(page, 'pads settling in')).toHaveCount(1);
  const resolved = await agent.api.post(`/v1/agent/handoffs/${handoff.id}/resolve`, { data: { outcome: 'answered', noArticle: true } });
  expect(resolved.status()).toBe(200);

  await expect(dialog(page).getByRole('status').filter({ hasText: LIVE.ended })).toBeVisible();
  await rate(page, true, false, 'Sam already knew what I had read.');
  expect((await agent.get(handoff.id)).rating).toMatchObject({ good: true, repeated: false, comment: 'Sam already knew what I had read.' });
  // A reload thanks again rather than asking twice.
  await page.reload();
  // Lifeline('human'): the ways to a person, whether or not the panel reopened by itself.
  await page.waitForFunction(() => typeof (window as { Lifeline?: unknown }).Lifeline === 'function');
  await page.evaluate(() => (window as unknown as { Lifeline(command: string): void }).Lifeline('human'));
  await expect(dialog(page).getByText(RATING.thanks)).toBeVisible();
  await expect(question(page)).toHaveCount(0);

  const console_ = await consolePage(browser, handoff.id);
  const card = console_.getByRole('region', { name: 'Visitor’s rating' });
  await expect(card).toContainText('Good');
  await expect(card).toContainText('Had to repeat what they had tried?No');
  await expect(card).toContainText('Sam already knew what I had read.');
  expect(await pageViolations(console_), 'axe on the handoff page with its rating').toEqual([]);
  await console_.getByRole('link', { name: 'Reports', exact: true }).click();
  const good = console_.getByRole('region', { name: 'Rated good' });
  await expect(good).toContainText('100%');
  await expect(good).toContainText('1 of 1 rating');
  const repeated = console_.getByRole('region', { name: 'Had to repeat themselves' });
  await expect(repeated).toContainText('0%');
  await expect(repeated).toContainText('0 of 1 who answered');
  await agent.dispose();
});

test('the visitor presses End chat: the rating is asked, and the console shows the visitor ended it', async ({ page, browser }) => {
  await followSystemTheme(page); // data-theme="auto": the rating is checked in the dark scheme too
  const ref = await startChat(page, server.origin, 'Can I change the delivery address?');
  const agent = await signInAgent(server.origin);
  const handoff = await agent.byRef(ref);
  await agent.reply(handoff.id, 'Which order is it?');
  await expect(bubbles(page, 'Which order is it?')).toHaveCount(1);

  await dialog(page).getByRole('button', { name: LIVE.endChat, exact: true }).click();
  // It asks first (e2e/conversation.spec.ts checks the question itself).
  await dialog(page).getByRole('alertdialog', { name: LIVE.endQuestion }).getByRole('button', { name: LIVE.endChat, exact: true }).click();
  await expect(dialog(page).getByRole('status').filter({ hasText: LIVE.ended })).toBeVisible();
  await expect(messageBox(page)).toHaveCount(0);
  await rate(page, false, true, 'I had to give my order number again.');
  await expectOnScreen(panelPhone(page), 'the phone link after the chat');

  const detail = await agent.get(handoff.id);
  expect(detail.status).toBe('cancelled');
  expect(detail.rating).toMatchObject({ good: false, repeated: true });
  const console_ = await consolePage(browser, handoff.id);
  await expect(console_.getByText('Ended by the visitor', { exact: true })).toBeVisible();
  await expect(console_.getByText('The visitor ended the chat.')).toBeVisible();
  await expect(console_.getByRole('region', { name: 'Visitor’s rating' })).toContainText('Bad');
  await expect(console_.getByRole('region', { name: 'Visitor’s rating' })).toContainText('Yes, they had to repeat something');
  await agent.dispose();
});
