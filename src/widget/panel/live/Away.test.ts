import { describe, expect, it, vi } from 'vitest';
import { reopenConversation, saveEmail } from './Away';

/** A fetch that answers `status` with `body`, or fails as a lost network does (status 0), and records what it was sent. */
function answering(status: number, body: unknown = {}) {
  const sent: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = vi.fn(async (url: URL | RequestInfo, init?: RequestInit) => {
    sent.push({ url: String(url), init: init! });
    if (status === 0) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetchImpl, sent };
}

describe('reopenConversation', () => {
  it('trades the link’s key for the handoff and carries it on', async () => {
    const { fetchImpl, sent } = answering(200, { id: 'h1', token: 'tok' });
    const session = { adopt: vi.fn() };
    expect(await reopenConversation('https://help.example.com', session, 'h1.abc.sig', fetchImpl)).toBe('ok');
    expect(session.adopt).toHaveBeenCalledWith('h1', 'tok');
    expect(sent[0]!.url).toBe('https://help.example.com/v1/reopen');
    expect(sent[0]!.init).toMatchObject({ method: 'POST', credentials: 'omit', body: JSON.stringify({ link: 'h1.abc.sig' }) });
  });

  it('says an expired link, a link that opens nothing, and a backend away apart', async () => {
    for (const [status, result] of [[410, 'expired'], [400, 'invalid'], [404, 'invalid'], [503, 'offline'], [429, 'offline'], [0, 'offline']] as const) {
      const session = { adopt: vi.fn() };
      expect(await reopenConversation('https://h.example/', session, 'x', answering(status).fetchImpl)).toBe(result);
      expect(session.adopt).not.toHaveBeenCalled();
    }
  });
});

describe('saveEmail', () => {
  it('sends the address with the handoff’s token in a header, never in the URL', async () => {
    const { fetchImpl, sent } = answering(200, { email: 'ann@example.com' });
    expect(await saveEmail('https://help.example.com/', 'h 1', 'tok', 'ann@example.com', fetchImpl)).toBe('ok');
    expect(sent[0]!.url).toBe('https://help.example.com/v1/handoffs/h%201/email');
    expect(sent[0]!.init.headers).toMatchObject({ authorization: 'Bearer tok' });
  });

  it('tells a refusal from a backend that cannot be reached', async () => {
    expect(await saveEmail('https://h.example/x/', 'h', 't', 'a@b.co', answering(400).fetchImpl)).toBe('refused');
    expect(await saveEmail('https://h.example/x/', 'h', 't', 'a@b.co', answering(409).fetchImpl)).toBe('refused');
    expect(await saveEmail('https://h.example/x/', 'h', 't', 'a@b.co', answering(502).fetchImpl)).toBe('offline');
    expect(await saveEmail('https://h.example/x/', 'h', 't', 'a@b.co', answering(0).fetchImpl)).toBe('offline');
  });
});
