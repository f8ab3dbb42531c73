import { describe, expect, it, vi } from 'vitest';
import { loadHistory } from './load';

const answer = (status: number, body: unknown) => vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('loadHistory', () => {
  it('asks GET v1/history with the token as a bearer, without cookies, and gives the conversations', async () => {
    const fetchImpl = answer(200, { conversations: [{ id: 'h1' }], more: true });
    expect(await loadHistory('https://help.example.com', 'a.b.c', undefined, fetchImpl)).toEqual({ kind: 'list', conversations: [{ id: 'h1' }], more: true });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(String(url)).toBe('https://help.example.com/v1/history');
    expect(init).toMatchObject({ credentials: 'omit', cache: 'no-store', headers: { authorization: 'Bearer a.b.c' } });
  });

  it('asks for the page after a conversation with before', async () => {
    const fetchImpl = answer(200, { conversations: [{ id: 'h0' }], more: false });
    expect(await loadHistory('https://help.example.com/', 't', 'h_1 2', fetchImpl)).toEqual({ kind: 'list', conversations: [{ id: 'h0' }], more: false });
    expect(String(fetchImpl.mock.calls[0]![0])).toBe('https://help.example.com/v1/history?before=h_1+2');
  });

  it('says a refused token by its code, identity off apart, and anything else as offline', async () => {
    expect(await loadHistory('https://x.example', 't', undefined, answer(401, { error: 'expired', code: 'identity_expired' }))).toEqual({ kind: 'refused', code: 'identity_expired', error: 'expired' });
    expect(await loadHistory('https://x.example/', 't', undefined, answer(404, { error: 'no secret', code: 'identity_off' }))).toEqual({ kind: 'off', error: 'no secret' });
    expect(await loadHistory('https://x.example/', 't', undefined, answer(503, { error: 'db' }))).toEqual({ kind: 'offline' });
    expect(await loadHistory('https://x.example/', 't', undefined, vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))))).toEqual({ kind: 'offline' });
  });
});
