/**
 * Nobody waits unseen: a visitor asks for a chat in Chromium while no agent is online, and the
 * team's alert and the helpdesk's ticket arrive at a real SMTP server run by the test
 * (smtp-server, mails parsed with mailparser), the visitor's first message following the
 * ticket in its thread. The server is the real one (main.ts) on its own SQLite file.
 */
import { expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtp, type TestSmtp } from '../src/server/mail/test-smtp';
import { E2E_AGENT } from './playwright.config';
import { chooseChat, expectSent, freePort, openChannels, openPanel, search, sendMessage, startServer, visitorRef, type OwnServer } from './fixtures';

test.describe('alerts by e-mail', () => {
  test.describe.configure({ mode: 'serial' });
  let smtp: TestSmtp;
  let server: OwnServer | undefined;
  let dir: string | undefined;
  let origin = '';

  test.beforeAll(async () => {
    smtp = await startTestSmtp();
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-alerts-'));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    server = await startServer(port, join(dir, 'lifeline.db'), {
      LIFELINE_PUBLIC_URL: origin,
      LIFELINE_SMTP_URL: smtp.url,
      LIFELINE_MAIL_FROM: 'Northwind Help <help@northwind-cycles.example>',
      LIFELINE_ALERT_EMAILS: 'team@northwind-cycles.example',
      LIFELINE_HANDOFF_EMAIL: 'desk@northwind-cycles.example',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a chat started while nobody is online alerts the team at once, and reaches the helpdesk as a ticket with its messages', async ({ page }) => {
    await page.goto(`${origin}/`);
    await openPanel(page);
    await search(page, 'where is my refund');
    await openChannels(page);
    await chooseChat(page);
    await sendMessage(page, 'My refund is <late> & I am worried');
    await expectSent(page, 'My refund is <late> & I am worried');
    const ref = await visitorRef(page);

    const to = (address: string) => smtp.received.filter((r) => r.to.includes(address)).map((r) => r.mail);
    await expect.poll(() => to('team@northwind-cycles.example').length, { timeout: 15_000 }).toBe(1);
    const alert = to('team@northwind-cycles.example')[0]!;
    expect(alert.subject).toBe(`[#${ref}] New Chat #${ref}: nobody is online to take it: “where is my refund”`);
    expect(alert.from!.value[0]!.address).toBe('help@northwind-cycles.example');
    expect(alert.text).toContain(`Reference: ${ref}`);
    expect(alert.text).toContain('- Searched “where is my refund”');
    expect(alert.text).toMatch(new RegExp(`Open #${ref} in the console: ${origin}/console#/handoff/[\\w-]+`));

    // The helpdesk: the ticket, then the visitor's message in its thread, their words escaped in HTML.
    await expect.poll(() => to('desk@northwind-cycles.example').length, { timeout: 15_000 }).toBe(2);
    // Two deliveries of the outbox, in whichever order its workers finished them: the thread holds
    // them together (In-Reply-To), not their arrival.
    const desk = to('desk@northwind-cycles.example');
    const ticket = desk.find((m) => !m.subject?.startsWith('Re: '));
    const message = desk.find((m) => m.subject?.startsWith('Re: '));
    expect(ticket!.subject).toBe(`[#${ref}] where is my refund`);
    expect(message!.subject).toBe(`Re: [#${ref}] where is my refund`);
    expect(message!.inReplyTo).toBe(ticket!.messageId);
    expect(message!.references).toBe(ticket!.messageId);
    expect(message!.text).toContain('> My refund is <late> & I am worried');
    expect(message!.html).toContain('My refund is &lt;late&gt; &amp; I am worried');

    // The link in the alert opens the handoff in the console.
    const link = /(http:\/\/\S+\/console#\/handoff\/[\w-]+)/.exec(alert.text!)![1]!;
    await page.goto(link);
    await page.getByLabel('Email').fill(E2E_AGENT.email);
    await page.getByLabel('Password').fill(E2E_AGENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Chat · Ref ${ref}` })).toBeVisible();
  });
});
