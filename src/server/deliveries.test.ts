/**
 * Alerts to the team and the helpdesk ticket, end to end inside the process: the real app on a
 * real SQLite file (testing.ts), the channels deliveryChannels() builds from the settings, the
 * outbox, a real SMTP server receiving every mail (mail/test-smtp.ts) and a real HTTP server
 * standing in for the chat webhook.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../hours';
import { readSettings } from './config';
import { deliveryChannels } from './deliveries';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from './mail/test-smtp';
import { startOutbox, type Outbox } from './outbox/outbox';
import { createPresence } from './presence';
import { AT, createHandoff, send, signIn, SLOT, startTestServer, visitorMessage, type StartedServer } from './testing';

const ORIGIN = 'https://help.example.com';
const TRANSCRIPT = [
  { type: 'page', at: AT, url: 'https://shop.example.com/orders', title: 'Orders' },
  { type: 'search', at: AT, query: 'refund <late>', resultCount: 0, topIds: [] },
  { type: 'article', at: AT, articleId: 'returns', title: 'Returns & refunds' },
  { type: 'feedback', at: AT, articleId: 'returns', helpful: false },
  { type: 'search', at: AT, query: 'where is my refund', resultCount: 3, topIds: ['returns'] },
];

interface Hook {
  url: string;
  posts: unknown[];
  /** Answers this status to the next post (then 200 again). */
  failNext(status: number): void;
  close(): Promise<void>;
}

async function startHook(): Promise<Hook> {
  const posts: unknown[] = [];
  let fail: number | null = null;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (fail !== null) {
        res.writeHead(fail).end('try later');
        fail = null;
        return;
      }
      posts.push({ contentType: req.headers['content-type'], body: JSON.parse(body) as unknown });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T0/B0/secret`,
    posts,
    failNext: (status) => void (fail = status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('alerts and the helpdesk', () => {
  let smtp: TestSmtp;
  let hook: Hook;
  let server: StartedServer;
  let outbox: Outbox;
  let clock = () => Date.parse(AT);

  beforeEach(async () => {
    smtp = await startTestSmtp();
    hook = await startHook();
    const presence = createPresence(() => clock());
    server = await startTestServer({ presence, hours: { schedule: ALWAYS_OPEN, zone: 'America/New_York' } });
    clock = server.clock.now;
    const settings = readSettings({
      LIFELINE_SMTP_URL: smtp.url,
      LIFELINE_MAIL_FROM: 'Example Help <help@example.com>',
      LIFELINE_ALERT_EMAILS: 'team@example.com, sam@example.com',
      LIFELINE_CHAT_WEBHOOK_URL: hook.url,
      LIFELINE_HANDOFF_EMAIL: 'desk@example.com',
      LIFELINE_TIMEZONE: 'America/New_York',
    });
    const channels = deliveryChannels(settings, {
      store: server.store,
      presence,
      now: server.clock.now,
      publicOrigin: () => ORIGIN,
      retry: { firstMs: 50, maxMs: 200, jitter: 0 },
    });
    outbox = startOutbox({ store: server.store, bus: server.bus, channels, now: server.clock.now, pollMs: 100, onError: () => undefined });
  });
  afterEach(async () => {
    await outbox.stop();
    await server.close();
    await server.cleanup();
    await smtp.close();
    await hook.close();
  });

  /** The test's clock stands still: a delivery put off (a retry, a `later`) comes due only when it moves. */
  const tick = () => {
    server.clock.advance(5_000);
    outbox.wake();
  };
  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((r) => r.to.includes(address));
  const visitor = { name: 'Ada Lovelace', email: 'ada@example.com', attributes: { plan: 'pro' } };

  it('tells the team at once when nobody is online: a mail to each address with the story, and a short chat post', async () => {
    const h = await createHandoff(server.app, { transcript: TRANSCRIPT, visitor });
    await expect.poll(() => mailsTo('team@example.com').length + mailsTo('sam@example.com').length).toBe(2);
    await expect.poll(() => hook.posts.length).toBe(1);
    const { mail } = mailsTo('team@example.com')[0]!;
    expect(mail.subject).toBe(`[#${h.ref}] New Chat #${h.ref}: nobody is online to take it: “where is my refund”`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.messageId).toBe(`<lifeline.alert.${h.id}@example.com>`);
    const text = mail.text!;
    for (const line of [
      'Channel: Chat',
      `Reference: ${h.ref}`,
      'Asked: Sat 1 Mar, 05:00 (America/New_York)',
      'Name: Ada Lovelace',
      'E-mail: ada@example.com',
      'plan: pro',
      '- Was on “Orders” (https://shop.example.com/orders)',
      '- Searched “refund <late>” (no results)',
      '- Read “Returns & refunds”',
      '- Voted “Returns & refunds” not helpful',
      '- Searched “where is my refund” (3 results)',
      `Open #${h.ref} in the console: ${ORIGIN}/console#/handoff/${h.id}`,
    ]) {
      expect(text).toContain(line);
    }
    expect(mail.html).toContain('Searched “refund &lt;late&gt;” (no results)');
    expect(mail.html).toContain(`href="${ORIGIN}/console#/handoff/${h.id}"`);
    expect(hook.posts[0]).toEqual({
      contentType: 'application/json',
      body: {
        text: [
          `New Chat #${h.ref}: nobody is online to take it`,
          'From: Ada Lovelace, ada@example.com',
          'Question: “where is my refund”',
          'Tried: Searched “refund &lt;late&gt;” (no results); Read “Returns &amp; refunds”; Voted “Returns &amp; refunds” not helpful; Searched “where is my refund” (3 results)',
          `${ORIGIN}/console#/handoff/${h.id}`,
        ].join('\n'),
      },
    });
  });

  it('waits while an agent is online, and alerts only about what is still unanswered after LIFELINE_ALERT_AFTER_SECONDS', async () => {
    const { cookie } = await signIn(server);
    const waiting = await createHandoff(server.app, { transcript: TRANSCRIPT, visitor });
    const taken = await createHandoff(server.app);
    await expect.poll(async () => (await server.store.listJobs({ kind: 'alert', limit: 10 })).filter((j) => j.status === 'pending' && j.dueAt === '2025-03-01T10:02:00.000Z').length).toBe(2);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${taken.id}/claim`, {}, cookie)).status).toBe(200);
    await outbox.idle();
    expect(smtp.received.filter((r) => r.to.includes('team@example.com'))).toEqual([]);
    expect(hook.posts).toEqual([]);

    server.clock.advance(120_000);
    outbox.wake();
    await expect.poll(() => mailsTo('team@example.com').length).toBe(1);
    await expect.poll(() => hook.posts.length).toBe(1);
    const { mail } = mailsTo('team@example.com')[0]!;
    // Ada, seen two minutes ago, counts as gone by now.
    expect(mail.subject).toBe(`[#${waiting.ref}] Chat #${waiting.ref} has waited 2 minutes and nobody has taken it (nobody is online): “where is my refund”`);
    await expect.poll(async () => (await server.store.listJobs({ kind: 'alert', status: 'done', limit: 10 })).length).toBe(2);
    await outbox.idle();
    expect(mailsTo('team@example.com')).toHaveLength(1);
  });

  it('says a callback’s time in the business’s zone, and tries the chat webhook again after a 500', async () => {
    hook.failNext(500);
    const h = await createHandoff(server.app, { channel: 'callback', callback: { ...SLOT, phone: '+1 555 0100', note: 'After lunch please' }, visitor });
    await expect.poll(async () => (await server.store.findJob('chat-webhook', `alert:${h.id}`))?.lastError).toBe('the chat webhook answered 500: try later');
    expect(hook.posts).toEqual([]);
    await expect.poll(() => (tick(), hook.posts.length)).toBe(1);
    expect(await server.store.findJob('chat-webhook', `alert:${h.id}`)).toMatchObject({ status: 'done', attempts: 2, lastError: 'the chat webhook answered 500: try later' });
    expect((hook.posts[0] as { body: { text: string } }).body.text).toContain('Call back: Sat 1 Mar, 05:30–06:00 (America/New_York) on +1 555 0100');
    await expect.poll(() => mailsTo('team@example.com').length).toBe(1);
    expect(mailsTo('team@example.com')[0]!.mail.text).toContain('Call back: Sat 1 Mar, 05:30–06:00 (America/New_York)\nPhone to call: +1 555 0100\nNote: After lunch please');
  });

  it('sends each handoff to the helpdesk as a ticket, and the chat’s messages after it in the same thread', async () => {
    const h = await createHandoff(server.app, { transcript: TRANSCRIPT, visitor });
    await expect.poll(() => mailsTo('desk@example.com').length).toBe(1);
    await visitorMessage(server.app, h, 'Still <b>waiting</b> & worried');
    const { cookie } = await signIn(server, 'sam@example.com', 'correct horse', 'Sam');
    const reply = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'agent-reply-1', text: 'Your refund left today.' }, cookie);
    expect(reply.status, await reply.clone().text()).toBe(201);
    await expect.poll(() => (tick(), mailsTo('desk@example.com').length)).toBe(3);

    const [ticket, ...followUps] = mailsTo('desk@example.com').map((r) => r.mail);
    const root = `<lifeline.helpdesk.${h.id}@example.com>`;
    expect(ticket!.subject).toBe(`[#${h.ref}] where is my refund`);
    expect(ticket!.messageId).toBe(root);
    expect(ticket!.replyTo!.value).toEqual([{ address: 'ada@example.com', name: '' }]);
    expect(ticket!.text).toContain('Ada Lovelace asked for a person by chat on Sat 1 Mar, 05:00. The chat’s messages follow in this thread. Replies to this mail go to ada@example.com.');
    expect(ticket!.text).toContain('- Searched “refund <late>” (no results)');
    expect(ticket!.html).toContain('refund &lt;late&gt;');

    const byText = (s: string) => followUps.find((m) => m.text!.includes(s))!;
    const fromVisitor = byText('waiting');
    const fromAgent = byText('Your refund left today.');
    for (const m of [fromVisitor, fromAgent]) {
      expect(m.subject).toBe(`Re: [#${h.ref}] where is my refund`);
      expect(m.inReplyTo).toBe(root);
      expect(m.references).toBe(root);
      expect(m.replyTo!.value[0]!.address).toBe('ada@example.com');
    }
    expect(fromVisitor.text).toContain('Ada Lovelace (visitor) (Sat 1 Mar, 05:00):\n> Still <b>waiting</b> & worried');
    expect(fromVisitor.html).toContain('Still &lt;b&gt;waiting&lt;/b&gt; &amp; worried');
    expect(fromVisitor.html).not.toContain('<b>waiting</b>');
    expect(fromAgent.text).toContain('Sam (agent) (Sat 1 Mar, 05:00):\n> Your refund left today.');
    expect(new Set(followUps.map((m) => m.messageId)).size).toBe(2);
  });
});
