/**
 * The end of a chat and what the visitor sees of the agent: read receipts (`seen`), the agent's
 * closing line sent with resolve, and the conversation e-mailed to the visitor, through the
 * outbox to a real SMTP server in the test process (../mail/test-smtp.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandoffState } from '../../protocol/types';
import { mailChannel, mailKey } from '../mail/channel';
import { createMailer } from '../mail/mailer';
import { readMailSettings } from '../mail/settings';
import { startTestSmtp, type TestSmtp } from '../mail/test-smtp';
import { startOutbox, type Outbox } from '../outbox/outbox';
import { bearer, createHandoff, eachTestOnAFreshServer, readSse, send, signIn, visitorMessage, type StartedServer } from '../testing';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { mailDomain: 'northwind.example' });

type H = { id: string; token: string };
const state = async (h: H) => (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json() as Promise<HandoffState>;
const agentCall = (cookie: Record<string, string>, h: H, what: string, body: unknown = {}) => send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/${what}`, body, cookie);
const seenEvents = async (h: H) => (await server.store.eventsAfter(h.id, 0)).filter((e) => e.event.type === 'seen').map((e) => e.event);

describe('POST /v1/agent/handoffs/:id/seen', () => {
  it('tells the visitor their latest message was seen, once, in the log and in the state', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    // Nothing to see yet: no event.
    expect(await (await agentCall(cookie, h, 'seen')).json()).toEqual({ messageId: null });
    await visitorMessage(server.app, h, 'My order never came', 'message-0001');
    await agentCall(cookie, h, 'claim');
    const res = await agentCall(cookie, h, 'seen');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ messageId: 'message-0001' });
    expect((await agentCall(cookie, h, 'seen')).status).toBe(200); // again: told once
    expect(await seenEvents(h)).toEqual([{ type: 'seen', messageId: 'message-0001' }]);
    expect((await state(h)).seen).toBe('message-0001');

    // The visitor's stream replays it with its id, like every stored event.
    const stream = await send(server.app, 'GET', `/v1/handoffs/${h.id}/events`, undefined, { ...bearer(h.token), 'last-event-id': '0' });
    const events = await readSse(stream, 1, { keep: (e) => e.event === 'seen' });
    expect(events[0]).toMatchObject({ event: 'seen', data: { messageId: 'message-0001' } });

    // A newer message is not seen until the agent looks again.
    await visitorMessage(server.app, h, 'Order 4821', 'message-0002');
    expect((await state(h)).seen).toBe('message-0001');
    await agentCall(cookie, h, 'seen');
    expect((await state(h)).seen).toBe('message-0002');
  });

  it('is not told for another agent’s chat; needs a signed-in agent; only for chats', async () => {
    const ada = await signIn(server);
    const bob = await signIn(server, 'bob@example.com', 'correct horse', 'Bob');
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'Hello', 'message-0001');
    await agentCall(ada.cookie, h, 'claim');
    await agentCall(bob.cookie, h, 'seen');
    expect(await seenEvents(h)).toEqual([]);
    expect((await agentCall({}, h, 'seen')).status).toBe(401);
    const call = await createHandoff(server.app, { channel: 'phone' });
    expect((await agentCall(ada.cookie, call, 'seen')).status).toBe(409);
  });
});

describe('resolve with a closing line', () => {
  it('sends the line as the agent’s last message, then closes', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'Thanks, that was it');
    const res = await agentCall(cookie, h, 'resolve', { outcome: 'answered', closing: '  Glad I could help. Card 4111 1111 1111 1111!  ' });
    expect(res.status).toBe(200);
    const s = await state(h);
    expect(s.status).toBe('resolved');
    expect(s.messages.at(-1)).toMatchObject({ from: 'agent', author: 'Ada', text: 'Glad I could help. Card •••• •••• •••• 1111!' });
    // The message comes before the status that closes the chat.
    const types = (await server.store.eventsAfter(h.id, 0)).map((e) => e.event.type);
    expect(types.slice(-2)).toEqual(['message', 'status']);
  });

  it('refuses a closing line on a phone reference, and a bad one, changing nothing', async () => {
    const { cookie } = await signIn(server);
    const call = await createHandoff(server.app, { channel: 'phone' });
    expect((await agentCall(cookie, call, 'resolve', { outcome: 'answered', closing: 'Bye' })).status).toBe(409);
    expect((await server.store.findHandoff(call.id))!.status).toBe('queued');
    const bad = await agentCall(cookie, call, 'resolve', { outcome: 'answered', closing: 7 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 'invalid', error: 'closing must be a string', path: 'closing' });
  });
});

describe('POST /v1/handoffs/:id/transcript', () => {
  let smtp: TestSmtp;
  let outbox: Outbox | undefined;
  beforeEach(async () => {
    smtp = await startTestSmtp();
  });
  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    await smtp.close();
  });
  const deliver = () => {
    const mailer = createMailer(readMailSettings(smtp.url, 'Northwind <help@northwind.example>')!);
    outbox = startOutbox({ store: server.store, channels: [mailChannel(mailer, { policy: { firstMs: 50, maxMs: 200, jitter: 0 } })], pollMs: 50, onError: () => undefined });
  };
  const transcript = (h: H, token = h.token) => send(server.app, 'POST', `/v1/handoffs/${h.id}/transcript`, {}, bearer(token));

  it('e-mails the ended chat to the known address once, in the visitor’s language', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app, { visitor: { name: 'Ann', email: 'ann@example.com' }, context: { locale: 'fr-FR', timezone: 'Europe/Paris' } });
    await visitorMessage(server.app, h, 'Où est <ma> commande ?');
    await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'answer-0001', text: 'Elle part demain & arrive vendredi.' }, cookie);
    expect((await state(h)).transcript).toBe('offered');
    const early = await transcript(h);
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatch(/once it has ended/);
    await agentCall(cookie, h, 'resolve', { outcome: 'answered', closing: 'Bonne journée !' });

    const res = await transcript(h);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ email: 'ann@example.com' });
    expect((await transcript(h)).status).toBe(200); // asked again: one mail
    expect((await state(h)).transcript).toBe('sent');
    expect((await transcript(h, 'not the token')).status).toBe(401);

    deliver();
    await expect.poll(() => smtp.received.length, { timeout: 5_000 }).toBe(1);
    const { mail, to } = smtp.received[0]!;
    expect(to).toEqual(['ann@example.com']);
    expect(mail.subject).toBe(`Votre conversation avec nous (référence ${(await state(h)).ref})`);
    const text = mail.text ?? '';
    expect(text.indexOf('Où est <ma> commande ?')).toBeGreaterThan(0);
    expect(text.indexOf('Elle part demain')).toBeGreaterThan(text.indexOf('Où est'));
    expect(text.indexOf('Bonne journée !')).toBeGreaterThan(text.indexOf('Elle part demain'));
    expect(text).toContain('Vous (');
    expect(text).toContain('Ada (');
    expect(mail.html).toContain('Où est &lt;ma&gt; commande ?');
    // One job, done: nothing waits to send it again.
    const jobs = async () => (await server.store.listJobs({ kind: 'mail', limit: 10 })).map((j) => [j.key, j.status]);
    await expect.poll(jobs).toEqual([[mailKey(`transcript:${h.id}`, 'ann@example.com'), 'done']]);
  });

  it('says why when there is no address, or the chat is not one', async () => {
    const h = await createHandoff(server.app, { visitor: { name: 'Bo' } });
    await send(server.app, 'POST', `/v1/handoffs/${h.id}/cancel`, {}, bearer(h.token));
    expect((await state(h)).transcript).toBeUndefined();
    const res = await transcript(h);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatch(/No e-mail address is known/);
  });
});
