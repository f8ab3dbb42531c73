import { describe, expect, it } from 'vitest';
import type { AgentHandoffDetail, AgentHandoffSummary } from './agent-types';
import { AT, bearer, createHandoff, send, signIn, startTestServer, eachTestOnAFreshServer, SLOT } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const CALLBACK = { phone: '+1 555 0100', ...SLOT };
const newCallback = () => createHandoff(server.app, { channel: 'callback', callback: CALLBACK });
const step = (id: string, state: unknown, cookie: Record<string, string>) =>
  send(server.app, 'POST', `/v1/agent/handoffs/${id}/callback`, { state }, cookie);

describe('the callback workflow', () => {
  it('claims, keeps every step with its agent and time, and resolves as answered on done', async () => {
    const { cookie, agentId } = await signIn(server);
    const h = await newCallback();

    const noAnswer = await step(h.id, 'no_answer', cookie);
    expect(noAnswer.status).toBe(200);
    expect(await noAnswer.json()).toMatchObject({
      status: 'active',
      agent: { id: agentId, name: 'Ada' },
      callbackState: 'no_answer',
      callbackHistory: [{ at: '2025-03-01T10:00:00.000Z', agent: { id: agentId, name: 'Ada' }, state: 'no_answer' }],
    });
    const list = await send(server.app, 'GET', '/v1/agent/handoffs?status=open', undefined, cookie);
    expect(((await list.json()) as { handoffs: AgentHandoffSummary[] }).handoffs[0]).toMatchObject({ id: h.id, callbackState: 'no_answer' });

    server.clock.advance(60_000);
    expect((await step(h.id, 'called', cookie)).status).toBe(200);
    server.clock.advance(60_000);
    const done = await step(h.id, 'done', cookie);
    expect(done.status).toBe(200);
    const detail = (await done.json()) as AgentHandoffDetail;
    expect(detail).toMatchObject({ status: 'resolved', outcome: 'answered', callbackState: 'done', resolvedAt: '2025-03-01T10:02:00.000Z' });
    expect(detail.callbackHistory.map((s) => [s.at, s.state])).toEqual([
      ['2025-03-01T10:00:00.000Z', 'no_answer'],
      ['2025-03-01T10:01:00.000Z', 'called'],
      ['2025-03-01T10:02:00.000Z', 'done'],
    ]);

    // Every change is a stored status event, as the visitor's stream and the consoles see it.
    const events = (await server.store.eventsAfter(h.id, 0)).map((e) => e.event);
    expect(events).toEqual([
      expect.objectContaining({ type: 'status', status: 'queued' }),
      { type: 'agent_joined', agentName: 'Ada' },
      { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null },
      { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null },
      { type: 'status', status: 'resolved', position: null, estimatedWaitSeconds: null },
    ]);
    const visitor = await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token));
    expect((await visitor.json()).status).toBe('resolved');

    // Closed now: no more steps.
    expect((await step(h.id, 'called', cookie)).status).toBe(409);
  });

  it('refuses other channels with 409', async () => {
    const { cookie } = await signIn(server);
    const chat = await createHandoff(server.app);
    const res = await step(chat.id, 'called', cookie);
    expect(res.status).toBe(409);
    expect((await server.store.findHandoff(chat.id))!).toMatchObject({ status: 'queued', agentId: null, callbackState: null });
  });

  it('refuses a callback another agent has with 409', async () => {
    const ada = await signIn(server, 'ada@example.com', 'correct horse', 'Ada');
    const bob = await signIn(server, 'bob@example.com', 'battery staple', 'Bob');
    const h = await newCallback();
    expect((await step(h.id, 'called', ada.cookie)).status).toBe(200);
    expect((await step(h.id, 'done', bob.cookie)).status).toBe(409);
  });

  it('refuses a state it does not know with 400', async () => {
    const { cookie } = await signIn(server);
    const h = await newCallback();
    for (const state of ['answered', '', null, 1, undefined]) {
      const res = await step(h.id, state, cookie);
      expect(res.status, String(state)).toBe(400);
    }
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/callback`, '[]', cookie)).status).toBe(400);
    expect((await server.store.findHandoff(h.id))!.callbackState).toBeNull();
  });

  it('needs a session (401) and answers 404 for no such handoff', async () => {
    const h = await newCallback();
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/callback`, { state: 'called' })).status).toBe(401);
    const { cookie } = await signIn(server);
    expect((await step('no-such-handoff', 'called', cookie)).status).toBe(404);
  });
});
