/**
 * A visitor's data from the console (issue 16), on the real server and SQLite: the agent exports
 * it as a JSON download from the handoff's page, is refused deletion while the chat is open, and
 * once it is resolved deletes it after confirming in a dialog; the handoff is then gone.
 */
import { expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { VisitorExport } from '../src/protocol/visitor-data';
import { agentTest as test, chooseChat, expectSent, openChannels, sendMessage, signInConsole, visitorRef, ORIGIN } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('an agent exports a visitor’s data as JSON and deletes it after confirming, never while the chat is open', async ({ browser, page: visitor, agent }) => {
  const email = `zed.${Date.now()}@example.com`;
  await visitor.goto('/');
  await visitor.evaluate((address) => void (window as unknown as { Lifeline: (...a: unknown[]) => unknown }).Lifeline('identify', { name: 'Zed Quill', email: address }), email);
  await openChannels(visitor);
  await chooseChat(visitor);
  await sendMessage(visitor, 'My quill arrived broken.');
  await expectSent(visitor, 'My quill arrived broken.');
  const handoff = await agent.byRef(await visitorRef(visitor));

  const context = await browser.newContext({ acceptDownloads: true });
  const console_ = await context.newPage();
  await signInConsole(console_, ORIGIN);
  await console_.goto(`${ORIGIN}/console#/handoff/${handoff.id}`);
  const card = console_.getByRole('region', { name: 'Personal data' });
  await expect(card).toBeVisible();

  // Export: a JSON file with the conversation.
  const download = console_.waitForEvent('download');
  await card.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`lifeline-visitor-${handoff.ref}.json`);
  const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as VisitorExport;
  expect(exported.handoffs.map((h) => h.id)).toEqual([handoff.id]);
  expect(exported.handoffs[0]!.messages.map((m) => m.text)).toContain('My quill arrived broken.');
  await expect(card.getByRole('status')).toHaveText('Exported 1 conversation.');

  // Delete while the chat is open: asked, then refused with the reason.
  await card.getByRole('button', { name: 'Delete visitor data…' }).click();
  const confirm = console_.getByRole('dialog', { name: `Delete everything kept about ${email}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm.getByRole('alert')).toHaveText(`Nothing was deleted: #${handoff.ref} is still open. Resolve it first.`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  // Resolved: deleted for good, and the console goes back to the queue.
  await agent.claim(handoff.id);
  const resolved = await agent.api.post(`/v1/agent/handoffs/${handoff.id}/resolve`, { data: { outcome: 'answered' } });
  expect(resolved.status()).toBe(200);
  await card.getByRole('button', { name: 'Delete visitor data…' }).click();
  await expect(confirm).toContainText('1 conversation,');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(console_.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
  expect((await agent.api.get(`/v1/agent/handoffs/${handoff.id}`)).status()).toBe(404);
  const records = (await (await agent.api.get('/v1/agent/deletions')).json()) as { deletions: Array<{ reason: string; actor: string; counts: { handoffs: number } }> };
  expect(records.deletions[0]).toMatchObject({ reason: 'visitor', counts: { handoffs: 1 } });
  expect(JSON.stringify(records)).not.toContain(email);
  await context.close();
});
