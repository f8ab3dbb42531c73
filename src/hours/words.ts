/**
 * The few words hours need, in the widget's languages (src/widget/i18n/locale.ts). Dates and
 * times themselves come from Intl in the visitor's locale; these only join them.
 */
import type { Language } from '../protocol/languages';

export type HoursLanguage = Language;

/**
 * What joins a day and a time ("tomorrow, 09:00"): Arabic writes its own "،"; Japanese and
 * Chinese need no comma (i18n/sentences.ts says the same for sentences).
 */
export const comma = (language: HoursLanguage): string => (language === 'ar' ? '، ' : language === 'ja' || language === 'zh' ? ' ' : ', ');

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
}

/** English, also what a language without words of its own yet shows (see the TODOs below). */
const ENGLISH: HoursWords = {
  today: 'today',
  tomorrow: 'tomorrow',
  day: (name) => name,
  back: (day, time, yours) => `back ${day} ${time}${yours ? ' your time' : ''}`,
  until: (day, time) => `until ${day ? `${day} ` : ''}${time}`,
  open: 'Open now',
  closed: 'Closed',
};

export const HOURS_WORDS: Record<HoursLanguage, HoursWords> = {
  en: ENGLISH,
  fr: {
    today: 'aujourd’hui',
    tomorrow: 'demain',
    day: (name) => name,
    back: (day, time, yours) => `ouvre ${day} à ${time}${yours ? ' (votre heure)' : ''}`,
    until: (day, time) => `jusqu’à ${day ? `${day} ` : ''}${time}`,
    open: 'Ouvert',
    closed: 'Fermé',
  },
  de: {
    today: 'heute',
    tomorrow: 'morgen',
    day: (name) => name,
    back: (day, time, yours) => `öffnet ${day} um ${time}${yours ? ' (Ihre Zeit)' : ''}`,
    until: (day, time) => `bis ${day ? `${day} ` : ''}${time}`,
    open: 'Jetzt geöffnet',
    closed: 'Geschlossen',
  },
  es: {
    today: 'hoy',
    tomorrow: 'mañana',
    day: (name) => `el ${name}`,
    back: (day, time, yours) => `abre ${day} a las ${time}${yours ? ' (su hora)' : ''}`,
    until: (day, time) => `hasta ${day ? `${day} ` : ''}${day ? 'a las ' : 'las '}${time}`,
    open: 'Abierto',
    closed: 'Cerrado',
  },
  it: {
    today: 'oggi',
    tomorrow: 'domani',
    day: (name) => name,
    back: (day, time, yours) => `riapre ${day} alle ${time}${yours ? ' (Suo orario)' : ''}`,
    until: (day, time) => (day ? `fino a ${day} alle ${time}` : `fino alle ${time}`),
    open: 'Aperto ora',
    closed: 'Chiuso',
  },
  pt: {
    today: 'hoje',
    tomorrow: 'amanhã',
    day: (name) => name,
    back: (day, time, yours) => `abre ${day} às ${time}${yours ? ' (seu horário)' : ''}`,
    until: (day, time) => (day ? `até ${day} às ${time}` : `até as ${time}`),
    open: 'Aberto agora',
    closed: 'Fechado',
  },
  nl: {
    today: 'vandaag',
    tomorrow: 'morgen',
    day: (name) => name,
    back: (day, time, yours) => `weer open ${day} om ${time}${yours ? ' (uw tijd)' : ''}`,
    until: (day, time) => `tot ${day ? `${day} ` : ''}${time}`,
    open: 'Nu open',
    closed: 'Gesloten',
  },
  pl: {
    today: 'dziś',
    tomorrow: 'jutro',
    // Intl names the day in the nominative ("środa"); "on Wednesday" is "w środę" (accusative, "we" before "wtorek").
    day: (name) => `${/^wt/i.test(name) ? 'we' : 'w'} ${name.replace(/^(\p{L}*)a(?!\p{L})/u, '$1ę')}`,
    back: (day, time, yours) => `otwarte ponownie ${day} o ${time}${yours ? ' (Twój czas)' : ''}`,
    until: (day, time) => (day ? `${day} do ${time}` : `do ${time}`),
    open: 'Teraz otwarte',
    closed: 'Zamknięte',
  },
  ar: {
    today: 'اليوم',
    tomorrow: 'غدًا',
    day: (name) => name,
    back: (day, time, yours) => `نعود ${day} الساعة ${time}${yours ? ' بتوقيتك' : ''}`,
    until: (day, time) => `حتى ${day ? `${day} ` : ''}الساعة ${time}`,
    open: 'مفتوح الآن',
    closed: 'مغلق',
  },
  he: {
    today: 'היום',
    tomorrow: 'מחר',
    day: (name) => name,
    // "ביום שני" takes the preposition; "היום" and "מחר" stand alone.
    back: (day, time, yours) => `נחזור ${day === 'היום' || day === 'מחר' ? day : `ב${day}`} בשעה ${time}${yours ? ' (לפי השעון שלכם)' : ''}`,
    until: (day, time) => `עד ${day ? `${day} בשעה ` : ''}${time}`,
    open: 'פתוח עכשיו',
    closed: 'סגור',
  },
  ja: {
    today: '今日',
    tomorrow: '明日',
    day: (name) => name,
    // "月曜日 9:00に再開（お客様の現地時間）"
    back: (day, time, yours) => `${day} ${time}に再開${yours ? '（お客様の現地時間）' : ''}`,
    until: (day, time) => `${day ? `${day} ` : ''}${time}まで`,
    open: '受付中',
    closed: '受付時間外',
  },
  zh: {
    today: '今天',
    tomorrow: '明天',
    day: (name) => name,
    // "星期一 09:00 恢复服务（您的当地时间）"
    back: (day, time, yours) => `${day} ${time} 恢复服务${yours ? '（您的当地时间）' : ''}`,
    until: (day, time) => `营业至${day ? `${day} ` : ''}${time}`,
    open: '服务中',
    closed: '休息中',
  },
};
