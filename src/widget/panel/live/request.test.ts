import { describe, expect, it } from 'vitest';
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
    const body = { clientId: 'abcdefgh-0001', channel: 'chat', transcript: [], visitor };
    expect(validateCreateHandoff(body)).toMatchObject({ ok: true });
  });

  it('gives nothing for nothing', () => {
    expect(cleanVisitor(undefined)).toBeUndefined();
    expect(cleanVisitor({})).toBeUndefined();
    expect(cleanVisitor('Ada')).toBeUndefined();
  });
});
