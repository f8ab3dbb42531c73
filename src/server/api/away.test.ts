/** The visitor's side of "the conversation outlives the tab": the e-mail, the stream marks, the reopen link. */
import { describe, expect, it, vi } from 'vitest';
import type { HandoffState } from '../../protocol/types';
import { reopenValue, REOPEN_LINK_MS } from '../away/link';
import { bearer, createHandoff, eachTestOnAFreshServer, readSse, send, type StartedServer } from '../testing';

let server: StartedServer;
const SECRET = 'a reopen test secret of 32 characters or more';
eachTestOnAFreshServer((s) => (server = s), { secret: SECRET });

const setEmail = (id: string, token: string, body: unknown) => send(server.app, 'POST', `/v1/handoffs/${id}/email`, body, bearer(token));
const state = async (id: string, token: string) => (await send(server.app, 'GET', `/v1/handoffs/${id}`, undefined, bearer(token))).json() as Promise<HandoffState>;

describe('POST /v1/handoffs/:id/email', () => {
  it('keeps the address on the handoff, trimmed, and tells it in the log', async () => {
    const h = await createHandoff(server.app, { visitor: { name: 'Ann' } });
    const res = await setEmail(h.id, h.token, { email: '  ann@example.com ' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ email: 'ann@example.com' });
    expect((await state(h.id, h.token)).email).toBe('ann@example.com');
    expect((await server.store.findHandoff(h.id))!.visitor).toEqual({ name: 'Ann', email: 'ann@example.com' });
    expect((await server.store.eventsAfter(h.id, 1)).map((e) => e.event)).toEqual([{ type: 'email', email: 'ann@example.com' }]);
  });

  it('names what is wrong with an address, and needs the handoff’s token', async () => {
    const h = await createHandoff(server.app, { visitor: undefined });
    for (const [body, error] of [
      [{ email: '' }, 'email must not be empty'],
      [{ email: 'ann@' }, 'email must be one e-mail address, like name@example.com'],
      [{ email: 'a@b.com, c@d.com' }, 'email must be one e-mail address, like name@example.com'],
      [{ email: 'a@b.com\r\nBcc: x@y.com' }, 'email must be one e-mail address, like name@example.com'],
      [{ email: `${'a'.repeat(250)}@b.com` }, 'email must be at most 254 characters'],
      [{ email: 3 }, 'email must be a string'],
    ] as const) {
      const res = await setEmail(h.id, h.token, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 'invalid', error, path: 'email' });
    }
    expect((await setEmail(h.id, 'wrong', { email: 'a@b.com' })).status).toBe(401);
    expect((await state(h.id, h.token)).email).toBeUndefined();
    // identify() takes any text as an e-mail; the state names only an address replies can go to.
    const odd = await createHandoff(server.app, { visitor: { email: 'bo at example' } });
    expect((await state(odd.id, odd.token)).email).toBeUndefined();
  });

  it('is refused once the chat is over, and for other channels', async () => {
    const h = await createHandoff(server.app);
    await send(server.app, 'POST', `/v1/handoffs/${h.id}/cancel`, {}, bearer(h.token));
    expect((await setEmail(h.id, h.token, { email: 'a@b.com' })).status).toBe(409);
    const call = await createHandoff(server.app, { channel: 'phone' });
    const res = await setEmail(call.id, call.token, { email: 'a@b.com' });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toBe('Replies are e-mailed only for chat handoffs.');
  });
});

describe('the visitor’s event stream', () => {
  it('marks the visitor seen ahead while it is open, and until it closed once it has', async () => {
    const h = await createHandoff(server.app);
    expect(await server.store.visitorSeenUntil(h.id)).toBeNull();
    const res = await send(server.app, 'GET', `/v1/handoffs/${h.id}/events`, undefined, bearer(h.token));
    const opened = server.clock.now();
    await vi.waitFor(async () => expect(Date.parse((await server.store.visitorSeenUntil(h.id)) ?? '0')).toBeGreaterThan(opened));
    server.clock.advance(5_000);
    await readSse(res, 1); // reads the replayed event, then goes away
    await vi.waitFor(async () => expect(await server.store.visitorSeenUntil(h.id)).toBe(new Date(opened + 5_000).toISOString()));
  });
});

describe('POST /v1/reopen', () => {
  const reopen = (link: unknown) => send(server.app, 'POST', '/v1/reopen', { link });

  it('trades a link this server signed for the handoff’s id and token, until it expires', async () => {
    const h = await createHandoff(server.app);
    const link = reopenValue(SECRET, h.id, server.clock.now() + REOPEN_LINK_MS);
    const res = await reopen(link);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: h.id, token: h.token });
    server.clock.advance(REOPEN_LINK_MS);
    const late = await reopen(link);
    expect(late.status).toBe(410);
    expect(await late.json()).toEqual({ code: 'link_expired', error: 'This link has expired (links work for 7 days); ask us again from the help panel.', path: 'link' });
  });

  it('refuses a link signed with another secret, a changed one, and what is no link', async () => {
    const h = await createHandoff(server.app);
    const forged = reopenValue('another secret of 32 characters or more', h.id, server.clock.now() + 60_000);
    for (const link of [forged, forged.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'x', 42]) {
      const res = await reopen(link);
      expect(res.status).toBe(400);
      expect((await res.json()).path).toBe('link');
    }
  });
});
