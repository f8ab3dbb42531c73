import { describe, expect, it } from 'vitest';
import { deliveryView, shownEndpoint, type WebhookJobPayload } from './deliveries';

const payload: WebhookJobPayload = { id: 'evt_1_handoff_created', type: 'handoff.created', eventAt: '2026-12-05T06:00:00.000Z', handoff: { id: 'h1', ref: '4821' }, body: '{}' };
const job = (over: Partial<Parameters<typeof deliveryView>[0]>) =>
  deliveryView({ status: 'pending', attempts: 0, dueAt: '2026-12-05T06:00:00.000Z', lastError: null, updatedAt: '2026-12-05T06:00:00.000Z', payload, ...over });

describe('deliveryView', () => {
  it('tells waiting, sending, delivered, retrying with the next try, and failed', () => {
    expect(job({})).toMatchObject({ status: 'waiting', attempts: 0, nextTryAt: '2026-12-05T06:00:00.000Z' });
    expect(job({ status: 'running', attempts: 1 })).toMatchObject({ status: 'sending', nextTryAt: null });
    expect(job({ status: 'done', attempts: 2, lastError: 'Answered 500' })).toMatchObject({ status: 'delivered', attempts: 2, lastError: 'Answered 500', nextTryAt: null });
    expect(job({ status: 'pending', attempts: 1, dueAt: '2026-12-05T06:00:05.000Z', lastError: 'No answer within 10 s' })).toEqual({
      id: 'evt_1_handoff_created',
      type: 'handoff.created',
      eventAt: '2026-12-05T06:00:00.000Z',
      handoff: { id: 'h1', ref: '4821' },
      status: 'retrying',
      attempts: 1,
      nextTryAt: '2026-12-05T06:00:05.000Z',
      lastError: 'No answer within 10 s',
      updatedAt: '2026-12-05T06:00:00.000Z',
    });
    expect(job({ status: 'failed', attempts: 14 })).toMatchObject({ status: 'failed', nextTryAt: null });
  });

  it('lists nothing for a payload that is not a webhook', () => {
    expect(job({ payload: { to: 'sam@example.com' } })).toBeNull();
  });
});

describe('shownEndpoint', () => {
  it('keeps the address and drops credentials and the query', () => {
    expect(shownEndpoint('https://user:pw@crm.example.com:8443/hooks/lifeline?token=abc#x')).toBe('https://crm.example.com:8443/hooks/lifeline');
  });
});
