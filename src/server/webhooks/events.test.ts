import { describe, expect, it } from 'vitest';
import type { WebhookEvent } from '../../protocol/webhooks';
import { bearer, createHandoff, eachTestOnAFreshServer, send, signIn, SLOT, visitorMessage, type StartedServer } from '../testing';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { webhooksFor } from './events';
import { isRatingEvent } from './rating';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s));

const OPTIONS = { publicOrigin: 'https://help.example.com' };

/** What the event log, as the real service wrote it, turns into: every webhook, in order. */
async function webhooksOfLog(): Promise<Array<{ id: string; body: WebhookEvent }>> {
  const out = [];
  for (const e of await server.store.eventLogAfter(0, 1000)) out.push(...webhooksFor(e, await server.store.findHandoff(e.handoffId), OPTIONS));
  return out;
}

describe('webhooks from the event log', () => {
  it('tells a chat from creation (with the transcript, never the token) to claim, messages and resolution', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    expect((await visitorMessage(server.app, h, 'Where is my refund?')).status).toBe(201);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, cookie)).status).toBe(200);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: crypto.randomUUID(), text: 'On its way' }, cookie)).status).toBe(201);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', noArticle: true }, cookie)).status).toBe(200);

    const hooks = await webhooksOfLog();
    expect(hooks.map((w) => w.body.type)).toEqual(['handoff.created', 'message.created', 'handoff.claimed', 'message.created', 'handoff.resolved']);
    const created = hooks[0]!;
    expect(created.id).toMatch(/^evt_\d+_handoff_created$/);
    expect(created.body).toEqual({
      type: 'handoff.created',
      timestamp: '2025-03-01T10:00:00.000Z',
      data: {
        handoff: {
          id: h.id,
          ref: h.ref,
          channel: 'chat',
          createdAt: '2025-03-01T10:00:00.000Z',
          visitor: { name: 'Ada Lovelace', email: 'ada@example.com', attributes: { plan: 'pro' } },
          callback: null,
          context: { pageUrl: 'https://shop.example.com/orders', locale: 'en' },
          consoleUrl: `https://help.example.com/console#/handoff/${h.id}`,
        },
        transcript: [
          { type: 'page', at: '2025-03-01T10:00:00Z', url: 'https://shop.example.com/orders', title: 'Orders' },
          { type: 'search', at: '2025-03-01T10:00:00Z', query: 'refund late', resultCount: 0, topIds: [] },
        ],
      },
    });
    const text = JSON.stringify(hooks);
    expect(text).not.toContain(h.token);
    expect(text).not.toMatch(/tokenHash|clientId/);
    expect(hooks[1]!.body).toMatchObject({ data: { message: { from: 'visitor', text: 'Where is my refund?' } } });
    expect(hooks[2]!.body).toMatchObject({ data: { agentName: 'Ada' } });
    expect(hooks[3]!.body).toMatchObject({ data: { message: { from: 'agent', author: 'Ada', text: 'On its way' } } });
    expect(hooks[4]!.body).toMatchObject({ data: { outcome: 'answered', articleId: null, noArticle: true, agentName: 'Ada' } });
    // One id per event and type, the same when planned again.
    expect(new Set(hooks.map((w) => w.id)).size).toBe(hooks.length);
    expect(await webhooksOfLog()).toEqual(hooks);
  });

  it('tells a callback as created and booked, and its cancellation as callback.cancelled', async () => {
    const callback = { phone: '+1 555 0100', ...SLOT };
    const h = await createHandoff(server.app, { channel: 'callback', callback });
    expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/cancel`, {}, bearer(h.token))).status).toBe(200);
    const hooks = await webhooksOfLog();
    expect(hooks.map((w) => w.body.type)).toEqual(['handoff.created', 'callback.booked', 'callback.cancelled']);
    expect(hooks[1]!.body).toMatchObject({ data: { callback, handoff: { channel: 'callback', callback } } });
    expect(hooks[0]!.id).not.toBe(hooks[1]!.id);
  });

  it('tells a chat the visitor left as handoff.cancelled, and nothing for a callback step', async () => {
    const { cookie } = await signIn(server);
    const chat = await createHandoff(server.app);
    await send(server.app, 'POST', `/v1/handoffs/${chat.id}/cancel`, {}, bearer(chat.token));
    const cb = await createHandoff(server.app, { channel: 'callback', callback: { phone: '+1 555 0100', ...SLOT } });
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${cb.id}/callback`, { state: 'no_answer' }, cookie)).status).toBe(200);
    const types = (await webhooksOfLog()).map((w) => w.body.type);
    expect(types).toEqual(['handoff.created', 'handoff.cancelled', 'handoff.created', 'callback.booked', 'handoff.claimed']);
  });
});

describe('rating.created (the `rated` event ratings are stored with, rating.ts)', () => {
  const handoff = { id: 'h1', ref: '123', channel: 'chat', createdAt: '2025-03-01T10:00:00.000Z', visitor: null, callback: null, context: null, transcript: [] } as unknown as HandoffRecord;
  const stored = (event: unknown): StoredEvent => ({ id: 9, handoffId: 'h1', seq: 7, at: '2025-03-01T11:00:00.000Z', event: event as StoredEvent['event'] });

  it('maps a rated event to rating.created', () => {
    const rated = { type: 'rated', rating: { good: false, repeated: true, comment: 'I said it twice', at: '2025-03-01T11:00:00.000Z' } };
    expect(webhooksFor(stored(rated), handoff, { publicOrigin: null })).toEqual([
      {
        id: 'evt_9_rating_created',
        body: {
          type: 'rating.created',
          timestamp: '2025-03-01T11:00:00.000Z',
          data: { handoff: expect.objectContaining({ id: 'h1', consoleUrl: null }), rating: { good: false, repeated: true, comment: 'I said it twice' } },
        },
      },
    ]);
    expect(webhooksFor(stored({ type: 'rated', rating: { good: true, repeated: null, comment: null } }), handoff, { publicOrigin: null })[0]!.body).toMatchObject({
      data: { rating: { good: true, repeated: null, comment: null } },
    });
  });

  it('takes nothing else for a rating', () => {
    expect(isRatingEvent({ type: 'rated', rating: { good: 'yes' } })).toBe(false);
    expect(isRatingEvent({ type: 'rated' })).toBe(false);
    expect(isRatingEvent({ type: 'message', message: {} })).toBe(false);
    expect(webhooksFor(stored({ type: 'rated', rating: {} }), handoff, { publicOrigin: null })).toEqual([]);
  });
});
