import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../hours';
import type { AgentHandoffDetail, AgentQueue } from './agent-types';
import { createHandoff, eachTestOnAFreshServer, send, signIn, SLOT, startTestServer } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
// The business is in New York: 10:00Z on 2025-03-01 is 05:00 there.
eachTestOnAFreshServer((s) => (server = s), { hours: { schedule: ALWAYS_OPEN, zone: 'America/New_York' } });

const HOUR = 3_600_000;
const queue = async (cookie: Record<string, string>, query = ''): Promise<AgentQueue> => {
  const res = await send(server.app, 'GET', `/v1/agent/queue${query}`, undefined, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as AgentQueue;
};
const refs = (section: AgentQueue['chats']) => section.handoffs.map((h) => h.ref);

describe('GET /v1/agent/queue', () => {
  it('never hides a new visitor behind 520 older handoffs, and says how many it left out', async () => {
    const { cookie } = await signIn(server);
    for (let i = 0; i < 520; i++) await createHandoff(server.app, { visitor: { name: `Junk ${i}` } });
    const real = await createHandoff(server.app, { visitor: { name: 'Real Visitor' } });

    const q = await queue(cookie);
    expect(q.chats.total).toBe(521);
    expect(q.chats.handoffs).toHaveLength(500);
    expect(q.chats.handoffs.at(-1)?.visitorName).toBe('Real Visitor');
    expect(q.chats.handoffs[0]?.visitorName).toBe('Junk 0'); // the one waiting longest stays first
    expect(q.chats.gap).toEqual({ after: 450, left: 21 });
    expect(q.waitingChats).toBe(521);
    // All of them, when asked.
    const all = await queue(cookie, '?limit=1000');
    expect(all.chats.handoffs).toHaveLength(521);
    expect(all.chats.gap).toBeNull();
    expect(refs(all.chats)).toContain(real.ref);
    expect((await send(server.app, 'GET', '/v1/agent/queue?limit=0', undefined, cookie)).status).toBe(400);
  }, 60_000); // 521 handoffs through the API: slow on a busy machine, not a speed test

  it('keeps phone references apart, out of the waiting count; one marked answered leaves, and they expire at the end of the business day', async () => {
    let { cookie } = await signIn(server);
    const chat = await createHandoff(server.app);
    const phone = await createHandoff(server.app, { channel: 'phone' });
    const other = await createHandoff(server.app, { channel: 'phone' });

    let q = await queue(cookie);
    expect(refs(q.chats)).toEqual([chat.ref]);
    expect(refs(q.phone)).toEqual([other.ref, phone.ref]); // newest first
    expect(q.waitingChats).toBe(1);
    expect(q.timeZone).toBe('America/New_York');

    // Marked answered: the agent resolves it.
    const res = await send(server.app, 'POST', `/v1/agent/handoffs/${phone.id}/resolve`, { outcome: 'answered' }, cookie);
    expect(res.status).toBe(200);
    q = await queue(cookie);
    expect(refs(q.phone)).toEqual([other.ref]);

    // 05:00 in New York + 18 h = 23:00 the same day: still today's.
    server.clock.advance(18 * HOUR);
    ({ cookie } = await signIn(server)); // a session lasts 8 hours
    expect(refs((await queue(cookie)).phone)).toEqual([other.ref]);
    // Past midnight in New York: expired, closed, and no longer found by its reference.
    server.clock.advance(2 * HOUR);
    q = await queue(cookie);
    expect(q.phone).toEqual({ handoffs: [], total: 0, gap: null });
    expect(refs(q.chats)).toEqual([chat.ref]); // a chat does not expire
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/by-ref/${other.ref}`, undefined, cookie)).status).toBe(404);
    const closed = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${other.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(closed.status).toBe('cancelled');
  });

  it('lists callbacks by booked time, with their window', async () => {
    const { cookie } = await signIn(server);
    const later = { from: '2025-03-01T11:00:00.000Z', to: '2025-03-01T11:30:00.000Z' };
    const second = await createHandoff(server.app, { channel: 'callback', callback: { phone: '+1 555 0100', ...later } });
    const first = await createHandoff(server.app, { channel: 'callback', callback: { phone: '+1 555 0101', ...SLOT } });
    const q = await queue(cookie);
    expect(refs(q.callbacks)).toEqual([first.ref, second.ref]);
    expect(q.callbacks.handoffs[0]?.callbackWindow).toEqual(SLOT);
    expect(q.waitingChats).toBe(0);
  });

  it('needs a session', async () => {
    expect((await send(server.app, 'GET', '/v1/agent/queue')).status).toBe(401);
  });
});
