import { describe, expect, it } from 'vitest';
import { createBus } from './bus';

describe('createBus', () => {
  it('delivers by topic, unsubscribes, and tells listeners when it closes', () => {
    const bus = createBus<number>();
    const got: number[] = [];
    const off = bus.subscribe('a', (n) => got.push(n));
    bus.subscribe('b', (n) => got.push(n * 100));
    bus.publish('a', 1);
    off();
    off();
    bus.publish('a', 2);
    expect(got).toEqual([1]);
    expect(bus.size).toBe(1);
    let closed = 0;
    bus.onClose(() => closed++);
    const cancelled = bus.onClose(() => closed++);
    cancelled();
    bus.close();
    expect(closed).toBe(1);
  });

  it('tells a listener that comes after the close at once (a stream opened during shutdown ends)', () => {
    const bus = createBus<number>();
    bus.close();
    let closed = 0;
    bus.onClose(() => closed++)();
    expect(closed).toBe(1);
  });

  it('keeps delivering when one listener throws', () => {
    const bus = createBus<number>();
    const got: number[] = [];
    const errors = console.error;
    console.error = () => undefined; // the bus logs the failure; keep the test output clean
    try {
      bus.subscribe('a', () => {
        throw new Error('broken stream');
      });
      bus.subscribe('a', (n) => got.push(n));
      bus.publish('a', 1);
    } finally {
      console.error = errors;
    }
    expect(got).toEqual([1]);
  });
});
