/**
 * Hands the main thread back to the browser: what follows runs in a new task, so input that
 * arrived meanwhile (a key, a click) is handled first and no task of the panel's start is long.
 * scheduler.yield where there is one (Chromium: the rest keeps its place ahead of other tasks),
 * else a timer (not nested, so not clamped to 4 ms). The index builder has its own
 * (search/build-index.ts), so its chunk stands alone.
 */
export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve));
}
