/**
 * Part of `npm run bench:search`: help centres of any size. For 1,000 to 10,000 generated
 * articles (search.ts generateArticles), the size of what `lifeline index` writes (gzip, as a
 * visitor would download it) and what building or loading it costs, which is where the browser
 * stops being the place to search (cli-index.ts BACKEND_ABOVE_BYTES); then GET /v1/search on the
 * real server (Hono routes, the store on SQLite, the served phrasings) at 10,000 articles, p50
 * and p95 of requests answered in-process (no network), the figure issue 15 caps at 20 ms; and the
 * same on PostgreSQL, where each search also writes the shared rate limit's row (skipped without
 * PostgreSQL's binaries, or with BENCH_SCALE_POSTGRES=0).
 * BENCH_SCALE_SIZES (default 1000,2000,5000,10000) and BENCH_SCALE_QUERIES (default 300) tune it.
 */
import '../search/languages/all';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createApp } from '../server/app';
import { BENCH_RATE_LIMITS } from './load-shared';
import { catalogOf } from '../server/article-catalog';
import { openSqliteStore } from '../server/store/sqlite';
import { openStore } from '../server/store/open';
import { postgresShared } from '../server/store/postgres/shared';
import { findServerBinaries, startTestCluster } from '../server/store/postgres/test-cluster';
import { createSearchIndex } from '../search/build-index';
import { BACKEND_ABOVE_BYTES, indexFile } from '../search/cli-index';
import { thesaurusFor } from '../search/wordnet';
import { loadSearchIndex, type SearchIndex } from '../search/index';
import type { Article } from '../search/types';

const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;
const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} KB`);
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchScale(make: (count: number) => Article[], queries: readonly string[]): Promise<void> {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? '1000,2000,5000,10000').split(',').map(Number);
  console.log(`\nHelp centres of any size (generated articles; the widget downloads the index up to ${kb(BACKEND_ABOVE_BYTES)} gzip, the server searches above)`);
  let largest: Article[] = [];
  for (const size of sizes) {
    const articles = make(size);
    largest = articles;
    let t = performance.now();
    // As the server builds a plain articles file (with WordNet's English words, wordnet.ts).
    createSearchIndex(articles, { thesaurus: thesaurusFor('en') });
    const build = performance.now() - t;
    const json = JSON.stringify(indexFile(articles, { withIndex: true }));
    const gzip = gzipSync(json).length;
    t = performance.now();
    const file = JSON.parse(json) as { index: unknown };
    loadSearchIndex(file.index, articles);
    const load = performance.now() - t;
    const label = size.toLocaleString('en');
    row(`${label} articles: lifeline index file`, kb(gzip), `gzip (${kb(json.length)} raw): ${gzip > BACKEND_ABOVE_BYTES ? 'searched by the server' : 'searched in the browser'}`);
    row(`${label} articles: build in one task / load`, ms(build), `/ ${ms(load)} (Node; a phone is ~4x slower)`);
  }

  // The real route on the real store: the time a request spends in the server, without the network.
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-bench-search-'));
  const catalog = catalogOf(
    largest.map((a) => ({ id: a.id, title: a.title, ...(a.url && { url: a.url }), text: { title: a.title, body: a.body, lang: 'en' as const } })),
    indexFile(largest, { withIndex: true }).index,
  );
  const index = loadSearchIndex(catalog.snapshot()!.index, largest)!;
  const label = largest.length.toLocaleString('en');
  try {
    const store = openSqliteStore(join(dir, 'bench.db'));
    try {
      // Every query comes from one address: the per-address search limit would answer 429.
      const app = createApp({ distDir: dir, demoDir: dir, store, articles: catalog, rateLimits: BENCH_RATE_LIMITS });
      await timeRoute(`GET /v1/search, ${label} articles`, app, queries, index, true);
    } finally {
      await store.close();
    }
    // On PostgreSQL the per-address search limit is a row every instance shares: one write a
    // search (postgres/rate-limit.ts), on a durable cluster (fsync and synchronous commit on).
    const found = process.env.BENCH_SCALE_POSTGRES === '0' ? { dir: null } : findServerBinaries();
    if (found.dir === null) {
      console.log('  (PostgreSQL: no initdb/pg_ctl found, or BENCH_SCALE_POSTGRES=0: not measured)');
      return;
    }
    const cluster = await startTestCluster({ binDir: found.dir, settings: { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' } });
    try {
      const url = await cluster.createDatabase('bench_search');
      const { store, pool } = await openStore({ engine: 'postgres', url, shown: 'the bench cluster' });
      const shared = postgresShared(pool!);
      try {
        await shared.ready;
        const app = createApp({ distDir: dir, demoDir: dir, store, articles: catalog, rateLimits: BENCH_RATE_LIMITS, limiter: shared.limiter });
        await timeRoute(`on PostgreSQL, its shared search limit`, app, queries, index, false);
      } finally {
        await shared.end();
        await store.close();
      }
    } finally {
      await cluster.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** GET /v1/search on `app`, p50 and p95, with the engine alone on the same queries, interleaved (what the route adds, whatever the machine's load). */
async function timeRoute(label: string, app: { request(path: string): Response | Promise<Response> }, queries: readonly string[], index: SearchIndex, typed: boolean): Promise<void> {
  const ask = async (q: string, typing = false): Promise<number> => {
    const start = performance.now();
    const res = await app.request(`/v1/search?q=${encodeURIComponent(q.slice(0, 200))}${typing ? '&typing=1' : ''}`);
    if (res.status !== 200) throw new Error(`GET /v1/search answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - start;
  };
  const t = performance.now();
  await ask(queries[0]!); // the first request loads the index: reported apart, not counted
  const first = performance.now() - t;
  const n = Math.min(Number(process.env.BENCH_SCALE_QUERIES ?? 300), queries.length);
  const times: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < n; i++) {
    const q = queries[Math.floor((i * queries.length) / n)]!.slice(0, 200);
    times.push(await ask(q));
    const start = performance.now();
    index.search(q, 5);
    engine.push(performance.now() - start);
  }
  engine.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  row(`${label}: p50`, ms(percentile(times, 50)), `(p95 ${ms(percentile(times, 95))}, ${n} queries; cap 20 ms at p95)`);
  row(`  the engine alone, same queries: p50`, ms(percentile(engine, 50)), `(p95 ${ms(percentile(engine, 95))})`);
  if (typed) {
    const prefixes = queries.slice(0, 20).flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
    const typing: number[] = [];
    for (const p of prefixes) typing.push(await ask(p, true));
    typing.sort((a, b) => a - b);
    row(`  as typed (typing=1): p50`, ms(percentile(typing, 50)), `(p95 ${ms(percentile(typing, 95))}, ${prefixes.length} prefixes)`);
  }
  row(`  first request (loads the prebuilt index)`, ms(first));
}
