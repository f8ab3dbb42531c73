import { describe, expect, it } from 'vitest';
import { bearer, createHandoff, readSse, send, signIn, startTestServer, visitorMessage, eachTestOnAFreshServer } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s), { heartbeatMs: 50 });

const events = (id: string, token: string, headers: Record<string, string> = {}, query = '') =>
  send(server.app, 'GET', `/v1/handoffs/${id}/events${query}`, undefined, { ...bearer(token), ...headers });

/** Lets queued writes reach the stream. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('GET /v1/handoffs/:id/events', () => {
  it('starts with retry: 3000, then replays every stored event with its seq as id', async () => {
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'one');
    await visitorMessage(server.app, h, 'two');
    const res = await events(h.id, h.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const [retry, ...rest] = await readSse(res, 4, { keep: (e) => e.retry !== undefined || e.event !== undefined });
    expect(retry).toEqual({ retry: '3000' });
    expect(rest.map((e) => [e.id, e.event])).toEqual([
      ['1', 'status'],
      ['2', 'message'],
      ['3', 'message'],
    ]);
    expect(rest[0]!.data).toEqual({ type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null });
    expect(rest[2]!.data).toMatchObject({ type: 'message', message: { from: 'visitor', text: 'two' } });
  });

  it('replays only what came after Last-Event-ID, or ?lastEventId= without the header', async () => {
    const h = await createHandoff(server.app);
    for (const text of ['one', 'two', 'three']) await visitorMessage(server.app, h, text);
    const fromHeader = await readSse(await events(h.id, h.token, { 'last-event-id': '2' }), 2);
    expect(fromHeader.map((e) => e.id)).toEqual(['3', '4']);
    const fromQuery = await readSse(await events(h.id, h.token, {}, '?lastEventId=3'), 1);
    expect(fromQuery.map((e) => e.id)).toEqual(['4']);
  });

  it('refuses a Last-Event-ID that is not a number', async () => {
    const h = await createHandoff(server.app);
    const res = await events(h.id, h.token, { 'last-event-id': 'abc' });
    expect(res.status).toBe(400);
    expect((await res.json()).path).toBe('Last-Event-ID');
  });

  it('delivers live events to a connected client, once each, after the replay', async () => {
    const h = await createHandoff(server.app);
    const res = await events(h.id, h.token);
    const reading = readSse(res, 3);
    await tick();
    await visitorMessage(server.app, h, 'live', 'm-live-0001');
    await visitorMessage(server.app, h, 'live', 'm-live-0001'); // a repeat: no second event
    await visitorMessage(server.app, h, 'again');
    const got = await reading;
    expect(got.map((e) => [e.id, e.event])).toEqual([
      ['1', 'status'],
      ['2', 'message'],
      ['3', 'message'],
    ]);
  });

  it('carries an agent’s typing without an id, and not the visitor’s own', async () => {
    const h = await createHandoff(server.app);
    const agent = await signIn(server);
    const reading = readSse(await events(h.id, h.token, { 'last-event-id': '1' }), 1);
    await tick();
    await send(server.app, 'POST', `/v1/handoffs/${h.id}/typing`, { typing: true }, bearer(h.token));
    await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/typing`, { typing: true }, agent.cookie);
    const [typing] = await reading;
    expect(typing).toEqual({ event: 'typing', data: { type: 'typing', from: 'agent', typing: true } });
  });

  it('tells a queued visitor, without an id, when the queue moves up', async () => {
    const agent = await signIn(server);
    const first = await createHandoff(server.app);
    const second = await createHandoff(server.app);
    expect(second.position).toBe(2);
    const reading = readSse(await events(second.id, second.token, { 'last-event-id': '1' }), 1);
    await tick();
    await send(server.app, 'POST', `/v1/agent/handoffs/${first.id}/claim`, {}, agent.cookie);
    expect((await reading)[0]).toEqual({
      event: 'status',
      data: { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null },
    });
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const h = await createHandoff(server.app);
    const [beat] = await readSse(await events(h.id, h.token, { 'last-event-id': '1' }), 1, { keep: (e) => e.comment !== undefined });
    expect(beat).toEqual({ comment: 'heartbeat' });
  });

  it('unsubscribes when the client goes away, and ends every stream when the bus closes', async () => {
    const h = await createHandoff(server.app);
    // The server's own subscriptions (the queue announcer's, api/queue.ts), beside the streams'.
    const idle = server.bus.size;
    await readSse(await events(h.id, h.token), 1); // reads one event, then cancels
    await tick();
    expect(server.bus.size).toBe(idle);

    const res = await events(h.id, h.token);
    await tick();
    expect(server.bus.size).toBe(idle + 1);
    server.bus.close();
    const text = await res.text(); // resolves only because the stream ended
    expect(text).toContain('id: 1');
    expect(server.bus.size).toBe(0);

    // A stream asked for during the shutdown (on a connection kept alive) replays and ends at
    // once, rather than looking live until the server cuts it.
    const late = await (await events(h.id, h.token)).text();
    expect(late).toContain('id: 1');
    expect(server.bus.size).toBe(0);
  });
});

describe('GET /v1/agent/events', () => {
  const agentEvents = (cookie: Record<string, string>, headers: Record<string, string> = {}, query = '') =>
    send(server.app, 'GET', `/v1/agent/events${query}`, undefined, { ...cookie, ...headers });
  const stored = (e: { id?: string }) => e.id !== undefined;

  it('ids stored events by the event log, and replays exactly what was missed after Last-Event-ID', async () => {
    const { cookie } = await signIn(server);
    const reading = readSse(await agentEvents(cookie), 2, { keep: stored });
    await tick();
    const a = await createHandoff(server.app); // status
    await visitorMessage(server.app, a, 'seen'); // message
    const seen = await reading;
    expect(seen.map((e) => e.event)).toEqual(['status', 'message']);
    const lastId = Number(seen[1]!.id);
    expect(lastId).toBeGreaterThan(Number(seen[0]!.id));

    // Disconnected: another handoff and a message go by, and typing (not stored, not replayed).
    const b = await createHandoff(server.app);
    await visitorMessage(server.app, a, 'missed on a');
    await send(server.app, 'POST', `/v1/handoffs/${b.id}/typing`, { typing: true }, bearer(b.token));
    await visitorMessage(server.app, b, 'missed on b');

    const again = readSse(await agentEvents(cookie, { 'last-event-id': String(lastId) }), 4);
    await tick();
    await visitorMessage(server.app, b, 'live');
    const got = await again;
    expect(got.map((e) => [e.event, (e.data as { handoffId: string }).handoffId])).toEqual([
      ['status', b.id],
      ['message', a.id],
      ['message', b.id],
      ['message', b.id],
    ]);
    expect(got.map((e) => (e.data as { message?: { text: string } }).message?.text)).toEqual([undefined, 'missed on a', 'missed on b', 'live']);
    const ids = got.map((e) => Number(e.id));
    expect(ids[0]).toBe(lastId + 1);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    expect(new Set(ids).size).toBe(4);

    // The same through ?lastEventId= (a client that cannot set the header), from the last one.
    const fromQuery = readSse(await agentEvents(cookie, {}, `?lastEventId=${ids[2]}`), 1, { keep: stored });
    expect((await fromQuery).map((e) => e.id)).toEqual([String(ids[3])]);
  });

  it('refuses a Last-Event-ID that is not a number', async () => {
    const { cookie } = await signIn(server);
    const res = await agentEvents(cookie, { 'last-event-id': 'abc' });
    expect(res.status).toBe(400);
    expect((await res.json()).path).toBe('Last-Event-ID');
  });
});
