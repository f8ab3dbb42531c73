/**
 * The widget's way to a search language: each table is a chunk of its own, fetched once, so a
 * page loads the stop words and suffixes of its articles' language only.
 */
import { registerLanguage, searchLanguage, type LanguageTable, type SearchLanguage } from './language';

const TABLES: Record<SearchLanguage, () => Promise<{ default: LanguageTable }>> = {
  en: () => import('./languages/search-en'),
  fr: () => import('./languages/search-fr'),
  de: () => import('./languages/search-de'),
  es: () => import('./languages/search-es'),
  it: () => import('./languages/search-it'),
  pt: () => import('./languages/search-pt'),
  nl: () => import('./languages/search-nl'),
  pl: () => import('./languages/search-pl'),
  ar: () => import('./languages/search-ar'),
  he: () => import('./languages/search-he'),
  // A chunk each; the segmenter's handling (most of it) is a chunk both import, asked for beside
  // the table rather than after it is read.
  ja: () => Promise.all([import('./languages/search-ja'), import('./languages/segment-cjk')]).then(([m]) => m),
  zh: () => Promise.all([import('./languages/search-zh'), import('./languages/segment-cjk')]).then(([m]) => m),
};

const loading = new Map<SearchLanguage, Promise<SearchLanguage>>();

/** Resolves with the language code once its table is registered. */
export function loadSearchLanguage(locale: string | undefined): Promise<SearchLanguage> {
  const code = searchLanguage(locale);
  let done = loading.get(code);
  if (!done) {
    done = TABLES[code]().then((m) => {
      registerLanguage(m.default);
      return code;
    });
    loading.set(code, done);
  }
  return done;
}
