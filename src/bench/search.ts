/**
 * `npm run bench:search`: search quality and speed, printed as figures (nothing asserted).
 *
 * Quality on Banking77 (see ATTRIBUTION): hit@1 and hit@3 over dev-queries.json for a plain
 * fuse.js baseline, the current index cold, and the index with history.json added as keywords
 * (src/search/history.ts). Speed: index build time and per-query latency (p50, p95) of the current
 * index over 1,000 and 10,000 generated articles, deterministic text from a seeded PRNG and words
 * of the Banking77 articles and queries. BENCH_SEARCH_QUERIES sets the queries per size
 * (default 30 at 1,000 articles, 10 at 10,000) and BENCH_SEARCH_DEV the dev queries scored
 * (default 400: every fifth, spread over all topics; BENCH_SEARCH_DEV=2000 scores them all in
 * about 5 minutes) to keep the run to about two minutes: the index with history costs ~0.1 s a
 * query, and ~2 s a query at 10,000 articles.
 */
import Fuse from 'fuse.js';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createSearchIndex } from '../search/index';
import { parseHistory, withHistory } from '../search/history';
import type { Article } from '../search/types';

// ../shared beside the clone, as the project's layout has it (BANKING77_DIR overrides).
const DATA = process.env.BANKING77_DIR ?? fileURLToPath(new URL('../../../shared/data/banking77', import.meta.url));
export const ATTRIBUTION =
  'Banking77 data: Casanueva et al., 2020, "Efficient Intent Detection with Dual Sentence Encoders"; ' +
  'PolyAI-LDN/task-specific-datasets, commit 57ec275d, banking_data/train.csv; licence CC BY 4.0.';

interface DevQuery {
  query: string;
  articleId: string;
}

const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** mulberry32: a small seeded PRNG, so the generated articles are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function hits(rank: (query: string) => string[], queries: readonly DevQuery[]): { at1: number; at3: number } {
  let at1 = 0;
  let at3 = 0;
  for (const { query, articleId } of queries) {
    const ids = rank(query);
    if (ids[0] === articleId) at1++;
    if (ids.slice(0, 3).includes(articleId)) at3++;
  }
  return { at1: at1 / queries.length, at3: at3 / queries.length };
}

/**
 * Articles of realistic shape: a title of 4–9 words, tags, a body of 600–3,000 characters in
 * sentences of words drawn (Zipf-like, so common words stay common) from the Banking77 text.
 */
export function generateArticles(count: number, words: readonly string[], seed = 77): Article[] {
  const random = prng(seed);
  const word = () => words[Math.floor(Math.pow(random(), 2) * words.length)]!;
  const sentence = (n: number) => {
    const s = Array.from({ length: n }, word).join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  return Array.from({ length: count }, (_, i) => {
    const target = 600 + Math.floor(random() * 2401);
    let body = '';
    while (body.length < target) body += `${sentence(6 + Math.floor(random() * 12))}. `;
    return {
      id: `gen-${i}`,
      title: `${sentence(4 + Math.floor(random() * 6))}?`,
      body: body.slice(0, target).trimEnd(),
      tags: [word(), word()],
    };
  });
}

export async function benchSearch(): Promise<void> {
  const read = async (name: string): Promise<unknown> => JSON.parse(await readFile(`${DATA}/${name}`, 'utf8')) as unknown;
  const articles = (await read('articles.json')) as Article[];
  const allDev = (await read('dev-queries.json')) as DevQuery[];
  const devCount = Math.min(Number(process.env.BENCH_SEARCH_DEV ?? 400), allDev.length);
  // Every (allDev.length / devCount)-th query, spread over the whole file.
  const dev = Array.from({ length: devCount }, (_, i) => allDev[Math.floor((i * allDev.length) / devCount)]!);
  const history = parseHistory(await read('history.json')).entries;

  console.log(`\nSearch quality on Banking77 (${articles.length} articles, ${dev.length} of ${allDev.length} dev queries)`);
  const fuse = new Fuse(articles, { keys: ['title', 'tags', 'body'] });
  const base = hits((q) => fuse.search(q, { limit: 3 }).map((r) => r.item.id), dev);
  let t = performance.now();
  const cold = createSearchIndex(articles);
  const coldBuild = performance.now() - t;
  const current = hits((q) => cold.search(q, 3).map((r) => r.id), dev);
  const learned = withHistory(articles, history);
  t = performance.now();
  const warm = createSearchIndex(learned);
  const warmBuild = performance.now() - t;
  const withHist = hits((q) => warm.search(q, 3).map((r) => r.id), dev);
  const keywords = learned.reduce((n, a) => n + (a.keywords?.length ?? 0), 0);
  console.log(`  ${'setup'.padEnd(44)} ${'hit@1'.padStart(12)}  ${'hit@3'.padStart(8)}`);
  for (const [label, h] of [
    ['(a) fuse.js, title/tags/body, defaults', base],
    ['(b) current index, cold', current],
    [`(c) current index + history (${keywords} keywords)`, withHist],
  ] as const) {
    console.log(`  ${label.padEnd(44)} ${pct(h.at1).padStart(12)}  ${pct(h.at3).padStart(8)}`);
  }
  row('hit@1 ratio, (c) / (b)', `${(withHist.at1 / current.at1).toFixed(2)}x`, `(b) / (a): ${(current.at1 / base.at1).toFixed(2)}x`);
  row('index build, 77 articles', ms(coldBuild), `(with history: ${ms(warmBuild)})`);

  const vocabulary = [...new Set(
    [...articles.map((a) => `${a.title} ${a.body}`), ...allDev.map((d) => d.query)]
      .join(' ')
      .toLowerCase()
      .match(/[a-z][a-z']+/g) ?? [],
  )];
  const queryCount = (size: number) => Number(process.env.BENCH_SEARCH_QUERIES ?? (size >= 10_000 ? 10 : 30));
  console.log(`\nSearch speed, current index on generated articles (bodies 600–3,000 characters, ${vocabulary.length}-word vocabulary)`);
  for (const size of [1_000, 10_000]) {
    const generated = generateArticles(size, vocabulary);
    t = performance.now();
    const index = createSearchIndex(generated);
    const build = performance.now() - t;
    const n = Math.min(queryCount(size), dev.length);
    // Every (dev.length / n)-th query, so the sample spreads over all topics.
    const sample = Array.from({ length: n }, (_, i) => dev[Math.floor((i * dev.length) / n)]!.query);
    index.search(sample[0]!, 5); // warm-up, not counted
    const times: number[] = [];
    for (const query of sample) {
      const start = performance.now();
      index.search(query, 5);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    row(`${size.toLocaleString('en')} articles: index build`, ms(build));
    row(`${size.toLocaleString('en')} articles: query p50`, ms(percentile(times, 50)), `(p95 ${ms(percentile(times, 95))}, ${n} queries)`);
  }
  console.log(`\n  ${ATTRIBUTION}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSearch();
