import { describe, expect, it } from 'vitest';
import { LIMITS, validateCreateHandoff, validatePostMessage, validateRating, validateResolve, validateTyping } from './validate';

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

  it('keeps U+0000 out of the text, as both stores must hold the same', () => {
    expect(validatePostMessage({ clientMessageId: 'm-12345678', text: 'a\u0000b' })).toEqual({
      ok: true,
      value: { clientMessageId: 'm-12345678', text: 'a\uFFFDb' },
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

  it('reads an optional closing line, trimmed; blank is none', () => {
    expect(validateResolve({ outcome: 'answered', closing: '  Have a good day!  ' })).toEqual({ ok: true, value: { outcome: 'answered', articleId: null, noArticle: false, closing: 'Have a good day!' } });
    expect(validateResolve({ outcome: 'answered', closing: '   ' })).toEqual({ ok: true, value: { outcome: 'answered', articleId: null, noArticle: false } });
    expect(validateResolve({ outcome: 'answered', closing: 3 })).toEqual({ ok: false, error: 'closing must be a string', path: 'closing' });
    expect(validateResolve({ outcome: 'answered', closing: 'x'.repeat(LIMITS.messageMax + 1) })).toMatchObject({ ok: false, path: 'closing', error: `closing must be at most ${LIMITS.messageMax} characters` });
  });
});

describe('bad text and bad times', () => {
  const HALF = '\uD83D'; // the first half of 😀, alone
  const withEntry = (entry: Record<string, unknown>): Loose => ({ ...fullRequest(), transcript: [entry] });

  it('repairs half an emoji in free text to U+FFFD, keeping whole emoji, so nothing malformed is stored', () => {
    const body = withEntry({ type: 'page', at: AT, url: `https://shop.example.com/${HALF}`, title: `Deals 😀 ${HALF}` });
    body.visitor = { name: `Ada${HALF}`, attributes: { plan: `pro\uDE00` } };
    const result = validateCreateHandoff(body);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.transcript[0]).toMatchObject({ url: 'https://shop.example.com/\uFFFD', title: 'Deals 😀 \uFFFD' });
    expect(result.value.visitor).toEqual({ name: 'Ada\uFFFD', attributes: { plan: 'pro\uFFFD' } });
    expect(() => encodeURIComponent(JSON.stringify(result.value))).not.toThrow();

    const article = validateCreateHandoff(withEntry({ type: 'article', at: AT, articleId: 'refunds', title: `Refunds ${HALF}` }));
    expect(article.ok && article.value.transcript[0]).toMatchObject({ title: 'Refunds \uFFFD' });
    expect(validatePostMessage({ clientMessageId: 'm-12345678', text: `hi ${HALF}` })).toEqual({ ok: true, value: { clientMessageId: 'm-12345678', text: 'hi \uFFFD' } });
  });

  it('refuses half an emoji in an id, which repaired would name another article', () => {
    expect(validateCreateHandoff(withEntry({ type: 'feedback', at: AT, articleId: `refunds${HALF}`, helpful: false }))).toEqual({
      ok: false,
      path: 'transcript[0].articleId',
      error: 'transcript[0].articleId must be well-formed text (it holds half of an emoji or other character)',
    });
    expect(validateResolve({ outcome: 'answered', articleId: `\uDE00refunds` })).toMatchObject({ ok: false, path: 'articleId' });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the visitor attribute key %s instead of dropping it', (key) => {
    const body = fullRequest();
    body.visitor = JSON.parse(`{"attributes": {"plan": "pro", "${key}": "x"}}`) as Record<string, unknown>;
    expect(validateCreateHandoff(body)).toEqual({
      ok: false,
      path: `visitor.attributes.${key}`,
      error: `visitor.attributes.${key} is a reserved name (__proto__, constructor and prototype are); give the attribute another key`,
    });
  });

  it.each([
    ['2025-02-30T10:00:00Z', 'has no day 30: 2025-02 has 28 days'],
    ['2024-02-30T10:00:00Z', 'has no day 30: 2024-02 has 29 days'],
    ['2025-04-31T10:00:00Z', 'has no day 31: 2025-04 has 30 days'],
    ['2025-13-01T10:00:00Z', 'has no month 13 (months are 01 to 12)'],
    ['2025-03-01T24:00:00Z', 'must have a time of day from 00:00:00 to 23:59:59'],
    ['2025-03-01T10:00:60Z', 'must have a time of day from 00:00:00 to 23:59:59'],
    ['2025-03-01T10:00:00+24:00', 'must have an offset from -23:59 to +23:59'],
    ['0000-01-01T00:00:00Z', 'must be a time in the years 2000 to 2099, got the year 0000'],
    ['9999-12-31T23:59:59Z', 'must be a time in the years 2000 to 2099, got the year 9999'],
    ['2025-03-01 10:00:00Z', 'must be an ISO time with an offset, like 2025-03-01T10:00:00Z'],
  ])('refuses the time %s: %s', (at, error) => {
    expect(validateCreateHandoff(withEntry({ type: 'handoff', at, channel: 'chat' }))).toEqual({
      ok: false,
      path: 'transcript[0].at',
      error: `transcript[0].at ${error}`,
    });
  });

  it('accepts real calendar times: a leap day, offsets, fractions, seconds left out', () => {
    for (const at of ['2024-02-29T23:59:59.999Z', '2025-12-31T00:00+05:45', '2000-01-01T00:00:00-12:00', '2099-12-31T23:59:59Z']) {
      expect(validateCreateHandoff(withEntry({ type: 'handoff', at, channel: 'chat' })).ok, at).toBe(true);
    }
    const body = fullRequest();
    body.callback = { phone: '+1 555 0100', from: '2025-02-30T10:00:00Z', to: '2025-03-03T10:00:00Z' };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: false, path: 'callback.from' });
  });

  it('refuses a guessable clientId: whoever knows it is answered with the handoff’s token', () => {
    expect(validateCreateHandoff({ ...fullRequest(), clientId: 'abcd1234' })).toEqual({
      ok: false,
      path: 'clientId',
      error: 'clientId must be 22 to 64 letters, digits, dashes or underscores, made at random (a UUID): whoever knows it gets the handoff',
    });
    expect(validateCreateHandoff({ ...fullRequest(), clientId: 'x'.repeat(21) })).toMatchObject({ ok: false, path: 'clientId' });
    expect(validateCreateHandoff({ ...fullRequest(), clientId: 'AAECAwQFBgcICQoLDA0ODw' }).ok).toBe(true); // 128 bits, base64url
  });
});

describe('validateRating', () => {
  it('takes Good or Bad, the repeat answer when given, and a trimmed comment', () => {
    expect(validateRating({ good: true })).toEqual({ ok: true, value: { good: true } });
    expect(validateRating({ good: false, repeated: null, comment: '   ' })).toEqual({ ok: true, value: { good: false } });
    expect(validateRating({ good: false, repeated: true, comment: '  I had to give my order number twice \uD800 ', extra: 1 })).toEqual({
      ok: true,
      value: { good: false, repeated: true, comment: 'I had to give my order number twice \uFFFD' },
    });
  });
  it('names the first bad field', () => {
    expect(validateRating(null)).toMatchObject({ ok: false, path: '' });
    expect(validateRating({})).toEqual({ ok: false, path: 'good', error: 'good must be true or false' });
    expect(validateRating({ good: 'good' })).toMatchObject({ ok: false, path: 'good' });
    expect(validateRating({ good: true, repeated: 'no' })).toEqual({ ok: false, path: 'repeated', error: 'repeated must be true or false' });
    expect(validateRating({ good: true, comment: 3 })).toEqual({ ok: false, path: 'comment', error: 'comment must be a string' });
    expect(validateRating({ good: true, comment: 'x'.repeat(LIMITS.comment + 1) })).toEqual({
      ok: false,
      path: 'comment',
      error: `comment must be at most ${LIMITS.comment} characters`,
    });
    // Trimmed first: spaces around a comment at the limit are not counted.
    expect(validateRating({ good: true, comment: ` ${'x'.repeat(LIMITS.comment)} ` }).ok).toBe(true);
  });
});
