import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../protocol/types';
import { DEFAULT_SETTINGS, type Settings } from '../../settings';
import { callbackSlots, channelAvailability, localHours } from './local';

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
    expect(channelAvailability('chat', status, office, at)).toEqual({ open: true, nextOpening: null, closesAt: Date.parse('2026-03-10T01:00:00Z') });
    expect(channelAvailability('phone', status, office, at)).toEqual({ open: false, nextOpening: Date.parse('2026-03-10T13:00:00Z'), closesAt: null });
    expect(channelAvailability('phone', status, settings({}), at).open).toBe(true);
  });

  it('falls back on data-hours when the backend is down, and on "open" without hours', () => {
    expect(channelAvailability('chat', 'down', office, at).open).toBe(false);
    expect(channelAvailability('chat', 'down', settings({}), at)).toEqual({ open: true, nextOpening: null, closesAt: null });
  });

  it('offers the backend’s free slots, else the slots of data-hours, and nothing while loading', () => {
    expect(callbackSlots(status, office, at)).toEqual(status.callbackSlots);
    expect(callbackSlots(null, office, at)).toBeNull();
    const local = callbackSlots('down', office, at)!;
    expect(local).toHaveLength(3 * 16); // whole days: Tuesday, Wednesday and Thursday
    expect(local[0]).toEqual({ from: '2026-03-10T13:00:00.000Z', to: '2026-03-10T13:30:00.000Z' });
  });

  it('treats a malformed data-hours as open', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args[0]);
    try {
      const bad = settings({ hours: 'Mo-Fx 09:00-17:00' });
      expect(channelAvailability('chat', 'down', bad, at).open).toBe(true);
      localHours(bad); // parsed once: said once
    } finally {
      console.error = original;
    }
    expect(errors).toEqual(['[Lifeline] data-hours: "Mo-Fx 09:00-17:00": unknown day "Fx"; expected Mo Tu We Th Fr Sa Su. Every channel is shown as open until this is fixed.']);
  });
});
