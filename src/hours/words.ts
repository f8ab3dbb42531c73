/**
 * The few words hours need, in the widget's languages (src/widget/i18n/locale.ts), one file per
 * language in lang/ (lang/index.ts has them all). Dates and times themselves come from Intl in
 * the visitor's locale; these only join them.
 */
import type { Language } from '../protocol/languages';

export type HoursLanguage = Language;

/**
 * What joins a day and a time ("tomorrow, 09:00"): Arabic writes its own "،"; Japanese and
 * Chinese (both scripts) need no comma (i18n/sentences.ts says the same for sentences).
 */
export const comma = (language: HoursLanguage): string => (language === 'ar' ? '، ' : /^(ja|zh)/.test(language) ? ' ' : ', ');

export interface HoursWords {
  today: string;
  tomorrow: string;
  /** A weekday or date as it stands in "back Monday 09:00". */
  day(name: string): string;
  /** "back Monday 09:00 your time" */
  back(day: string, time: string, yourTime: boolean): string;
  /** "until 17:00", "until tomorrow 02:00" (day '' for today) */
  until(day: string, time: string): string;
  open: string;
  closed: string;
  /**
   * The colon, semicolon and brackets of "Phone hours: Mon–Fri 9:00–17:00; Sat … (Asia/Taipei)",
   * when not ": ", "; ", " (" and ")": Chinese and Japanese write them full width.
   */
  marks?: string;
}
