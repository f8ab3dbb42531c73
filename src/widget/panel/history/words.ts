/**
 * The history card's words: one chunk per language (a visitor loads only the language they
 * read), with the site's own words (LifelineSettings.strings, keys "history.*") laid over them.
 */
import type { IdentityErrorCode } from '../../../protocol/types';
import type { Language } from '../../i18n/locale';
import type { SiteStrings } from '../../settings';
import { loadPack, type Packs } from '../../i18n/load-pack';

export interface HistoryWords {
  title: string;
  loading: string;
  none: string;
  /** The button that loads older conversations than those listed. */
  earlier: string;
  you: string;
  /** An agent's message without a name. */
  team: string;
  channel: Record<'chat' | 'callback' | 'phone', string>;
  ref(ref: string): string;
  open: string;
  closed: string;
  file(name: string): string;
  article(title: string): string;
  /** Why the list is not shown; the visitor can still reach a person below. */
  refused: Record<Exclude<IdentityErrorCode, 'identity_off'>, string>;
  offline: string;
  retry: string;
}

export const PACKS: Packs<HistoryWords> = {
  en: () => import('./strings/history-en'),
  fr: () => import('./strings/history-fr'),
  de: () => import('./strings/history-de'),
  es: () => import('./strings/history-es'),
  it: () => import('./strings/history-it'),
  pt: () => import('./strings/history-pt'),
  nl: () => import('./strings/history-nl'),
  pl: () => import('./strings/history-pl'),
  ar: () => import('./strings/history-ar'),
  he: () => import('./strings/history-he'),
  ja: () => import('./strings/history-ja'),
  zh: () => import('./strings/history-zh'),
  'zh-Hant': () => import('./strings/history-zh-Hant'),
};

export const loadHistoryWords = (language: Language, site: SiteStrings | null): Promise<HistoryWords> =>
  loadPack(PACKS, language, 'history words', site, 'history');
