import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, messageBox, startChat, startServer, widget, type OwnServer } from './fixtures';

/**
 * Lifeline('destroy') (and the package's handle.destroy(), the same code) ends everything the
 * widget runs, a running chat included: its event stream closes (the server records the
 * visitor's stream as closed), and no request follows however long the page stays, its timers
 * run on with Playwright's clock. A server of its own, so the test can read its database.
 */
let server: OwnServer;
let dir = '';
let db = '';

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-destroy-'));
  db = join(dir, 'lifeline.db');
  server = await startServer(await freePort(), db);
});

test.afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The visitor event streams the server has open for the handoff with this reference. */
function openStreams(ref: string): number {
  const file = new Database(db, { readonly: true, fileMustExist: true });
  try {
    const row = file
      .prepare(`SELECT count(*) AS n FROM visitor_streams s JOIN handoffs h ON h.id = s.handoff_id WHERE h.ref = ? AND s.instance_id <> ''`)
      .get(ref) as { n: number };
    return row.n;
  } finally {
    file.close();
  }
}

test('destroy during a chat closes its event stream, sends nothing more, and leaves no element or global', async ({ page }) => {
  await page.clock.install();
  const ref = await startChat(page, server.origin, 'My order never came');
  await expect.poll(() => openStreams(ref), { message: 'the chat has its event stream open' }).toBe(1);

  // The visitor is typing: the chat has told the agent, and waits to say they stopped.
  const typing = page.waitForRequest((request) => request.url().endsWith('/typing'));
  await messageBox(page).pressSequentially('Still');
  await typing;

  // What the waiting chat fetches has come (the e-mail offer's chunk and its words last): a
  // request the page made before destroy must not be counted as one after it.
  await expect(page.getByText(/Get the answer by e-mail|Leave your e-mail address/).first()).toBeVisible();
  const after: string[] = [];
  page.on('request', (request) => after.push(`${request.method()} ${request.url()}`));
  await page.evaluate(() => (window as unknown as { Lifeline: (command: string) => void }).Lifeline('destroy'));

  await expect(widget(page)).toHaveCount(0);
  expect(await page.evaluate(() => 'Lifeline' in window)).toBe(false);
  await expect.poll(() => openStreams(ref), { message: 'the server saw the stream closed' }).toBe(0);

  // Every timer the widget could have left (retries, the status refresh, reconnects, the
  // typing indicator's idle timer) comes due.
  await page.clock.runFor(10 * 60_000);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.clock.runFor(60_000);
  expect(after, 'requests after destroy').toEqual([]);
});
