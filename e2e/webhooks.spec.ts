/**
 * Webhooks end to end: the built widget on the real server (its own process, with
 * LIFELINE_WEBHOOK_URL pointing at a real receiver in this test), a visitor who asks for a
 * person, the receiver verifying every delivery with the `standardwebhooks` package, and the
 * console's Webhooks page showing the delivery, a first failed try included.
 */
import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestReceiver } from '../src/server/webhooks/testing';
import { freePort, pageViolations, signInConsole, startChat, startServer } from './fixtures';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

test('a handoff reaches the receiver signed, a 500 is tried again with the same id, and the console lists it', async ({ page }) => {
  test.setTimeout(90_000); // the retry comes 5 s after the failed try
  const receiver = await startTestReceiver(SECRET);
  // The first try of handoff.created is refused; every other delivery is taken.
  receiver.respond(({ type, seenBefore }) => (type === 'handoff.created' && seenBefore === 0 ? 500 : 204));
  const db = join(mkdtempSync(join(tmpdir(), 'lifeline-e2e-webhooks-')), 'lifeline.db');
  const server = await startServer(await freePort(), db, { LIFELINE_WEBHOOK_URL: receiver.url, LIFELINE_WEBHOOK_SECRET: SECRET });
  try {
    const ref = await startChat(page, server.origin, 'My order never came');

    const delivered = await receiver.waitFor((w) => w.event.type === 'handoff.created' && w.answered === 204);
    const tries = receiver.received.filter((w) => w.id === delivered.id);
    expect(tries.map((w) => w.answered)).toEqual([500, 204]);
    expect(tries[0]!.event).toEqual(delivered.event); // the same body under the same id
    if (delivered.event.type !== 'handoff.created') throw new Error('not handoff.created');
    expect(delivered.event.data.handoff).toMatchObject({ ref, channel: 'chat' });
    expect(delivered.event.data.transcript.some((e) => e.type === 'handoff' && e.channel === 'chat')).toBe(true);
    const message = await receiver.waitFor((w) => w.event.type === 'message.created');
    expect(message.event.data).toMatchObject({ handoff: { ref }, message: { from: 'visitor', text: 'My order never came' } });
    expect(receiver.rejected).toEqual([]); // every delivery's signature verified

    await signInConsole(page, server.origin);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Webhooks', exact: true })).toBeFocused();
    const recent = page.getByRole('list', { name: /^Recent deliveries/ });
    const row = recent.getByRole('listitem').filter({ hasText: 'handoff.created' });
    // Refreshed every 10 s: the last try may be recorded a moment after the receiver answered.
    await expect(row).toContainText('Delivered', { timeout: 15_000 });
    await expect(row).toContainText('after 2 tries');
    await expect(row).toContainText('An earlier try failed: Answered 500 Internal Server Error: receiver says no');
    await expect(row.getByRole('link', { name: `Ref ${ref}` })).toBeVisible();
    await expect(recent.getByRole('listitem').filter({ hasText: 'message.created' })).toContainText('Delivered');
    await expect(page.getByRole('region', { name: /^Needs attention/ })).toContainText('Nothing is retrying or failed.');
    expect(await pageViolations(page)).toEqual([]);
  } finally {
    await server.stop();
    await receiver.close();
  }
});
