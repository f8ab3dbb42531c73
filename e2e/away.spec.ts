/**
 * The conversation outlives the tab (README, "The conversation outlives the tab"): a visitor
 * asks while nobody is online, leaves an e-mail address and closes the page; an agent answers
 * in the console; the answer arrives at a real SMTP server; its link, opened in Chromium,
 * reopens the chat with the answer, and the link's key is gone from the address bar.
 * A server of the test's own with a short away time and batch (settings, no fixed waits).
 */
import { expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtp, type TestSmtp } from '../src/server/mail/test-smtp';
import { axeViolations, bubbles, chatLog, chooseChat, dialog, expectSent, freePort, openChannels, ORIGIN, sendMessage, signInAgent, startChat, signInConsole, startServer, type OwnServer } from './fixtures';
import { E2E_AGENT } from './playwright.config';

let smtp: TestSmtp | undefined;
let server: OwnServer | undefined;

test.afterEach(async () => {
  await server?.stop();
  await smtp?.close();
});

test('a visitor who leaves gets the answer by e-mail, and its link reopens the chat with it', async ({ browser, page: visitor }) => {
  test.setTimeout(90_000);
  smtp = await startTestSmtp();
  const db = join(mkdtempSync(join(tmpdir(), 'lifeline-e2e-away-')), 'lifeline.db');
  server = await startServer(await freePort(), db, {
    LIFELINE_SMTP_URL: smtp.url,
    LIFELINE_MAIL_FROM: 'Northwind Cycles <help@northwind-cycles.example>',
    LIFELINE_VISITOR_AWAY_SECONDS: '1',
    LIFELINE_VISITOR_MAIL_BATCH_SECONDS: '1',
  });
  const origin = server.origin;
  const question = `My order ${randomUUID().slice(0, 8)} never arrived.`;
  const answer = 'Sorry about that <3: a new one left today & arrives Friday.';
  const address = 'ann@example.com';

  const ref = await startChat(visitor, origin, question);

  await test.step('nobody is online: the chat asks for an address, and says what is wrong with one', async () => {
    const field = dialog(visitor).getByRole('textbox', { name: 'Your e-mail address' });
    // Said once, in the chat's status; the offer goes on from there.
    await expect(dialog(visitor).getByRole('status').filter({ hasText: /^Nobody is on chat right now\./ })).toBeVisible();
    await expect(dialog(visitor).getByText(/^Leave your e-mail address and the answer comes to you/)).toBeVisible();
    await expect(dialog(visitor).getByText(/Nobody is online/)).toHaveCount(0);
    await field.fill('ann@example');
    await dialog(visitor).getByRole('button', { name: 'E-mail me the answer' }).click();
    await expect(dialog(visitor).getByRole('alert')).toHaveText('Enter one e-mail address, like name@example.com.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill(address);
    await dialog(visitor).getByRole('button', { name: 'E-mail me the answer' }).click();
    await expect(dialog(visitor).getByText(`If you leave before we answer, we’ll e-mail the answer to ${address}.`)).toBeVisible();
    expect(await axeViolations(visitor)).toEqual([]);
  });

  await visitor.close(); // the tab goes, with its event stream

  const context = await browser.newContext();
  await test.step('the agent answers in the console', async () => {
    const desk = await context.newPage();
    await signInConsole(desk, origin);
    await desk.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
    // The address the visitor left, shown as what they said (nothing signed it: Not verified).
    await expect(desk.getByText(`Says: ${address}`, { exact: true })).toBeVisible();
    await desk.getByRole('button', { name: 'Claim' }).click();
    await desk.getByLabel('Reply').fill(answer);
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(desk.getByRole('log', { name: 'Messages' })).toContainText(answer);
  });

  const mail = await test.step('the answer arrives by e-mail, once', async () => {
    await expect.poll(() => smtp!.received.length, { timeout: 45_000 }).toBe(1);
    const { mail, to } = smtp!.received[0]!;
    expect(to).toEqual([address]);
    expect(mail.subject).toBe(`Reply to your question (reference ${ref})`);
    expect(mail.text).toContain(answer);
    expect(mail.html).toContain('Sorry about that &lt;3: a new one left today &amp; arrives Friday.');
    return mail;
  });

  await test.step('its link reopens the conversation with the answer, and leaves no key in the address bar', async () => {
    const link = new RegExp(`${origin.replace(/[.:/]/g, '\\$&')}/#lifeline-reopen=[\\w.-]+`).exec(mail.text ?? '')?.[0];
    expect(link, mail.text).toBeTruthy();
    const page = await context.newPage();
    await page.goto(link!);
    await expect(bubbles(page, answer)).toBeVisible();
    await expect(bubbles(page, question)).toBeVisible();
    expect(page.url()).toBe(`${origin}/`);
    expect(await page.evaluate(() => location.hash + JSON.stringify(history.state))).not.toContain('lifeline-reopen');
    await expect(bubbles(page, answer)).toContainText(E2E_AGENT.name);
    await expect(chatLog(page).getByRole('paragraph')).toHaveCount(2);
  });

  await test.step('opened again after its key is gone, the page is just the page', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(dialog(page)).toBeHidden();
  });
  await context.close();
});

test('with an agent online the offer is a button away; an address from identify() is used without asking', async ({ page }) => {
  const agent = await signInAgent(ORIGIN); // a request: the agent is online
  try {
    await page.goto(`${ORIGIN}/`);
    await openChannels(page);
    await chooseChat(page);
    await sendMessage(page, 'Can I change my delivery address?');
    await expectSent(page, 'Can I change my delivery address?');
    const offer = dialog(page).getByRole('button', { name: 'Get the answer by e-mail' });
    await expect(offer).toBeVisible();
    await expect(dialog(page).getByRole('textbox', { name: 'Your e-mail address' })).toHaveCount(0);
    await offer.click();
    const field = dialog(page).getByRole('textbox', { name: 'Your e-mail address' });
    await expect(field).toBeFocused();
    await dialog(page).getByRole('button', { name: 'E-mail me the answer' }).click();
    await expect(dialog(page).getByRole('alert')).toHaveText('Enter your e-mail address.');
    await field.fill('bo@example.com');
    await field.press('Enter');
    await expect(dialog(page).getByText('If you leave before we answer, we’ll e-mail the answer to bo@example.com.')).toBeVisible();

    // Another tab of a site that knows who the visitor is.
    const known = await page.context().newPage();
    await known.goto(`${ORIGIN}/`);
    await known.evaluate(() => (window as unknown as { Lifeline(...args: unknown[]): void }).Lifeline('identify', { name: 'Cy', email: 'cy@example.com' }));
    await openChannels(known);
    await chooseChat(known);
    await sendMessage(known, 'Where is my parcel?');
    await expectSent(known, 'Where is my parcel?');
    await expect(dialog(known).getByText('If you leave before we answer, we’ll e-mail the answer to cy@example.com.')).toBeVisible();
    await expect(dialog(known).getByRole('button', { name: 'Get the answer by e-mail' })).toHaveCount(0);
  } finally {
    await agent.dispose();
  }
});
