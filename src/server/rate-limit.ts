/**
 * In-memory token buckets, one per key (a client IP, an email): `perMinute` tokens flow in
 * steadily up to `burst`, each request takes one. Pure apart from the injected clock, so tests
 * move time by hand. Per process: several server instances would each count on their own.
 */

export interface RateLimit {
  /** Steady rate: tokens added per minute. */
  perMinute: number;
  /** Bucket size: requests allowed at once after a quiet spell. */
  burst: number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * What the routes are given (api/deps.ts): this in-memory one answers at once; one shared by
 * several instances (PostgreSQL, say) answers with a promise.
 */
export interface RateLimiter {
  /** Takes one token for `key`; when there is none, says how long until there is. */
  take(key: string): Take | Promise<Take>;
}

/** Buckets that refilled completely hold nothing worth keeping: swept once the map grows. */
const SWEEP_AT = 10_000;

export function createRateLimiter({ perMinute, burst }: RateLimit, now: () => number = Date.now): { take(key: string): Take } {
  if (!(perMinute > 0) || !(burst >= 1)) throw new Error(`A rate limit needs perMinute > 0 and burst >= 1, got ${perMinute}/${burst}`);
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const refill = (bucket: { tokens: number; at: number }, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, t - bucket.at) * perMs);
    bucket.at = t;
  };

  const sweep = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
  };

  return {
    take(key) {
      const t = now();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= SWEEP_AT) sweep(t);
        bucket = { tokens: burst, at: t };
        buckets.set(key, bucket);
      }
      refill(bucket, t);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
