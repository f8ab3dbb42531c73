/**
 * Alerts with two instances on one real PostgreSQL, each with its outbox, its shared bus and
 * the shared presence: an agent online on one instance makes the other wait too, and the team
 * gets one mail and one chat post, whichever instance planned and ran them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { readSettings } from '../config';
import { deliveryChannels } from '../deliveries';
import { startTestSmtp } from '../mail/test-smtp';
import { startOutbox } from '../outbox/outbox';
import { serviceOver } from '../service/over-store';
import { createPool } from '../store/postgres/connect';
import { migrate } from '../store/postgres/migrations';
import { postgresShared } from '../store/postgres/shared';
import { createPostgresStore } from '../store/postgres/store';
import { describeWithPostgres } from '../store/postgres/testing';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describeWithPostgres('alerts on PostgreSQL', (pg) => {
  it('waits while an agent is online on any instance, then alerts once from whichever instance', async () => {
    const url = await pg.newDatabase();
    const setup = createPool(url, { max: 1 });
    await migrate(setup);
    await setup.end();

    const smtp = await startTestSmtp();
    cleanups.push(() => smtp.close());
    const posts: string[] = [];
    const hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        posts.push((JSON.parse(body) as { text: string }).text);
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => hook.close(() => resolve())));

    const settings = readSettings({
      LIFELINE_SMTP_URL: smtp.url,
      LIFELINE_MAIL_FROM: 'help@example.com',
      LIFELINE_ALERT_EMAILS: 'team@example.com',
      LIFELINE_ALERT_AFTER_SECONDS: '1',
      LIFELINE_CHAT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
      LIFELINE_TIMEZONE: 'UTC',
    });
    const instance = async () => {
      const pool = createPool(url, { max: 4 });
      const store = createPostgresStore(pool, { ownsPool: false });
      const shared = postgresShared(pool, { bus: { onError: () => undefined } });
      await shared.ready;
      const channels = deliveryChannels(settings, { store, presence: shared.presence, now: Date.now, publicOrigin: () => 'https://help.example.com' });
      const outbox = startOutbox({ store, bus: shared.bus, channels, pollMs: 100, onError: () => undefined });
      cleanups.push(async () => {
        await outbox.stop();
        await shared.end();
        await store.close();
        await pool.end();
      });
      return { store, shared, outbox };
    };
    const a = await instance();
    const b = await instance();

    // Sam's console is open on instance A.
    const leave = a.shared.presence.connect('agent-sam');
    await expect.poll(() => b.shared.presence.online()).toBe(1);

    const made = await serviceOver(b.store, { bus: b.shared.bus }).create({ clientId: crypto.randomUUID(), channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
    if (!made.ok) throw new Error(made.reason);
    const h = made.handoff;
    const due = new Date(Date.parse(h.createdAt) + 1_000).toISOString();
    await expect.poll(async () => (await a.store.findJob('alert', `new:${h.id}`))?.dueAt, { timeout: 5_000 }).toBe(due);
    // Put off, not sent: someone is there.
    expect(smtp.received).toEqual([]);

    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    await expect.poll(() => posts.length).toBe(1);
    expect(smtp.received[0]!.mail.subject).toMatch(new RegExp(`^\\[#${h.ref}\\] Chat #${h.ref} has waited \\d+ seconds? and nobody has taken it$`));
    await Promise.all([a.outbox.idle(), b.outbox.idle()]);
    expect(smtp.received).toHaveLength(1);
    expect(posts).toHaveLength(1);
    leave();
  });
});
