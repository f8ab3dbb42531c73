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
   * Letters written several ways, as pairs of one letter and the one it reads as ("أا" for
   * Arabic alef forms, "ךכ" for a Hebrew final letter). One for one, so positions stay valid.
   */
  letters?: string;
  /** Prefixes (articles, conjunctions) stripped before the suffixes, longest first: [prefix, shortest rest]. */
  prefixes?: Array<[prefix: string, minRest: number]>;
  /** Strip prefixes again after one went (Hebrew stacks them: "וה", "שב"). */
  stackPrefixes?: boolean;
  /** Words this long or shorter keep their suffixes (default 3; Arabic and Hebrew roots are three letters). */
  minStem?: number;
  /** One pass through the suffixes, each stripped when found (Arabic light10), instead of two passes of the first that fits. */
  everySuffix?: boolean;
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
  letterMap: ReadonlyMap<string, string>;
}

const registered = new Map<SearchLanguage, Language>();

export function registerLanguage(table: LanguageTable): void {
  const pairs = table.irregular?.split(' ') ?? [];
  const bases = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) bases.set(pairs[i]!, pairs[i + 1]!);
  const letters = new Map<string, string>();
  const list = [...(table.letters ?? '')];
  for (let i = 0; i + 1 < list.length; i += 2) letters.set(list[i]!, list[i + 1]!);
  const language: Language = { ...table, stopWords: new Set(), bases, letterMap: letters };
  // Stop words are written as people spell them ("הם", "إلى"); they are looked up normalised.
  for (const word of table.stop.split(' ')) (language.stopWords as Set<string>).add(normalizeWord(word, language));
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
    if (language.letterMap.size) word = [...word].map((ch) => language.letterMap.get(ch) ?? ch).join('');
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
  if (word.length <= (language.minStem ?? MIN_STEM) || /\d/.test(word)) return word;
  if (language.prefixes) word = stripPrefix(word, language);
  if (language.everySuffix) return stripEverySuffix(word, language);
  return stripSuffix(stripSuffix(word, language), language);
}

function stripPrefix(word: string, language: Language): string {
  for (let again = true; again; ) {
    again = false;
    for (const [prefix, minRest] of language.prefixes!) {
      if (word.startsWith(prefix) && word.length - prefix.length >= minRest) {
        word = word.slice(prefix.length);
        again = !!language.stackPrefixes;
        break;
      }
    }
  }
  return word;
}

/** Larkey's light10 way: the suffixes in order, each stripped once when it is there and enough is left. */
function stripEverySuffix(word: string, language: Language): string {
  for (const [suffix, replacement, minRest = 2] of language.suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= minRest) word = word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

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
