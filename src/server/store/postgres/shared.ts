/**
 * What several instances on one PostgreSQL share besides the store: the event bus
 * (LISTEN/NOTIFY, reading the event log), which agents are online, and the rate limits. Each
 * sits behind the interface the in-memory one has, so createApp takes them as they are:
 *
 *   const shared = postgresShared(pool);
 *   await shared.ready;
 *   createApp({ ..., store, bus: shared.bus, presence: shared.presence, limiter: shared.limiter });
 *   // on shutdown, after the server stopped taking requests:
 *   await shared.end();
 *
 * The schema they need is migration 2 (migrations.ts), applied by migrate(pool) with the rest.
 */
import type pg from 'pg';
import type { RateLimits } from '../../app';
import type { RateLimit, RateLimiter } from '../../rate-limit';
import { createPostgresBus, type PostgresBus, type PostgresBusOptions } from './bus';
import { createPostgresPresence, type PostgresPresence, type PostgresPresenceOptions } from './presence';
import { createPostgresRateLimiter } from './rate-limit';

export interface PostgresSharedOptions {
  bus?: PostgresBusOptions;
  presence?: PostgresPresenceOptions;
}

export interface PostgresShared {
  bus: PostgresBus;
  presence: PostgresPresence;
  /**
   * AppOptions.limiter: one bucket table for every instance, each limit under its name. The
   * time is the database's clock, the same for every instance, not the app's `now`.
   */
  limiter: (limit: RateLimit, now: () => number, name: keyof RateLimits) => RateLimiter;
  /** Resolves once the bus listens (events committed from then on reach this instance's streams). */
  ready: Promise<void>;
  /** Closes the bus (its streams end), stops the presence heartbeat and removes this instance's streams. The pool stays open. */
  end(): Promise<void>;
}

export function postgresShared(pool: pg.Pool, options: PostgresSharedOptions = {}): PostgresShared {
  const bus = createPostgresBus(pool, options.bus);
  const presence = createPostgresPresence(pool, options.presence);
  return {
    bus,
    presence,
    limiter: (limit, _now, name) => createPostgresRateLimiter(pool, name, limit),
    ready: bus.ready,
    async end() {
      await Promise.all([bus.end(), presence.end()]);
    },
  };
}
