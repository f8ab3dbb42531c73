/**
 * Search over help articles, fast at 10,000 articles and right for whole questions typed with
 * typos. Pure: no DOM, no network; the widget, the CLI and the benchmark share it.
 *
 * How a query is answered:
 * 1. Its words become stems (text.ts, language.ts): case, accents, punctuation, stop words and
 *    word endings stop mattering; quoted words are kept as typed, stop words too.
 * 2. Each stem is looked up in the vocabulary, which also gives completions of the word being
 *    typed and, for an unknown word, the known words within its typo budget (vocabulary.ts).
 * 3. An inverted index gives, per word, the articles that contain it with a BM25F weight
 *    computed at build time: a word in the title counts more than in keywords or tags, more
 *    than in the body. Only those articles are scored, so a query costs what its words' posting
 *    lists cost, not what the whole collection costs.
 * 4. Learned phrasings (past visitors' questions that an agent answered with an article) are
 *    matched as whole questions: the most similar phrasing lends its article its similarity,
 *    if it shares two words with the question at least.
 * 5. An article's confidence is the share of the query's meaning (its four rarest words, each
 *    weighted by rarity) that the article covers; everyday words of the same meaning ("cash"
 *    for "money", the language table's `related`) count as lesser matches. Below MIN_CONFIDENCE nothing is returned: "no good answer" is an
 *    answer, and the widget offers a person instead of unrelated articles. At most MAX_RESULTS,
 *    none below RELATIVE_FLOOR of the best.
 */
import { languageOf, searchLanguage, type SearchLanguage } from './language';
import { fold, tokenize } from './text';
import type { Article } from './types';
import { Vocabulary, type Expansion } from './vocabulary';

export type { Article } from './types';
export type { SearchLanguage } from './language';

/** [start, end] inclusive. */
export type Range = readonly [number, number];

export interface SearchResult {
  id: string;
  article: Article;
  /** 0 is a perfect match, 1 no match at all: 1 - confidence. */
  score: number;
  /** Where the query's words are in the title, to highlight them. */
  titleRanges: Range[];
}

/** Past visitors' questions answered by an article: history.json, and the server's learned phrasings. */
export interface Phrasings {
  articleId: string;
  queries: readonly string[];
}

export interface IndexOptions {
  /** Language of the articles, for stop words and stems; default English. */
  lang?: SearchLanguage | string;
  /** Groups of words or phrases that mean the same here, e.g. ["refund", "money back"]. */
  synonyms?: ReadonlyArray<readonly string[]>;
  phrasings?: readonly Phrasings[];
  /** Below this confidence (0–1) an article is not an answer; default MIN_CONFIDENCE. */
  minConfidence?: number;
  /**
   * Other words for an article's words (wordnet.ts: WordNet's, in Node), indexed as a field of
   * their own that weighs far below the article's own words. Only when indexing in Node.
   */
  thesaurus?: Thesaurus;
}

/** For a word as an article writes it ("charges"), other words of its meaning ("fee", "price"). */
export type Thesaurus = (word: string) => readonly string[];

export interface SearchOptions {
  /** The query is being typed: its last word may be unfinished, so completions count. */
  typing?: boolean;
}

export interface SearchIndex {
  readonly articles: readonly Article[];
  readonly lang: SearchLanguage;
  /** The learned phrasings it matches (valid ones, for articles it has). */
  readonly phrasings: readonly Phrasings[];
  search(query: string, limit?: number, options?: SearchOptions): SearchResult[];
  get(id: string): Article | undefined;
  /** The same articles with these learned phrasings instead of the current ones (cheap: the article index is shared). */
  withPhrasings(phrasings: readonly Phrasings[]): SearchIndex;
  /** For serialize.ts, which the widget never loads. */
  readonly internals: ArticleCore;
}

/** A prebuilt index as `lifeline index` writes it beside the articles (serialize.ts). */
export interface SerializedIndex {
  version: typeof INDEX_VERSION;
  lang: SearchLanguage;
  /** Article ids in order and their text length: a stale index is rebuilt, never trusted. */
  fingerprint: string;
  terms: string[];
  /** Per term: article positions (delta-coded) and BM25F weights ×1000, interleaved. */
  postings: number[][];
  phrasings: Phrasings[];
}

/**
 * The stems an index holds change with a language's stop words and stemmer: an index written by
 * another version is rebuilt, never read with other stems (2: Hebrew endings before prefixes,
 * English "should" a stop word).
 */
export const INDEX_VERSION = 2;
/** A visitor reads a few answers, not a list: never more than this many results. */
export const MAX_RESULTS = 5;
/** Below this confidence, an article is not an answer. */
export const MIN_CONFIDENCE = 0.15;
/**
 * Results below this share of the best one's confidence are not shown: on both development
 * sets 0.5 keeps the answer in the top 3 as often as no floor at all (within 0.3 points) and
 * shows about one result fewer; from 0.6 on it starts to hide right answers (bench:search).
 */
const RELATIVE_FLOOR = 0.5;
/**
 * What an article gains per kind of question (why, how, when, where, what; a negation) its title
 * shares with the visitor's: a tie-breaker among the articles the question's words found ("my card
 * doesn't work": "Why isn't my card working?" before "How do I activate my card?"), never an
 * answer on its own. On Banking77 it puts the answer first 2.1 / 1.6 points more often (dev /
 * held out); 0.1 and more starts to push aside articles that share the question's words.
 */
const FORM_BONUS = 0.05;
/** How sure a related everyday word is ("cash" for "money"): less than the word itself, about a typo's guess. */
const RELATED_SIM = 0.75;
/**
 * How many of a question's words (the rarest) make its meaning. On Banking77 4 answered 3.5
 * points more questions in the top 3 than all words (dev 68.0 -> 70.6 with the related words;
 * held out 64.4 -> 66.5), answered no more off-topic questions, and left English SE about as it
 * was (bench:search).
 */
const MEANING_WORDS = 4;
/** Words counted per query; the rest of a very long query adds little but time. */
const MAX_QUERY_TERMS = 16;

/** Per word: the articles that contain it (positions in `articles`) and their BM25F weights (0–1). */
export interface ArticleCore {
  articles: readonly Article[];
  lang: SearchLanguage;
  fingerprint: string;
  postings: Map<string, { docs: Uint32Array; weights: Float32Array; idf: number }>;
}

/** Per word: the learned phrasings that contain it; per phrasing, its article and norm. */
interface PhrasingCore {
  source: Phrasings[];
  postings: Map<string, { items: Uint32Array; idf: number }>;
  owner: Uint32Array;
  norm: Float64Array;
  /** Per phrasing, how many words it has. */
  size: Uint8Array;
}

/** Inverse document frequency: rare words say more about what a question is about. */
export const idfOf = (count: number, df: number): number => Math.log(1 + (count - df + 0.5) / (df + 0.5));

export function fingerprintOf(articles: readonly Article[]): string {
  let length = 0;
  for (const a of articles) length += a.title.length + a.body.length;
  let hash = 0x811c9dc5;
  for (const a of articles) {
    for (let i = 0; i < a.id.length; i++) hash = Math.imul(hash ^ a.id.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return `${articles.length}:${length}:${(hash >>> 0).toString(36)}`;
}

function buildPhrasingCore(core: ArticleCore, phrasings: readonly Phrasings[]): PhrasingCore {
  const position = new Map(core.articles.map((a, i) => [a.id, i]));
  const owners: number[] = [];
  const termsOf: string[][] = [];
  const source: Phrasings[] = [];
  for (const entry of phrasings) {
    // Learned for an article that is gone, or not the shape it should be (it came over the network).
    const at = typeof entry?.articleId === 'string' ? position.get(entry.articleId) : undefined;
    if (at === undefined || !Array.isArray(entry.queries)) continue;
    const queries = entry.queries.filter((q): q is string => typeof q === 'string');
    source.push({ articleId: entry.articleId, queries });
    for (const query of queries) {
      const terms = [...new Set(tokenize(query, core.lang).map((t) => t.term))];
      if (!terms.length) continue;
      owners.push(at);
      termsOf.push(terms);
    }
  }
  const lists = new Map<string, number[]>();
  termsOf.forEach((terms, p) => {
    for (const t of terms) {
      const list = lists.get(t);
      if (list) list.push(p);
      else lists.set(t, [p]);
    }
  });
  const postings: PhrasingCore['postings'] = new Map();
  for (const [t, items] of lists) postings.set(t, { items: Uint32Array.from(items), idf: idfOf(termsOf.length, items.length) });
  const norm = Float64Array.from(termsOf, (terms) => Math.sqrt(terms.reduce((sum, t) => sum + postings.get(t)!.idf ** 2, 0)));
  return { source, postings, owner: Uint32Array.from(owners), norm, size: Uint8Array.from(termsOf, (terms) => Math.min(255, terms.length)) };
}

export function assemble(core: ArticleCore, phrasings: readonly Phrasings[], minConfidence = MIN_CONFIDENCE): SearchIndex {
  const learned = buildPhrasingCore(core, phrasings);
  const { articles, lang } = core;
  const byId = new Map(articles.map((a) => [a.id, a]));
  const language = languageOf(lang);
  const vocabulary = new Vocabulary(new Set([...core.postings.keys(), ...learned.postings.keys()]), language.suffixes, language);
  // A word no article contains still weighs in a question's meaning: about as much as a
  // moderately rare word, so a question mostly about something else is not an answer.
  const unknownWeight = idfOf(articles.length, Math.max(1, articles.length * 0.05));
  const unknownLearned = idfOf(Math.max(1, learned.owner.length), Math.max(1, learned.owner.length * 0.05));

  /** The kinds of question (the language's `forms`) a folded text asks. */
  const kindsOf = (folded: string): Set<string> => {
    const out = new Set<string>();
    if (!language.kinds.size) return out;
    for (const [word] of folded.matchAll(/[\p{L}'’]+/gu)) {
      const kind = language.kinds.get(word.replace(/['’]/g, ''));
      if (kind) out.add(kind);
    }
    return out;
  };
  // Per article, the kinds its title asks: found when first needed, as most articles never are.
  const titleKindsOf = new Map<number, Set<string>>();
  const titleKinds = (doc: number): Set<string> => {
    let kinds = titleKindsOf.get(doc);
    if (!kinds) titleKindsOf.set(doc, (kinds = kindsOf(fold(articles[doc]!.title))));
    return kinds;
  };

  return {
    articles,
    lang,
    phrasings: learned.source,
    get: (id) => byId.get(id),
    withPhrasings: (next) => assemble(core, next, minConfidence),
    internals: core,
    search(query, limit = MAX_RESULTS, { typing = false } = {}) {
      const text = query.slice(0, 2_000);
      const folded = fold(text);
      // Each distinct word once, with the form typed (for typos, which are made in words, not stems).
      const typedOf = new Map<string, string>();
      for (const t of tokenize(text, lang, true)) {
        if (!typedOf.has(t.term)) typedOf.set(t.term, folded.slice(t.start, t.end + 1).replace(/['’]/g, ''));
      }
      const terms = [...typedOf.keys()].slice(0, MAX_QUERY_TERMS);
      // Words long enough to be typo-corrected (vocabulary.ts).
      const longWords = terms.filter((t) => typedOf.get(t)!.length >= 3).length;
      if (!terms.length) return [];
      const finishing = typing && !/\s$/.test(query);
      const scores = new Float64Array(articles.length);
      const best = new Float64Array(articles.length);
      const touched: number[] = [];
      // Per article, how many of the question's words it has.
      const words = new Uint8Array(articles.length);
      // ... and how many as typed (not a typo's guess or a completion).
      const sureWords = new Uint8Array(articles.length);
      // ... and the weight of the rarest of them.
      const rarest = new Float64Array(articles.length);
      const exact = new Uint8Array(articles.length);
      const learnedDot = new Float64Array(learned.owner.length);
      const learnedBest = new Float64Array(learned.owner.length);
      // Per phrasing, how many words of the question it has.
      const learnedWords = new Uint8Array(learned.owner.length);
      const matched = new Set<string>();
      const weights: number[] = [];
      let learnedMeaning = 0;

      terms.forEach((term, i) => {
        // Everyday words of the same meaning ("cash" for "money"), as a lesser match than the word
        // itself. A word of that table is a real word: "envoi" is not a typo of "envoy(ez)".
        const near = language.relatives.get(term);
        let expansions: Expansion[] = vocabulary.expand(term, finishing && i === terms.length - 1, typedOf.get(term), near !== undefined);
        let relatives: string[] = [];
        if (near) {
          relatives = near.filter((w) => !expansions.some((e) => e.term === w));
          expansions = [...expansions, ...relatives.map((w) => ({ term: w, sim: RELATED_SIM }))];
        }
        // ... and never weighs more than the word itself: "purchase", rarer than "order" in a shop's
        // articles, must not make a passing "purchase" outrank "Where is my order?".
        const ownIdf = core.postings.get(term)?.idf ?? Infinity;
        const ownLearnedIdf = learned.postings.get(term)?.idf ?? Infinity;
        // Articles: the best reading of this word per article.
        let weight = 0;
        const hits: number[] = [];
        for (const { term: word, sim } of expansions) {
          const list = core.postings.get(word);
          if (!list) continue;
          matched.add(word);
          const idf = relatives.includes(word) ? Math.min(list.idf, ownIdf) : list.idf;
          // A guessed word (a typo, a completion) weighs in fully but covers only as much as it is sure.
          weight = Math.max(weight, idf);
          const sure = sim * sim;
          for (let k = 0; k < list.docs.length; k++) {
            const doc = list.docs[k]!;
            const value = sure * idf * list.weights[k]!;
            if (best[doc] === 0) hits.push(doc);
            if (value > best[doc]!) best[doc] = value;
            if (sim === 1) exact[doc] = 1;
          }
        }
        weights.push(weight || unknownWeight);
        for (const doc of hits) {
          if (scores[doc] === 0) touched.push(doc);
          if (weight > rarest[doc]!) rarest[doc] = weight;
          scores[doc]! += best[doc]!;
          words[doc]!++;
          if (exact[doc]) sureWords[doc]!++;
          exact[doc] = 0;
          best[doc] = 0;
        }
        // Learned phrasings: cosine similarity of the question to each phrasing, words weighted by rarity.
        if (!learned.owner.length) return;
        let learnedWeight = 0;
        const learnedHits: number[] = [];
        for (const { term: word, sim } of expansions) {
          const list = learned.postings.get(word);
          if (!list) continue;
          matched.add(word);
          const idf = relatives.includes(word) ? Math.min(list.idf, ownLearnedIdf) : list.idf;
          learnedWeight = Math.max(learnedWeight, idf);
          const value = sim * sim * idf * idf;
          for (const p of list.items) {
            if (learnedBest[p] === 0) learnedHits.push(p);
            if (value > learnedBest[p]!) learnedBest[p] = value;
          }
        }
        learnedMeaning += (learnedWeight || unknownLearned) ** 2;
        for (const p of learnedHits) {
          learnedDot[p]! += learnedBest[p]!;
          learnedWords[p]!++;
          learnedBest[p] = 0;
        }
      });

      // The question's meaning is its MEANING_WORDS rarest words: a long message ("I have tried
      // five times, it is 2018 not 1818, why is my transfer still pending?") is about a few words
      // in it, and its chatter should not make every article too small a share of it.
      const meaningWeights = weights.sort((a, b) => b - a).slice(0, MEANING_WORDS);
      const meaning = meaningWeights.reduce((a, b) => a + b, 0);
      const leastMeaning = meaningWeights[meaningWeights.length - 1] ?? 0;
      const confidence = new Map<number, number>();
      for (const doc of touched) {
        const c = scores[doc]! / meaning;
        // A typo's guess is evidence only beside other evidence: an article that has nothing of a
        // question of several words but one guessed word is a coincidence of spelling ("snow
        // forecast" is not about a "show"), while "delivry" alone, or with "tme", still finds delivery.
        if (sureWords[doc] === 0 && words[doc] === 1 && longWords > 1) continue;
        // Nor is one common word of a long question, now that its meaning is its few rarest words:
        // "can you recommend a restaurant for dinner tonight and order wine" is not about orders.
        // One of those few rarest words may be, when it is rarer than a word no article knows
        // ("I tried five times from two phones this week and the beneficiary still fails"): on
        // Banking77 that answers 1.2 points more dev questions in the top 3 (0.4 held out), and
        // no more off-topic ones.
        if (words[doc] === 1 && terms.length > MEANING_WORDS && (rarest[doc]! < leastMeaning || rarest[doc]! <= unknownWeight)) continue;
        confidence.set(doc, c);
      }
      // Articles that past visitors' phrasings lend confidence to: their titles need not say it.
      const vouched = new Set<number>();
      if (learned.owner.length) {
        const queryNorm = Math.sqrt(learnedMeaning);
        // Per article, its three most similar phrasings: one close phrasing says much, several say more.
        const top = new Map<number, [number, number, number]>();
        for (let p = 0; p < learnedDot.length; p++) {
          if (learnedDot[p] === 0) continue;
          const doc = learned.owner[p]!;
          const similarity = learnedDot[p]! / (queryNorm * learned.norm[p]!);
          // Close to the question, not merely sharing a word with it: a phrasing lends its article
          // nothing unless it shares two words with the question (all of it, when either is one
          // word). One visitor's "refund for my karaoke machine" does not make "karaoke song
          // lyrics" a question about refunds, nor "the ATM ate my card" "my dog ate my homework".
          if (learnedWords[p]! < Math.min(2, terms.length, learned.size[p]!)) continue;
          const t = top.get(doc) ?? [0, 0, 0];
          if (similarity > t[0]) t.splice(0, 3, similarity, t[0], t[1]);
          else if (similarity > t[1]) t.splice(1, 2, similarity, t[1]);
          else if (similarity > t[2]) t[2] = similarity;
          top.set(doc, t);
        }
        for (const [doc, [a, b, c]] of top) {
          vouched.add(doc);
          const own = confidence.get(doc) ?? 0;
          const similarity = a * 0.7 + (b + c) * 0.15;
          // Either evidence may carry an article; together they reinforce each other.
          confidence.set(doc, Math.max(own, Math.min(1, similarity + own * 0.3)));
        }
      }
      // Kinds of question weigh in only among articles that are answers by their words already,
      // and only those that could reach the top with them are looked at (a few titles, not
      // thousands, at 10,000 articles).
      const asked = kindsOf(folded);
      const ranked: Array<[number, number]> = [...confidence].filter(([, c]) => c >= minConfidence).sort((a, b) => b[1] - a[1]);
      if (asked.size && ranked.length) {
        const reach = (ranked[Math.min(limit, ranked.length) - 1]![1]) - FORM_BONUS * asked.size;
        for (const entry of ranked) {
          if (entry[1] < reach) break;
          let shared = 0;
          for (const kind of titleKinds(entry[0])) if (asked.has(kind)) shared++;
          entry[1] += FORM_BONUS * shared;
        }
      }
      ranked.sort((a, b) => b[1] - a[1]);
      const floor = (ranked[0]?.[1] ?? 0) * RELATIVE_FLOOR;
      const above = ranked.filter(([, c]) => c >= floor);
      // An article whose title has every word of the question is what it asks about; beside one,
      // an article that only mentions those words in its body is not an answer worth a line: in
      // a shop's long articles that all say "order", "where is my order" listed the invoices and
      // the delivery times at 0.9 of "Where is my order?". Then only articles whose titles have a
      // word of the question (or that learned phrasings vouch for) are shown. On both development
      // sets no answer in the top three is lost; the demo's "where is my order" shows 2, not 5.
      const titleWords = (doc: number): number => new Set(tokenize(articles[doc]!.title, lang).map((t) => t.term).filter((t) => matched.has(t))).size;
      const aboutIt = above.slice(0, limit).some(([doc]) => titleWords(doc) >= terms.length);
      const shown: Array<[number, number]> = [];
      // Titles are read only until the list is full (not thousands at 10,000 articles).
      for (const entry of above) if (shown.length < limit && (!aboutIt || vouched.has(entry[0]) || titleWords(entry[0]))) shown.push(entry);
      return shown
        .map(([doc, c]) => ({
          id: articles[doc]!.id,
          article: articles[doc]!,
          score: 1 - Math.min(1, c),
          titleRanges: tokenize(articles[doc]!.title, lang)
            .filter((t) => matched.has(t.term))
            .map((t): Range => [t.start, t.end]),
        }));
    },
  };
}

/**
 * The index from its prebuilt form, or null when it does not fit these articles (another
 * version, other articles): the caller then builds it with createSearchIndex (build-index.ts).
 */
export function loadSearchIndex(value: unknown, articles: readonly Article[], lang?: string): SearchIndex | null {
  const data = value as Partial<SerializedIndex> | null;
  if (
    !data ||
    data.version !== INDEX_VERSION ||
    (lang !== undefined && data.lang !== searchLanguage(lang)) ||
    data.fingerprint !== fingerprintOf(articles) ||
    !Array.isArray(data.terms) ||
    !Array.isArray(data.postings) ||
    data.terms.length !== data.postings.length
  ) {
    return null;
  }
  const postings: ArticleCore['postings'] = new Map();
  for (let i = 0; i < data.terms.length; i++) {
    const flat = data.postings[i]!;
    const docs = new Uint32Array(flat.length >> 1);
    const weights = new Float32Array(flat.length >> 1);
    let doc = 0;
    for (let k = 0; k < docs.length; k++) {
      doc += flat[2 * k]!;
      docs[k] = doc;
      weights[k] = flat[2 * k + 1]! / 1000;
    }
    postings.set(data.terms[i]!, { docs, weights, idf: idfOf(articles.length, docs.length) });
  }
  return assemble({ articles, lang: searchLanguage(data.lang), fingerprint: data.fingerprint, postings }, Array.isArray(data.phrasings) ? data.phrasings : []);
}
