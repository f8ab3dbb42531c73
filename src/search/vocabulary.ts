/**
 * The words an index knows, and what a query word may mean among them: itself, the words it
 * begins (the visitor is still typing) or, for a typo, the nearest words as fuse.js scores them.
 *
 * fuse.js is the fuzzy matcher, but it never scans the whole vocabulary: a trigram pre-filter
 * picks the few words that share enough letters with the query word, and fuse only scores those.
 * That keeps a typo as cheap at 10,000 articles as at 10.
 */
import Fuse from 'fuse.js/basic';

/** A word the query may mean, and how sure (1 the word itself). */
export interface Expansion {
  term: string;
  sim: number;
}

const MAX_EXPANSIONS = 4;
const MAX_CANDIDATES = 40;
/** Completions of a word being typed count a little less than the word itself. */
const PREFIX_SIM = 0.85;
/** Below this fuse.js match quality (1 - score), a word is not a typo of the query word. */
const MIN_FUZZY_SIM = 0.6;

export class Vocabulary {
  private readonly sorted: string[];
  private grams: Map<string, number[]> | undefined;
  private readonly cache = new Map<string, Expansion[]>();

  constructor(private readonly known: ReadonlySet<string>) {
    this.sorted = [...known].sort();
  }

  /**
   * What `term` may mean, best first. `typing` adds completions (the last word of a query typed
   * as you go). Cached, because a visitor typing repeats the same words.
   */
  expand(term: string, typing = false): Expansion[] {
    const key = typing ? `${term}\u0000` : term;
    let found = this.cache.get(key);
    if (!found) {
      if (this.cache.size > 5_000) this.cache.clear();
      found = this.compute(term, typing);
      this.cache.set(key, found);
    }
    return found;
  }

  private compute(term: string, typing: boolean): Expansion[] {
    const out = new Map<string, number>();
    if (this.known.has(term)) out.set(term, 1);
    if (typing && term.length >= 3) {
      for (const word of this.completions(term)) if (!out.has(word)) out.set(word, PREFIX_SIM);
    }
    // A known word is taken as meant; only an unknown one (of 4+ letters) may be a typo. Not a
    // Japanese or Chinese one: a mistyped ideograph is another word (a wrong IME choice), and
    // letters shared with a two-character word say nothing (search/languages/segment-cjk.ts).
    if (!out.size && term.length >= 4 && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(term)) {
      for (const { term: word, sim } of this.typos(term)) out.set(word, Math.max(out.get(word) ?? 0, sim));
    }
    return [...out]
      .map(([t, sim]) => ({ term: t, sim }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, MAX_EXPANSIONS);
  }

  /** Known words that begin with `prefix`, shortest first (the likeliest completion). */
  private completions(prefix: string): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const words: string[] = [];
    for (let i = lo; i < this.sorted.length && words.length < 50 && this.sorted[i]!.startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) words.push(this.sorted[i]!);
    }
    return words.sort((a, b) => a.length - b.length).slice(0, MAX_EXPANSIONS);
  }

  private typos(term: string): Expansion[] {
    const grams = trigrams(term);
    const index = (this.grams ??= this.buildGrams());
    const shared = new Map<number, number>();
    for (const gram of grams) {
      for (const at of index.get(gram) ?? []) shared.set(at, (shared.get(at) ?? 0) + 1);
    }
    // A one-letter typo leaves at least a third of the trigrams of a word of 4+ letters intact.
    const needed = Math.max(1, Math.floor(grams.length / 3));
    const candidates = [...shared]
      // People rarely mistype the first letter of a short word; "tall" is not a typo of "wall".
      .filter(([at, n]) => {
        const word = this.sorted[at]!;
        return n >= needed && Math.abs(word.length - term.length) <= 2 && (term.length > 5 || word[0] === term[0]);
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_CANDIDATES)
      .map(([at]) => this.sorted[at]!);
    if (!candidates.length) return [];
    // Short words allow about one edit, longer ones two.
    const fuse = new Fuse(candidates, { includeScore: true, ignoreLocation: true, threshold: 0.4 });
    return fuse
      .search(term, { limit: MAX_EXPANSIONS })
      // fuse.js finds the query inside a longer word ("recip" in "receipt") as easily as the word
      // itself; a word of another length is less likely the one meant.
      .map((r) => ({ term: r.item, sim: (1 - (r.score ?? 1)) * (Math.min(r.item.length, term.length) / Math.max(r.item.length, term.length)) }))
      .filter((e) => e.sim >= MIN_FUZZY_SIM);
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
