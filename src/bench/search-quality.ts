/**
 * Search quality on two real sets, for `npm run bench:search`: Lifeline's index beside two
 * baselines a site owner could pick instead (plain fuse.js, MiniSearch with a sensible default
 * configuration), in the same run on the same queries.
 *
 * - Banking77 (CC BY 4.0): 77 short generic articles, 2,000 real bank customer queries.
 * - English Stack Exchange duplicates (CC BY-SA): 331 real questions with their real bodies; the
 *   queries are the titles of later questions closed as their duplicates.
 *
 * Each set is split by article (a fixed hash of its id, one article in four held out): the
 * queries of the held-out articles are never looked at while tuning, so the "held-out" column
 * shows whether a change helps people's language in general or only the queries it was tuned on.
 * Figures: hit@1, hit@3, MRR (over the results shown), results shown per query, the share of
 * off-topic questions answered anyway (two lists of everyday questions: the first used while
 * tuning, the second written before tuning and never used for it), and the share of correctly
 * answered dev queries still answered (hit@3) with two typos put in them.
 */
import '../search/languages/all';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createSearchIndex } from '../search/build-index';
import { thesaurusFor } from '../search/wordnet';
import { MAX_RESULTS } from '../search/index';
import type { Article } from '../search/types';

export interface Query {
  query: string;
  articleId: string;
}

export interface QualitySet {
  name: string;
  articles: Article[];
  queries: Query[];
  attribution: string;
}

/** Ids best first, at most MAX_RESULTS: what a visitor would be shown. */
export type Ranker = (query: string) => string[];

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
// ../shared beside the clone, as the project's layout has it (BANKING77_DIR, ENGLISHSE_DIR override).
export const BANKING77_DIR = process.env.BANKING77_DIR ?? here('../../../shared/data/banking77');
export const ENGLISHSE_DIR = process.env.ENGLISHSE_DIR ?? here('../../../shared/data/englishse-dups');

export const BANKING77_ATTRIBUTION =
  'Banking77 data: Casanueva et al., 2020, "Efficient Intent Detection with Dual Sentence Encoders"; ' +
  'PolyAI-LDN/task-specific-datasets, commit 57ec275d, banking_data/train.csv; licence CC BY 4.0.';
export const ENGLISHSE_ATTRIBUTION =
  'English Stack Exchange duplicates: questions of english.stackexchange.com (https://english.stackexchange.com/q/<id>, ' +
  'authors shown there) from the Stack Exchange data dump, subset by Delaminer/eecs487-finalproject (commit 3e89ff0a); ' +
  'licence CC BY-SA (2.5, 3.0 or 4.0 by posting date).';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

export async function loadSets(): Promise<QualitySet[]> {
  return [
    {
      name: 'Banking77',
      articles: (await readJson(`${BANKING77_DIR}/articles.json`)) as Article[],
      queries: (await readJson(`${BANKING77_DIR}/dev-queries.json`)) as Query[],
      attribution: BANKING77_ATTRIBUTION,
    },
    {
      name: 'English SE duplicates',
      articles: (await readJson(`${ENGLISHSE_DIR}/articles.json`)) as Article[],
      queries: (await readJson(`${ENGLISHSE_DIR}/dev-queries.json`)) as Query[],
      attribution: ENGLISHSE_ATTRIBUTION,
    },
  ];
}

/** One article in four, by a fixed hash of its id (FNV-1a): the same split on every run and machine. */
export function heldOut(articleId: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < articleId.length; i++) hash = Math.imul(hash ^ articleId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % 4 === 0;
}

/** Everyday questions no help centre of a bank or about English usage answers; used while tuning. */
export const OFF_TOPIC_DEV = [
  'what time does the store open on sunday', 'how do I reset my wifi router', 'recipe for banana bread',
  'is it going to rain tomorrow', 'who won the football match last night', 'my bike chain is squeaking',
  'I want to book a table for two', 'how tall is the eiffel tower', 'can you recommend a good movie',
  'where can I park my car', 'do you sell gift wrapping', 'my dog ate my homework', 'what is the meaning of life',
  'the song lyrics are wrong', 'how many calories in an apple', 'I need a plumber urgently',
  'translate hello into german', 'my laptop screen flickers', 'is the museum open late',
  'what size shoes should I order', 'can I bring my cat on the train', 'how do I cook rice',
  'the hotel room was dirty', 'when does the concert start', 'my package was left at the wrong door',
  'best hiking trails nearby', 'I forgot my umbrella on the bus', 'does this jacket come in blue',
  'how do I learn to swim', 'who is the president',
];

/** More of them, written before any tuning and never used for it: the held-out off-topic figure. */
export const OFF_TOPIC_HELD_OUT = [
  'karaoke song lyrics', 'how long do I boil an egg', 'my washing machine is leaking water',
  'cheap flights to lisbon in may', 'which plants like shade', 'the printer says paper jam',
  'how do I tie a tie', 'is the swimming pool heated', 'my phone battery drains fast',
  'what should I feed a kitten', 'how much paint for a bedroom', 'tickets for the zoo',
  'why is the sky blue', 'my car makes a rattling noise', 'how do I remove a red wine stain',
  'opening hours of the pharmacy', 'what is the best pizza topping', 'my neighbour plays loud music',
  'how to grow tomatoes on a balcony', 'the elevator is broken again', 'where is the nearest beach',
  'can I freeze cooked pasta', 'my kid has a fever', 'how do I change a flat tyre',
  'what year did the war end', 'good exercises for back pain', 'the train is delayed',
  'how many players in a rugby team', 'my headphones only play on one side', 'snow forecast for the weekend',
];

export interface Figures {
  at1: number;
  at3: number;
  mrr: number;
  /** Mean number of results shown. */
  shown: number;
  /** Share of queries with no result at all ("no good answer"). */
  empty: number;
}

export function score(rank: Ranker, queries: readonly Query[]): Figures {
  let at1 = 0;
  let at3 = 0;
  let mrr = 0;
  let shown = 0;
  let empty = 0;
  for (const { query, articleId } of queries) {
    const ids = rank(query).slice(0, MAX_RESULTS);
    const at = ids.indexOf(articleId);
    if (at === 0) at1++;
    if (at >= 0 && at < 3) at3++;
    if (at >= 0) mrr += 1 / (at + 1);
    shown += ids.length;
    if (!ids.length) empty++;
  }
  const n = Math.max(1, queries.length);
  return { at1: at1 / n, at3: at3 / n, mrr: mrr / n, shown: shown / n, empty: empty / n };
}

export const offTopicRate = (rank: Ranker, questions: readonly string[]): number =>
  questions.filter((q) => rank(q).length > 0).length / questions.length;

/** mulberry32: a small seeded PRNG, so the typos are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The query with two typos, in two different words of 5 letters or more (one typo in a word,
 * as people make them: a letter dropped, doubled, swapped with the next, or replaced by a key
 * nearby); null when the query has fewer than two such words.
 */
export function withTwoTypos(query: string, random: () => number): string | null {
  const words = [...query.matchAll(/[A-Za-z]{5,}/g)];
  if (words.length < 2) return null;
  const first = Math.floor(random() * words.length);
  let second = Math.floor(random() * (words.length - 1));
  if (second >= first) second++;
  const near = 'qwertyuiopasdfghjklzxcvbnm';
  let out = query;
  // Right to left, so the earlier match's index stays valid.
  for (const m of [words[first]!, words[second]!].sort((a, b) => b.index - a.index)) {
    const w = m[0];
    const at = 1 + Math.floor(random() * (w.length - 2)); // not the first letter: people rarely miss it
    const kind = Math.floor(random() * 4);
    const key = near.indexOf(w[at]!.toLowerCase());
    const neighbour = near[(key + (random() < 0.5 ? 1 : near.length - 1)) % near.length]!;
    const typo =
      kind === 0 ? w.slice(0, at) + w.slice(at + 1)
      : kind === 1 ? w.slice(0, at) + w[at] + w.slice(at)
      : kind === 2 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
      : w.slice(0, at) + neighbour + w.slice(at + 1);
    out = out.slice(0, m.index) + typo + out.slice(m.index + w.length);
  }
  return out;
}

/** Of the queries this ranker answers right (hit@3), the share still answered right with two typos. */
export function typoRobustness(rank: Ranker, queries: readonly Query[]): { tested: number; kept: number } {
  const random = prng(15);
  let tested = 0;
  let kept = 0;
  for (const { query, articleId } of queries) {
    const typoed = withTwoTypos(query, random);
    if (!typoed || !rank(query).slice(0, 3).includes(articleId)) continue;
    tested++;
    if (rank(typoed).slice(0, 3).includes(articleId)) kept++;
  }
  return { tested, kept: tested ? kept / tested : 0 };
}

export interface Setup {
  label: string;
  build(articles: readonly Article[]): Ranker;
}

export const SETUPS: Setup[] = [
  {
    label: 'plain fuse.js (title, tags, body; defaults)',
    build(articles) {
      const fuse = new Fuse(articles, { keys: ['title', 'tags', 'body'] });
      return (q) => fuse.search(q, { limit: MAX_RESULTS }).map((r) => r.item.id);
    },
  },
  {
    label: 'MiniSearch (title ×2, tags, body; prefix, fuzzy 0.2)',
    build(articles) {
      const mini = new MiniSearch<Article>({
        fields: ['title', 'tags', 'body'],
        extractField: (doc, field) => (field === 'tags' ? (doc.tags ?? []).join(' ') : String(doc[field as keyof Article] ?? '')),
        searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
      });
      mini.addAll(articles);
      return (q) => mini.search(q).slice(0, MAX_RESULTS).map((r) => String(r.id));
    },
  },
  {
    // As `lifeline index`, the server and `lifeline search` index English articles (wordnet.ts).
    label: 'Lifeline',
    build(articles) {
      const index = createSearchIndex(articles, { thesaurus: thesaurusFor('en') });
      return (q) => index.search(q, MAX_RESULTS).map((r) => r.id);
    },
  },
  {
    // A plain articles array indexed in the visitor's browser, where WordNet is not.
    label: 'Lifeline, indexed in the browser (no WordNet)',
    build(articles) {
      const index = createSearchIndex(articles);
      return (q) => index.search(q, MAX_RESULTS).map((r) => r.id);
    },
  },
];

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The quality table of every set, every setup, dev and held-out side by side. */
export async function benchQuality(sets?: QualitySet[]): Promise<void> {
  sets ??= await loadSets();
  for (const set of sets) {
    const dev = set.queries.filter((q) => !heldOut(q.articleId));
    const held = set.queries.filter((q) => heldOut(q.articleId));
    console.log(`\nSearch quality on ${set.name} (${set.articles.length} articles; ${dev.length} dev queries / ${held.length} held out, by article)`);
    console.log(
      `  ${'setup'.padEnd(52)} ${'hit@1'.padStart(13)} ${'hit@3'.padStart(13)} ${'MRR'.padStart(11)} ${'shown'.padStart(9)} ${'off-topic'.padStart(11)} ${'2 typos'.padStart(8)}`,
    );
    // BENCH_QUALITY_ONLY=Lifeline scores that setup alone (while tuning).
    const only = process.env.BENCH_QUALITY_ONLY;
    for (const setup of SETUPS.filter((s) => !only || s.label.startsWith(only))) {
      const rank = setup.build(set.articles);
      const d = score(rank, dev);
      const h = score(rank, held);
      const off = `${pct(offTopicRate(rank, OFF_TOPIC_DEV))}/${pct(offTopicRate(rank, OFF_TOPIC_HELD_OUT))}`;
      const typos = typoRobustness(rank, dev);
      console.log(
        `  ${setup.label.padEnd(52)} ${`${pct(d.at1)}/${pct(h.at1)}`.padStart(13)} ${`${pct(d.at3)}/${pct(h.at3)}`.padStart(13)} ${`${d.mrr.toFixed(2)}/${h.mrr.toFixed(2)}`.padStart(11)} ${`${d.shown.toFixed(1)}/${h.shown.toFixed(1)}`.padStart(9)} ${off.padStart(11)} ${pct(typos.kept).padStart(8)}`,
      );
    }
    console.log('  (each figure dev/held-out; shown: results per query, at most 5; off-topic: share of 30 everyday questions answered, tuning list/held-out list;');
    console.log('   2 typos: of the dev queries the setup answers in its top 3, the share still answered with two typos)');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchQuality();
