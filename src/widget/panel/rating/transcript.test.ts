import { describe, expect, it } from 'vitest';
import { mailTranscript, transcriptOffer } from './transcript';

const handoff = { id: 'h/1', token: 'tok' };
const answering = (status: number | Error, body: unknown = null) => {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = (async (url: URL, init: RequestInit) => {
    calls.push({ url: String(url), init });
    if (status instanceof Error) throw status;
    return new Response(body === null ? null : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
};

describe('transcriptOffer', () => {
  it('reads the offer from the state, with the token in a header', async () => {
    const { calls, fetchImpl } = answering(200, { email: 'ann@example.com', transcript: 'offered' });
    expect(await transcriptOffer(fetchImpl, 'https://help.example.com/api', handoff)).toEqual({ email: 'ann@example.com', sent: false });
    expect(calls).toEqual([
      { url: 'https://help.example.com/api/v1/handoffs/h%2F1', init: { method: 'GET', headers: { accept: 'application/json', authorization: 'Bearer tok' }, credentials: 'omit' } },
    ]);
    expect(await transcriptOffer(answering(200, { email: 'ann@example.com', transcript: 'sent' }).fetchImpl, 'https://h.example', handoff)).toEqual({ email: 'ann@example.com', sent: true });
  });

  it('offers nothing without an address, without mail, or when the backend cannot say', async () => {
    expect(await transcriptOffer(answering(200, { email: 'ann@example.com' }).fetchImpl, 'https://h.example', handoff)).toBeNull();
    expect(await transcriptOffer(answering(200, { transcript: 'offered' }).fetchImpl, 'https://h.example', handoff)).toBeNull();
    expect(await transcriptOffer(answering(503).fetchImpl, 'https://h.example', handoff)).toBeNull();
    expect(await transcriptOffer(answering(new TypeError('offline')).fetchImpl, 'https://h.example', handoff)).toBeNull();
  });
});

describe('mailTranscript', () => {
  it('posts an empty body; sent on 202 or 200, failed otherwise', async () => {
    const { calls, fetchImpl } = answering(202, { email: 'ann@example.com' });
    expect(await mailTranscript(fetchImpl, 'https://help.example.com/', handoff)).toBe('sent');
    expect(calls[0]).toEqual({
      url: 'https://help.example.com/v1/handoffs/h%2F1/transcript',
      init: { method: 'POST', headers: { accept: 'application/json', authorization: 'Bearer tok', 'content-type': 'application/json' }, credentials: 'omit', body: '{}' },
    });
    expect(await mailTranscript(answering(200).fetchImpl, 'https://h.example', handoff)).toBe('sent');
    expect(await mailTranscript(answering(409).fetchImpl, 'https://h.example', handoff)).toBe('failed');
    expect(await mailTranscript(answering(new TypeError('offline')).fetchImpl, 'https://h.example', handoff)).toBe('failed');
  });
});
