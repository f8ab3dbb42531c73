/**
 * When to try a failed delivery again: exponential backoff with jitter, capped, giving up after
 * a number of tries or once the whole affair has lasted long enough. Pure (the jitter's random
 * source is injected), for every channel's retryAfter.
 */

export interface BackoffPolicy {
  /** The pause after the first failure (ms). */
  firstMs: number;
  /** The longest pause (ms). */
  maxMs: number;
  /** Each pause is this many times the one before. @default 2 */
  factor?: number;
  /** Give up after this many failed tries. @default Infinity */
  maxAttempts?: number;
  /**
   * Give up once the next try would come later than this long after the job was made (ms):
   * "retried for 24 hours". @default Infinity
   */
  giveUpAfterMs?: number;
  /**
   * Spread: each pause is drawn from [pause × (1 − jitter), pause], so many deliveries failing
   * together (a receiver down) do not all come back at the same moment. @default 0.2
   */
  jitter?: number;
}

/** The pause before the try after `attempts` failures (1: after the first), or null to give up. */
export function backoff(policy: BackoffPolicy, attempts: number, random: () => number = Math.random): number | null {
  const { firstMs, maxMs, factor = 2, maxAttempts = Infinity, jitter = 0.2 } = policy;
  if (attempts < 1) return 0;
  if (attempts >= maxAttempts) return null;
  const pause = Math.min(maxMs, firstMs * factor ** (attempts - 1));
  return Math.round(pause * (1 - jitter * random()));
}

/**
 * retryAfter for a channel: backoff(policy), and null once the next try would fall more than
 * giveUpAfterMs after `createdAt` (ISO) given the time `now` (ms).
 */
export function retryAfter(policy: BackoffPolicy, attempts: number, createdAt: string, now: number, random: () => number = Math.random): number | null {
  const pause = backoff(policy, attempts, random);
  if (pause === null) return null;
  const limit = policy.giveUpAfterMs ?? Infinity;
  if (now + pause - Date.parse(createdAt) > limit) return null;
  return pause;
}
