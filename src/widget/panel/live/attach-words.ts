/**
 * The words of files in the chat (Attach.tsx), a chunk per language, and how a refusal and a
 * size are said in each: pure, so each language is tested without a browser.
 */
import type { Language } from '../../i18n/locale';
import type { AttachmentProblem } from '../../../protocol/attachments';
import { loadPack, type Packs } from '../../i18n/load-pack';
import type { SiteStrings } from '../../settings';

export interface Words {
  attach: string;
  drop: string;
  problem: Record<Exclude<AttachmentProblem, 'too_big'>, string>;
  tooBig(mb: string): string;
  lost: string;
  view(name: string): string;
  download(name: string): string;
  close: string;
}

/**
 * Each language's words are a chunk of their own, fetched by the attach chunk: a visitor loads
 * only the language they read.
 */
export const PACKS: Packs<Words> = {
  en: () => import('./strings/attach-en'),
  fr: () => import('./strings/attach-fr'),
  de: () => import('./strings/attach-de'),
  es: () => import('./strings/attach-es'),
  it: () => import('./strings/attach-it'),
  pt: () => import('./strings/attach-pt'),
  nl: () => import('./strings/attach-nl'),
  pl: () => import('./strings/attach-pl'),
  ar: () => import('./strings/attach-ar'),
  he: () => import('./strings/attach-he'),
  ja: () => import('./strings/attach-ja'),
  zh: () => import('./strings/attach-zh'),
  'zh-Hant': () => import('./strings/attach-zh-Hant'),
};

export const loadAttachWords = (language: Language, site: SiteStrings | null = null): Promise<Words> => loadPack(PACKS, language, 'file words', site, 'files');

export const number = (language: Language, n: number): string => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
/** French says octets: Ko, Mo; Arabic its own words. */
export const size = (language: Language, bytes: number): string => {
  const [kb, mb] = language === 'fr' ? ['Ko', 'Mo'] : language === 'ar' ? ['كيلوبايت', 'ميغابايت'] : ['KB', 'MB'];
  return bytes >= 1024 * 1024 ? `${number(language, bytes / 1024 / 1024)} ${mb}` : `${number(language, Math.max(1, Math.round(bytes / 1024)))} ${kb}`;
};

export function problemText(w: Words, language: Language, problem: AttachmentProblem, max: number): string {
  return problem === 'too_big' ? w.tooBig(number(language, max / 1024 / 1024)) : w.problem[problem];
}

