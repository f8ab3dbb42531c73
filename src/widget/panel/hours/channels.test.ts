import { describe, expect, it } from 'vitest';
import type { BackendStatus } from '../../../protocol/types';
import { parseHours } from '../../../hours';
import { backendWord, channelOrder, channelsNow, type LocalHours } from './channels';

const NY = 'America/New_York';
const at = Date.parse('2026-03-09T18:00:00Z'); // Monday 14:00 in New York
/** The demo: data-hours gives the shop's hours, the server keeps chat open around the clock. */
const dataHours: LocalHours = { schedule: parseHours('Mo-Fr 15:00-17:00').schedule, zone: NY };
const noHours: LocalHours = { schedule: null, zone: NY };
const status: BackendStatus = {
  version: 1,
  channels: {
    chat: { open: true, nextOpening: null, closesAt: null },
    callback: { open: false, nextOpening: '2026-03-09T19:00:00.000Z', closesAt: null },
    phone: { open: false, nextOpening: '2026-03-09T19:00:00.000Z', closesAt: null },
  },
  agentsOnline: 1,
  chatWaitSeconds: 60,
  callbackSlots: [
    { from: '2026-03-09T17:00:00.000Z', to: '2026-03-09T17:30:00.000Z' }, // already past at `at`
    { from: '2026-03-09T19:00:00.000Z', to: '2026-03-09T19:30:00.000Z' },
  ],
  timezone: NY,
};

describe('what is open now, one answer for every view', () => {
  it('while the backend answers: its word for chat and callbacks, its wait and agents, data-hours for the phone', () => {
    const now = channelsNow({ kind: 'answered', status }, dataHours, at);
    expect(now.chat).toEqual({ state: 'open', closesAt: null });
    expect(now.callback).toEqual({ state: 'closed', nextOpening: Date.parse('2026-03-09T19:00:00Z') });
    expect(now.phone).toEqual({ state: 'closed', nextOpening: Date.parse('2026-03-09T19:00:00Z') });
    expect(now.wait).toEqual({ minutes: 1, agentsOnline: 1 });
    expect(now.slots).toEqual(status.callbackSlots);
  });

  it('a backend that cannot be reached is not closed: chat is unreachable, never "closed" by data-hours, and the old wait is gone', () => {
    const now = channelsNow({ kind: 'unreachable', last: status }, dataHours, at);
    expect(now.chat).toEqual({ state: 'unreachable' });
    expect(now.callback).toEqual({ state: 'unreachable' });
    expect(now.wait).toBeNull();
    // The phone is the site's own line: its hours still hold.
    expect(now.phone).toEqual({ state: 'closed', nextOpening: Date.parse('2026-03-09T19:00:00Z') });
  });

  it('offers only the callback times the hours allow while the backend is down', () => {
    const now = channelsNow({ kind: 'unreachable', last: null }, dataHours, at);
    expect(now.slotsKnown).toBe(true);
    expect(now.slots![0]).toEqual({ from: '2026-03-09T19:00:00.000Z', to: '2026-03-09T19:30:00.000Z' });
    expect(now.slots!.every((s) => new Date(s.from).getUTCHours() >= 19 && new Date(s.to).getUTCHours() <= 21)).toBe(true);
    // No data-hours: the backend's last free times still ahead; with none, no time is made up.
    const fromLast = channelsNow({ kind: 'unreachable', last: status }, noHours, at);
    expect(fromLast.slots).toEqual([status.callbackSlots![1]]);
    const none = channelsNow({ kind: 'unreachable', last: null }, noHours, at);
    expect(none).toMatchObject({ slots: [], slotsKnown: false });
  });

  it('the phone without data-hours: the backend’s word, kept until the change it announced; else not known (no "now" claimed)', () => {
    expect(channelsNow({ kind: 'answered', status }, noHours, at).phone.state).toBe('closed');
    expect(channelsNow({ kind: 'unreachable', last: status }, noHours, at).phone.state).toBe('closed');
    expect(channelsNow({ kind: 'unreachable', last: status }, noHours, Date.parse('2026-03-09T19:05:00Z')).phone.state).toBe('unknown');
    expect(channelsNow({ kind: 'unreachable', last: null }, noHours, at).phone.state).toBe('unknown');
    expect(channelsNow({ kind: 'loading' }, noHours, at).phone.state).toBe('unknown');
  });

  it('while the first status loads: nothing claimed for chat and callbacks, no slots yet', () => {
    expect(channelsNow({ kind: 'loading' }, dataHours, at)).toMatchObject({ chat: { state: 'unknown' }, callback: { state: 'unknown' }, slots: null, wait: null });
  });

  it('without a backend: data-hours for every channel', () => {
    const now = channelsNow({ kind: 'none' }, dataHours, at);
    expect(now.chat.state).toBe('closed');
    expect(now.phone.state).toBe('closed');
    expect(channelsNow({ kind: 'none' }, noHours, at).chat).toEqual({ state: 'open', closesAt: null });
  });
});

describe('the backend’s word', () => {
  it('is unreachable as soon as the session finds it so, though the last poll answered (no stale wait)', () => {
    const word = backendWord(status, status, { online: false, connected: false });
    expect(word).toEqual({ kind: 'unreachable', last: status });
    expect(channelsNow(word, dataHours, at).wait).toBeNull();
  });

  it('is unreachable when the poll fails, unless the session is connected; loading until the first answer', () => {
    expect(backendWord('down', null, { online: true, connected: false })).toEqual({ kind: 'unreachable', last: null });
    expect(backendWord('down', status, { online: true, connected: true })).toEqual({ kind: 'answered', status });
    expect(backendWord(null, null, { online: true, connected: false })).toEqual({ kind: 'loading' });
    expect(backendWord(status, status, { online: true, connected: false })).toEqual({ kind: 'answered', status });
  });
});

describe('nobody online: honest before the visitor types', () => {
  const nobody: BackendStatus = { ...status, agentsOnline: 0, chatWaitSeconds: null };
  it('is said only while the backend answers that chat is open and no agent is online', () => {
    expect(channelsNow({ kind: 'answered', status: nobody }, dataHours, at).nobodyOnline).toBe(true);
    expect(channelsNow({ kind: 'answered', status }, dataHours, at).nobodyOnline).toBe(false);
    const closed = { ...nobody, channels: { ...nobody.channels, chat: { open: false, nextOpening: null, closesAt: null } } };
    expect(channelsNow({ kind: 'answered', status: closed }, dataHours, at).nobodyOnline).toBe(false); // closed says more
    // Unreachable or loading: not known, so nothing is claimed.
    expect(channelsNow({ kind: 'unreachable', last: nobody }, dataHours, at).nobodyOnline).toBe(false);
    expect(channelsNow({ kind: 'loading' }, dataHours, at).nobodyOnline).toBe(false);
  });
  it('offers the soonest answer first: the phone when answered now, then a callback, then a message answered by e-mail', () => {
    const open = { state: 'open', closesAt: null } as const;
    const closed = { state: 'closed', nextOpening: null } as const;
    expect(channelOrder({ chat: open, phone: closed, nobodyOnline: false })).toEqual(['chat', 'callback', 'phone']);
    expect(channelOrder({ chat: open, phone: open, nobodyOnline: true })).toEqual(['phone', 'callback', 'chat']);
    expect(channelOrder({ chat: open, phone: closed, nobodyOnline: true })).toEqual(['callback', 'chat', 'phone']);
    expect(channelOrder({ chat: closed, phone: { state: 'unknown' }, nobodyOnline: false })).toEqual(['callback', 'chat', 'phone']);
    expect(channelOrder({ chat: closed, phone: open, nobodyOnline: false })).toEqual(['phone', 'callback', 'chat']);
    // A backend that cannot be reached is not a closed one: the usual order.
    expect(channelOrder({ chat: { state: 'unreachable' }, phone: open, nobodyOnline: false })).toEqual(['chat', 'callback', 'phone']);
  });
});
