/**
 * The real server on PostgreSQL (LIFELINE_DB=postgres://...), one instance: a visitor chats, an
 * agent answers from the console, the visitor sees it; the server is restarted and the
 * conversation carries on, nothing lost, nothing doubled. PostgreSQL is a throwaway cluster of
 * this spec (src/server/store/postgres/test-cluster.ts); without its server programs the spec is
 * skipped, saying why (under CI it fails: CI must test both engines).
 */
import { expect, test, type Page } from '@playwright/test';
import { findServerBinaries, startTestCluster, type TestCluster } from '../src/server/store/postgres/test-cluster';
import { inCi } from '../src/server/store/postgres/testing';
import { E2E_AGENT } from './playwright.config';
import { bubbles, chooseChat, expectSent, freePort, openChannels, type OwnServer, sendMessage, signInAgent, signInConsole, startServer, visitorRef } from './fixtures';

const binaries = findServerBinaries();
test.skip(!binaries.dir && !inCi(), 'PostgreSQL’s server programs (initdb, pg_ctl) are not installed');

let cluster: TestCluster | undefined;
let server: OwnServer | undefined;
test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
});

test('a chat on PostgreSQL: the agent answers from the console, and a restart loses and doubles nothing', async ({ browser, page: visitor }) => {
  test.setTimeout(120_000);
  if (!binaries.dir) throw new Error('CI is set and PostgreSQL’s server programs (initdb, pg_ctl) are not installed');
  cluster = await startTestCluster({ binDir: binaries.dir });
  const url = await cluster.createDatabase();
  const port = await freePort();
  server = await startServer(port, url);
  const origin = server.origin;

  const question = 'My parcel never arrived.';
  const reply = 'Sorry about that: I have sent a new one today.';
  const after = 'Thank you, that was quick!';

  await test.step('the visitor asks for a chat and writes', async () => {
    await visitor.goto(`${origin}/`);
    await openChannels(visitor);
    await chooseChat(visitor);
    await sendMessage(visitor, question);
    await expectSent(visitor, question);
  });
  const ref = await visitorRef(visitor);

  const context = await browser.newContext();
  const desk = await context.newPage();
  const messages = desk.getByRole('log', { name: 'Messages' });
  await test.step('the agent signs in, claims it in the console and answers: the visitor sees it', async () => {
    await signInConsole(desk, origin);
    await desk.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
    await expect(desk.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
    await expect(messages).toContainText(question);
    await desk.getByRole('button', { name: 'Claim' }).click();
    await expect(desk.getByText(`With ${E2E_AGENT.name}`, { exact: true })).toBeVisible();
    await desk.getByLabel('Reply').fill(reply);
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(messages).toContainText(reply);
    await expect(bubbles(visitor, reply)).toBeVisible();
  });

  await test.step('the server restarts; the visitor writes again and the agent sees it', async () => {
    await server!.stop();
    server = await startServer(port, url);
    // The widget reconnects by itself (its backoff); the message waits in its outbox meanwhile.
    await sendMessage(visitor, after);
    await expectSent(visitor, after, 40_000);
    await desk.reload();
    await expect(messages).toContainText(after);
  });

  await test.step('nothing lost, nothing doubled: on both screens and in the database', async () => {
    for (const text of [question, reply, after]) {
      await expect(bubbles(visitor, text)).toHaveCount(1);
      await expect(messageCount(desk, text)).resolves.toBe(1);
    }
    const agent = await signInAgent(origin);
    try {
      const detail = await agent.byRef(ref);
      expect(detail.status).toBe('active');
      expect(detail.messages.map((m) => [m.from, m.text])).toEqual([
        ['visitor', question],
        ['agent', reply],
        ['visitor', after],
      ]);
    } finally {
      await agent.dispose();
    }
  });
  await context.close();
});

/** How many times the console's message log shows `text`. */
async function messageCount(page: Page, text: string): Promise<number> {
  const log = await page.getByRole('log', { name: 'Messages' }).innerText();
  return log.split(text).length - 1;
}
