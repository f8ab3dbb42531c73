import { afterEach, describe, expect, it, vi } from 'vitest';
import { serviceOver } from './service/over-store';
import { openSqliteStore } from './store/sqlite';
import { createVisitorStreams } from './visitor-streams';

describe('createVisitorStreams', () => {
  afterEach(() => void vi.useRealTimers());

  it('keeps an open stream seen ahead by its heartbeat; a killed instance’s mark runs out a ttl after its last beat', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-03-01T10:00:00Z'), toFake: ['setInterval', 'clearInterval', 'Date'] });
    const store = openSqliteStore(':memory:');
    const created = await serviceOver(store, { now: Date.now }).create({ clientId: 'a-client-id-of-22-chars-or-more', channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
    const id = created.ok ? created.handoff.id : '';
    const streams = createVisitorStreams(store, { ttlMs: 30_000 });
    const close = streams.open(id);
    await streams.flush();
    expect(await store.visitorSeenUntil(id)).toBe('2026-03-01T10:00:30.000Z');
    vi.advanceTimersByTime(10_000); // a heartbeat
    await streams.flush();
    expect(await store.visitorSeenUntil(id)).toBe('2026-03-01T10:00:40.000Z');
    // Two streams of one visitor: the mark stays while either is open.
    const second = streams.open(id);
    close();
    close(); // twice is once
    vi.advanceTimersByTime(10_000);
    await streams.flush();
    expect(await store.visitorSeenUntil(id)).toBe('2026-03-01T10:00:50.000Z');
    second();
    await streams.flush();
    // Closed: seen until the moment it closed, no longer the mark ahead.
    expect(await store.visitorSeenUntil(id)).toBe('2026-03-01T10:00:20.000Z');
    // A killed instance: it opened a stream, beat once, and was never heard of again.
    const killed = createVisitorStreams(store, { ttlMs: 30_000 });
    killed.open(id);
    vi.advanceTimersByTime(10_000);
    await killed.flush();
    expect(await store.visitorSeenUntil(id)).toBe('2026-03-01T10:01:00.000Z');
    await streams.end();
    await store.close();
  });

  it('records the streams still open as closed at shutdown, and says a failed write', async () => {
    const errors: string[] = [];
    const calls: string[] = [];
    const streams = createVisitorStreams(
      {
        visitorStreamsOpen: async (ids) => void calls.push(`open ${ids.join()}`),
        visitorStreamClosed: async (id) => {
          calls.push(`closed ${id}`);
          throw new Error('database away');
        },
      },
      { onError: (e) => errors.push(e.message) },
    );
    streams.open('h1');
    await streams.end();
    expect(calls).toEqual(['open h1', 'closed h1']);
    expect(errors).toEqual(['database away']);
  });
});
