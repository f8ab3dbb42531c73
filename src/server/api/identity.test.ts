/** Verified visitors through the HTTP API: handoffs with an identity token, the history, the agent's view. */
import { describe, expect, it, vi } from 'vitest';
import type { ErrorBody, HistoryResponse } from '../../protocol/types';
import type { AgentHandoffDetail } from './agent-types';
import { signIdentityToken } from '../identity/jwt';
import { HISTORY_LIMIT } from './history';
import { bearer, createHandoff, eachTestOnAFreshServer, handoffBody, send, signIn, startTestServer, visitorMessage, type StartedServer } from '../testing';

const SECRET = 'the-site-and-lifeline-share-this-secret-0123456789';
let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { identitySecret: SECRET });

/** Seconds on the test server's clock. */
const now = () => server.clock.now() / 1000;
const tokenFor = (claims: Record<string, unknown>, secret = SECRET) => signIdentityToken({ iat: now(), exp: now() + 3600, ...claims }, secret);
const post = (visitor: Record<string, unknown>) => send(server.app, 'POST', '/v1/handoffs', handoffBody({ visitor }));
const history = (token?: string) => send(server.app, 'GET', '/v1/history', undefined, token === undefined ? {} : bearer(token));

describe('verified visitors', () => {
  it('keeps the customer a good token names, with the verified e-mail and name over what the page said, and never the token', async () => {
    const token = tokenFor({ sub: 'cust-42', email: 'ann@example.com', name: 'Ann Verified' });
    const res = await post({ name: 'Someone', email: 'typo@example.com', token });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const stored = await server.store.findHandoff(id);
    expect(stored?.verified).toEqual({ sub: 'cust-42', email: 'ann@example.com', name: 'Ann Verified' });
    expect(stored?.visitor).toEqual({ name: 'Ann Verified', email: 'ann@example.com', id: 'cust-42' });
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[2]);
  });

  it('refuses a forged, wrongly signed, expired or future token with 401 and its code, and stores nothing', async () => {
    const good = tokenFor({ sub: 'cust-42' });
    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'cust-1', exp: now() + 60 })).toString('base64url')}.${s}`;
    const cases: Array<[string, string]> = [
      [forged, 'identity_invalid'],
      [tokenFor({ sub: 'cust-42' }, 'another-secret-entirely-0123456789-abcdef'), 'identity_invalid'],
      [`${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"cust-42"}').toString('base64url')}.`, 'identity_invalid'],
      [tokenFor({ sub: 'cust-42', exp: now() - 3600 }), 'identity_expired'],
      [tokenFor({ sub: 'cust-42', iat: now() + 3600 }), 'identity_not_yet_valid'],
    ];
    for (const [token, code] of cases) {
      const res = await post({ email: 'ann@example.com', token });
      expect(res.status).toBe(401);
      const body = (await res.json()) as ErrorBody;
      expect(body).toMatchObject({ code, path: 'visitor.token', error: expect.stringContaining('identity token') });
    }
    expect(await server.store.listHandoffs('all', 10)).toEqual([]);
    // The same visitor without the token is taken, as not verified.
    const res = await post({ email: 'ann@example.com' });
    expect(res.status).toBe(201);
    expect((await server.store.listHandoffs('all', 10))[0]?.verified).toBeNull();
  });

  it('keeps no visitor for a token alone that the server cannot use, and the customer for one it can', async () => {
    const off = await startTestServer();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const res = await send(off.app, 'POST', '/v1/handoffs', handoffBody({ visitor: { token: tokenFor({ sub: 'cust-42' }) } }));
      expect((await off.store.findHandoff(((await res.json()) as { id: string }).id))?.visitor).toBeNull();
    } finally {
      warn.mockRestore();
      await off.close();
      await off.cleanup();
    }
    const { id } = await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-42' }) } });
    expect((await server.store.findHandoff(id))?.visitor).toEqual({ id: 'cust-42' });
  });

  it('refuses a token that is not a JWT at all with 400, naming visitor.token', async () => {
    const res = await post({ token: 'not a token <script>' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ path: 'visitor.token' });
    expect((await post({ token: 'x'.repeat(5000) })).status).toBe(400);
  });

  it('shows a verified customer their conversations, newest first, with the messages, on a token alone', async () => {
    const first = await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-42' }) } });
    await visitorMessage(server.app, first, 'My order never came');
    server.clock.advance(60_000);
    const second = await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-42' }) } });
    await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-7' }) } });
    // Someone claiming to be cust-42 without a token is not theirs.
    await createHandoff(server.app, { visitor: { id: 'cust-42', email: 'ann@example.com' } });

    // A new token, as another device would have: the history is keyed by sub, not by browser.
    const res = await history(tokenFor({ sub: 'cust-42', email: 'ann@example.com' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as HistoryResponse;
    expect(body.more).toBe(false);
    expect(body.conversations.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(body.conversations[1]).toMatchObject({ ref: first.ref, channel: 'chat', status: 'queued', messages: [{ from: 'visitor', text: 'My order never came' }] });
  });

  it('pages a long history: `before` the last one gets the older ones, each once, and never another customer’s', async () => {
    const made: string[] = [];
    for (let i = 0; i < HISTORY_LIMIT + 3; i++) {
      made.unshift((await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-42' }) } })).id);
      server.clock.advance(1_000);
    }
    const theirs = await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-7' }) } });
    const token = tokenFor({ sub: 'cust-42' });
    const page = async (before?: string) => send(server.app, 'GET', `/v1/history${before === undefined ? '' : `?before=${encodeURIComponent(before)}`}`, undefined, bearer(token));
    const first = (await (await page()).json()) as HistoryResponse;
    expect(first.conversations.map((c) => c.id)).toEqual(made.slice(0, HISTORY_LIMIT));
    expect(first.more).toBe(true);
    const second = (await (await page(first.conversations.at(-1)!.id)).json()) as HistoryResponse;
    expect(second.conversations.map((c) => c.id)).toEqual(made.slice(HISTORY_LIMIT));
    expect(second.more).toBe(false);
    // Another customer's conversation, or an id that is nobody's, is refused alike.
    for (const before of [theirs.id, 'h_nobody', 'x'.repeat(500)]) {
      const res = await page(before);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ path: 'before', error: expect.stringContaining('not one of your conversations') });
    }
  });

  it('refuses the history without a token, with a bad one, and says when identity is off', async () => {
    expect(await (await history()).json()).toMatchObject({ code: 'identity_missing' });
    const forged = await history(tokenFor({ sub: 'cust-42' }, 'not-the-secret-but-long-enough-0123456789'));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await forged.json()).toMatchObject({ code: 'identity_invalid' });
    expect(await (await history(tokenFor({ sub: 'a', exp: now() - 600 }))).json()).toMatchObject({ code: 'identity_expired' });

    const off = await startTestServer();
    try {
      const res = await send(off.app, 'GET', '/v1/history', undefined, bearer(tokenFor({ sub: 'cust-42' })));
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'identity_off' });
    } finally {
      await off.close();
      await off.cleanup();
    }
  });

  it('gives the agent the verified customer and their other handoffs, and nothing for a claim', async () => {
    const { cookie } = await signIn(server);
    // No search: the page shows their first chat line as what they asked.
    const older = await createHandoff(server.app, { transcript: [], visitor: { token: tokenFor({ sub: 'cust-42', email: 'ann@example.com' }) } });
    await visitorMessage(server.app, older, 'Where is my refund?');
    server.clock.advance(60_000);
    const current = await createHandoff(server.app, { visitor: { token: tokenFor({ sub: 'cust-42', email: 'ann@example.com' }) } });
    const claim = await createHandoff(server.app, { visitor: { id: 'cust-42', email: 'ann@example.com' } });

    const detail = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${current.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(detail.verified).toEqual({ sub: 'cust-42', email: 'ann@example.com' });
    expect(detail.earlier).toEqual([expect.objectContaining({ id: older.id, ref: older.ref, question: 'Where is my refund?' })]);

    const claimed = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${claim.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(claimed.verified).toBeNull();
    expect(claimed.earlier).toEqual([]);
    expect(claimed.visitor).toEqual({ id: 'cust-42', email: 'ann@example.com' });
  });
});

describe('without LIFELINE_IDENTITY_SECRET', () => {
  it('ignores tokens, says so once on standard error, and keeps every visitor not verified', async () => {
    const off = await startTestServer();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (let i = 0; i < 2; i++) {
        const res = await send(off.app, 'POST', '/v1/handoffs', handoffBody({ visitor: { email: 'ann@example.com', token: 'a.b.c' } }));
        expect(res.status).toBe(201);
      }
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]?.[0]).toContain('LIFELINE_IDENTITY_SECRET');
      for (const h of await off.store.listHandoffs('all', 10)) {
        expect(h.verified).toBeNull();
        expect(h.visitor).toEqual({ email: 'ann@example.com' });
      }
    } finally {
      warn.mockRestore();
      await off.close();
      await off.cleanup();
    }
  });
});
