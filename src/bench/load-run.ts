/**
 * Bounded loops for the load generator: a fixed number of tasks, at most `concurrency` in
 * flight, optionally started on an open schedule of `perSecond`, and nothing new started after
 * a deadline. Plus the percentiles the figures are reported in.
 */

export interface RunOptions {
  count: number;
  concurrency: number;
  /** Task i starts no earlier than i / perSecond seconds after the run began. @default as fast as they finish */
  perSecond?: number;
  /** No task starts after this many milliseconds; the rest are counted as not started. */
  deadlineMs: number;
}

export interface RunResult {
  started: number;
  failed: number;
  /** The first few failures, for the report. */
  errors: string[];
  elapsedMs: number;
  /** How far behind its scheduled start the latest task began (0 without perSecond): > 0 means the rate was not kept. */
  maxLagMs: number;
}

const KEEP_ERRORS = 3;

export async function runBounded(options: RunOptions, task: (i: number) => Promise<void>): Promise<RunResult> {
  const { count, concurrency, perSecond, deadlineMs } = options;
  const t0 = performance.now();
  let next = 0;
  let started = 0;
  let failed = 0;
  let maxLagMs = 0;
  const errors: string[] = [];

  const worker = async () => {
    while (next < count) {
      const i = next++;
      if (perSecond !== undefined) {
        const due = t0 + (i * 1000) / perSecond;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        else maxLagMs = Math.max(maxLagMs, -wait);
      }
      if (performance.now() - t0 > deadlineMs) {
        next = count; // stop every worker: the run is out of time
        return;
      }
      started++;
      try {
        await task(i);
      } catch (error) {
        failed++;
        if (errors.length < KEEP_ERRORS) errors.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { started, failed, errors, elapsedMs: performance.now() - t0, maxLagMs };
}

/** The q-quantile (0..1) by nearest rank: a value that was actually measured. NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Waits until `done()` or `timeoutMs`, checking every `everyMs`; says which. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return true;
}
