import { describe, expect, it } from 'vitest';
import { earlierStatus, identityMark, visitorFact } from './identity-format';

describe('the visitor as the handoff page shows them', () => {
  it('shows only what the token signed as fact, and every other field as what the page said', () => {
    const verified = { sub: 'cust-42', email: 'ann@example.com' };
    expect(visitorFact(verified, 'id', 'cust-42')).toBe('cust-42');
    expect(visitorFact(verified, 'email', 'ann@example.com')).toBe('ann@example.com');
    // The token had no name: the name is the page's claim.
    expect(visitorFact(verified, 'name', 'Ann')).toBe('Says: Ann');
    for (const field of ['id', 'email', 'name'] as const) expect(visitorFact(null, field, 'x')).toBe('Says: x');
  });

  it('marks Verified with the signed e-mail and id, or Not verified', () => {
    expect(identityMark({ sub: 'cust-42', email: 'ann@example.com', name: 'Ann' })).toBe('Verified · ann@example.com · id cust-42');
    expect(identityMark({ sub: 'cust-42' })).toBe('Verified · id cust-42');
    expect(identityMark(null)).toBe('Not verified');
  });

  it('says where an earlier handoff ended up', () => {
    expect(earlierStatus({ status: 'resolved', agentName: 'Sam' })).toBe('Resolved by Sam');
    expect(earlierStatus({ status: 'resolved', agentName: null })).toBe('Resolved');
    expect(earlierStatus({ status: 'cancelled', agentName: 'Sam' })).toBe('Closed');
    expect(earlierStatus({ status: 'active', agentName: null })).toBe('With an agent');
    expect(earlierStatus({ status: 'queued', agentName: null })).toBe('Waiting');
  });
});
