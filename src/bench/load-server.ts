/**
 * The server under load, run by load.ts in a child process of its own so that the load
 * generator does not share its event loop (or its CPU core). It is the real app, as main.ts
 * builds it: createApp on a real SQLite file (in a fresh temp folder) with the in-memory bus, or,
 * when BENCH_DB holds a PostgreSQL address, on that database with what several instances share
 * (postgres/shared.ts: the LISTEN/NOTIFY bus, presence, rate limits), so that several of these
 * processes on one database are several instances; an agent made at start (BENCH_AGENT_SKIP=1:
 * another instance made it); only the rate limits are raised (load-shared.ts says why). Listens on 127.0.0.1,
 * port 0, and prints `{"port": n}` on stdout. Answers StatsRequest over the IPC channel.
 * Exits on SIGTERM, SIGINT, or when the generator goes away (the IPC channel closes), and takes
 * its temp folder with it.
 */
import { serve } from '@hono/node-server';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { ensureAgent } from '../server/agents';
import type { BusMessage } from '../server/api/deps';
import { createApp } from '../server/app';
import { createBus } from '../server/bus';
import { readDatabase, readSettings } from '../server/config';
import { deliveryChannels } from '../server/deliveries';
import { startOutbox } from '../server/outbox/outbox';
import { createPresence } from '../server/presence';
import { newSecret } from '../server/crypto';
import { openStore } from '../server/store/open';
import { postgresShared } from '../server/store/postgres/shared';
import { createVisitorStreams } from '../server/visitor-streams';
import { BENCH_AGENT, BENCH_RATE_LIMITS, type ReadyLine, type StatsReply, type StatsRequest } from './load-shared';

/** A shutdown that hangs (a stuck connection) must not leave the process behind. */
const FORCE_EXIT_MS = 3_000;

if (!process.send) throw new Error('load-server.ts is started by load.ts, with an IPC channel (child_process.fork)');

const dir = mkdtempSync(join(tmpdir(), 'lifeline-bench-'));
// However the process ends (even the forced exit below), the database goes with it.
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const { store, pool } = await openStore(process.env.BENCH_DB ? readDatabase(process.env.BENCH_DB) : { engine: 'sqlite', path: join(dir, 'lifeline.db') });
if (process.env.BENCH_AGENT_SKIP !== '1') await ensureAgent(store, BENCH_AGENT);
// As main.ts does: on PostgreSQL, what every instance shares; on SQLite, one process's memory.
const shared = pool ? postgresShared(pool) : null;
if (shared) await shared.ready;
const bus = shared?.bus ?? createBus<BusMessage>();
// As main.ts: made here, so that shutdown records the streams closed before the database goes.
const visitorStreams = createVisitorStreams(store);
const presence = shared?.presence ?? createPresence();
// The deliveries a server with no delivery settings runs (browser notifications are always
// planned): every stored event wakes the outbox, on every instance, as it does in production.
const outbox = startOutbox({
  store,
  bus,
  channels: deliveryChannels(readSettings({}), {
    store,
    presence,
    now: Date.now,
    publicOrigin: () => 'http://127.0.0.1',
    secret: () => store.setting('token_secret', newSecret),
    linkable: () => false,
  }),
});
// The API needs neither the widget build nor the demo pages: the empty temp folder stands in.
const app = createApp({
  distDir: dir,
  demoDir: dir,
  store,
  bus,
  rateLimits: BENCH_RATE_LIMITS,
  visitorStreams,
  presence,
  ...(shared && { limiter: shared.limiter }),
});

/** The delay histogram samples every this many ms, and its figures include this period: subtracted below. */
const LOOP_RESOLUTION_MS = 10;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(JSON.stringify({ port: info.port } satisfies ReadyLine));
});

process.on('message', (message: unknown) => {
  const request = message as Partial<StatsRequest> | null; // IPC messages are untyped JSON
  if (request?.type !== 'stats' || request.id === undefined) return;
  const cpu = process.cpuUsage();
  const reply: StatsReply = {
    type: 'stats',
    id: request.id,
    userUs: cpu.user,
    systemUs: cpu.system,
    rssBytes: process.memoryUsage.rss(),
    maxRssBytes: process.resourceUsage().maxRSS * 1024, // maxRSS is in kilobytes
    loopP99Ms: lateMs(loop.percentile(99)),
    loopMaxMs: lateMs(loop.max),
    runQueueWaitMs: runQueueWaitMs(),
    subscriptions: bus.size,
  };
  if (request.resetLoop) loop.reset();
  process.send?.(reply);
});

/** Nanoseconds between samples (what the histogram holds) to milliseconds late. */
function lateMs(ns: number): number {
  return Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
}

/** The second field of /proc/self/schedstat, in ns: see StatsReply.runQueueWaitMs. */
function runQueueWaitMs(): number | null {
  try {
    const waitNs = Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1]);
    return Number.isFinite(waitNs) ? waitNs / 1e6 : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // not Linux, or no schedstats
    throw error;
  }
}

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  loop.disable();
  setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref();
  bus.close(); // ends every event stream
  if ('closeAllConnections' in server) server.closeAllConnections(); // ServerType may be HTTP/2, which lacks it
  server.close(() => {
    void (async () => {
      await outbox.stop();
      await visitorStreams.end();
      await shared?.end();
      await store.close();
    })().finally(() => process.exit(0));
  });
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop); // the generator died without killing us
