/**
 * The load benchmark, part of `npm run bench`: the reference server in child processes
 * (load-server.ts) and this bounded load generator, all on loopback, on the same machine. It
 * runs the same load on each setup in turn, then prints them side by side:
 *
 *   - SQLite, one process (what a small business runs as it is);
 *   - PostgreSQL with 1, then 3 instances on one throwaway database each (a cluster started
 *     here, durable: fsync and synchronous commit on, as deployed), the generator spreading
 *     requests and event streams round-robin over the instances as a load balancer would. Each
 *     instance is capped at BENCH_INSTANCE_CPU of a core (load-cpu-cap.ts), as on a small
 *     machine of its own: on this one machine the instances, the database and the generator
 *     share the same cores, and uncapped, more instances would only fight the database for
 *     them; capped, what instances add shows as long as the database keeps up.
 *
 * On each setup:
 *   1. handoffs created per second: BENCH_HANDOFFS POST /v1/handoffs (8-entry transcripts),
 *      CONCURRENCY in flight, with p50/p99 request latency;
 *   2. BENCH_SSE visitors' event streams open at once, one per handoff;
 *   3. agent -> visitor: BENCH_MESSAGES agent replies at RATE per second spread over those
 *      handoffs, each timed from just before its POST until the matching `message` event (by
 *      clientMessageId) is read on its handoff's stream; with the servers' CPU and memory;
 *   4. visitor -> agent: as many visitor messages, timed until read on the agent's stream.
 *
 * Knobs (environment): BENCH_HANDOFFS (default 3000), BENCH_SSE (default 3000, at most
 * BENCH_HANDOFFS), BENCH_MESSAGES (default 2000), BENCH_ENGINES (default `sqlite,postgres`),
 * BENCH_INSTANCES (PostgreSQL instance counts, default `1,3`), BENCH_INSTANCE_CPU (each
 * PostgreSQL instance's share of a core, default 0.3; 0: uncapped). PostgreSQL is skipped, saying so,
 * when its programs are not installed. Every loop is bounded in count and time, the run stops by
 * itself, and servers and cluster are stopped however the run ends. Figures are printed, never
 * asserted: the machine is shared and noisy, and the generator competes for its cores.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { CreateHandoffResponse } from '../protocol/types';
import { findServerBinaries, startTestCluster, type TestCluster } from '../server/store/postgres/test-cluster';
import { handoffBody, replyText, visitorText } from './load-bodies';
import { startLoadServer, type LoadServer } from './load-child';
import { openSse, pool, requestJson, streamPool, type JsonAnswer, type SseConnection, type Target } from './load-http';
import { quantile, runBounded, waitUntil, type RunResult } from './load-run';
import { BENCH_AGENT, type StatsReply } from './load-shared';

/** Requests in flight at once, for every part (over all instances together). */
const CONCURRENCY = 32;
/** Messages started per second in parts 3 and 4: a busy support team, not a flood. */
const RATE = 200;
/** How long a sent message may take to arrive before it is counted as lost. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Claims move the queue, whose news the server coalesces to once a second (server/api/queue.ts). */
const QUEUE_SETTLE_MS = 1_500;
/**
 * The benchmark's PostgreSQL keeps its data as a deployed one does (the test clusters turn
 * durability off for speed), so its figures include the commit's flush, as SQLite's do; and it
 * lets in the connections of several instances' pools and listeners.
 */
const DURABLE = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on', max_connections: '200' };

type Engine = 'sqlite' | 'postgres';

/** Read when the run starts, so that a bad knob does not break the other parts of `npm run bench`. */
function knobs() {
  const handoffs = count('BENCH_HANDOFFS', 3_000);
  const streams = count('BENCH_SSE', 3_000);
  const messages = count('BENCH_MESSAGES', 2_000);
  if (streams > handoffs) throw new Error(`BENCH_SSE (${streams}) must be at most BENCH_HANDOFFS (${handoffs}): each stream is one handoff's`);
  const engines = list('BENCH_ENGINES', 'sqlite,postgres', (word): Engine => {
    if (word === 'sqlite' || word === 'postgres') return word;
    throw new Error(`BENCH_ENGINES takes sqlite and postgres, comma-separated, got ${JSON.stringify(word)}`);
  });
  const instances = list('BENCH_INSTANCES', '1,3', (word) => {
    const n = Number(word);
    if (!Number.isInteger(n) || n < 1 || n > 16) throw new Error(`BENCH_INSTANCES takes instance counts from 1 to 16, comma-separated, got ${JSON.stringify(word)}`);
    return n;
  });
  const rawCpu = process.env.BENCH_INSTANCE_CPU;
  const instanceCpu = rawCpu === undefined || rawCpu === '' ? 0.3 : Number(rawCpu);
  if (!Number.isFinite(instanceCpu) || instanceCpu < 0 || instanceCpu > 64) {
    throw new Error(`BENCH_INSTANCE_CPU must be a share of a core (0.3 for 30%; 0 for no cap), got ${JSON.stringify(rawCpu)}`);
  }
  return { handoffs, streams, messages, engines, instances, instanceCpu };
}

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more, got ${JSON.stringify(raw)}`);
  return value;
}

function list<T>(name: string, fallback: string, parse: (word: string) => T): T[] {
  const words = (process.env[name] || fallback).split(',').map((w) => w.trim()).filter((w) => w !== '');
  return [...new Set(words)].map(parse);
}

const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const sec = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** How long the servers waited for a free core between two readings; null where the OS does not say. */
function coreWaitMs(before: StatsReply[], after: StatsReply[]): number | null {
  let total = 0;
  for (const [i, b] of before.entries()) {
    const a = after[i]!;
    if (b.runQueueWaitMs === null || a.runQueueWaitMs === null) return null;
    total += a.runQueueWaitMs - b.runQueueWaitMs;
  }
  return total;
}
const failures = (run: RunResult): string => (run.failed === 0 ? '' : `; ${run.failed} failed, e.g. ${run.errors[0]}`);

/** One setup the load runs against. */
interface Setup {
  label: string;
  engine: Engine;
  instances: number;
  /** Each instance's share of a core, or none. */
  cpu?: number;
}

/** What the summary compares, per setup. */
interface Figures {
  setup: Setup;
  handoffsPerSecond: number;
  createP50: number;
  createP99: number;
  toVisitor: { p50: number; p99: number; lost: number };
  toAgent: { p50: number; p99: number; lost: number };
  /** Each instance's RSS at the end, with every stream open. */
  rss: number[];
  /** The servers' CPU while creating handoffs, in cores (1 = one core busy the whole time). */
  createCpuCores: number;
  /** Whether the instances were capped (the cap could be set), and how often they hit it while creating. */
  capped: boolean;
  throttled: (number | null)[];
}

interface Ctx {
  servers: LoadServer[];
  /** Short requests: a keep-alive pool per instance, CONCURRENCY sockets in all. */
  api: Target[];
  /** Event streams: one socket each, so the pools are as big as the streams. */
  sse: Target[];
  connections: SseConnection[];
  knobs: ReturnType<typeof knobs>;
}

/** The instance request or stream `i` goes to: round-robin, as a load balancer without sticky sessions. */
const at = (targets: Target[], i: number): Target => targets[i % targets.length]!;
const allStats = (ctx: Ctx, options?: { resetLoop?: boolean }): Promise<StatsReply[]> => Promise.all(ctx.servers.map((s) => s.stats(options)));
const cpuMs = (before: StatsReply[], after: StatsReply[]): number =>
  after.reduce((sum, a, i) => sum + (a.userUs + a.systemUs - before[i]!.userUs - before[i]!.systemUs) / 1000, 0);
const worst = (stats: StatsReply[], pick: (s: StatsReply) => number): number => Math.max(...stats.map(pick));

/** Messages sent and not yet seen, and how long the seen ones took. */
function deliveries() {
  const pending = new Map<string, { start: number; handoffId: string }>();
  const latencies: number[] = [];
  let misrouted = 0;
  return {
    pending,
    latencies,
    get misrouted() {
      return misrouted;
    },
    /**
     * Times one message from just before `post` is called. A failed POST (not 201) is counted
     * with the failed POSTs, not as lost: whether the server stored it is unknown.
     */
    async send(clientMessageId: string, handoffId: string, post: () => Promise<JsonAnswer>) {
      pending.set(clientMessageId, { start: performance.now(), handoffId });
      try {
        const res = await post();
        if (res.status !== 201) throw new Error(`a message answered ${res.status}: ${JSON.stringify(res.body)}`);
      } catch (error) {
        pending.delete(clientMessageId);
        throw error;
      }
    },
    /** A message event read on `handoffId`'s stream; ones this run did not send are ignored. */
    seen(clientMessageId: string, handoffId: string) {
      const sent = pending.get(clientMessageId);
      if (!sent) return;
      if (sent.handoffId !== handoffId) misrouted++;
      else latencies.push(performance.now() - sent.start);
      pending.delete(clientMessageId);
    },
  };
}
type Deliveries = ReturnType<typeof deliveries>;

async function createHandoffs(ctx: Ctx, throttled: (number | null)[]): Promise<{ handoffs: CreateHandoffResponse[]; perSecond: number; p50: number; p99: number; cpuCores: number }> {
  const before = await allStats(ctx, { resetLoop: true });
  const handoffs: CreateHandoffResponse[] = [];
  const latencies: number[] = [];
  const { handoffs: total } = ctx.knobs;
  const run = await runBounded({ count: total, concurrency: CONCURRENCY, deadlineMs: 60_000 }, async (i) => {
    const start = performance.now();
    const res = await requestJson(at(ctx.api, i), 'POST', '/v1/handoffs', handoffBody(i));
    latencies.push(performance.now() - start);
    if (res.status !== 201) throw new Error(`POST /v1/handoffs answered ${res.status}: ${JSON.stringify(res.body)}`);
    handoffs.push(res.body as CreateHandoffResponse);
  });
  latencies.sort((a, b) => a - b);
  const perSecond = (handoffs.length / run.elapsedMs) * 1000;
  row('handoffs created per second', `${perSecond.toFixed(0)} /s`,
    `(${handoffs.length} of ${total} in ${sec(run.elapsedMs)}, ${CONCURRENCY} in flight${failures(run)})`);
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  row('  POST /v1/handoffs latency p50 / p99', `${ms(p50)} / ${ms(p99)}`, `(max ${ms(latencies.at(-1) ?? NaN)})`);
  const after = await allStats(ctx);
  const cpuCores = cpuMs(before, after) / run.elapsedMs;
  const wait = coreWaitMs(before, after);
  throttled.push(...(await Promise.all(ctx.servers.map((s) => s.throttledShare()))));
  row('  server CPU', `${(cpuCores * 100).toFixed(0)}%`,
    `of one core${ctx.servers.length > 1 ? `, ${ctx.servers.length} instances together` : ''}${wait === null ? '' : ` (waited ${ms(wait)} for a free core)`}`);
  row('  server event-loop delay p99 / max', `${ms(worst(after, (s) => s.loopP99Ms))} / ${ms(worst(after, (s) => s.loopMaxMs))}`,
    ctx.servers.length > 1 ? '(the worst instance)' : '');
  return { handoffs, perSecond, p50, p99, cpuCores };
}

async function openStreams(ctx: Ctx, handoffs: CreateHandoffResponse[], toVisitors: Deliveries): Promise<void> {
  const run = await runBounded({ count: handoffs.length, concurrency: 64, deadlineMs: 60_000 }, async (i) => {
    const h = handoffs[i]!;
    const onEvent = (type: string, data: string) => {
      if (type !== 'message') return; // status, agent_joined: parsing them would only load the generator
      const { message } = JSON.parse(data) as { message: { clientMessageId: string } };
      toVisitors.seen(message.clientMessageId, h.id);
    };
    ctx.connections.push(await openSse(at(ctx.sse, i), `/v1/handoffs/${h.id}/events`, { authorization: `Bearer ${h.token}` }, onEvent));
  });
  const stats = await allStats(ctx);
  const held = stats.map((s) => s.subscriptions).join(' + ');
  // (each server's count includes its own few: the queue announcer's)
  row('event streams open at once', String(ctx.connections.length),
    `(of ${handoffs.length}, opened in ${sec(run.elapsedMs)}${failures(run)}; the server${stats.length > 1 ? 's hold' : ' holds'} ${held} subscriptions)`);
  if (ctx.connections.length < handoffs.length) throw new Error(`Only ${ctx.connections.length} of ${handoffs.length} event streams opened`);
}

async function signIn(ctx: Ctx): Promise<string> {
  const res = await requestJson(ctx.api[0]!, 'POST', '/v1/agent/login', { email: BENCH_AGENT.email, password: BENCH_AGENT.password });
  const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`POST /v1/agent/login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return cookie;
}

/** The agent takes every streamed handoff first, so each timed reply is one message, not a claim. */
async function claimAll(ctx: Ctx, handoffs: CreateHandoffResponse[], cookie: string): Promise<void> {
  const run = await runBounded({ count: handoffs.length, concurrency: CONCURRENCY, deadlineMs: 60_000 }, async (i) => {
    const res = await requestJson(at(ctx.api, i), 'POST', `/v1/agent/handoffs/${handoffs[i]!.id}/claim`, {}, { cookie });
    if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
  if (run.failed > 0) throw new Error(`${run.failed} claims failed, e.g. ${run.errors[0]}`);
  await new Promise((resolve) => setTimeout(resolve, QUEUE_SETTLE_MS));
}

/** Sends BENCH_MESSAGES at RATE with `send`, waits for them to arrive, and reports latency and the servers' cost. */
async function timeDelivery(
  ctx: Ctx,
  label: string,
  tracker: Deliveries,
  send: (i: number) => Promise<void>,
): Promise<{ p50: number; p99: number; lost: number }> {
  const before = await allStats(ctx, { resetLoop: true });
  const ownBefore = process.cpuUsage();
  const t0 = performance.now();
  const { messages } = ctx.knobs;
  const run = await runBounded({ count: messages, concurrency: CONCURRENCY, perSecond: RATE, deadlineMs: (messages / RATE) * 1000 + 30_000 }, send);
  const sentOk = run.started - run.failed;
  await waitUntil(() => tracker.pending.size === 0, DELIVERY_TIMEOUT_MS);
  const wallMs = performance.now() - t0;
  const after = await allStats(ctx);
  const own = process.cpuUsage(ownBefore);

  const lat = [...tracker.latencies].sort((a, b) => a - b);
  const lost = tracker.pending.size;
  const cpu = cpuMs(before, after) / wallMs;
  const dropped = ctx.connections.filter((c) => c.ended).length;
  console.log(`\n  ${label}: ${sentOk} sent at ${RATE}/s (${CONCURRENCY} in flight) over ${ctx.connections.length} open streams`);
  const p50 = quantile(lat, 0.5);
  const p99 = quantile(lat, 0.99);
  row('  delivery latency p50', ms(p50));
  row('  delivery latency p99', ms(p99));
  row('  delivery latency max', ms(lat.at(-1) ?? NaN));
  row('  arrived', `${lat.length} / ${sentOk}`,
    [lost && `${lost} LOST after ${sec(DELIVERY_TIMEOUT_MS)}`, tracker.misrouted && `${tracker.misrouted} on the WRONG stream`,
      dropped && `${dropped} streams ENDED early`, run.failed && `${run.failed} POSTs failed, e.g. ${run.errors[0]}`,
      run.maxLagMs > 100 && `the generator fell ${ms(run.maxLagMs)} behind its schedule`].filter(Boolean).join('; '));
  const wait = coreWaitMs(before, after);
  const starved = wait === null ? '' : `; waited ${ms(wait)} for a free core`;
  row('  server CPU', `${(cpu * 100).toFixed(0)}%`,
    `of one core${ctx.servers.length > 1 ? ', instances together' : ''}, over ${sec(wallMs)}${starved} (generator: ${((own.user + own.system) / 10 / wallMs).toFixed(0)}%)`);
  row('  server event-loop delay p99 / max', `${ms(worst(after, (s) => s.loopP99Ms))} / ${ms(worst(after, (s) => s.loopMaxMs))}`, '(how late it ran its timers)');
  row('  server RSS', after.map((s) => mb(s.rssBytes)).join(' + '), `(peak ${after.map((s) => mb(s.maxRssBytes)).join(' + ')})`);
  return { p50, p99, lost: lost + run.failed };
}

/** The whole load against one setup's running instances. */
async function runLoad(setup: Setup, servers: LoadServer[], settings: ReturnType<typeof knobs>): Promise<Figures> {
  const n = servers.length;
  const ctx: Ctx = {
    servers,
    // CONCURRENCY sockets in all, spread over the instances; each stream pool as big as its share (+ the agent's stream).
    api: servers.map((s) => ({ port: s.port, agent: pool(Math.ceil(CONCURRENCY / n)) })),
    sse: servers.map((s) => ({ port: s.port, agent: streamPool(Math.ceil(settings.streams / n) + 1) })),
    connections: [],
    knobs: settings,
  };
  try {
    // The servers' own subscriptions (each one's queue announcer), beside the streams'.
    const idle = (await allStats(ctx)).reduce((sum, s) => sum + s.subscriptions, 0);
    const throttled: (number | null)[] = [];
    const created = await createHandoffs(ctx, throttled);
    const streamed = created.handoffs.slice(0, settings.streams);
    const toVisitors = deliveries();
    await openStreams(ctx, streamed, toVisitors);

    const cookie = await signIn(ctx);
    await claimAll(ctx, streamed, cookie);
    const toVisitor = await timeDelivery(ctx, 'Agent reply -> visitor stream', toVisitors, async (i) => {
      const h = streamed[i % streamed.length]!;
      const clientMessageId = `bench-reply-${i}`;
      await toVisitors.send(clientMessageId, h.id, () =>
        requestJson(at(ctx.api, i), 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId, text: replyText(i) }, { cookie }));
    });

    // The agent's console on the last instance: with several, most messages are posted on another.
    const toAgent = deliveries();
    const agentStream = await openSse(ctx.sse[n - 1]!, '/v1/agent/events', { cookie }, (type, data) => {
      if (type !== 'message') return;
      const { message, handoffId } = JSON.parse(data) as { handoffId: string; message: { clientMessageId: string } };
      toAgent.seen(message.clientMessageId, handoffId);
    });
    ctx.connections.push(agentStream);
    const toAgentFigures = await timeDelivery(ctx, 'Visitor message -> agent stream', toAgent, async (i) => {
      const h = streamed[i % streamed.length]!;
      const clientMessageId = `bench-visitor-${i}`;
      await toAgent.send(clientMessageId, h.id, () =>
        requestJson(at(ctx.api, i), 'POST', `/v1/handoffs/${h.id}/messages`, { clientMessageId, text: visitorText(i) }, { authorization: `Bearer ${h.token}` }));
    });
    const rss = (await allStats(ctx)).map((s) => s.rssBytes);

    // Every stream the clients leave must let go of its subscription on the server.
    for (const c of ctx.connections.splice(0)) c.close();
    let left = -1;
    await pollStats(ctx, (stats) => (left = stats.reduce((sum, s) => sum + s.subscriptions, 0) - idle) === 0, 5_000);
    console.log('');
    row('server subscriptions after clients left', String(left), left === 0 ? '' : 'LEAK: streams kept after their clients went');
    return {
      setup,
      handoffsPerSecond: created.perSecond,
      createP50: created.p50,
      createP99: created.p99,
      toVisitor,
      toAgent: toAgentFigures,
      rss,
      createCpuCores: created.cpuCores,
      capped: servers.every((s) => s.capped !== null),
      throttled,
    };
  } finally {
    for (const c of ctx.connections) c.close();
    for (const t of [...ctx.api, ...ctx.sse]) t.agent.destroy();
  }
}

async function pollStats(ctx: Ctx, done: (stats: StatsReply[]) => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done(await allStats(ctx)) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Starts `setup`'s instances (the first alone: it brings the schema up and makes the agent), runs the load, stops them. */
async function runSetup(setup: Setup, settings: ReturnType<typeof knobs>, database: string | null): Promise<Figures> {
  console.log(`\n${setup.label}`);
  const servers: LoadServer[] = [];
  try {
    const env: Record<string, string> = database ? { BENCH_DB: database } : {};
    const problems = new Set<string>();
    const options = { ...(setup.cpu && { cpu: setup.cpu }), onProblem: (problem: string) => problems.add(problem) };
    servers.push(await startLoadServer(env, options));
    const others = await Promise.allSettled(Array.from({ length: setup.instances - 1 }, () => startLoadServer({ ...env, BENCH_AGENT_SKIP: '1' }, options)));
    for (const problem of problems) console.log(`  (not capped: ${problem})`);
    for (const other of others) if (other.status === 'fulfilled') servers.push(other.value);
    const failed = others.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    return await runLoad(setup, servers, settings);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The setups side by side, and what the extra instances bought. */
function summarize(all: Figures[]): void {
  if (all.length === 0) return;
  const width = 26;
  const line = (label: string, cells: string[]): void => console.log(`  ${label.padEnd(34)}${cells.map((c) => c.padStart(width)).join('')}`);
  console.log('\nSide by side (same load, same machine, same run)');
  line('', all.map((f) => f.setup.label.replace(/ \(.*\)$/, '')));
  line('handoffs created per second', all.map((f) => `${f.handoffsPerSecond.toFixed(0)} /s`));
  line('  POST /v1/handoffs p50 / p99', all.map((f) => `${ms(f.createP50)} / ${ms(f.createP99)}`));
  line('  server CPU while creating', all.map((f) => `${f.createCpuCores.toFixed(2)} cores`));
  line('agent reply -> visitor p50 / p99', all.map((f) => `${ms(f.toVisitor.p50)} / ${ms(f.toVisitor.p99)}`));
  line('visitor message -> agent p50/p99', all.map((f) => `${ms(f.toAgent.p50)} / ${ms(f.toAgent.p99)}`));
  line('messages lost or failed', all.map((f) => String(f.toVisitor.lost + f.toAgent.lost)));
  line('RSS per instance', all.map((f) => f.rss.map((r) => mb(r).replace(' MB', '')).join(' + ') + ' MB'));
  line('held back by its cap while creating', all.map((f) => (f.capped ? f.throttled.map((t) => (t === null ? '?' : `${(t * 100).toFixed(0)}%`)).join(' + ') : 'not capped')));
  const pg = all.filter((f) => f.setup.engine === 'postgres').sort((a, b) => a.setup.instances - b.setup.instances);
  const sqlite = all.find((f) => f.setup.engine === 'sqlite');
  console.log('');
  if (pg.length > 1) {
    const one = pg[0]!;
    for (const more of pg.slice(1)) {
      const ratio = more.handoffsPerSecond / one.handoffsPerSecond;
      row(`PostgreSQL ${more.setup.instances} instances / ${one.setup.instances}: handoffs per second`, `x${ratio.toFixed(2)}`,
        ratio > 1.05
          ? '(more instances, more capacity)'
          : more.capped
            ? '(no gain: the database or the generator, not the instances, held the rate; see the CPU lines)'
            : '(no gain here: uncapped instances share the cores with the database and the generator; see BENCH_INSTANCE_CPU)');
    }
  }
  if (sqlite && pg[0]) row(`PostgreSQL ${pg[0].setup.instances} instance / SQLite: handoffs per second`, `x${(pg[0].handoffsPerSecond / sqlite.handoffsPerSecond).toFixed(2)}`);
  if (sqlite && pg.length > 1) {
    const most = pg.at(-1)!;
    row(`PostgreSQL ${most.setup.instances} instances / SQLite: handoffs per second`, `x${(most.handoffsPerSecond / sqlite.handoffsPerSecond).toFixed(2)}`);
  }
}

export async function benchLoad(): Promise<void> {
  const settings = knobs();
  console.log('\nLoad on loopback (each server in its own process; rate limits raised past what the run sends, so they are');
  console.log(`  not what is measured; generator, servers and PostgreSQL share ${cpus().length} CPUs, load average before the run`);
  console.log(`  ${loadavg()[0]!.toFixed(2)}: anything above ~0 is other work on the machine taking the same cores)`);

  const figures: Figures[] = [];
  if (settings.engines.includes('sqlite')) {
    figures.push(await runSetup({ label: 'SQLite, one process (a file in a temp folder)', engine: 'sqlite', instances: 1 }, settings, null));
  }
  if (settings.engines.includes('postgres')) {
    const found = findServerBinaries();
    if (found.dir === null) {
      console.log(`\nPostgreSQL: skipped, its initdb and pg_ctl are not installed (looked in ${found.looked.slice(0, 4).join(', ')}, ...)`);
    } else {
      let cluster: TestCluster | null = null;
      try {
        cluster = await startTestCluster({ binDir: found.dir, settings: DURABLE });
        for (const instances of settings.instances) {
          const database = await cluster.createDatabase(`bench_${instances}_instances`);
          const cap = settings.instanceCpu > 0 ? `, each capped at ${settings.instanceCpu} of a core` : '';
          const label = `PostgreSQL, ${instances} instance${instances === 1 ? '' : 's'} (a fresh database; fsync on${cap})`;
          figures.push(await runSetup({ label, engine: 'postgres', instances, ...(settings.instanceCpu > 0 && { cpu: settings.instanceCpu }) }, settings, database));
        }
      } finally {
        await cluster?.stop();
      }
    }
  }
  summarize(figures);
}

// `node --import tsx src/bench/load.ts` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLoad();
