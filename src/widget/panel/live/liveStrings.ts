import type { Language } from '../../i18n/locale';
import { loadPack, type Packs } from '../../i18n/load-pack';
import type { LiveStrings } from '../strings';

/** The live views' words, a chunk per language like the panel's, fetched with the live chunk. */
const PACKS: Packs<LiveStrings> = {
  en: () => import('./strings/live-en'),
  fr: () => import('./strings/live-fr'),
  de: () => import('./strings/live-de'),
  es: () => import('./strings/live-es'),
  ja: () => import('./strings/live-ja'),
  zh: () => import('./strings/live-zh'),
};

export const loadLiveStrings = (language: Language): Promise<LiveStrings> => loadPack(PACKS, language, 'chat language pack');
