/**
 * The words an index knows, and what a query word may mean among them: itself, the words it
 * begins (the visitor is still typing) or, for a typo, the known words within its typo budget.
 *
 * The budget is by length, as people mistype: a word of 4–6 letters may have one typo, a longer
 * one two (a letter dropped, added, replaced, or two swapped: the optimal string alignment
 * distance), a 3-letter word only a letter dropped ("tme" for "time"), a shorter one none. Only the closest words are
 * taken. A trigram pre-filter keeps it cheap at 10,000 articles: each typo changes at most three
 * trigrams of a word, so a word within the budget shares all but that many with the query word,
 * and only those few words are compared letter by letter.
 */

/** A word the query may mean, and how sure (1 the word itself). */
export interface Expansion {
  term: string;
  sim: number;
}

const MAX_EXPANSIONS = 4;
/** Known words compared letter by letter with a word typed, at most. */
const MAX_CANDIDATES = 80;
/** Completions of a word being typed count a little less than the word itself. */
const PREFIX_SIM = 0.85;
/**
 * A word of the same family ("acceptance" for "accept") or another spelling ("recognize" for
 * "recognise") is about as sure as a related everyday word: the same meaning, or nearly.
 */
const FAMILY_SIM = 0.75;
/** The shortest stem a family is made from: "acc" + "ess" is not a family. */
const FAMILY_ROOT = 4;
/** How sure a typo reading is, by the number of typos: a guess weighs in less than a word typed right. */
const TYPO_SIM = [1, 0.8, 0.65];

/** Typos allowed in a word of this many letters. */
export const typoBudget = (length: number): number => (length >= 7 ? 2 : length >= 3 ? 1 : 0);

/**
 * Optimal string alignment distance (insertions, deletions, substitutions, swaps of two
 * neighbours) between a and b, or max + 1 as soon as it must exceed max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      if (d < low) low = d;
    }
    if (low > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export class Vocabulary {
  private readonly sorted: string[];
  private grams: Map<string, number[]> | undefined;
  private readonly cache = new Map<string, Expansion[]>();

  /**
   * `suffixes` are the language's ([suffix, replacement] as language.ts strips them): a typo is
   * measured against the forms a known stem stands for ("pendng" is one typo from "pending",
   * whose stem is "pend"), not against the bare stem.
   */
  private readonly derivations: readonly string[];
  private readonly spellings: ReadonlyArray<readonly [string, string]>;

  /**
   * `family`: the language's derivational endings and spellings (language.ts `derivations`,
   * `spellings`), for the words of a word's family.
   */
  constructor(
    private readonly known: ReadonlySet<string>,
    private readonly suffixes: ReadonlyArray<readonly [string, string, number?]> = [],
    family: { derivations?: string; spellings?: string } = {},
  ) {
    this.sorted = [...known].sort();
    this.derivations = family.derivations?.split(' ').filter(Boolean) ?? [];
    const pairs = family.spellings?.split(' ').filter(Boolean) ?? [];
    const spellings: Array<readonly [string, string]> = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) spellings.push([pairs[i]!, pairs[i + 1]!], [pairs[i + 1]!, pairs[i]!]);
    this.spellings = spellings;
  }

  /**
   * What `term` may mean, best first. `typing` adds completions (the last word of a query typed
   * as you go); `real`: a word the language knows (its table of related words has it), never
   * taken as a typo of a word of the index. Cached, because a visitor typing repeats the same words.
   */
  expand(term: string, typing = false, typed = term, real = false): Expansion[] {
    const key = `${term}\u0000${typed}\u0000${typing ? 1 : 0}${real ? 1 : 0}`;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size > 5_000) this.cache.clear();
      found = this.compute(term, typing, typed, real);
      this.cache.set(key, found);
    }
    return found;
  }

  /** `typed` is the word as typed (folded, not stemmed), for typos. */
  private compute(term: string, typing: boolean, typed: string, real: boolean): Expansion[] {
    const out = new Map<string, number>();
    if (this.known.has(term)) out.set(term, 1);
    if (typing && term.length >= 3) {
      for (const word of this.completions(term)) if (!out.has(word)) out.set(word, PREFIX_SIM);
    }
    // A known word (of the index, or of the language's table) is taken as meant; only an unknown one may be a typo: a word of 3 letters, or
    // one whose stem has 4 or more (a short stem is a short common word: "like" is not "link").
    // Not a Japanese or Chinese one: a mistyped ideograph is another word (a wrong IME choice), and
    // letters shared with a two-character word say nothing (search/languages/segment-cjk.ts).
    if (!out.size && !real && (term.length >= 4 || typed.length === 3) && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(term)) {
      for (const { term: word, sim } of this.typos(term, typed)) out.set(word, Math.max(out.get(word) ?? 0, sim));
    }
    for (const word of this.family(term)) if (!out.has(word)) out.set(word, FAMILY_SIM);
    return [...out]
      .map(([t, sim]) => ({ term: t, sim }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, MAX_EXPANSIONS);
  }

  /**
   * Known words of the same family as `term`: made from it with a derivational ending ("accept"
   * -> "acceptance"), the one it is made from ("expiry" -> "expire"), its other spellings.
   * Looked up, not searched: a few map lookups per word.
   */
  private family(term: string): string[] {
    const out: string[] = [];
    if (term.length < FAMILY_ROOT) return out;
    for (const ending of this.derivations) {
      if (this.known.has(term + ending)) out.push(term + ending);
      const root = term.slice(0, -ending.length);
      if (term.endsWith(ending) && root.length >= FAMILY_ROOT && this.known.has(root)) out.push(root);
    }
    for (const [from, to] of this.spellings) {
      const other = term.replaceAll(from, to);
      if (other !== term && this.known.has(other)) out.push(other);
    }
    return out;
  }

  /** The position of the first known word not before `prefix`. */
  private lowerBound(prefix: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Known words that begin with `prefix`, shortest first (the likeliest completion). */
  private completions(prefix: string): string[] {
    const words: string[] = [];
    for (let i = this.lowerBound(prefix); i < this.sorted.length && words.length < 50 && this.sorted[i]!.startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) words.push(this.sorted[i]!);
    }
    return words.sort((a, b) => a.length - b.length).slice(0, MAX_EXPANSIONS);
  }

  private typos(term: string, typed: string): Expansion[] {
    const budget = typoBudget(typed.length);
    if (!budget) return [];
    const grams = trigrams(term);
    const index = (this.grams ??= this.buildGrams());
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const at of index.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    }
    // Too short for trigrams to tell: the known words of 2 to 4 letters that begin with its letter.
    if (typed.length === 3) {
      for (let at = this.lowerBound(term[0]!); at < this.sorted.length && this.sorted[at]![0] === term[0]; at++) {
        if (this.sorted[at]!.length <= 4) shared.set(at, grams.length);
      }
    }
    // A word within the budget shares a third of its trigrams with the word typed, at least.
    const needed = Math.max(1, Math.floor(grams.length / 3));
    let closest = budget + 1;
    let found: string[] = [];
    // The words sharing the most trigrams first, and only so many: a few hundred words of a large
    // vocabulary may share three common trigrams ("con", "ion") with a long word.
    const candidates = [...shared].filter(([, n]) => n >= needed).sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES);
    for (const [at] of candidates) {
      const word = this.sorted[at]!;
      const d = this.distance(term, typed, word, Math.min(budget, closest));
      if (d > budget || d > closest || d === 0) continue;
      // People rarely mistype the first letter: "tall" is not a typo of "wall", and a long word
      // with another first letter is only taken with that one typo.
      if (word[0] !== term[0] && (term.length < 7 || d > 1)) continue;
      // A word of three letters is only taken as a longer one with a letter dropped ("tme" for "time").
      if (typed.length === 3 && !this.dropped(typed, word)) continue;
      if (d < closest) {
        closest = d;
        found = [];
      }
      found.push(word);
    }
    // The closest words only, those sharing the most trigrams with the word typed first.
    const common = (word: string): number => grams.filter((g) => word.includes(g.trim())).length;
    return found
      .sort((a, b) => common(b) - common(a) || (a < b ? -1 : 1))
      .slice(0, MAX_EXPANSIONS)
      .map((word) => ({ term: word, sim: TYPO_SIM[closest]! }));
  }

  /** Whether `typed` is one of the forms `stem` stands for with one letter left out. */
  private dropped(typed: string, stem: string): boolean {
    const forms = [stem, ...this.suffixes.filter(([, r]) => !r || stem.endsWith(r)).map(([suffix, r]) => stem.slice(0, stem.length - r.length) + suffix)];
    return forms.some((form) => form.length === typed.length + 1 && editDistance(typed, form, 1) === 1);
  }

  /** Typos between the word typed and a known stem: the nearest of the stem and the forms it stands for. */
  private distance(term: string, typed: string, stem: string, max: number): number {
    let d = editDistance(term, stem, max);
    for (const [suffix, replacement] of this.suffixes) {
      if (d === 0) break;
      if (replacement && !stem.endsWith(replacement)) continue;
      const form = stem.slice(0, stem.length - replacement.length) + suffix;
      if (Math.abs(form.length - typed.length) <= max) d = Math.min(d, editDistance(typed, form, Math.min(max, d)));
    }
    return d;
  }

  private buildGrams(): Map<string, number[]> {
    const index = new Map<string, number[]>();
    this.sorted.forEach((word, at) => {
      for (const gram of new Set(trigrams(word))) {
        const list = index.get(gram);
        if (list) list.push(at);
        else index.set(gram, [at]);
      }
    });
    return index;
  }
}

/** Trigrams of a word padded with spaces, so its first and last letters count: " ca", "car", "ard", "rd ". */
function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}
