/**
 * A server stopped mid-conversation and started again on the same file: the handoff, its
 * messages and events are all there once, the seq goes on, and the visitor's token still works.
 */
import { afterEach, expect, it } from 'vitest';
import { bearer, createHandoff, handoffBody, readSse, send, signIn, startTestServer, visitorMessage } from './testing';

let server: Awaited<ReturnType<typeof startTestServer>>;
afterEach(async () => {
  await server.cleanup();
});

it('survives a restart: nothing lost, nothing doubled, seq and token carry on', async () => {
  server = await startTestServer();
  const body = handoffBody();
  const created = await send(server.app, 'POST', '/v1/handoffs', body);
  const h = await created.json();
  const agent = await signIn(server);
  await visitorMessage(server.app, h, 'My parcel is late', 'visitor-msg-1');
  await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'agent-msg-1', text: 'Let me look' }, agent.cookie);
  const before = await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json();
  expect(before.lastEventId).toBe(5); // queued, message, agent_joined, active, message
  await server.close();

  const again = server.reopen();
  try {
    // The same token opens the same state.
    const after = await (await send(again.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json();
    expect(after).toEqual(before);

    // Retries from before the restart are still recognised: no second handoff, no second message.
    const replay = await send(again.app, 'POST', '/v1/handoffs', body);
    expect(replay.status).toBe(200);
    // The same id, ref and token; status and position as they are now.
    expect(await replay.json()).toEqual({ ...h, status: 'active', position: null, estimatedWaitSeconds: null });
    expect((await visitorMessage(again.app, h, 'My parcel is late', 'visitor-msg-1')).status).toBe(200);

    // The session survived too, and the conversation goes on from seq 6.
    const reply = await send(again.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'agent-msg-2', text: 'Found it' }, agent.cookie);
    expect(reply.status).toBe(201);
    const missed = await readSse(await send(again.app, 'GET', `/v1/handoffs/${h.id}/events`, undefined, { ...bearer(h.token), 'last-event-id': '5' }), 1);
    expect(missed[0]).toMatchObject({ id: '6', event: 'message', data: { message: { text: 'Found it', author: 'Ada' } } });

    expect(await again.store.listHandoffs('all', 10)).toHaveLength(1);
    expect((await again.store.messages(h.id)).map((m) => m.text)).toEqual(['My parcel is late', 'Let me look', 'Found it']);
    expect((await again.store.eventsAfter(h.id, 0)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    // A new handoff after the restart still gets a token that works (the secret was kept).
    const next = await createHandoff(again.app);
    expect((await send(again.app, 'GET', `/v1/handoffs/${next.id}`, undefined, bearer(next.token))).status).toBe(200);
  } finally {
    await again.close();
  }
});
