import { describe, expect, it } from 'vitest';
import { ensureAgent } from '../agents';
import type { AgentHandoffDetail, AgentHandoffSummary } from './agent-types';
import { AT, bearer, createHandoff, readSse, send, signIn, startTestServer, visitorMessage, eachTestOnAFreshServer, SLOT } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const login = (email: string, password: string, env?: unknown) =>
  send(server.app, 'POST', '/v1/agent/login', { email, password }, {}, env);
const fromIp = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('agent sign-in', () => {
  it('signs in with a session cookie that is HttpOnly, SameSite=Strict, and Secure over https', async () => {
    await ensureAgent(server.store, { email: 'Ada@Example.com', password: 'correct horse', name: 'Ada' });
    const res = await login('ada@example.com', 'correct horse');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: expect.any(String), email: 'ada@example.com', name: 'Ada' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lifeline_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);

    const secure = await server.app.request('https://help.example.com/v1/agent/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse' }),
    });
    expect(secure.headers.get('set-cookie')).toContain('; Secure');
  });

  it('refuses a wrong password and an unknown email alike, with 401', async () => {
    await ensureAgent(server.store, { email: 'ada@example.com', password: 'correct horse', name: 'Ada' });
    const wrong = await login('ada@example.com', 'battery staple');
    const unknown = await login('bob@example.com', 'correct horse');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('needs a session for every other agent route', async () => {
    const h = await createHandoff(server.app);
    for (const [method, path] of [
      ['GET', '/v1/agent/me'],
      ['GET', '/v1/agent/handoffs'],
      ['GET', `/v1/agent/handoffs/${h.id}`],
      ['GET', `/v1/agent/handoffs/by-ref/${h.ref}`],
      ['POST', `/v1/agent/handoffs/${h.id}/claim`],
      ['POST', `/v1/agent/handoffs/${h.id}/resolve`],
      ['GET', '/v1/agent/events'],
    ] as const) {
      const res = await send(server.app, method, path, method === 'POST' ? {} : undefined);
      expect(res.status, `${method} ${path}`).toBe(401);
    }
    // A visitor's token opens nothing here.
    const withToken = await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}`, undefined, bearer(h.token));
    expect(withToken.status).toBe(401);
    const forged = await send(server.app, 'GET', '/v1/agent/me', undefined, { cookie: `lifeline_session=${h.token}` });
    expect(forged.status).toBe(401);
  });

  it('slows a password guesser on their address, never the agent on theirs: 429 with Retry-After', async () => {
    await server.close();
    await server.cleanup();
    server = await startTestServer({ rateLimits: { login: { perMinute: 6, burst: 2 }, loginPerAddress: { perMinute: 6, burst: 3 } } });
    await ensureAgent(server.store, { email: 'ada@example.com', password: 'correct horse', name: 'Ada' });

    // The guesser, from one address: two tries, then every 10 s.
    expect((await login('ada@example.com', 'nope', fromIp('10.0.0.1'))).status).toBe(401);
    expect((await login('ADA@example.com', 'nope', fromIp('10.0.0.1'))).status).toBe(401);
    for (let i = 0; i < 4; i++) {
      const guess = await login('ada@example.com', 'nope', fromIp('10.0.0.1'));
      expect(guess.status).toBe(429);
      expect(guess.headers.get('retry-after')).toBe('10');
    }
    // The agent, from their own address, meanwhile: let in at once.
    expect((await login('ada@example.com', 'correct horse', fromIp('10.0.0.2'))).status).toBe(200);
    // Even the right password waits on the guesser's address: the limit is no oracle.
    expect((await login('ada@example.com', 'correct horse', fromIp('10.0.0.1'))).status).toBe(429);

    // One address trying many e-mails is limited too, whatever the e-mail.
    expect((await login('x@example.com', 'nope', fromIp('10.0.0.9'))).status).toBe(401);
    expect((await login('y@example.com', 'nope', fromIp('10.0.0.9'))).status).toBe(401);
    expect((await login('z@example.com', 'nope', fromIp('10.0.0.9'))).status).toBe(401);
    expect((await login('w@example.com', 'nope', fromIp('10.0.0.9'))).status).toBe(429);

    server.clock.advance(10_000);
    expect((await login('ada@example.com', 'correct horse', fromIp('10.0.0.1'))).status).toBe(200);
  });

  it('ends a session 8 hours after the last request, and keeps it while in use', async () => {
    const { cookie } = await signIn(server);
    server.clock.advance(7 * 3_600_000);
    expect((await send(server.app, 'GET', '/v1/agent/me', undefined, cookie)).status).toBe(200); // slides
    server.clock.advance(7 * 3_600_000);
    expect((await send(server.app, 'GET', '/v1/agent/me', undefined, cookie)).status).toBe(200);
    server.clock.advance(8 * 3_600_000 + 1);
    const expired = await send(server.app, 'GET', '/v1/agent/me', undefined, cookie);
    expect(expired.status).toBe(401);
  });

  it('logs out: the cookie is cleared and the session no longer works', async () => {
    const { cookie } = await signIn(server);
    const res = await send(server.app, 'POST', '/v1/agent/logout', {}, cookie);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^lifeline_session=; Max-Age=0; Path=\//);
    expect((await send(server.app, 'GET', '/v1/agent/me', undefined, cookie)).status).toBe(401);
  });

  it('accepts state changes only as JSON, and only from its own origin', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    const form = await server.app.request(`/v1/agent/handoffs/${h.id}/claim`, {
      method: 'POST',
      headers: { ...cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(415);
    const crossSite = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, { ...cookie, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('access-control-allow-origin')).toBeNull();
    expect((await server.store.findHandoff(h.id))!.status).toBe('queued');
    const sameSite = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, { ...cookie, origin: 'http://localhost' });
    expect(sameSite.status).toBe(200);
  });
});

describe('agent work', () => {
  it('lists open handoffs longest waiting first, with what the visitor tried', async () => {
    const { cookie } = await signIn(server);
    const first = await createHandoff(server.app);
    server.clock.advance(1_000);
    await createHandoff(server.app, { channel: 'phone', visitor: {}, transcript: [], context: {} });
    const res = await send(server.app, 'GET', '/v1/agent/handoffs?status=open', undefined, cookie);
    const { handoffs } = (await res.json()) as { handoffs: AgentHandoffSummary[] };
    expect(handoffs).toHaveLength(2);
    expect(handoffs[0]).toEqual({
      id: first.id,
      ref: first.ref,
      channel: 'chat',
      status: 'queued',
      createdAt: '2025-03-01T10:00:00.000Z',
      agentName: null,
      visitorName: 'Ada Lovelace',
      verified: false,
      lastPageUrl: 'https://shop.example.com/orders',
      searches: ['refund late'],
      callbackState: null,
      callbackWindow: null,
    });
    expect(handoffs[1]).toMatchObject({ channel: 'phone', visitorName: null, lastPageUrl: null, searches: [] });
    expect((await send(server.app, 'GET', '/v1/agent/handoffs?status=mine', undefined, cookie)).status).toBe(400);
  });

  it('finds an open handoff by its ref, with everything the visitor shared', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app, {
      channel: 'callback',
      callback: { phone: '+1 555 0100', ...SLOT, note: 'mornings' },
    });
    const res = await send(server.app, 'GET', `/v1/agent/handoffs/by-ref/${h.ref}`, undefined, cookie);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as AgentHandoffDetail;
    expect(detail).toMatchObject({
      id: h.id,
      channel: 'callback',
      callback: { phone: '+1 555 0100', note: 'mornings' },
      visitor: { name: 'Ada Lovelace', attributes: { plan: 'pro' } },
      context: { locale: 'en' },
      transcript: [{ type: 'page' }, { type: 'search', query: 'refund late' }],
      position: 1,
      agent: null,
      lastEventId: 1,
    });
    expect((await send(server.app, 'GET', '/v1/agent/handoffs/by-ref/0000x', undefined, cookie)).status).toBe(404);
  });

  it('lets exactly one of two agents claiming at once win', async () => {
    const ada = await signIn(server, 'ada@example.com', 'correct horse', 'Ada');
    const bob = await signIn(server, 'bob@example.com', 'battery staple', 'Bob');
    const h = await createHandoff(server.app);
    const claim = (cookie: Record<string, string>) => send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, cookie);
    const answers = await Promise.all([claim(ada.cookie), claim(bob.cookie)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await server.store.eventsAfter(h.id, 0);
    expect(events.map((e) => e.event)).toEqual([
      expect.objectContaining({ type: 'status', status: 'queued' }),
      { type: 'agent_joined', agentName: expect.stringMatching(/^(Ada|Bob)$/) },
      { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null },
    ]);
    // The winner claiming again changes nothing.
    const winner = answers[0]!.status === 200 ? ada : bob;
    expect((await claim(winner.cookie)).status).toBe(200);
    expect(await server.store.lastSeq(h.id)).toBe(3);
  });

  it('replies: claims an unclaimed handoff, is idempotent, and reaches the visitor as plain text', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'Where is my refund?');
    const reply = (text: string) =>
      send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'agent-msg-1', text }, cookie);
    const first = await reply('<b>Looking</b> into it');
    expect(first.status).toBe(201);
    expect((await first.json()).message).toMatchObject({ from: 'agent', author: 'Ada', text: '<b>Looking</b> into it' });
    expect((await reply('<b>Looking</b> into it')).status).toBe(200);

    const state = await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json();
    expect(state).toMatchObject({ status: 'active', agentName: 'Ada', position: null, lastEventId: 5 });
    expect(state.messages.map((m: { from: string }) => m.from)).toEqual(['visitor', 'agent']);
    expect((await server.store.findHandoff(h.id))!.firstReplyAt).toBe('2025-03-01T10:00:00.000Z');
  });

  it('refuses to reply to or resolve another agent’s handoff', async () => {
    const ada = await signIn(server, 'ada@example.com', 'correct horse', 'Ada');
    const bob = await signIn(server, 'bob@example.com', 'battery staple', 'Bob');
    const h = await createHandoff(server.app);
    await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, ada.cookie);
    const reply = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'bob-msg-01', text: 'Hi' }, bob.cookie);
    expect(reply.status).toBe(409);
    const resolve = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered' }, bob.cookie);
    expect(resolve.status).toBe(409);
    expect(await server.store.messages(h.id)).toEqual([]);
  });

  it('resolves: status resolved for the visitor, the ref free again, the outcome kept', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    const stream = readSse(
      await send(server.app, 'GET', `/v1/handoffs/${h.id}/events`, undefined, { ...bearer(h.token), 'last-event-id': '1' }),
      1,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    const res = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refunds' }, cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'resolved', outcome: 'answered', articleId: 'refunds', agent: { name: 'Ada' } });
    expect((await stream)[0]).toEqual({ id: '2', event: 'status', data: { type: 'status', status: 'resolved', position: null, estimatedWaitSeconds: null } });

    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'other' }, cookie)).status).toBe(409);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/by-ref/${h.ref}`, undefined, cookie)).status).toBe(404);
    const closed = await (await send(server.app, 'GET', '/v1/agent/handoffs?status=resolved', undefined, cookie)).json();
    expect(closed.handoffs.map((x: { id: string }) => x.id)).toEqual([h.id]);
    const bad = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'solved' }, cookie);
    expect(bad.status).toBe(400);
  });

  it('streams every handoff’s events to agents, and counts them online meanwhile', async () => {
    const { cookie } = await signIn(server);
    server.clock.advance(3 * 60_000); // the sign-in no longer counts as recent
    const status = async () => (await (await send(server.app, 'GET', '/v1/status')).json()).agentsOnline;
    expect(await status()).toBe(0);
    const res = await send(server.app, 'GET', '/v1/agent/events', undefined, cookie);
    const reading = readSse(res, 2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    server.clock.advance(3 * 60_000);
    expect(await status()).toBe(1);
    const h = await createHandoff(server.app);
    await send(server.app, 'POST', `/v1/handoffs/${h.id}/typing`, { typing: true }, bearer(h.token));
    const got = await reading;
    expect(got[0]).toEqual({
      id: '1',
      event: 'status',
      data: { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null, handoffId: h.id, seq: 1 },
    });
    expect(got[1]).toEqual({ event: 'typing', data: { type: 'typing', from: 'visitor', typing: true, handoffId: h.id, seq: null } });
  });

  it('streams the events of several handoffs whose sequence ids overlap, none dropped', async () => {
    const { cookie } = await signIn(server);
    const res = await send(server.app, 'GET', '/v1/agent/events', undefined, cookie);
    // Each handoff counts its own ids from 1: both first messages must arrive.
    const reading = readSse(res, 4, { keep: (e) => e.event === 'message' || e.event === 'status' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const a = await createHandoff(server.app);
    const b = await createHandoff(server.app);
    await visitorMessage(server.app, a, 'from a');
    await visitorMessage(server.app, b, 'from b');
    const got = await reading;
    const texts = got.filter((e) => e.event === 'message').map((e) => (e.data as { message: { text: string } }).message.text);
    expect(texts).toEqual(['from a', 'from b']);
    expect(got.filter((e) => e.event === 'status').map((e) => (e.data as { handoffId: string }).handoffId)).toEqual([a.id, b.id]);
  });
});
