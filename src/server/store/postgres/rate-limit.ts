/**
 * Token buckets in PostgreSQL, shared by every instance: the same rule as the in-memory ones
 * (../../rate-limit.ts: `perMinute` tokens flow in up to `burst`, each request takes one, a
 * refusal says when the next token comes), so N instances together allow the limit, not N
 * times it. One statement takes a token: the UPSERT locks the bucket's row, refills it and
 * takes from it at once, so two instances taking at the same moment queue on the row and can
 * never both take the last token.
 *
 * Time is the database's clock (one clock for every instance, whatever theirs say), unless a
 * `now` is given (tests move it by hand).
 */
import type pg from 'pg';
import type { RateLimit, RateLimiter, Take } from '../../rate-limit';

/** Buckets full again are deleted, at most this often per limiter. */
const SWEEP_EVERY_MS = 10 * 60_000;

// The refill, from the row as it was (UPDATE's SET reads the old row): tokens flowed in since
// `at`, never more than the burst, never less than what was there (a clock behind another).
// In milliseconds times tokens per millisecond, as the in-memory buckets count, so both round
// alike (extract gives an exact numeric, from PostgreSQL 14).
const REFILLED = `least($3::float8, b.tokens + greatest(0, (extract(epoch FROM excluded.at - b.at) * 1000)::float8) * $4::float8)`;

const TAKE = `
  INSERT INTO rate_limits AS b (name, key, tokens, at, granted)
  VALUES ($1, $2, $3::float8 - 1, coalesce($5::timestamptz, clock_timestamp()), true)
  ON CONFLICT (name, key) DO UPDATE SET
    tokens  = ${REFILLED} - CASE WHEN ${REFILLED} >= 1 THEN 1 ELSE 0 END,
    granted = ${REFILLED} >= 1,
    at      = greatest(b.at, excluded.at)
  RETURNING tokens, granted`;

// A bucket untouched for as long as it takes to fill from empty holds nothing worth keeping.
const SWEEP = `DELETE FROM rate_limits WHERE name = $1 AND at < coalesce($3::timestamptz, clock_timestamp()) - make_interval(secs => $2::float8)`;

export interface PostgresRateLimiterOptions {
  /** The clock in ms since the epoch. @default the database's (clock_timestamp()) */
  now?: () => number;
  /** Told when a sweep of full buckets fails (the take itself rejects with its error). @default a line on stderr */
  onError?: (error: Error) => void;
}

/**
 * A limiter whose buckets live in `rate_limits` under `name`: give each limit its own name
 * (createHandoff, login...), since their keys (a client address) are the same.
 */
export function createPostgresRateLimiter(
  pool: pg.Pool,
  name: string,
  { perMinute, burst }: RateLimit,
  options: PostgresRateLimiterOptions = {},
): RateLimiter & { take(key: string): Promise<Take> } {
  if (!(perMinute > 0) || !(burst >= 1)) throw new Error(`A rate limit needs perMinute > 0 and burst >= 1, got ${perMinute}/${burst}`);
  const perMs = perMinute / 60_000;
  const at = () => (options.now ? new Date(options.now()).toISOString() : null);
  const onError = options.onError ?? ((error) => console.error(`Lifeline: could not sweep the ${name} rate limits`, error));
  let lastSweep = Date.now();

  const sweep = () => {
    lastSweep = Date.now();
    pool.query(SWEEP, [name, burst / perMs / 1000, at()]).catch((error: unknown) => onError(error as Error));
  };

  return {
    async take(key) {
      if (Date.now() - lastSweep > SWEEP_EVERY_MS) sweep();
      const { rows } = await pool.query<{ tokens: number; granted: boolean }>(TAKE, [name, key, burst, perMs, at()]);
      const row = rows[0]!;
      if (row.granted) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - row.tokens) / perMs / 1000)) };
    },
  };
}
