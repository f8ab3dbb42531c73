import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToHost } from './yield-to-host';

describe('yieldToHost', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resumes in a new task: work queued as microtasks after it, and a task queued before it, run first', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('task queued before'));
    const done = yieldToHost().then(() => order.push('after the yield'));
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'task queued before', 'after the yield']);
  });

  it('uses the browser scheduler’s yield where there is one', async () => {
    const yielded = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yielded });
    await yieldToHost();
    expect(yielded).toHaveBeenCalledTimes(1);
  });
});
