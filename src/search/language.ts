/**
 * Per-language word handling for search: stop words (dropped from queries and documents) and a
 * light stemmer (so "charges", "charged" and "charging" meet at "charg"). Light on purpose: a
 * stem only has to be the same for the forms people type, not a dictionary word.
 *
 * Each language's table is a module of its own (languages/search-<code>.ts): the widget fetches
 * only the one its articles are written in (language-load.ts), Node code registers them all
 * (languages/all.ts). English, French, German and Spanish, the widget's languages.
 */
export type SearchLanguage = 'en' | 'fr' | 'de' | 'es';

export const SEARCH_LANGUAGES: readonly SearchLanguage[] = ['en', 'fr', 'de', 'es'];

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
}

/** A registered table, with its stop words as a set. */
export interface Language extends LanguageTable {
  stopWords: ReadonlySet<string>;
  bases: ReadonlyMap<string, string>;
}

const registered = new Map<SearchLanguage, Language>();

export function registerLanguage(table: LanguageTable): void {
  const pairs = table.irregular?.split(' ') ?? [];
  const bases = new Map<string, string>();
  for (let i = 0; i + 1 < pairs.length; i += 2) bases.set(pairs[i]!, pairs[i + 1]!);
  registered.set(table.code, { ...table, stopWords: new Set(table.stop.split(' ')), bases });
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
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  return stripSuffix(stripSuffix(word, language), language);
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

/** The search language for a locale like "fr-CA"; English when the language has no table. */
export function searchLanguage(locale: string | undefined): SearchLanguage {
  const lang = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (SEARCH_LANGUAGES as readonly string[]).includes(lang) ? (lang as SearchLanguage) : 'en';
}
