/**
 * Two instances of the real server on one PostgreSQL act as one: the visitor's page is served by
 * instance A, the agent's console by instance B. The agent is online for A's visitors; the
 * visitor's message reaches the console on B and the agent's reply reaches the visitor on A, each
 * once (the event bus: LISTEN/NOTIFY carrying ids, events read back from the event log).
 */
import { expect, test } from '@playwright/test';
import { findServerBinaries, startTestCluster, type TestCluster } from '../src/server/store/postgres/test-cluster';
import { inCi } from '../src/server/store/postgres/testing';
import type { BackendStatus } from '../src/protocol/types';
import { bubbles, expectSent, freePort, type OwnServer, sendMessage, signInConsole, startChat, startServer } from './fixtures';

const binaries = findServerBinaries();
test.skip(!binaries.dir && !inCi(), 'PostgreSQL’s server programs (initdb, pg_ctl) are not installed');

let cluster: TestCluster | undefined;
const servers: OwnServer[] = [];
test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await cluster?.stop();
});

test('two instances on one PostgreSQL: the visitor on one, the agent on the other, every message once', async ({ browser, page: visitor }) => {
  test.setTimeout(120_000);
  if (!binaries.dir) throw new Error('CI is set and PostgreSQL’s server programs (initdb, pg_ctl) are not installed');
  cluster = await startTestCluster({ binDir: binaries.dir });
  const url = await cluster.createDatabase();
  // Both start at once: the migrations run once, under their lock.
  const [a, b] = await Promise.all([startServer(await freePort(), url), startServer(await freePort(), url)]);
  servers.push(a!, b!);

  const question = 'Can I change the delivery address?';
  const reply = 'Yes: tell me the new one and I will change it.';
  const answer = 'Thank you! 12 Harbour Lane.';

  const ref = await startChat(visitor, a!.origin, question);

  const context = await browser.newContext();
  const desk = await context.newPage();
  const messages = desk.getByRole('log', { name: 'Messages' });
  await signInConsole(desk, b!.origin);

  await test.step('the agent with the console open on B is online for visitors of A', async () => {
    await expect
      .poll(async () => ((await (await fetch(`${a!.origin}/v1/status`)).json()) as BackendStatus).agentsOnline, { timeout: 15_000 })
      .toBe(1);
  });

  await test.step('the console on B lists the chat made on A, live, and the agent answers: the visitor on A sees it once', async () => {
    await desk.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
    await expect(messages).toContainText(question);
    await desk.getByRole('button', { name: 'Claim' }).click();
    await desk.getByLabel('Reply').fill(reply);
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(bubbles(visitor, reply)).toHaveCount(1);
  });

  await test.step('the visitor answers on A: the console on B shows it live, once', async () => {
    await sendMessage(visitor, answer);
    await expectSent(visitor, answer);
    await expect(messages).toContainText(answer);
    // Each once, as the log settles: the console may redraw the list as the stream catches up
    // (a duplicate would stay, so this still fails on one).
    await expect
      .poll(async () => {
        const log = await messages.innerText();
        return [question, reply, answer].map((text) => log.split(text).length - 1);
      })
      .toEqual([1, 1, 1]);
    await expect(bubbles(visitor, answer)).toHaveCount(1);
  });
  await context.close();
});
