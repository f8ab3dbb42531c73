/**
 * Three instances on one PostgreSQL behind a real nginx running the repository's example config
 * (docs/nginx.conf: round-robin, event streams unbuffered). The visitor's page and the agent's
 * console both go through the proxy, so their requests land on different instances. Mid-chat the
 * instance holding the visitor's event stream (and maybe the agent's) is killed with SIGKILL; the
 * chat carries on through the others: a cut stream reconnects through the proxy by itself, nginx skips the dead instance (no
 * request gets a 502), and every message is shown exactly once on both sides and stored once.
 */
import { expect, test, type Page } from '@playwright/test';
import { findServerBinaries, startTestCluster, type TestCluster } from '../src/server/store/postgres/test-cluster';
import { inCi } from '../src/server/store/postgres/testing';
import type { BackendStatus } from '../src/protocol/types';
import { bubbles, expectSent, freePort, type OwnServer, sendMessage, signInAgent, signInConsole, startChat, startServer } from './fixtures';
import { findNginx, startProxy, type Proxy } from './nginx';

const binaries = findServerBinaries();
const nginx = findNginx();
test.skip(!binaries.dir && !inCi(), 'PostgreSQL’s server programs (initdb, pg_ctl) are not installed');
test.skip(!nginx && !inCi(), 'nginx is not installed (apt-get install nginx-light)');

let cluster: TestCluster | undefined;
let proxy: Proxy | undefined;
const servers: OwnServer[] = [];
test.afterAll(async () => {
  await proxy?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await cluster?.stop();
});

/** How many times `text` appears in the console's Messages log. */
const inLog = async (desk: Page, text: string): Promise<number> =>
  (await desk.getByRole('log', { name: 'Messages' }).innerText()).split(text).length - 1;

test('three instances behind nginx: one killed mid-chat, the chat carries on, every message once', async ({ browser, page: visitor }) => {
  test.setTimeout(150_000);
  if (!binaries.dir) throw new Error('CI is set and PostgreSQL’s server programs (initdb, pg_ctl) are not installed');
  if (!nginx) throw new Error('CI is set and nginx is not installed (apt-get install nginx-light)');
  cluster = await startTestCluster({ binDir: binaries.dir });
  const url = await cluster.createDatabase();
  const proxyPort = await freePort();
  const ports = [await freePort(), await freePort(), await freePort()];
  // What each instance behind a proxy needs: one database, one secret, the proxy's address.
  const env = { LIFELINE_TRUST_PROXY: '1', LIFELINE_PUBLIC_URL: `http://127.0.0.1:${proxyPort}`, LIFELINE_SECRET: 'e2e-proxy-secret-'.padEnd(40, 'x') };
  // All three start at once: the migrations run once, under their lock.
  servers.push(...(await Promise.all(ports.map((port) => startServer(port, url, env)))));
  proxy = await startProxy(nginx, proxyPort, ports);
  const origin = proxy.origin;

  const messages = [
    'Can I change the delivery address?',
    'Yes: tell me the new one and I will change it.',
    'Thank you! 12 Harbour Lane.',
    'Done: it goes to 12 Harbour Lane.',
    'And can it come on Saturday?',
    'Saturday it is, between 9 and 12.',
  ] as const;
  const [question, reply, answer, done, after, afterReply] = messages;

  // The instance behind the visitor's latest event stream (the proxy names it in a header).
  let visitorStream: string | undefined;
  visitor.on('response', (response) => {
    if (/\/v1\/handoffs\/[^/]+\/events$/.test(new URL(response.url()).pathname)) visitorStream = response.headers()['x-e2e-upstream'];
  });

  const ref = await startChat(visitor, origin, question);

  const context = await browser.newContext();
  const desk = await context.newPage();
  const log = desk.getByRole('log', { name: 'Messages' });
  await signInConsole(desk, origin);

  const agentSend = async (text: string): Promise<void> => {
    await desk.getByLabel('Reply').fill(text);
    await desk.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(desk.getByLabel('Reply')).toHaveValue('');
  };

  await test.step('through the proxy the agent is online for every instance', async () => {
    for (const port of ports) {
      await expect
        .poll(async () => ((await (await fetch(`http://127.0.0.1:${port}/v1/status`)).json()) as BackendStatus).agentsOnline, { timeout: 15_000 })
        .toBe(1);
    }
  });

  await test.step('the agent answers through the proxy, the visitor answers back: each sees it once', async () => {
    await desk.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
    await expect(log).toContainText(question);
    await desk.getByRole('button', { name: 'Claim' }).click();
    await agentSend(reply);
    await expect(bubbles(visitor, reply)).toHaveCount(1);
    await sendMessage(visitor, answer);
    await expectSent(visitor, answer);
    await expect(log).toContainText(answer);
  });

  let killed = '';
  await test.step('the instance holding the visitor’s event stream is killed with SIGKILL', async () => {
    await expect.poll(() => visitorStream, { timeout: 15_000 }).toMatch(/^127\.0\.0\.1:\d+$/);
    const victimPort = Number(visitorStream!.split(':')[1]);
    killed = `127.0.0.1:${victimPort}`;
    expect(ports).toContain(victimPort);
    // nginx keeps no idle connections to the instances: what it holds open there are streams.
    await expect.poll(() => proxy!.openUpstreamConnections(ports).get(victimPort), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await servers[ports.indexOf(victimPort)]!.kill();
    await expect.poll(() => proxy!.openUpstreamConnections(ports).get(victimPort)).toBe(0);
    // The proxy logs a stream when it ends: the ones that went with the instance.
    const cut = (): string[] =>
      proxy!
        .requests()
        .filter((r) => r.upstream === `127.0.0.1:${victimPort}` && /\/events$/.test(r.path))
        .map((r) => (r.path.startsWith('/v1/agent/') ? 'the agent’s stream' : 'the visitor’s stream'));
    await expect.poll(cut).toContain('the visitor’s stream');
    // The widget opens its stream again by itself, through the proxy, on a living instance.
    await expect.poll(() => visitorStream, { timeout: 20_000 }).not.toBe(`127.0.0.1:${victimPort}`);
    test.info().annotations.push({ type: 'killed with SIGKILL', description: `the instance on port ${victimPort}, holding ${cut().join(' and ')}` });
  });

  await test.step('the chat carries on through the other instances, both ways', async () => {
    await agentSend(done);
    await expect(bubbles(visitor, done)).toHaveCount(1, { timeout: 20_000 });
    await sendMessage(visitor, after);
    await expectSent(visitor, after, 20_000);
    await expect(log).toContainText(after, { timeout: 20_000 });
    await agentSend(afterReply);
    await expect(bubbles(visitor, afterReply)).toHaveCount(1, { timeout: 20_000 });
  });

  await test.step('nothing lost, nothing doubled: the visitor’s page, the console and the store', async () => {
    for (const text of messages) {
      await expect(bubbles(visitor, text), text).toHaveCount(1);
      await expect.poll(() => inLog(desk, text), text).toBe(1);
    }
    // The dead instance was skipped: no request answered with the proxy's 502 or 504, but one that
    // was already on its way to it when it was killed (nginx never sends a POST twice; the widget
    // and the console send theirs again, and the counts above say nothing was lost).
    expect(proxy!.requests().filter((r) => r.status >= 500 && r.upstream !== killed)).toEqual([]);
    const agent = await signInAgent(origin);
    try {
      const detail = await agent.byRef(ref);
      expect(detail.messages.map((m) => m.text)).toEqual([...messages]);
    } finally {
      await agent.dispose();
    }
  });
  await context.close();
});
