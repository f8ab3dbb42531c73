/**
 * When a failed webhook is tried again: soon at first (a receiver restarting), then spaced out
 * (a receiver down for hours), for 24 hours from the first try, the last try at the 24-hour
 * mark; after it the delivery has failed for good. Pure: the caller says how many tries have
 * failed and how long ago the first one was.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** How long deliveries are retried, from the first try. */
export const RETRY_FOR_MS = 24 * HOUR;

/** The wait after the 1st, 2nd, ... failure; the last one repeats. */
export const RETRY_DELAYS_MS: readonly number[] = [5 * SECOND, 30 * SECOND, 2 * MINUTE, 5 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 4 * HOUR];

/**
 * Milliseconds to wait before the next try after `failures` failed tries (1 or more), the first
 * of them `sinceFirstTryMs` ago; null when the 24 hours are over.
 */
export function retryDelay(failures: number, sinceFirstTryMs: number): number | null {
  const left = RETRY_FOR_MS - sinceFirstTryMs;
  if (left <= 0) return null;
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1]!;
  return Math.min(delay, left);
}
