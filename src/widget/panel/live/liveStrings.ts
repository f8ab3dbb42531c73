import type { Language } from '../../i18n/locale';
import { loadPack, type Packs } from '../../i18n/load-pack';
import type { SiteStrings } from '../../settings';
import type { LiveStrings } from '../strings';

/** The live views' words, a chunk per language like the panel's, fetched with the live chunk. */
const PACKS: Packs<LiveStrings> = {
  en: () => import('./strings/live-en'),
  fr: () => import('./strings/live-fr'),
  de: () => import('./strings/live-de'),
  es: () => import('./strings/live-es'),
  it: () => import('./strings/live-it'),
  pt: () => import('./strings/live-pt'),
  nl: () => import('./strings/live-nl'),
  pl: () => import('./strings/live-pl'),
  ar: () => import('./strings/live-ar'),
  he: () => import('./strings/live-he'),
  ja: () => import('./strings/live-ja'),
  zh: () => import('./strings/live-zh'),
  'zh-Hant': () => import('./strings/live-zh-Hant'),
};

export const loadLiveStrings = (language: Language, site: SiteStrings | null = null): Promise<LiveStrings> => loadPack(PACKS, language, 'chat language pack', site, 'live');
