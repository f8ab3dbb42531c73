/**
 * `npm run bench:search`: search quality and speed, printed as figures (nothing asserted).
 *
 * Quality (search-quality.ts): Banking77 (CC BY 4.0) and English Stack Exchange duplicates
 * (CC BY-SA), each split dev / held-out by article, for plain fuse.js, MiniSearch and Lifeline:
 * hit@1, hit@3, MRR, results shown, off-topic questions answered, two typos. Then learning on
 * Banking77: history.json as learned phrasings, half of it learned and the other half asked, and
 * off-topic questions with it. Speed: index build time and per-query latency (p50, p95) over
 * 1,000 and 10,000 generated articles, deterministic text from a seeded PRNG and words of the
 * Banking77 articles and queries. BENCH_SEARCH_QUERIES sets the queries per size (default 300),
 * BENCH_SEARCH_DEV the Banking77 dev queries of the learning part (default all 2,000),
 * BENCH_SEARCH_QUALITY_ONLY=1 skips the speed part, BENCH_QUALITY_ONLY=Lifeline scores one setup.
 * plain fuse.js is slow on long bodies: it takes most of the run.
 */
import '../search/languages/all';
import Fuse from 'fuse.js';
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createSearchIndex } from '../search/build-index';
import { thesaurusFor } from '../search/wordnet';
import { loadSearchIndex } from '../search/index';
import { mergeHistory, parseHistory } from '../search/history';
import { serializeIndex } from '../search/serialize';
import type { Article } from '../search/types';
import { benchScale } from './search-scale';
import { BANKING77_ATTRIBUTION, BANKING77_DIR, benchQuality, ENGLISHSE_ATTRIBUTION, loadSets, OFF_TOPIC_DEV, OFF_TOPIC_HELD_OUT, prng } from './search-quality';

const DATA = BANKING77_DIR;

interface DevQuery {
  query: string;
  articleId: string;
}

const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number): string => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

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

function timeIt(run: () => void, times: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

export async function benchSearch(): Promise<void> {
  // Both sets, both baselines, dev and held-out (search-quality.ts).
  const sets = await loadSets();
  await benchQuality(sets);

  const read = async (name: string): Promise<unknown> => JSON.parse(await readFile(`${DATA}/${name}`, 'utf8')) as unknown;
  const articles = sets[0]!.articles;
  const allDev = sets[0]!.queries;
  const devCount = Math.min(Number(process.env.BENCH_SEARCH_DEV ?? allDev.length), allDev.length);
  // Every (allDev.length / devCount)-th query, spread over the whole file.
  const dev = Array.from({ length: devCount }, (_, i) => allDev[Math.floor((i * allDev.length) / devCount)]!);
  const rawHistory = parseHistory(await read('history.json')).entries;
  const history = mergeHistory(rawHistory);

  console.log(`\nLearning on Banking77: history.json as learned phrasings (${articles.length} articles, ${dev.length} dev queries)`);
  let t = performance.now();
  const cold = createSearchIndex(articles, { thesaurus: thesaurusFor('en') });
  const coldBuild = performance.now() - t;
  const current = hits((q) => cold.search(q, 3).map((r) => r.id), dev);
  t = performance.now();
  const warm = cold.withPhrasings(history);
  const warmBuild = performance.now() - t;
  const withHist = hits((q) => warm.search(q, 3).map((r) => r.id), dev);
  const phrasings = history.reduce((n, h) => n + h.queries.length, 0);
  row('cold (hit@1 / hit@3)', `${pct(current.at1)} / ${pct(current.at3)}`);
  row(`with history (${phrasings} phrasings)`, `${pct(withHist.at1)} / ${pct(withHist.at3)}`);
  row('index build, 77 articles', ms(coldBuild), `(adding the history: ${ms(warmBuild)})`);

  // Queries never used for tuning: history.json's own, cold; and learning from half of it,
  // scored on the other half (a phrasing is never its own answer).
  const asQueries = (list: typeof rawHistory): DevQuery[] => list.flatMap((h) => h.queries.map((query) => ({ query, articleId: h.articleId })));
  const unseen = hits((q) => cold.search(q, 3).map((r) => r.id), asQueries(rawHistory));
  const half = (keep: number) => rawHistory.map((h) => ({ articleId: h.articleId, queries: h.queries.filter((_, i) => i % 2 === keep) }));
  const halfIndex = cold.withPhrasings(mergeHistory(half(0)));
  const halfHits = hits((q) => halfIndex.search(q, 3).map((r) => r.id), asQueries(half(1)));
  row('cold, on the history.json queries', `${pct(unseen.at1)} / ${pct(unseen.at3)}`, 'hit@1 / hit@3, queries never used for tuning');
  row('learning half of history.json, the other half', `${pct(halfHits.at1)} / ${pct(halfHits.at3)}`, 'hit@1 / hit@3');

  // "No good answer": how often the index answers at all, and whether learning makes everyday
  // questions find bank articles (a phrasing lends its article only to questions close to it).
  const answered = dev.filter((d) => cold.search(d.query, 1).length > 0).length / dev.length;
  row('dev queries answered (cold)', pct(answered), `(the rest get "no good answer" and a person)`);
  for (const [label, list] of [['tuning', OFF_TOPIC_DEV], ['held-out', OFF_TOPIC_HELD_OUT]] as const) {
    const coldOff = list.filter((q) => cold.search(q, 1).length > 0).length;
    const warmOff = list.filter((q) => warm.search(q, 1).length > 0).length;
    row(`off-topic questions answered (${label} list)`, `${coldOff} of ${list.length}`, `cold; with history: ${warmOff} of ${list.length}`);
  }

  // BENCH_SEARCH_QUALITY_ONLY=1: the figures above without the speed part below.
  if (process.env.BENCH_SEARCH_QUALITY_ONLY === '1') return;
  const vocabulary = [...new Set(
    [...articles.map((a) => `${a.title} ${a.body}`), ...allDev.map((d) => d.query)]
      .join(' ')
      .toLowerCase()
      .match(/[a-z][a-z']+/g) ?? [],
  )];
  const queryCount = Number(process.env.BENCH_SEARCH_QUERIES ?? 300);
  console.log(`\nSearch speed on generated articles (bodies 600–3,000 characters, ${vocabulary.length}-word vocabulary), ${queryCount} dev queries each`);
  for (const size of [1_000, 10_000]) {
    const generated = generateArticles(size, vocabulary);
    t = performance.now();
    const index = createSearchIndex(generated, { thesaurus: thesaurusFor('en') });
    const build = performance.now() - t;
    const json = JSON.stringify(serializeIndex(index));
    const loads = timeIt(() => loadSearchIndex(JSON.parse(json), generated), 5);
    const n = Math.min(queryCount, dev.length);
    const sample = Array.from({ length: n }, (_, i) => dev[Math.floor((i * dev.length) / n)]!.query);
    index.search(sample[0]!, 5); // warm-up, not counted
    let k = 0;
    const times = timeIt(() => index.search(sample[k++ % n]!, 5), n);
    // As typed: every prefix of the first 20 queries, the last word unfinished.
    const prefixes = sample.slice(0, 20).flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
    k = 0;
    const typing = timeIt(() => index.search(prefixes[k++]!, 5, { typing: true }), prefixes.length);
    const long = timeIt(() => index.search(sample.join(' ').slice(0, 2_000), 5), 5);
    const label = size.toLocaleString('en');
    row(`${label} articles: index build`, ms(build));
    row(`${label} articles: serialized index`, `${(json.length / 1024).toFixed(0)} KB`, `(${(gzipSync(json).length / 1024).toFixed(0)} KB gzip)`);
    row(`${label} articles: index load (parse + load)`, ms(percentile(loads, 50)), '(median of 5)');
    row(`${label} articles: query p50`, ms(percentile(times, 50)), `(p95 ${ms(percentile(times, 95))}, ${n} queries)`);
    row(`${label} articles: as typed p50`, ms(percentile(typing, 50)), `(p95 ${ms(percentile(typing, 95))}, ${prefixes.length} prefixes)`);
    row(`${label} articles: a 2,000-character query`, ms(percentile(long, 50)), '(median of 5)');
    if (size === 1_000) {
      // The design this replaces: fuse.js over whole bodies with ignoreLocation.
      const plain = new Fuse(generated, { keys: ['title', 'tags', 'body'], ignoreLocation: true });
      k = 0;
      const fuseTimes = timeIt(() => plain.search(sample[k++]!, { limit: 5 }), 5);
      row(`${label} articles: plain fuse.js, ignoreLocation`, ms(percentile(fuseTimes, 50)), `(${(percentile(fuseTimes, 50) / percentile(times, 50)).toFixed(0)}x the Lifeline p50)`);
    }
  }
  await benchScale((count) => generateArticles(count, vocabulary), dev.map((d) => d.query));
  console.log(`\n  ${BANKING77_ATTRIBUTION}\n  ${ENGLISHSE_ATTRIBUTION}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSearch();
