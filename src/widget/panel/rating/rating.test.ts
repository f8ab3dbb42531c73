import { describe, expect, it } from 'vitest';
import { markRated, ratingRequest, sendRating, wasRated } from './rating';

describe('ratingRequest', () => {
  it('needs Good or Bad; the repeat answer and a trimmed comment only when given', () => {
    expect(ratingRequest({ good: null, repeated: true, comment: 'x' })).toBeNull();
    expect(ratingRequest({ good: true, repeated: null, comment: '   ' })).toEqual({ good: true });
    expect(ratingRequest({ good: false, repeated: false, comment: ' Slow to answer ' })).toEqual({ good: false, repeated: false, comment: 'Slow to answer' });
  });
});

describe('sendRating', () => {
  const handoff = { id: 'h/1', token: 'tok' };
  const answering = (status: number | Error) => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchImpl = (async (url: URL, init: RequestInit) => {
      calls.push({ url: String(url), init });
      if (status instanceof Error) throw status;
      return new Response(null, { status });
    }) as unknown as typeof fetch;
    return { calls, fetchImpl };
  };

  it('posts the rating with the token in a header, never in the URL', async () => {
    const { calls, fetchImpl } = answering(201);
    expect(await sendRating(fetchImpl, 'https://help.example.com/api', handoff, { good: true, repeated: false })).toBe('done');
    expect(calls).toEqual([
      {
        url: 'https://help.example.com/api/v1/handoffs/h%2F1/rating',
        init: {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer tok' },
          credentials: 'omit',
          body: '{"good":true,"repeated":false}',
        },
      },
    ]);
  });

  it('takes a repeat (200) and a rating stored already (409) as done; a network failure or 5xx as failed, to send again', async () => {
    expect(await sendRating(answering(200).fetchImpl, 'https://x.example', handoff, { good: true })).toBe('done');
    expect(await sendRating(answering(409).fetchImpl, 'https://x.example', handoff, { good: true })).toBe('done');
    expect(await sendRating(answering(503).fetchImpl, 'https://x.example/', handoff, { good: true })).toBe('failed');
    expect(await sendRating(answering(new TypeError('offline')).fetchImpl, 'https://x.example/', handoff, { good: true })).toBe('failed');
  });
});

describe('wasRated and markRated', () => {
  it('remember the handoff this tab rated, and survive a storage that throws', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(wasRated(storage, 'a')).toBe(false);
    markRated(storage, 'a');
    expect(wasRated(storage, 'a')).toBe(true);
    expect(wasRated(storage, 'b')).toBe(false);
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } };
    expect(() => markRated(broken, 'a')).not.toThrow();
    expect(wasRated(broken, 'a')).toBe(false);
    expect(wasRated(null, 'a')).toBe(false);
  });
});
