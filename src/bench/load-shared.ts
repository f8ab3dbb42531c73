/**
 * What the load generator (load.ts) and the server it starts (load-server.ts) agree on: the
 * benchmark's agent, the raised rate limits, and the messages over the IPC channel between them.
 * Kept apart so that importing it never starts a server.
 */
import type { RateLimits } from '../server/app';

/** Made by the server at start (like LIFELINE_AGENT_EMAIL), signed in by the generator. */
export const BENCH_AGENT = Object.freeze({ email: 'bench@lifeline.invalid', password: 'bench-password-not-secret', name: 'Bench' });

/**
 * Every request of the benchmark comes from 127.0.0.1, one "client IP", so the real per-IP
 * limits (10 handoffs a minute) would answer 429 almost at once and we would time the limiter.
 * Raised far past what a run sends; load.ts says so in its output.
 */
const UNLIMITED = { perMinute: 1e9, burst: 1e9 };
export const BENCH_RATE_LIMITS: RateLimits = {
  createHandoff: UNLIMITED,
  postMessage: UNLIMITED,
  typing: UNLIMITED,
  login: UNLIMITED,
  loginPerAddress: UNLIMITED,
  search: UNLIMITED,
};

/** The first line the server prints on stdout, as JSON, once it listens. */
export interface ReadyLine {
  port: number;
}

/** Generator -> server: asks for a StatsReply. */
export interface StatsRequest {
  type: 'stats';
  id: number;
  /** Start the event-loop delay figures afresh after this reply (at the start of a part). */
  resetLoop?: boolean;
}

/** Server -> generator: the server process's own counters, read inside it. */
export interface StatsReply {
  type: 'stats';
  id: number;
  /** process.cpuUsage(), microseconds since the process started. */
  userUs: number;
  systemUs: number;
  /** Resident set size now, and the highest so far (process.resourceUsage().maxRSS). */
  rssBytes: number;
  maxRssBytes: number;
  /**
   * How late the server's event loop ran its timers since the last reset (perf_hooks histogram,
   * less its sampling period): a long delay is the server's own stall (a long synchronous task,
   * or a core taken by other work), as distinct from a slow client.
   */
  loopP99Ms: number;
  loopMaxMs: number;
  /**
   * Time the server's main thread spent runnable but waiting for a CPU, in ms since it started
   * (Linux /proc/self/schedstat; null elsewhere): tells a server starved by other work on the
   * machine from one blocked on its own (disk, a long task).
   */
  runQueueWaitMs: number | null;
  /** Live bus subscriptions: one per open event stream, so 0 once every client has gone. */
  subscriptions: number;
}
