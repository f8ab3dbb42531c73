import type { Language } from '../../i18n/locale';
import type { LiveStrings } from '../strings';

/** The live views' words, a chunk per language like the panel's, fetched with the live chunk. */
const PACKS: Record<Language, () => Promise<{ default: LiveStrings }>> = {
  en: () => import('./strings/live-en'),
  fr: () => import('./strings/live-fr'),
  de: () => import('./strings/live-de'),
  es: () => import('./strings/live-es'),
};

export async function loadLiveStrings(language: Language): Promise<LiveStrings> {
  try {
    return (await PACKS[language]()).default;
  } catch (error) {
    if (language === 'en') throw error;
    console.error(`[Lifeline] the "${language}" chat language pack could not be loaded; using English.`, error);
    return (await PACKS.en()).default;
  }
}
