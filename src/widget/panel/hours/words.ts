/**
 * The hours words of the visitor's language (src/hours/lang/), each language a chunk of its own
 * like the away and attach words: the hours chunk carries none, and a visitor fetches only theirs.
 */
import type { HoursWords } from '../../../hours';
import { loadPack, type Packs } from '../../i18n/load-pack';
import type { Language } from '../../i18n/locale';

const PACKS: Packs<HoursWords> = {
  en: () => import('../../../hours/lang/hours-en'),
  fr: () => import('../../../hours/lang/hours-fr'),
  de: () => import('../../../hours/lang/hours-de'),
  es: () => import('../../../hours/lang/hours-es'),
  it: () => import('../../../hours/lang/hours-it'),
  pt: () => import('../../../hours/lang/hours-pt'),
  nl: () => import('../../../hours/lang/hours-nl'),
  pl: () => import('../../../hours/lang/hours-pl'),
  ar: () => import('../../../hours/lang/hours-ar'),
  he: () => import('../../../hours/lang/hours-he'),
  ja: () => import('../../../hours/lang/hours-ja'),
  zh: () => import('../../../hours/lang/hours-zh'),
  'zh-Hant': () => import('../../../hours/lang/hours-zh-Hant'),
};

const loaded = new Map<Language, HoursWords>();

/**
 * Fetches the hours words of `language` (English when they cannot be had), once a page; the hours
 * chunk is handed to the views only after (useHours.ts), so hoursWords below always has them.
 */
export const loadWords = (language: Language): Promise<unknown> =>
  loaded.has(language) ? Promise.resolve() : loadPack(PACKS, language, 'hours words').then((words) => loaded.set(language, words));

export function hoursWords(language: Language): HoursWords {
  const words = loaded.get(language);
  if (!words) throw new Error(`[Lifeline] the hours words of "${language}" were not loaded`);
  return words;
}
