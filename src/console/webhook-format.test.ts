import { describe, expect, it } from 'vitest';
import type { AgentWebhookDelivery } from '../server/api/agent-types';
import { deliveryLine } from './webhook-format';

const base: AgentWebhookDelivery = {
  id: 'evt_1_handoff_created',
  type: 'handoff.created',
  eventAt: '2026-12-05T06:00:00.000Z',
  handoff: { id: 'h1', ref: '4821' },
  status: 'delivered',
  attempts: 1,
  nextTryAt: null,
  lastError: null,
  updatedAt: '2026-12-05T06:00:01.000Z',
};
const time = (iso: string) => iso.slice(11, 19);

describe('deliveryLine', () => {
  it('says what happened and what comes next', () => {
    expect(deliveryLine(base, time)).toBe('Delivered 06:00:01 after 1 try');
    expect(deliveryLine({ ...base, status: 'retrying', attempts: 2, nextTryAt: '2026-12-05T06:00:35.000Z' }, time)).toBe('2 tries failed; next try 06:00:35');
    expect(deliveryLine({ ...base, status: 'failed', attempts: 14 }, time)).toBe('Failed for good 06:00:01 after 14 tries');
    expect(deliveryLine({ ...base, status: 'waiting', attempts: 0, nextTryAt: '2026-12-05T06:00:00.000Z' }, time)).toBe('Not sent yet; first try 06:00:00');
    expect(deliveryLine({ ...base, status: 'sending', attempts: 3 }, time)).toBe('Being sent now (3 tries so far)');
  });
});
