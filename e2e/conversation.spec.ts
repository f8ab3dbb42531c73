/**
 * Issue 13, the conversation view and its ending, in a real Chromium against a real server of
 * its own (a fresh SQLite file, and a real SMTP server in the test process for the transcript):
 * Enter sends and Shift+Enter breaks the line in a box that grows; messages grouped by sender
 * with the time and the agent's initials; "Seen" once the agent has the chat open in the
 * console; the view keeps its place when the visitor scrolled up and offers "Jump to the
 * latest"; the footer keeps the phone but not "Talk to a human" while chatting; End chat asks
 * first; the agent's closing line; the conversation e-mailed; then the rating. Screenshots of
 * the view (320 and 1280 px, light and dark, left-to-right and right-to-left) go to
 * /tmp/convo-shots/ to be looked at.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import RATING from '../src/widget/panel/rating/strings/rating-en';
import { startTestSmtp, type TestSmtp } from '../src/server/mail/test-smtp';
import {
  DESKTOP,
  LIVE,
  PHONE_VIEWPORT,
  axeViolations,
  bubbles,
  chatLog,
  chooseChat,
  dialog,
  expectOnScreen,
  expectSent,
  freePort,
  messageBox,
  openChannels,
  panelPhone,
  sendMessage,
  signInAgent,
  signInConsole,
  startServer,
  talkToHuman,
  visitorRef,
  type OwnServer,
} from './fixtures';
import { E2E_AGENT } from './playwright.config';

let server: OwnServer;
let smtp: TestSmtp;
let dir: string;
test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-convo-'));
  smtp = await startTestSmtp();
  server = await startServer(await freePort(), join(dir, 'lifeline.db'), {
    LIFELINE_SMTP_URL: smtp.url,
    LIFELINE_MAIL_FROM: 'Northwind Cycles <help@northwind-cycles.example>',
  });
});
test.afterEach(async () => {
  await server?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ADDRESS = 'ann@example.com';

/** The demo shop with the visitor known to the site (identify), in a chat with its first message sent. */
async function chatting(page: Page, first: string): Promise<string> {
  await page.goto(`${server.origin}/`);
  await page.evaluate((email) => (window as unknown as { Lifeline(...a: unknown[]): void }).Lifeline('identify', { name: 'Ann', email }), ADDRESS);
  await openChannels(page);
  await chooseChat(page);
  await sendMessage(page, first);
  await expectSent(page, first);
  return visitorRef(page);
}

const body = (page: Page) => page.locator('lifeline-widget .ll-body');
/** Scrolls the chat to its top as a person does, with the mouse wheel over it. */
async function scrollUp(page: Page): Promise<void> {
  await chatLog(page).hover();
  await page.mouse.wheel(0, -5000);
  await expect.poll(() => body(page).evaluate((el) => el.scrollTop)).toBe(0);
}
const endDialog = (page: Page) => dialog(page).getByRole('alertdialog', { name: LIVE.endQuestion });

test('the conversation: Enter and Shift+Enter, grouping, Seen, keeping the place, the closing line, the transcript, the rating', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  const ref = await chatting(page, 'Hello, my order is late.');
  const agent = await signInAgent(server.origin);
  const handoff = await agent.byRef(ref);

  await test.step('the composer is docked at the bottom, above the footer, with a placeholder', async () => {
    await expect(messageBox(page)).toHaveAttribute('placeholder', LIVE.placeholder);
    const box = (await messageBox(page).boundingBox())!;
    const footer = (await panelPhone(page).boundingBox())!;
    const panel = (await dialog(page).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(footer.y);
    // Docked: it sits in the panel's lower part although the conversation is short.
    expect(box.y).toBeGreaterThan(panel.y + panel.height / 2);
    // The footer keeps the phone but not "Talk to a human": the visitor is talking to one.
    await expectOnScreen(panelPhone(page), 'the phone while chatting');
    await expect(talkToHuman(page)).toBeHidden();
  });

  await test.step('Shift+Enter breaks the line and the box grows; Enter sends', async () => {
    const box = messageBox(page);
    const before = (await box.boundingBox())!.height;
    await box.fill('Order 4821');
    await box.press('Shift+Enter');
    await box.pressSequentially('It was due Monday');
    await box.press('Shift+Enter');
    await box.pressSequentially('and nothing came');
    await expect(box).toHaveValue('Order 4821\nIt was due Monday\nand nothing came');
    expect((await box.boundingBox())!.height).toBeGreaterThan(before + 20);
    await box.press('Enter');
    await expect(box).toHaveValue('');
    await expect(bubbles(page, 'Order 4821')).toHaveText(`${LIVE.you}: Order 4821\nIt was due Monday\nand nothing came`);
    await expect.poll(async () => (await box.boundingBox())!.height).toBeLessThanOrEqual(before + 1);
  });

  const desk = await (await browser.newContext()).newPage();
  await test.step('"Seen" appears once the agent has the chat open in the console', async () => {
    await expect(dialog(page).getByText(LIVE.seen, { exact: true })).toHaveCount(0);
    await signInConsole(desk, server.origin);
    await desk.goto(`${server.origin}/console#/handoff/${handoff.id}`);
    await expect(desk.getByRole('log', { name: 'Messages' })).toContainText('nothing came');
    await expect(dialog(page).getByText(LIVE.seen, { exact: true })).toBeVisible();
  });

  await test.step('the agent’s messages are grouped under their name, initials and time, each announced once', async () => {
    await desk.getByRole('button', { name: 'Claim' }).click();
    for (const text of ['Sorry to hear that.', 'Let me check order 4821.']) {
      await desk.getByLabel('Reply').fill(text);
      await desk.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(bubbles(page, text)).toHaveText(`${E2E_AGENT.name}: ${text}`);
    }
    // A new visitor message is not seen until the agent's console shows it again: it does.
    const groups = chatLog(page).locator('.ll-group');
    await expect(groups).toHaveCount(2);
    const theirs = groups.nth(1);
    await expect(theirs.getByRole('paragraph')).toHaveCount(2);
    await expect(theirs.locator('.ll-avatar')).toHaveText('S');
    await expect(theirs.locator('.ll-group-head')).toContainText(E2E_AGENT.name);
    await expect(theirs.locator('time')).toHaveText(/^\d{1,2}:\d{2}/);
    // Inside one live region only (the log), so a screen reader hears it once.
    const regions = await bubbles(page, 'Let me check order 4821.').evaluate((el) => {
      let n = 0;
      for (let node: Element | null = el; node; node = node.parentElement) if (node.hasAttribute('aria-live') || ['log', 'status', 'alert'].includes(node.getAttribute('role') ?? '')) n++;
      return n;
    });
    expect(regions).toBe(1);
    await expect(chatLog(page)).toHaveAttribute('aria-relevant', 'additions');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `axe, the chat, ${colorScheme}`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test.step('scrolled up, the view keeps its place and offers Jump to the latest', async () => {
    for (let i = 1; i <= 12; i++) await agent.reply(handoff.id, `Tracking step ${i} of 12.`);
    await expect(bubbles(page, 'Tracking step 12 of 12.')).toBeInViewport();
    await scrollUp(page);
    const jump = dialog(page).getByRole('button', { name: LIVE.jump });
    await expect(jump).toBeVisible();
    await agent.reply(handoff.id, 'Found it: it ships today.');
    await expect(bubbles(page, 'Found it: it ships today.')).toHaveCount(1);
    expect(await body(page).evaluate((el) => el.scrollTop)).toBe(0);
    await expect(bubbles(page, 'Found it: it ships today.')).not.toBeInViewport();
    await jump.click();
    await expect(bubbles(page, 'Found it: it ships today.')).toBeInViewport();
    await expect(jump).toBeHidden();
    await expect(messageBox(page)).toBeFocused();
  });

  await test.step('the agent resolves with a closing line: the visitor reads it, and the chat has ended', async () => {
    await desk.reload();
    await desk.getByLabel('Closing message to the visitor (optional)').fill('Glad I could help, Ann. Have a good day!');
    await desk.getByRole('button', { name: 'Resolve' }).click();
    await expect(bubbles(page, 'Glad I could help, Ann.')).toHaveText(`${E2E_AGENT.name}: Glad I could help, Ann. Have a good day!`);
    await expect(dialog(page).getByRole('status').filter({ hasText: LIVE.ended })).toBeVisible();
    await expect(messageBox(page)).toHaveCount(0);
    await expect(talkToHuman(page)).toBeVisible(); // no longer talking to one
  });

  await test.step('the conversation by e-mail, once, then the rating', async () => {
    await expect(dialog(page).getByText(RATING.transcriptTo(ADDRESS))).toBeVisible();
    await dialog(page).getByRole('button', { name: RATING.sendTranscript }).click();
    await expect(dialog(page).getByRole('status').filter({ hasText: RATING.transcriptSent(ADDRESS) })).toBeVisible();
    await expect(dialog(page).getByRole('button', { name: RATING.sendTranscript })).toHaveCount(0);
    await expect.poll(() => smtp.received.filter((r) => r.mail.subject?.startsWith('Your conversation with us')).length, { timeout: 30_000 }).toBe(1);
    const { mail, to } = smtp.received.find((r) => r.mail.subject?.startsWith('Your conversation with us'))!;
    expect(to).toEqual([ADDRESS]);
    expect(mail.subject).toBe(`Your conversation with us (reference ${ref})`);
    for (const line of ['Hello, my order is late.', 'Let me check order 4821.', 'Found it: it ships today.', 'Glad I could help, Ann. Have a good day!']) expect(mail.text).toContain(line);
    await expect(dialog(page).getByRole('group', { name: RATING.question })).toBeVisible();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page), `axe, the end, ${colorScheme}`).toEqual([]);
    }
  });
  await agent.dispose();
});

test('End chat asks first, in the panel; Escape or Keep chatting keeps the chat', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await chatting(page, 'Just a question.');
  // The docked composer spans the panel's width, and nothing scrolls sideways.
  expect(await body(page).evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
  const end = dialog(page).getByRole('button', { name: LIVE.endChat, exact: true });
  await end.click();
  await expect(endDialog(page)).toBeVisible();
  await expect(endDialog(page)).toHaveAccessibleDescription(LIVE.endNote);
  await expect(endDialog(page).getByRole('button', { name: LIVE.keepChatting })).toBeFocused();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `axe, End chat's question, ${colorScheme}`).toEqual([]);
  }
  await page.keyboard.press('Escape');
  await expect(endDialog(page)).toHaveCount(0);
  await expect(dialog(page)).toBeVisible(); // Escape answered the question; the panel stays open
  await expect(end).toBeFocused();
  await end.click();
  await endDialog(page).getByRole('button', { name: LIVE.keepChatting }).click();
  await expect(messageBox(page)).toBeVisible();
  await end.click();
  await endDialog(page).getByRole('button', { name: LIVE.endChat, exact: true }).click();
  await expect(dialog(page).getByRole('status').filter({ hasText: LIVE.ended })).toBeVisible();
  await expect(dialog(page).getByText(RATING.question, { exact: true })).toBeFocused();
  // The transcript is offered: the site gave the visitor's address.
  await expect(dialog(page).getByRole('button', { name: RATING.sendTranscript })).toBeVisible();
  mkdirSync('/tmp/convo-shots', { recursive: true });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `/tmp/convo-shots/ended-320-${colorScheme}.png` });
  }
});

test('screenshots of the conversation view: 320 and 1280 px, light and dark, ltr and rtl', async ({ page }) => {
  test.setTimeout(90_000);
  const out = '/tmp/convo-shots';
  mkdirSync(out, { recursive: true });
  const ref = await chatting(page, 'Hello, my order is late.');
  const agent = await signInAgent(server.origin);
  const handoff = await agent.byRef(ref);
  await agent.claim(handoff.id);
  await agent.reply(handoff.id, 'Sorry to hear that. Which order is it?');
  await agent.reply(handoff.id, 'I can see two on your account.');
  await sendMessage(page, 'Order 4821, the blue bike.\nIt was due Monday.');
  await expectSent(page, 'Order 4821, the blue bike.\nIt was due Monday.');
  await agent.api.post(`/v1/agent/handoffs/${handoff.id}/seen`, { data: {} });
  await expect(dialog(page).getByText(LIVE.seen, { exact: true })).toBeVisible();
  for (const viewport of [PHONE_VIEWPORT, DESKTOP]) {
    await page.setViewportSize(viewport);
    for (const dir of ['ltr', 'rtl'] as const) {
      await page.evaluate((d) => (document.documentElement.dir = d), dir);
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await page.screenshot({ path: `${out}/chat-${viewport.width}-${colorScheme}-${dir}.png` });
      }
    }
  }
  await page.evaluate(() => (document.documentElement.dir = 'ltr'));
  await page.setViewportSize(PHONE_VIEWPORT);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(dialog(page).getByText(LIVE.seen, { exact: true })).toBeInViewport();
  for (let i = 1; i <= 4; i++) await agent.reply(handoff.id, `Checking the warehouse, step ${i}.`);
  await expect(bubbles(page, 'step 4.')).toBeInViewport();
  await scrollUp(page);
  await agent.reply(handoff.id, 'It left the warehouse this morning.');
  await expect(dialog(page).getByRole('button', { name: LIVE.jump })).toBeVisible();
  await page.screenshot({ path: `${out}/jump-320-light.png` });
  await dialog(page).getByRole('button', { name: LIVE.endChat, exact: true }).click();
  await page.screenshot({ path: `${out}/confirm-320-light.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${out}/confirm-320-dark.png` });
  await agent.dispose();
});
