import { describe, expect, it } from 'vitest';
import { LIMITS, validateCreateHandoff, validatePostMessage, validateResolve, validateTyping } from './validate';

const AT = '2025-03-01T10:00:00Z';

/** A request using every field, all valid; loosely typed so tests can break it. */
type Loose = Record<string, unknown> & { transcript: Record<string, unknown>[]; visitor: Record<string, unknown> };
const fullRequest = (): Loose => ({
  clientId: '5f0c8c9e-4a4b-4f57-9a57-1c1f7c1d2e3f',
  channel: 'callback',
  visitor: { name: 'Ada', email: 'ada@example.com', phone: '+44 20 7946 0958', id: 'u-1', attributes: { plan: 'pro', seats: 3, trial: false, coupon: null } },
  callback: { phone: '+44 (20) 7946-0958', from: '2025-03-01T10:00:00Z', to: '2025-03-01T12:00:00+01:00', note: 'After lunch' },
  transcript: [
    { type: 'page', at: AT, url: 'https://shop.example.com/orders', title: 'Orders' },
    { type: 'search', at: AT, query: 'refund late', resultCount: 0, topIds: [] },
    { type: 'article', at: AT, articleId: 'refunds', title: 'Refunds' },
    { type: 'feedback', at: AT, articleId: 'refunds', helpful: false },
    { type: 'handoff', at: AT, channel: 'callback' },
  ],
  context: { pageUrl: 'https://shop.example.com/orders', locale: 'en', userAgent: 'Mozilla/5.0', timezone: 'Europe/Paris' },
});

describe('validateCreateHandoff', () => {
  it('accepts a full request and returns it', () => {
    const result = validateCreateHandoff(fullRequest());
    expect(result).toEqual({ ok: true, value: fullRequest() });
  });

  it('ignores unknown keys, at the top and inside, and leaves them out', () => {
    const body = { ...fullRequest(), extra: 1, visitor: { name: 'Ada', shoeSize: 42 } };
    const result = validateCreateHandoff(body);
    expect(result.ok && result.value).toMatchObject({ visitor: { name: 'Ada' } });
    expect(result.ok && 'extra' in result.value).toBe(false);
    expect(result.ok && result.value.visitor).toEqual({ name: 'Ada' });
  });

  it('keeps a callback only for the callback channel, and requires it there', () => {
    const chat = validateCreateHandoff({ ...fullRequest(), channel: 'chat' });
    expect(chat.ok && chat.value.callback).toBeUndefined();
    const { callback: _omitted, ...withoutCallback } = fullRequest();
    expect(validateCreateHandoff(withoutCallback)).toMatchObject({ ok: false, path: 'callback' });
  });

  it('says which field is wrong, in words', () => {
    const body = fullRequest();
    body.transcript[1] = { ...body.transcript[1]!, query: 7 as unknown as string };
    expect(validateCreateHandoff(body)).toEqual({ ok: false, path: 'transcript[1].query', error: 'transcript[1].query must be a string' });
    expect(validateCreateHandoff([])).toEqual({ ok: false, path: '', error: 'The body must be a JSON object' });
  });

  it('measures an entry in bytes of JSON', () => {
    const body = fullRequest();
    // 300 characters of 3 UTF-8 bytes each is 900 bytes: fine; the title limit holds first.
    body.transcript[0] = { type: 'page', at: AT, url: 'https://x.example/' + '€'.repeat(1200), title: '€'.repeat(300) };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: false, path: 'transcript[0]', error: expect.stringContaining('4096 bytes') });
    // A page entry at the widget's own caps always fits.
    body.transcript[0] = { type: 'page', at: AT, url: 'https://x.example/' + 'a'.repeat(1982), title: 'é'.repeat(300) };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: true });
  });

  it('accepts the limits themselves', () => {
    const body = { ...fullRequest(), channel: 'chat', transcript: Array.from({ length: LIMITS.transcriptEntries }, () => ({ type: 'handoff', at: AT, channel: 'chat' })) };
    body.visitor.attributes = Object.fromEntries(Array.from({ length: LIMITS.attributes }, (_, i) => [`k${i}`, i]));
    expect(validateCreateHandoff(body).ok).toBe(true);
  });
});

describe('validatePostMessage', () => {
  it('trims the text', () => {
    expect(validatePostMessage({ clientMessageId: 'm-12345678', text: '  hello \n' })).toEqual({
      ok: true,
      value: { clientMessageId: 'm-12345678', text: 'hello' },
    });
  });

  it.each([
    [{ clientMessageId: 'short', text: 'hi' }, 'clientMessageId'],
    [{ clientMessageId: 'm-12345678', text: '   ' }, 'text'],
    [{ clientMessageId: 'm-12345678', text: 'x'.repeat(LIMITS.messageMax + 1) }, 'text'],
    [{ clientMessageId: 'm-12345678', text: ['hi'] }, 'text'],
    ['hi', ''],
  ])('refuses %j at %s', (body, path) => {
    expect(validatePostMessage(body)).toMatchObject({ ok: false, path });
  });

  it('accepts 4000 characters, with whitespace around', () => {
    expect(validatePostMessage({ clientMessageId: 'm-12345678', text: ` ${'x'.repeat(LIMITS.messageMax)} ` }).ok).toBe(true);
  });
});

describe('validateTyping and validateResolve', () => {
  it('reads typing', () => {
    expect(validateTyping({ typing: true })).toEqual({ ok: true, value: { typing: true } });
    expect(validateTyping({ typing: 'yes' })).toMatchObject({ ok: false, path: 'typing' });
  });

  it('reads an outcome and an optional article', () => {
    expect(validateResolve({ outcome: 'answered', articleId: 'refunds' })).toEqual({ ok: true, value: { outcome: 'answered', articleId: 'refunds', noArticle: false } });
    expect(validateResolve({ outcome: 'duplicate' })).toEqual({ ok: true, value: { outcome: 'duplicate', articleId: null, noArticle: false } });
    expect(validateResolve({ outcome: 'answered', noArticle: true })).toEqual({ ok: true, value: { outcome: 'answered', articleId: null, noArticle: true } });
    expect(validateResolve({ outcome: 'answered', noArticle: true, articleId: 'refunds' })).toMatchObject({ ok: false, path: 'noArticle' });
    expect(validateResolve({ outcome: 'answered', noArticle: 'yes' })).toMatchObject({ ok: false, path: 'noArticle' });
    expect(validateResolve({ outcome: 'done' })).toMatchObject({ ok: false, path: 'outcome' });
    expect(validateResolve({ outcome: 'other', articleId: 3 })).toMatchObject({ ok: false, path: 'articleId' });
  });
});
