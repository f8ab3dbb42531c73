/**
 * Per-language word handling for search: stop words (dropped from queries and documents) and a
 * light stemmer (so "charges", "charged" and "charging" meet at "charg"). Light on purpose: a
 * stem only has to be the same for the forms people type, not a dictionary word.
 *
 * Each language's table is a module of its own (languages/search-<code>.ts): the widget fetches
 * only the one its articles are written in (language-load.ts), Node code registers them all
 * (languages/all.ts). The widget's twelve languages: docs/search.md says what each one does.
 */
import type { Token } from './text';

export const SEARCH_LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ar', 'he', 'ja', 'zh'] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

export interface LanguageTable {
  code: SearchLanguage;
  /** Stop words, space-separated, folded, without apostrophes ("isn't" is "isnt"). */
  stop: string;
  /** Suffixes to strip, longest first, as [suffix, replacement, shortest stem left (default 3)]. */
  suffixes: Array<[suffix: string, replacement: string, minRest?: number]>;
  /** A plural "s" is kept after a stem matching this. */
  keepS?: RegExp;
  /** A stem matching this loses its last letter (a doubled consonant). */
  undouble?: RegExp;
  /** A final "e" goes, so "charge" meets "charged". */
  dropE?: boolean;
  /** An elided article at the start of a word, dropped: French "l'". */
  elision?: RegExp;
  /** Irregular forms and their base word, space-separated pairs: "paid pay sent send". */
  irregular?: string;
  /**
   * Everyday words that mean about the same, groups separated by "|": "money cash funds|fee
   * charge cost". A query word also finds its group's other words, as a lesser match (index.ts).
   */
  related?: string;
  /**
   * What kind of question a word asks, as space-separated pairs of a word and its kind: "why why
   * isnt not". They stay stop words (they never make an article an answer), but among the
   * articles a question's words found, one whose title asks the same kind of question ranks
   * higher (index.ts).
   */
  forms?: string;
  /**
   * Endings that make a word of the same family from a stem, space-separated as stems have them
   * ("anc" of "acceptance", "iv" of "objective"): a stem meets the known stems it makes with one
   * of them, and the one it is made from, as a lesser match (vocabulary.ts).
   */
  derivations?: string;
  /** Spellings of one word: pairs of letter groups that may stand for each other ("is iz": recognise, recognize). */
  spellings?: string;
  /**
   * Letters written several ways made one (Arabic alef forms, Hebrew final letters), after
   * combining marks went; one letter for one, so positions stay valid.
   */
  normalize?: (word: string) => string;
  /**
   * The language's own stemmer, for what suffixes alone do not say (Arabic and Hebrew prefixes,
   * Dutch "ge-"): it gets a normalised word and the table's suffix stripper to finish with.
   * Kept in the language's chunk, so only its pages pay for it.
   */
  stem?: (word: string, suffixes: (word: string) => string) => string;
  /**
   * Finds the words of a folded text written without spaces (Japanese, Chinese) and pushes their
   * tokens; `words` reads a part written with spaces (Latin words, numbers) the usual way.
   */
  segment?: (folded: string, language: Language, tokens: Token[], words: (part: string, offset: number) => void) => void;
}

/** A registered table, with its stop words as a set. */
export interface Language extends LanguageTable {
  stopWords: ReadonlySet<string>;
  bases: ReadonlyMap<string, string>;
  /** Per stem, the stems of the words related to it (the table's `related`). */
  relatives: ReadonlyMap<string, readonly string[]>;
  /** Per word, the kind of question it asks (the table's `forms`). */
  kinds: ReadonlyMap<string, string>;
}

const registered = new Map<SearchLanguage, Language>();

export function registerLanguage(table: LanguageTable): void {
  const pairs = table.irregular?.split(' ') ?? [];
  const bases = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) bases.set(pairs[i]!, pairs[i + 1]!);
  const related = new Map<string, string[]>();
  const forms = table.forms?.split(' ') ?? [];
  const kinds = new Map<string, string>();
  for (let i = 0; i + 1 < forms.length; i += 2) kinds.set(forms[i]!, forms[i + 1]!);
  const language: Language = { ...table, stopWords: new Set(), bases, relatives: related, kinds };
  // Stop words are written as people spell them ("הם", "إلى"); they are looked up normalised.
  for (const word of table.stop.split(' ')) (language.stopWords as Set<string>).add(normalizeWord(word, language));
  for (const group of table.related?.split('|') ?? []) {
    const stems = [...new Set(group.trim().split(' ').map((word) => stem(normalizeWord(word, language), language)))];
    for (const s of stems) related.set(s, [...new Set([...(related.get(s) ?? []), ...stems.filter((other) => other !== s)])]);
  }
  registered.set(table.code, language);
}

/**
 * A folded word as the language reads it: combining marks (Arabic tashkeel, Hebrew niqqud and
 * cantillation, a decomposed accent) and the Arabic tatweel gone, letters written several ways
 * made one.
 */
export function normalizeWord(word: string, language: Language): string {
  if (/[^\x00-\x7f]/.test(word)) {
    word = word.replace(/[\p{M}\u0640]/gu, '');
    if (language.normalize) word = language.normalize(word);
  }
  return word;
}

/** The table for a language; it must have been registered (languages/all.ts, or loadSearchLanguage in the widget). */
export function languageOf(code: SearchLanguage): Language {
  const language = registered.get(code);
  if (!language) throw new Error(`search: the ${code} language table is not loaded (import search/languages/all or await loadSearchLanguage)`);
  return language;
}

const MIN_STEM = 3;

/**
 * The stem of a folded (lower case, accent-free) word. Numbers and short words stay as they are.
 * Two passes, so a plural meets its singular ("withdrawals" -> "withdrawal" -> "withdraw").
 */
export function stem(word: string, language: Language): string {
  word = language.bases.get(word) ?? word;
  if (/\d/.test(word)) return word;
  return language.stem ? language.stem(word, (w) => stripSuffixes(w, language)) : stripSuffixes(word, language);
}

const stripSuffixes = (word: string, language: Language): string =>
  word.length <= MIN_STEM ? word : stripSuffix(stripSuffix(word, language), language);

function stripSuffix(word: string, language: Language): string {
  let base = word;
  for (const [suffix, replacement, minRest = MIN_STEM] of language.suffixes) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length);
    if (rest.length < minRest || (suffix === 's' && language.keepS?.test(rest))) continue;
    base = rest + replacement;
    break;
  }
  if (base !== word && language.undouble?.test(base)) base = base.slice(0, -1);
  if (language.dropE && base.endsWith('e') && base.length > MIN_STEM) base = base.slice(0, -1);
  return base;
}

/** The search language for a locale like "fr-CA" or "zh-Hans"; English when the language has no table. */
export function searchLanguage(locale: string | undefined): SearchLanguage {
  const lang = (locale ?? 'en').trim().slice(0, 2).toLowerCase();
  return (SEARCH_LANGUAGES as readonly string[]).includes(lang) ? (lang as SearchLanguage) : 'en';
}
