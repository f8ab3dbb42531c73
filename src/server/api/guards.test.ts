/** CORS, per-IP rate limits, unknown routes, and what /v1/status says. */
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, createHandoff, handoffBody, send, signIn, startTestServer, visitorMessage } from '../testing';
import { serviceOver } from '../service/over-store';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const start = async (extra: Parameters<typeof startTestServer>[0] = {}) => (server = await startTestServer(extra));
afterEach(async () => {
  await server.close();
  await server.cleanup();
});

const SHOP = 'https://shop.example.com';
const fromIp = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('CORS', () => {
  it('lets an allowed origin call the visitor API, and reads Retry-After', async () => {
    await start({ allowedOrigins: [SHOP] });
    const res = await send(server.app, 'GET', '/v1/status', undefined, { origin: SHOP });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('answers an allowed preflight with the methods and headers the widget sends', async () => {
    await start({ allowedOrigins: [SHOP] });
    const h = await createHandoff(server.app);
    const res = await server.app.request(`/v1/handoffs/${h.id}/messages`, {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization,Content-Type,Last-Event-ID');
  });

  it('refuses other origins outright, preflight or not, with no CORS headers', async () => {
    await start({ allowedOrigins: [SHOP] });
    const preflight = await server.app.request('/v1/handoffs', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    // A form post needs no preflight: it must not create a handoff either.
    const post = await send(server.app, 'POST', '/v1/handoffs', JSON.stringify(handoffBody()), {
      origin: 'https://evil.example',
      'content-type': 'text/plain',
    });
    expect(post.status).toBe(403);
    expect(await post.json()).toEqual({
      code: 'forbidden',
      error: 'Pages of https://evil.example may not call this Lifeline server; add the origin to LIFELINE_ALLOWED_ORIGINS.',
    });
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
  });

  it('always allows the server’s own origin, and answers requests without Origin (not a browser)', async () => {
    await start();
    const own = await send(server.app, 'POST', '/v1/handoffs', handoffBody(), { origin: 'http://localhost' });
    expect(own.status).toBe(201);
    expect(own.headers.get('access-control-allow-origin')).toBe('http://localhost');
    const none = await send(server.app, 'POST', '/v1/handoffs', handoffBody());
    expect(none.status).toBe(201);
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('trusts its own origins from its settings, never from a forged Host header', async () => {
    await start();
    // A page on a DNS name rebound to this server: the browser sends that name as Host, and as Origin.
    const forged = { origin: 'http://evil.example:8787', host: 'evil.example:8787' };
    const login = await server.app.request('http://evil.example:8787/v1/agent/login', {
      method: 'POST',
      headers: { ...forged, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com', password: 'correct horse' }),
    });
    expect(login.status).toBe(403);
    expect(await login.json()).toEqual({
      code: 'forbidden',
      error: 'The agent API answers only pages of its own origin, not http://evil.example:8787; set LIFELINE_PUBLIC_URL to the address the console is opened at.',
    });
    const handoff = await server.app.request('http://evil.example:8787/v1/handoffs', {
      method: 'POST',
      headers: { ...forged, 'content-type': 'application/json' },
      body: JSON.stringify(handoffBody()),
    });
    expect(handoff.status).toBe(403);
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
    // Its own origin, from its settings, is answered.
    expect((await send(server.app, 'POST', '/v1/agent/login', { email: 'ada@example.com', password: 'x' }, { origin: 'http://localhost' })).status).toBe(401);
  });

  it('gives the agent API no CORS, even to allowed origins', async () => {
    await start({ allowedOrigins: [SHOP] });
    const res = await server.app.request('/v1/agent/login', {
      method: 'OPTIONS',
      headers: { origin: SHOP, 'access-control-request-method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limits', () => {
  it('limits creating handoffs per IP: 429 with Retry-After, other IPs unaffected', async () => {
    await start({ rateLimits: { createHandoff: { perMinute: 10, burst: 2 } } });
    const create = (ip: string) => send(server.app, 'POST', '/v1/handoffs', handoffBody(), {}, fromIp(ip));
    expect((await create('192.0.2.1')).status).toBe(201);
    expect((await create('192.0.2.1')).status).toBe(201);
    const limited = await create('192.0.2.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('6');
    expect(await limited.json()).toEqual({ code: 'rate_limited', error: 'Too many requests; try again in 6 seconds.' });
    expect((await create('192.0.2.2')).status).toBe(201);
    server.clock.advance(6_000);
    expect((await create('192.0.2.1')).status).toBe(201);
    expect(await server.store.listHandoffs('all', 10)).toHaveLength(4);
  });

  it('limits chat messages per IP', async () => {
    await start({ rateLimits: { postMessage: { perMinute: 60, burst: 3 } } });
    const h = await createHandoff(server.app);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await visitorMessage(server.app, h, `m${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(await server.store.messages(h.id)).toHaveLength(3);
  });

  it('believes X-Forwarded-For only when told to', async () => {
    const limits = { createHandoff: { perMinute: 1, burst: 1 } };
    const create = (forwarded: string) =>
      send(server.app, 'POST', '/v1/handoffs', handoffBody(), { 'x-forwarded-for': forwarded }, fromIp('127.0.0.1'));
    await start({ rateLimits: limits });
    expect((await create('198.51.100.1')).status).toBe(201);
    expect((await create('198.51.100.2')).status).toBe(429); // one proxy address, one bucket
    await server.close();
    await server.cleanup();

    await start({ rateLimits: limits, trustProxy: true });
    expect((await create('203.0.113.9, 198.51.100.1')).status).toBe(201);
    expect((await create('203.0.113.9, 198.51.100.2')).status).toBe(201);
    expect((await create('203.0.113.7, 198.51.100.2')).status).toBe(429); // the first entry is the client's to forge
  });
});

describe('the rest of /v1', () => {
  it('answers unknown routes with a JSON 404', async () => {
    await start();
    const res = await send(server.app, 'GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 'not_found', error: 'There is no GET /v1/nothing-here in the Lifeline API.' });
  });

  it('answers a failure of ours with a JSON 500 that leaks nothing', async () => {
    await start();
    await server.store.close(); // the database is gone
    const logged = console.error;
    console.error = () => undefined; // the failure is logged for the operator; keep test output clean
    try {
      const res = await send(server.app, 'GET', '/v1/status');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ code: 'server_error', error: 'Something went wrong on our side; try again in a moment.' });
    } finally {
      console.error = logged;
    }
  });

  it('reports the channels open, agents online and a wait only once there are samples', async () => {
    await start();
    const status = async () => (await send(server.app, 'GET', '/v1/status')).json();
    const always = { open: true, nextOpening: null, closesAt: null };
    expect(await status()).toMatchObject({
      version: 1,
      channels: { chat: always, callback: always, phone: always },
      agentsOnline: 0,
      chatWaitSeconds: null,
    });

    // Three handoffs answered after 30, 60 and 90 seconds: the median is 60 s.
    const agent = { id: 'agent-1', name: 'Ada' };
    await server.store.upsertAgent({ ...agent, email: 'ada@example.com', passwordHash: 'x', salt: 'y', createdAt: 'z' });
    for (const wait of [30, 60, 90]) {
      const h = await createHandoff(server.app);
      const later = serviceOver(server.store, { now: () => server.clock.now() + wait * 1000 });
      await later.message(h.id, { clientMessageId: 'reply-0001', text: 'Hello', agent });
    }
    await createHandoff(server.app); // one queued chat: a newcomer would be second
    // Nobody online: no reply is coming at any time one could promise.
    expect((await status()).chatWaitSeconds).toBeNull();
    const { cookie } = await signIn(server);
    await send(server.app, 'GET', '/v1/agent/me', undefined, cookie);
    expect((await status()).agentsOnline).toBe(1);
    expect((await status()).chatWaitSeconds).toBe(120);
    const h = await createHandoff(server.app);
    expect(h.position).toBe(2);
    expect(h.estimatedWaitSeconds).toBe(120);
    const state = await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json();
    expect(state.estimatedWaitSeconds).toBe(120);
  });
});
