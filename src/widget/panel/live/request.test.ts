import { describe, expect, it } from 'vitest';
import { cleanVisitor } from './request';
import { windowFor } from './CallbackForm';
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

describe('windowFor', () => {
  it('is the chosen slot of the chosen day, in the visitor’s own time', () => {
    const now = new Date(2026, 2, 10, 8, 30); // local time, whatever the zone
    const { from, to } = windowFor(1, 1, now);
    expect(new Date(from).getDate()).toBe(11);
    expect(new Date(from).getHours()).toBe(12);
    expect(new Date(to).getHours()).toBe(17);
    expect(Date.parse(from)).toBeLessThan(Date.parse(to));
  });
});
