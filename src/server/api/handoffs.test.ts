import { describe, expect, it } from 'vitest';
import type { HandoffState } from '../../protocol/types';
import { AT, bearer, createHandoff, handoffBody, send, startTestServer, visitorMessage, eachTestOnAFreshServer, SLOT } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const post = (body: unknown) => send(server.app, 'POST', '/v1/handoffs', body);
const entry = (fields: Record<string, unknown>) => ({ type: 'page', at: AT, url: 'https://x.example/', title: 'X', ...fields });
const search = (fields: Record<string, unknown>) => ({ type: 'search', at: AT, query: 'q', resultCount: 0, topIds: [], ...fields });
const callback = (fields: Record<string, unknown>) => ({
  channel: 'callback',
  callback: { phone: '+1 555 0100', ...SLOT, ...fields },
});

describe('POST /v1/handoffs', () => {
  it('creates a queued handoff: 201 with id, a speakable ref, a token and the queue position', async () => {
    const res = await post(handoffBody());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ref: expect.stringMatching(/^\d{4}$/),
      token: expect.stringMatching(/^[\w-]{43}$/), // 256 bits, base64url
      status: 'queued',
      position: 1,
      estimatedWaitSeconds: null,
    });
    expect(res.headers.get('location')).toBeNull();
  });

  it('answers a repeated clientId with 200 and the same body, and stores one handoff', async () => {
    const request = handoffBody();
    const first = await post(request);
    const again = await post({ ...request, transcript: [] });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await server.store.listHandoffs('all', 10)).toHaveLength(1);
  });

  it('never answers a short, guessable clientId with a token, even one a handoff was made with', async () => {
    // A handoff stored when 8 characters were enough: knowing its clientId must not open it.
    await server.store.transaction((tx) =>
      tx.insertHandoff({
        id: 'old-handoff',
        ref: '1234',
        clientId: 'abcd1234',
        tokenHash: '0'.repeat(64),
        channel: 'chat',
        visitor: null,
        callback: null,
        context: null,
        transcript: [],
        createdAt: AT,
      }),
    );
    const res = await post(handoffBody({ clientId: 'abcd1234' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'invalid',
      path: 'clientId',
      error: 'clientId must be 22 to 64 letters, digits, dashes or underscores, made at random (a UUID): whoever knows it gets the handoff',
    });
  });

  it('places handoffs in their channel queue, oldest first', async () => {
    const a = await createHandoff(server.app);
    server.clock.advance(1_000);
    const b = await createHandoff(server.app);
    const phone = await createHandoff(server.app, { channel: 'phone' });
    expect([a.position, b.position, phone.position]).toEqual([1, 2, 1]);
  });

  it('masks card numbers in the transcript before storing it', async () => {
    const h = await createHandoff(server.app, {
      transcript: [search({ query: 'charged twice 4111 1111 1111 1111' })],
    });
    const stored = await server.store.findHandoff(h.id);
    expect(stored!.transcript[0]).toMatchObject({ query: 'charged twice •••• •••• •••• 1111' });
  });

  it('answers bad JSON with 400 and path ""', async () => {
    const res = await post('{"clientId": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: '', error: expect.stringContaining('must be JSON') });
  });

  // One bad value per field: the answer names the field, and nothing is stored.
  it.each<[string, Record<string, unknown> | unknown[]]>([
    ['', ['not', 'an', 'object']],
    ['clientId', { clientId: 'short' }],
    ['clientId', { clientId: 'has spaces in it' }],
    ['channel', { channel: 'email' }],
    ['visitor', { visitor: 'Ada' }],
    ['visitor.name', { visitor: { name: 42 } }],
    ['visitor.email', { visitor: { email: 'a'.repeat(201) } }],
    ['visitor.phone', { visitor: { phone: true } }],
    ['visitor.id', { visitor: { id: {} } }],
    ['visitor.attributes', { visitor: { attributes: ['pro'] } }],
    ['visitor.attributes', { visitor: { attributes: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`k${i}`, i])) } }],
    ['visitor.attributes.plan', { visitor: { attributes: { plan: { tier: 'pro' } } } }],
    ['callback', { channel: 'callback' }],
    ['callback.phone', callback({ phone: 'call me' })],
    ['callback.phone', callback({ phone: '1'.repeat(41) })],
    ['callback.from', callback({ from: 'tomorrow' })],
    ['callback.to', callback({ to: '2025-03-01 12:00' })],
    ['callback.from', callback({ from: '2025-03-01T12:00:00Z' })],
    ['callback.to', callback({ to: '2025-03-16T10:00:01Z' })],
    ['callback.note', callback({ note: 'n'.repeat(1_001) })],
    ['transcript', { transcript: undefined }],
    ['transcript', { transcript: {} }],
    ['transcript[0]', { transcript: ['page'] }],
    ['transcript[0]', { transcript: [entry({ title: 'é'.repeat(300), url: 'https://x.example/' + '€'.repeat(1_200) })] }],
    ['transcript[0].type', { transcript: [entry({ type: 'click' })] }],
    ['transcript[0].at', { transcript: [entry({ at: '2025-03-01T10:00:00' })] }],
    ['transcript[0].url', { transcript: [entry({ url: 'https://x.example/' + 'a'.repeat(2_000) })] }],
    ['transcript[0].title', { transcript: [entry({ title: 't'.repeat(301) })] }],
    ['transcript[1].query', { transcript: [entry({}), search({ query: 'q'.repeat(501) })] }],
    ['transcript[0].resultCount', { transcript: [search({ resultCount: -1 })] }],
    ['transcript[0].topIds', { transcript: [search({ topIds: ['a', 'b', 'c', 'd'] })] }],
    ['transcript[0].topIds[0]', { transcript: [search({ topIds: [''] })] }],
    ['transcript[0].articleId', { transcript: [{ type: 'article', at: AT, articleId: '', title: 'A' }] }],
    ['transcript[0].title', { transcript: [{ type: 'article', at: AT, articleId: 'a' }] }],
    ['transcript[0].helpful', { transcript: [{ type: 'feedback', at: AT, articleId: 'a', helpful: 'no' }] }],
    ['transcript[0].channel', { transcript: [{ type: 'handoff', at: AT, channel: 'fax' }] }],
    ['context', { context: 'en' }],
    ['context.pageUrl', { context: { pageUrl: 'u'.repeat(2_001) } }],
    ['context.locale', { context: { locale: 7 } }],
    ['context.userAgent', { context: { userAgent: 'u'.repeat(501) } }],
    ['context.timezone', { context: { timezone: null } }],
  ])('answers 400 naming %s', async (path, overrides) => {
    const body = Array.isArray(overrides) ? overrides : handoffBody(overrides);
    const res = await post(body);
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.path).toBe(path);
    expect(answer.error).toEqual(expect.any(String));
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
  });

  it('refuses more than 200 transcript entries', async () => {
    const transcript = Array.from({ length: 201 }, () => ({ type: 'handoff', at: AT, channel: 'chat' }));
    const res = await post(handoffBody({ transcript }));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: 'transcript', error: 'transcript must have at most 200 entries' });
  });

  it('answers a body over 64 KiB with 413 and stores nothing', async () => {
    const res = await post(handoffBody({ padding: 'x'.repeat(64 * 1024) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ code: 'too_large', error: 'The body is larger than 64 KiB.' });
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
  });

  it('answers a body over 64 KiB sent without a length (chunked) with 413 too', async () => {
    const text = JSON.stringify(handoffBody({ padding: 'x'.repeat(70 * 1024) }));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    });
    const res = await server.app.request('/v1/handoffs', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });
});

describe('chat messages', () => {
  it('stores a repeated clientMessageId once: one message, one event, the same answer', async () => {
    const h = await createHandoff(server.app);
    const first = await visitorMessage(server.app, h, 'Hello', 'm-00000001');
    const again = await visitorMessage(server.app, h, 'Hello', 'm-00000001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await server.store.messages(h.id)).toHaveLength(1);
    expect((await server.store.eventsAfter(h.id, 0)).map((e) => e.event.type)).toEqual(['status', 'message']);
  });

  it('trims the text and masks card numbers', async () => {
    const h = await createHandoff(server.app);
    const res = await visitorMessage(server.app, h, '  my card is 4111-1111-1111-1111  ');
    expect((await res.json()).message).toMatchObject({ from: 'visitor', text: 'my card is ••••-••••-••••-1111' });
  });

  it.each([
    ['clientMessageId', { clientMessageId: 'x', text: 'hi' }],
    ['text', { clientMessageId: 'm-00000001', text: ' \n ' }],
    ['text', { clientMessageId: 'm-00000001', text: 'x'.repeat(4_001) }],
    ['text', { clientMessageId: 'm-00000001' }],
  ])('answers 400 naming %s', async (path, body) => {
    const h = await createHandoff(server.app);
    const res = await send(server.app, 'POST', `/v1/handoffs/${h.id}/messages`, body, bearer(h.token));
    expect(res.status).toBe(400);
    expect((await res.json()).path).toBe(path);
    expect(await server.store.messages(h.id)).toEqual([]);
  });

  it('refuses messages for a callback handoff, and after cancelling', async () => {
    const cb = await createHandoff(server.app, callback({}));
    expect((await visitorMessage(server.app, cb, 'hi')).status).toBe(409);

    const h = await createHandoff(server.app);
    const cancel = await send(server.app, 'POST', `/v1/handoffs/${h.id}/cancel`, {}, bearer(h.token));
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toEqual({ id: h.id, status: 'cancelled' });
    const late = await visitorMessage(server.app, h, 'still there?');
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ code: 'closed', error: 'This handoff is closed (resolved or cancelled).' });
  });

  it('gives the visitor their state back after a reload', async () => {
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'Hello', 'm-00000001');
    const res = await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token));
    expect(res.status).toBe(200);
    const state = (await res.json()) as HandoffState;
    expect(state).toEqual({
      id: h.id,
      ref: h.ref,
      status: 'queued',
      position: 1,
      estimatedWaitSeconds: null,
      channel: 'chat',
      agentName: null,
      messages: [{ id: expect.any(String), clientMessageId: 'm-00000001', from: 'visitor', text: 'Hello', at: '2025-03-01T10:00:00.000Z' }],
      lastEventId: 2,
      // identify()'s address: the replies the visitor misses go there (../away/)
      email: 'ada@example.com',
    });
    expect('token' in state).toBe(false);
  });

  it('accepts typing with 204 and refuses a non-boolean', async () => {
    const h = await createHandoff(server.app);
    const ok = await send(server.app, 'POST', `/v1/handoffs/${h.id}/typing`, { typing: true }, bearer(h.token));
    expect(ok.status).toBe(204);
    const bad = await send(server.app, 'POST', `/v1/handoffs/${h.id}/typing`, { typing: 1 }, bearer(h.token));
    expect(bad.status).toBe(400);
    expect((await bad.json()).path).toBe('typing');
  });
});

describe('tokens', () => {
  it('refuses a missing token, a wrong one and another handoff’s, all with 401', async () => {
    const mine = await createHandoff(server.app);
    const theirs = await createHandoff(server.app);
    const path = `/v1/handoffs/${mine.id}`;
    const missing = await send(server.app, 'GET', path);
    const wrong = await send(server.app, 'GET', path, undefined, bearer('x'.repeat(43)));
    const other = await send(server.app, 'GET', path, undefined, bearer(theirs.token));
    const noSuch = await send(server.app, 'GET', '/v1/handoffs/00000000-0000-0000-0000-000000000000', undefined, bearer(theirs.token));
    for (const res of [missing, wrong, other, noSuch]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    // A handoff that does not exist answers exactly like a wrong token: existence is not told.
    expect(await noSuch.json()).toEqual(await other.json());

    for (const [method, suffix, body] of [
      ['POST', '/messages', { clientMessageId: 'm-00000001', text: 'hi' }],
      ['POST', '/typing', { typing: true }],
      ['POST', '/cancel', {}],
      ['GET', '/events', undefined],
    ] as const) {
      const res = await send(server.app, method, `${path}${suffix}`, body, bearer(theirs.token));
      expect(res.status, `${method} ${suffix}`).toBe(401);
    }
    expect(await server.store.messages(mine.id)).toEqual([]);
    expect((await server.store.findHandoff(mine.id))!.status).toBe('queued');
  });

  it('never takes the token from the URL', async () => {
    const h = await createHandoff(server.app);
    const res = await send(server.app, 'GET', `/v1/handoffs/${h.id}?token=${h.token}`);
    expect(res.status).toBe(401);
  });

  it('stores only a hash of the token', async () => {
    const h = await createHandoff(server.app);
    const stored = await server.store.findHandoff(h.id);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(h.token);
  });
});
