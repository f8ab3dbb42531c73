/**
 * The load benchmark, part of `npm run bench`: the reference server in a child process
 * (load-server.ts) and this bounded load generator, both on loopback, on the same machine.
 *
 *   1. handoffs created per second: BENCH_HANDOFFS POST /v1/handoffs (8-entry transcripts),
 *      CONCURRENCY in flight, with p50/p99 request latency;
 *   2. BENCH_SSE visitors' event streams open at once, one per handoff;
 *   3. agent -> visitor: BENCH_MESSAGES agent replies at RATE per second spread over those
 *      handoffs, each timed from just before its POST until the matching `message` event (by
 *      clientMessageId) is read on its handoff's stream; with the server's CPU and memory;
 *   4. visitor -> agent: as many visitor messages, timed until read on the agent's stream.
 *
 * Knobs (environment): BENCH_HANDOFFS (default 2000), BENCH_SSE (default 1000, at most
 * BENCH_HANDOFFS), BENCH_MESSAGES (default 2000). Every loop is bounded in count and time, the
 * run stops by itself, and the server is killed however the run ends. Figures are printed,
 * never asserted: the machine is shared and noisy, and the generator competes for its cores.
 */
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { CreateHandoffResponse } from '../protocol/types';
import { handoffBody, replyText, visitorText } from './load-bodies';
import { startLoadServer, type LoadServer } from './load-child';
import { openSse, pool, requestJson, streamPool, type JsonAnswer, type SseConnection, type Target } from './load-http';
import { quantile, runBounded, waitUntil, type RunResult } from './load-run';
import { BENCH_AGENT, type StatsReply } from './load-shared';

/** Requests in flight at once, for every part. */
const CONCURRENCY = 32;
/** Messages started per second in parts 3 and 4: a busy support team, not a flood. */
const RATE = 200;
/** How long a sent message may take to arrive before it is counted as lost. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** Claims move the queue, whose news the server coalesces to once a second (server/api/queue.ts). */
const QUEUE_SETTLE_MS = 1_500;

/** Read when the run starts, so that a bad knob does not break the other parts of `npm run bench`. */
function knobs() {
  const handoffs = count('BENCH_HANDOFFS', 2_000);
  const streams = count('BENCH_SSE', 1_000);
  const messages = count('BENCH_MESSAGES', 2_000);
  if (streams > handoffs) throw new Error(`BENCH_SSE (${streams}) must be at most BENCH_HANDOFFS (${handoffs}): each stream is one handoff's`);
  return { handoffs, streams, messages };
}

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of 1 or more, got ${JSON.stringify(raw)}`);
  return value;
}

const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const sec = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** How long the server waited for a free core between two readings; null where the OS does not say. */
const coreWaitMs = (before: StatsReply, after: StatsReply): number | null =>
  before.runQueueWaitMs === null || after.runQueueWaitMs === null ? null : after.runQueueWaitMs - before.runQueueWaitMs;
const failures = (run: RunResult): string => (run.failed === 0 ? '' : `; ${run.failed} failed, e.g. ${run.errors[0]}`);

interface Ctx {
  server: LoadServer;
  /** Short requests: a keep-alive pool of CONCURRENCY sockets. */
  api: Target;
  /** Event streams: one socket each, so the pool is as big as the streams. */
  sse: Target;
  connections: SseConnection[];
  knobs: ReturnType<typeof knobs>;
}

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

async function createHandoffs(ctx: Ctx): Promise<CreateHandoffResponse[]> {
  const before = await ctx.server.stats({ resetLoop: true });
  const handoffs: CreateHandoffResponse[] = [];
  const latencies: number[] = [];
  const { handoffs: total } = ctx.knobs;
  const run = await runBounded({ count: total, concurrency: CONCURRENCY, deadlineMs: 60_000 }, async (i) => {
    const start = performance.now();
    const res = await requestJson(ctx.api, 'POST', '/v1/handoffs', handoffBody(i));
    latencies.push(performance.now() - start);
    if (res.status !== 201) throw new Error(`POST /v1/handoffs answered ${res.status}: ${JSON.stringify(res.body)}`);
    handoffs.push(res.body as CreateHandoffResponse);
  });
  latencies.sort((a, b) => a - b);
  row('handoffs created per second', `${((handoffs.length / run.elapsedMs) * 1000).toFixed(0)} /s`,
    `(${handoffs.length} of ${total} in ${sec(run.elapsedMs)}, ${CONCURRENCY} in flight${failures(run)})`);
  row('  POST /v1/handoffs latency p50 / p99', `${ms(quantile(latencies, 0.5))} / ${ms(quantile(latencies, 0.99))}`,
    `(max ${ms(latencies.at(-1) ?? NaN)})`);
  const after = await ctx.server.stats();
  const wait = coreWaitMs(before, after);
  const starved = wait === null ? '' : `(the server waited ${ms(wait)} for a free core)`;
  row('  server event-loop delay p99 / max', `${ms(after.loopP99Ms)} / ${ms(after.loopMaxMs)}`, starved);
  return handoffs;
}

async function openStreams(ctx: Ctx, handoffs: CreateHandoffResponse[], toVisitors: Deliveries): Promise<void> {
  const run = await runBounded({ count: handoffs.length, concurrency: 64, deadlineMs: 60_000 }, async (i) => {
    const h = handoffs[i]!;
    const onEvent = (type: string, data: string) => {
      if (type !== 'message') return; // status, agent_joined: parsing them would only load the generator
      const { message } = JSON.parse(data) as { message: { clientMessageId: string } };
      toVisitors.seen(message.clientMessageId, h.id);
    };
    ctx.connections.push(await openSse(ctx.sse, `/v1/handoffs/${h.id}/events`, { authorization: `Bearer ${h.token}` }, onEvent));
  });
  const { subscriptions, rssBytes } = await ctx.server.stats();
  row('event streams open at once', String(ctx.connections.length),
    `(of ${handoffs.length}, opened in ${sec(run.elapsedMs)}${failures(run)}; server holds ${subscriptions} subscriptions, RSS ${mb(rssBytes)})`);
  if (ctx.connections.length < handoffs.length) throw new Error(`Only ${ctx.connections.length} of ${handoffs.length} event streams opened`);
}

async function signIn(ctx: Ctx): Promise<string> {
  const res = await requestJson(ctx.api, 'POST', '/v1/agent/login', { email: BENCH_AGENT.email, password: BENCH_AGENT.password });
  const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`POST /v1/agent/login answered ${res.status}: ${JSON.stringify(res.body)}`);
  return cookie;
}

/** The agent takes every streamed handoff first, so each timed reply is one message, not a claim. */
async function claimAll(ctx: Ctx, handoffs: CreateHandoffResponse[], cookie: string): Promise<void> {
  const run = await runBounded({ count: handoffs.length, concurrency: CONCURRENCY, deadlineMs: 60_000 }, async (i) => {
    const res = await requestJson(ctx.api, 'POST', `/v1/agent/handoffs/${handoffs[i]!.id}/claim`, {}, { cookie });
    if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${JSON.stringify(res.body)}`);
  });
  if (run.failed > 0) throw new Error(`${run.failed} claims failed, e.g. ${run.errors[0]}`);
  await new Promise((resolve) => setTimeout(resolve, QUEUE_SETTLE_MS));
}

/** Sends BENCH_MESSAGES at RATE with `send`, waits for them to arrive, and reports latency and the server's cost. */
async function timeDelivery(
  ctx: Ctx,
  label: string,
  tracker: Deliveries,
  send: (i: number) => Promise<void>,
): Promise<void> {
  const before = await ctx.server.stats({ resetLoop: true });
  const ownBefore = process.cpuUsage();
  const t0 = performance.now();
  const { messages } = ctx.knobs;
  const run = await runBounded({ count: messages, concurrency: CONCURRENCY, perSecond: RATE, deadlineMs: (messages / RATE) * 1000 + 30_000 }, send);
  const sentOk = run.started - run.failed;
  await waitUntil(() => tracker.pending.size === 0, DELIVERY_TIMEOUT_MS);
  const wallMs = performance.now() - t0;
  const after = await ctx.server.stats();
  const own = process.cpuUsage(ownBefore);

  const lat = [...tracker.latencies].sort((a, b) => a - b);
  const lost = tracker.pending.size;
  const cpu = (after.userUs + after.systemUs - before.userUs - before.systemUs) / 1000 / wallMs;
  const dropped = ctx.connections.filter((c) => c.ended).length;
  console.log(`\n  ${label}: ${sentOk} sent at ${RATE}/s (${CONCURRENCY} in flight) over ${ctx.connections.length} open streams`);
  row('  delivery latency p50', ms(quantile(lat, 0.5)));
  row('  delivery latency p99', ms(quantile(lat, 0.99)));
  row('  delivery latency max', ms(lat.at(-1) ?? NaN));
  row('  arrived', `${lat.length} / ${sentOk}`,
    [lost && `${lost} LOST after ${sec(DELIVERY_TIMEOUT_MS)}`, tracker.misrouted && `${tracker.misrouted} on the WRONG stream`,
      dropped && `${dropped} streams ENDED early`, run.failed && `${run.failed} POSTs failed, e.g. ${run.errors[0]}`,
      run.maxLagMs > 100 && `the generator fell ${ms(run.maxLagMs)} behind its schedule`].filter(Boolean).join('; '));
  const wait = coreWaitMs(before, after);
  const starved = wait === null ? '' : `; waited ${ms(wait)} for a free core`;
  row('  server CPU', `${(cpu * 100).toFixed(0)}%`, `of one core, over ${sec(wallMs)}${starved} (generator: ${((own.user + own.system) / 10 / wallMs).toFixed(0)}%)`);
  row('  server event-loop delay p99 / max', `${ms(after.loopP99Ms)} / ${ms(after.loopMaxMs)}`, '(how late it ran its timers)');
  row('  server RSS', mb(after.rssBytes), `(peak so far ${mb(after.maxRssBytes)})`);
}

export async function benchLoad(): Promise<void> {
  const settings = knobs();
  console.log('\nLoad on loopback (the server in its own process on a SQLite file; rate limits raised past what the run');
  console.log(`  sends, so they are not what is measured; generator and server share ${cpus().length} CPUs, load average before`);
  console.log(`  the run ${loadavg()[0]!.toFixed(2)}: anything above ~0 is other work on the machine taking the same cores)`);

  const server = await startLoadServer();
  const ctx: Ctx = {
    server,
    api: { port: server.port, agent: pool(CONCURRENCY) },
    sse: { port: server.port, agent: streamPool(settings.streams + 1) }, // + the agent's stream
    connections: [],
    knobs: settings,
  };
  try {
    const handoffs = await createHandoffs(ctx);
    const streamed = handoffs.slice(0, settings.streams);
    const toVisitors = deliveries();
    await openStreams(ctx, streamed, toVisitors);

    const cookie = await signIn(ctx);
    await claimAll(ctx, streamed, cookie);
    await timeDelivery(ctx, 'Agent reply -> visitor stream', toVisitors, async (i) => {
      const h = streamed[i % streamed.length]!;
      const clientMessageId = `bench-reply-${i}`;
      await toVisitors.send(clientMessageId, h.id, () =>
        requestJson(ctx.api, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId, text: replyText(i) }, { cookie }));
    });

    const toAgent = deliveries();
    const agentStream = await openSse(ctx.sse, '/v1/agent/events', { cookie }, (type, data) => {
      if (type !== 'message') return;
      const { message, handoffId } = JSON.parse(data) as { handoffId: string; message: { clientMessageId: string } };
      toAgent.seen(message.clientMessageId, handoffId);
    });
    ctx.connections.push(agentStream);
    await timeDelivery(ctx, 'Visitor message -> agent stream', toAgent, async (i) => {
      const h = streamed[i % streamed.length]!;
      const clientMessageId = `bench-visitor-${i}`;
      await toAgent.send(clientMessageId, h.id, () =>
        requestJson(ctx.api, 'POST', `/v1/handoffs/${h.id}/messages`, { clientMessageId, text: visitorText(i) }, { authorization: `Bearer ${h.token}` }));
    });

    // Every stream the clients leave must let go of its subscription on the server.
    for (const c of ctx.connections.splice(0)) c.close();
    let left = -1;
    await pollStats(server, (stats) => (left = stats.subscriptions) === 0, 5_000);
    console.log('');
    row('server subscriptions after clients left', String(left), left === 0 ? '' : 'LEAK: streams kept after their clients went');
  } finally {
    for (const c of ctx.connections) c.close();
    ctx.api.agent.destroy();
    ctx.sse.agent.destroy();
    await server.stop();
  }
}

async function pollStats(server: LoadServer, done: (stats: StatsReply) => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done(await server.stats()) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

// `node --import tsx src/bench/load.ts` runs this part alone.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLoad();
