import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../protocol/types';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { channelsFor, localHours } from './local';

const settings = (extra: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, phone: '+1 800 555 0199', ...extra });
const at = Date.parse('2026-03-09T23:00:00Z'); // Monday 19:00 in New York
const office = settings({ hours: 'Mo-Fr 09:00-17:00', timezone: 'America/New_York' });
const status: BackendStatus = {
  version: 1,
  channels: {
    chat: { open: true, nextOpening: null, closesAt: '2026-03-10T01:00:00.000Z' },
    callback: { open: true, nextOpening: null, closesAt: null },
    phone: { open: true, nextOpening: null, closesAt: null },
  },
  agentsOnline: 2,
  chatWaitSeconds: 120,
  callbackSlots: [{ from: '2026-03-10T13:00:00.000Z', to: '2026-03-10T13:30:00.000Z' }],
  timezone: 'America/New_York',
};

describe('the widget’s own view of the hours', () => {
  it('takes the backend’s word for chat and callbacks, and data-hours for the site’s own phone line', () => {
    const now = channelsFor({ kind: 'answered', status }, office, at);
    expect(now.chat).toEqual({ state: 'open', closesAt: Date.parse('2026-03-10T01:00:00Z') });
    expect(now.phone).toEqual({ state: 'closed', nextOpening: Date.parse('2026-03-10T13:00:00Z') });
    expect(channelsFor({ kind: 'answered', status }, settings({}), at).phone.state).toBe('open');
  });

  it('reads data-hours for the phone while the backend is down', () => {
    expect(channelsFor({ kind: 'unreachable', last: null }, office, at).phone).toEqual({ state: 'closed', nextOpening: Date.parse('2026-03-10T13:00:00Z') });
  });

  it('treats a malformed data-hours as open', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      const bad = settings({ hours: 'Mo-Fx 09:00-17:00' });
      expect(channelsFor({ kind: 'none' }, bad, at).phone.state).toBe('open');
      localHours(bad); // parsed once: said once
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(['[Lifeline] data-hours: "Mo-Fx 09:00-17:00": unknown day "Fx"; expected Mo Tu We Th Fr Sa Su. Every channel is shown as open until this is fixed.']);
  });
});
