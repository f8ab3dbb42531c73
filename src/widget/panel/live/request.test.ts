import { describe, expect, it, vi } from 'vitest';
import { cleanVisitor } from './request';
import { validateCreateHandoff } from '../../../protocol/validate';

describe('cleanVisitor', () => {
  it('keeps what the protocol accepts from identify() data', () => {
    expect(cleanVisitor({ name: 'Ada', email: 'ada@example.com', id: 42, attributes: { plan: 'pro', seats: 3, trial: false, note: null } })).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      id: '42',
      attributes: { plan: 'pro', seats: 3, trial: false, note: null },
    });
  });

  it('drops what would get the whole handoff refused', () => {
    const visitor = cleanVisitor({
      name: 'x'.repeat(500),
      phone: { nested: true },
      attributes: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i === 0 ? { deep: 1 } : 'v'.repeat(300)])),
    });
    expect(visitor?.name).toHaveLength(200);
    expect(visitor?.phone).toBeUndefined();
    expect(Object.keys(visitor?.attributes ?? {})).toHaveLength(29); // 30 kept, the object one dropped
    const body = { clientId: 'abcdefgh-0001-0002-0003-000000000004', channel: 'chat', transcript: [], visitor };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: true });
  });

  it('repairs half an emoji, from the page or from a cut through a pair, so the handoff is not refused', () => {
    const visitor = cleanVisitor({ name: `${'x'.repeat(199)}😀`, id: 'Ada\uD83D', attributes: { ['plan\uDE00']: 'pro\uD83D' } });
    expect(visitor).toEqual({ name: 'x'.repeat(199), id: 'Ada\uFFFD', attributes: { 'plan\uFFFD': 'pro\uFFFD' } });
    const body = { clientId: 'abcdefgh-0001-0002-0003-000000000004', channel: 'chat', transcript: [], visitor };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: true });
  });

  it('says in the console that a reserved attribute key is not sent, instead of losing it silently', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const visitor = cleanVisitor({ attributes: JSON.parse('{"__proto__": "x", "constructor": 1, "plan": "pro"}') as unknown });
    expect(visitor).toEqual({ attributes: { plan: 'pro' } });
    expect(Object.getPrototypeOf(visitor?.attributes)).toBe(Object.prototype);
    expect(errors.mock.calls.map(([m]) => m)).toEqual([
      '[Lifeline] identify: the attribute "__proto__" is a reserved name and is not sent; give it another key',
      '[Lifeline] identify: the attribute "constructor" is a reserved name and is not sent; give it another key',
    ]);
    errors.mockRestore();
  });

  it('gives nothing for nothing', () => {
    expect(cleanVisitor(undefined)).toBeUndefined();
    expect(cleanVisitor({})).toBeUndefined();
    expect(cleanVisitor('Ada')).toBeUndefined();
  });

  it('passes an identity token on whole, or not at all: a cut token would be a forged one', () => {
    const token = `${'a'.repeat(300)}.${'b'.repeat(300)}.${'c'.repeat(43)}`;
    expect(cleanVisitor({ email: 'ann@example.com', token })).toEqual({ email: 'ann@example.com', token });
    expect(cleanVisitor({ token: 'x'.repeat(5000) })).toBeUndefined();
    expect(cleanVisitor({ token: 'not a token' })).toBeUndefined();
    expect(cleanVisitor({ token: 42 })).toBeUndefined();
    const body = { clientId: 'abcdefgh-0001-0002-0003-000000000004', channel: 'chat', transcript: [], visitor: cleanVisitor({ token }) };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: true, value: { visitor: { token } } });
  });
});
