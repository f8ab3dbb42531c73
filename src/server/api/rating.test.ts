import { describe, expect, it } from 'vitest';
import type { AgentHandoffDetail } from './agent-types';
import { webhooksFor } from '../webhooks/events';
import { bearer, createHandoff, send, signIn, startTestServer, visitorMessage, eachTestOnAFreshServer } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const rate = (h: { id: string; token: string }, body: unknown) => send(server.app, 'POST', `/v1/handoffs/${h.id}/rating`, body, bearer(h.token));
const end = (h: { id: string; token: string }) => send(server.app, 'POST', `/v1/handoffs/${h.id}/cancel`, {}, bearer(h.token));

describe('POST /v1/handoffs/:id/rating', () => {
  it('refuses a rating while the conversation is open, and takes it once it has ended', async () => {
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'My order never came');
    const early = await rate(h, { good: true });
    expect(early.status).toBe(409);
    expect((await early.json()).error).toMatch(/once it has ended/);

    // End chat: the visitor closes it (cancelled), and the console's detail says so.
    expect((await end(h)).status).toBe(200);
    const res = await rate(h, { good: true, repeated: false, comment: '  Quick and kind. Card 4111 1111 1111 1111  ' });
    expect(res.status).toBe(201);
    const { rating } = await res.json();
    expect(rating).toEqual({ good: true, repeated: false, comment: 'Quick and kind. Card •••• •••• •••• 1111', at: expect.any(String) });

    const { cookie } = await signIn(server);
    const detail = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(detail.status).toBe('cancelled');
    expect(detail.rating).toEqual(rating);
  });

  it('stores one rating per handoff: the same answer again is 200, another one 409', async () => {
    const h = await createHandoff(server.app);
    await end(h);
    expect((await rate(h, { good: false, repeated: true })).status).toBe(201);
    const again = await rate(h, { good: false, repeated: true });
    expect(again.status).toBe(200);
    expect((await again.json()).rating).toMatchObject({ good: false, repeated: true, comment: null });
    const changed = await rate(h, { good: true, repeated: true });
    expect(changed.status).toBe(409);
    expect((await changed.json()).error).toMatch(/rated already/);
    expect(await server.store.findRating(h.id)).toMatchObject({ good: false, repeated: true });
  });

  it('appends one `rated` event to the event log, which the visitor and agents streams carry', async () => {
    const h = await createHandoff(server.app);
    await end(h);
    await rate(h, { good: true });
    await rate(h, { good: true }); // a resend: no second event
    const log = await server.store.eventLogAfter(0, 100);
    const rated = log.filter((e) => e.event.type === 'rated');
    expect(rated).toEqual([
      {
        id: expect.any(Number),
        handoffId: h.id,
        seq: 3, // queued, cancelled, rated
        event: { type: 'rated', rating: { good: true, repeated: null, comment: null, at: expect.any(String) } },
        at: expect.any(String),
      },
    ]);
  });

  it('the visitor’s rating reaches the webhooks as one rating.created, through the event log', async () => {
    const h = await createHandoff(server.app);
    await visitorMessage(server.app, h, 'Where is my parcel?');
    await end(h);
    await rate(h, { good: false, repeated: true, comment: 'Asked twice' });
    const hooks = [];
    for (const e of await server.store.eventLogAfter(0, 100)) hooks.push(...webhooksFor(e, await server.store.findHandoff(e.handoffId), { publicOrigin: null }));
    const rated = hooks.filter((w) => w.body.type === 'rating.created');
    expect(rated).toHaveLength(1);
    expect(rated[0]!.body).toMatchObject({ data: { handoff: { id: h.id }, rating: { good: false, repeated: true, comment: 'Asked twice' } } });
  });

  it('answers bad bodies with 400 naming the field, and needs the token', async () => {
    const h = await createHandoff(server.app);
    await end(h);
    for (const [body, path] of [
      [{}, 'good'],
      [{ good: 'yes' }, 'good'],
      [{ good: true, repeated: 'no' }, 'repeated'],
      [{ good: true, comment: 12 }, 'comment'],
      [{ good: true, comment: 'x'.repeat(1001) }, 'comment'],
    ] as const) {
      const res = await rate(h, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).path).toBe(path);
    }
    const res = await send(server.app, 'POST', `/v1/handoffs/${h.id}/rating`, { good: true }, bearer('not-the-token'));
    expect(res.status).toBe(401);
  });
});
