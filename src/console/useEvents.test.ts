import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { subscribeEvents } from './useEvents';

/** Just enough of the browser's EventSource: the URL it opened, and events sent to it. */
class FakeEventSource {
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = 1;
  private readonly listeners = new Map<string, Set<(e: unknown) => void>>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (e: unknown) => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (e: unknown) => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }
  emit(type: string, e: object = {}): void {
    for (const listener of this.listeners.get(type) ?? []) listener(e);
  }
}

describe('subscribeEvents', () => {
  beforeEach(() => {
    FakeEventSource.opened = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('opens a stream the browser gave up on again from the last stored event’s id', () => {
    const events: unknown[] = [];
    const stop = subscribeEvents({ onEvent: (e) => events.push(e), onOpen: () => undefined });
    const first = FakeEventSource.opened[0]!;
    expect(first.url).toBe('/v1/agent/events');
    first.emit('message', { data: '{"type":"message","handoffId":"h1"}', lastEventId: '41' });
    first.emit('typing', { data: '{"type":"typing","handoffId":"h1"}', lastEventId: '41' }); // no id of its own
    first.readyState = FakeEventSource.CLOSED; // refused (a 502 from a proxy, say)
    first.emit('error');
    vi.advanceTimersByTime(5_000);
    expect(FakeEventSource.opened[1]!.url).toBe('/v1/agent/events?lastEventId=41');
    expect(events).toHaveLength(2);
    stop();
  });
});
