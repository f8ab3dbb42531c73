/**
 * From an agent's reply to the visitor's mailbox: the real app (SQLite), the real outbox with
 * this channel and the mail channel, nodemailer, and a real SMTP server that parses every mail.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bearer, createHandoff, readSse, send, signIn, startTestServer, ORIGIN, type StartedServer } from '../testing';
import type { ParsedMail } from 'mailparser';
import { createMailer, mailChannel, readMailSettings } from '../mail';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { startOutbox } from '../outbox';
import { awayReplyChannel, AWAY_KIND } from './channel';
import { readReopenValue } from './link';

const SECRET = 'an away test secret of 32 characters or more';
const AWAY_MS = 60_000;
const BATCH_MS = 60_000;

let server: StartedServer;
let smtp: TestSmtp;
let cookie: Record<string, string>;

beforeEach(async () => {
  server = await startTestServer({ secret: SECRET, allowedOrigins: ['https://shop.example.com'] });
  smtp = await startTestSmtp();
  ({ cookie } = await signIn(server));
});
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await smtp.close();
  await server.close();
  await server.cleanup();
});

/** The outbox on the test's clock with this channel alone; tick() plans and runs what is due now. */
function outbox({ awayMs = AWAY_MS } = {}) {
  const channel = awayReplyChannel({
    store: server.store,
    secret: async () => SECRET,
    now: server.clock.now,
    awayMs,
    batchMs: BATCH_MS,
    linkable: (origin) => origin === 'https://shop.example.com' || origin === ORIGIN,
    domain: 'shop.example.com',
  });
  const mailer = createMailer(readMailSettings(smtp.url, 'Northwind Support <help@shop.example.com>')!);
  const running = startOutbox({ store: server.store, channels: [channel, mailChannel(mailer, { now: server.clock.now })], now: server.clock.now, pollMs: 60_000 });
  stops.push(() => running.stop());
  return {
    jobs: () => server.store.listJobs({ kind: AWAY_KIND, limit: 100 }),
    /** Plans and runs what is due now, the mails it queued included. */
    async tick() {
      for (let i = 0; i < 2; i++) {
        running.wake();
        await running.idle();
      }
    },
  };
}

const mails = (): ParsedMail[] => smtp.received.map((r) => r.mail);
const received = (n: number) => vi.waitFor(() => {
  expect(smtp.received.length).toBeGreaterThanOrEqual(n);
  return mails();
});

const reply = (id: string, text: string) =>
  send(server.app, 'POST', `/v1/agent/handoffs/${id}/messages`, { clientMessageId: crypto.randomUUID(), text }, cookie);
const seconds = (s: number) => server.clock.advance(s * 1000);

async function chatWithEmail() {
  const h = await createHandoff(server.app, { visitor: { name: 'Ann' }, context: { pageUrl: 'https://shop.example.com/orders', locale: 'en', timezone: 'UTC' } });
  expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/email`, { email: 'ann@example.com' }, bearer(h.token))).status).toBe(200);
  return h;
}

/** The visitor's page holds its event stream open while `during` runs, then leaves. */
async function watching(h: { id: string; token: string }, during: () => Promise<void>) {
  const res = await send(server.app, 'GET', `/v1/handoffs/${h.id}/events`, undefined, bearer(h.token));
  await vi.waitFor(async () => expect(Date.parse((await server.store.visitorSeenUntil(h.id)) ?? '0')).toBeGreaterThan(server.clock.now()));
  await during();
  const before = await server.store.visitorSeenUntil(h.id);
  await readSse(res, 1); // then the page goes away
  await vi.waitFor(async () => expect(await server.store.visitorSeenUntil(h.id)).not.toBe(before));
}

describe('replies to a visitor who left', () => {
  it('are e-mailed once, those within a minute together, with a link that reopens the chat', async () => {
    const h = await chatWithEmail();
    await watching(h, async () => seconds(5));
    const box = outbox();
    seconds(70); // away longer than the away time
    await reply(h.id, 'Your refund left today <b>really</b>.');
    seconds(20);
    await reply(h.id, 'It takes 3 to 5 days & shows as "Northwind".');
    await box.tick();
    seconds(30); // 50 s after the first: the batch is not complete
    await box.tick();
    expect(mails()).toHaveLength(0);
    seconds(15);
    await box.tick();
    const [mail] = await received(1);
    expect(mail!.to).toMatchObject({ text: 'ann@example.com' });
    expect(mail!.subject).toBe(`Reply to your question (reference ${h.ref})`);
    expect(mail!.text).toContain('Your refund left today <b>really</b>.');
    expect(mail!.text).toContain('It takes 3 to 5 days & shows as "Northwind".');
    expect(mail!.html).toContain('Your refund left today &lt;b&gt;really&lt;/b&gt;.');
    expect(mail!.inReplyTo).toBe(`<lifeline.visitor.${h.id}@shop.example.com>`);
    const link = /https:\/\/shop\.example\.com\/orders#lifeline-reopen=([\w.-]+)/.exec(mail!.text!)?.[1];
    expect(link && readReopenValue(SECRET, link, server.clock.now())).toEqual({ ok: true, handoffId: h.id });
    const reopened = await send(server.app, 'POST', '/v1/reopen', { link });
    expect(await reopened.json()).toEqual({ id: h.id, token: h.token });

    // Nothing twice; a later reply, a minute and more after the first batch, is a mail of its own.
    seconds(120);
    await box.tick();
    expect(mails()).toHaveLength(1);
    await reply(h.id, 'One more thing: keep the receipt.');
    seconds(65);
    await box.tick();
    const second = (await received(2))[1]!;
    expect(second.text).toContain('One more thing: keep the receipt.');
    expect(second.text).not.toContain('Your refund left today');
    expect(second.references).toBe(`<lifeline.visitor.${h.id}@shop.example.com>`);
  });

  it('are not e-mailed when the visitor was watching, nor after they came back for them', async () => {
    const h = await chatWithEmail();
    const box = outbox();
    await watching(h, async () => {
      await reply(h.id, 'Seen live.');
      seconds(10);
    });
    seconds(5);
    await reply(h.id, 'Written after they left, replayed when they came back.');
    seconds(20);
    await watching(h, async () => seconds(1));
    seconds(600);
    await box.tick();
    await box.tick();
    expect((await box.jobs()).map((j) => j.status)).toEqual(['done', 'done']);
    expect(mails()).toHaveLength(0);
  });

  it('wait until the visitor has been gone the away time (a reload is not leaving), then go', async () => {
    const h = await chatWithEmail();
    const box = outbox({ awayMs: 120_000 });
    await watching(h, async () => seconds(1));
    seconds(10);
    await reply(h.id, 'Are you still there?');
    seconds(62); // the batch is complete; the visitor has been gone 72 s of 120
    await box.tick();
    expect(mails()).toHaveLength(0);
    expect((await box.jobs())[0]!.dueAt).toBe(new Date(Date.parse((await server.store.visitorSeenUntil(h.id))!) + 120_000).toISOString());
    seconds(47);
    await box.tick();
    expect(mails()).toHaveLength(0);
    seconds(1);
    await box.tick();
    expect((await received(1))[0]!.text).toContain('Are you still there?');
  });

  it('are not e-mailed without an address, nor to an identify() e-mail that is no address', async () => {
    const h = await createHandoff(server.app, { visitor: { name: 'Bo' } });
    const odd = await createHandoff(server.app, { visitor: { email: 'bo at example' } });
    const box = outbox();
    seconds(100);
    await reply(h.id, 'Hello?');
    await reply(odd.id, 'Hello?');
    seconds(100);
    await box.tick();
    expect((await box.jobs()).map((j) => j.status)).toEqual(['done', 'done']);
    expect(mails()).toHaveLength(0);
  });

  it('go to an address given after the batch began, with the whole batch', async () => {
    const h = await createHandoff(server.app, { visitor: { name: 'Cy' }, context: { pageUrl: 'https://shop.example.com/', locale: 'de' } });
    const box = outbox();
    seconds(100);
    await reply(h.id, 'Erste Antwort.');
    seconds(10);
    expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/email`, { email: 'cy@example.com' }, bearer(h.token))).status).toBe(200);
    await reply(h.id, 'Zweite Antwort.');
    seconds(60);
    await box.tick();
    const [mail] = await received(1);
    expect(mail!.subject).toBe(`Antwort auf Ihre Frage (Referenz ${h.ref})`);
    expect(mail!.text).toContain('Erste Antwort.');
    expect(mail!.text).toContain('Zweite Antwort.');
  });
});
