/**
 * The few words hours need, in the widget's languages (src/widget/i18n/locale.ts). Dates and
 * times themselves come from Intl in the visitor's locale; these only join them.
 */
export type HoursLanguage = 'en' | 'fr' | 'de' | 'es' | 'ar' | 'he';

/** The comma that joins a day and a time ("tomorrow, 09:00"): Arabic writes its own "،". */
export const comma = (language: HoursLanguage): string => (language === 'ar' ? '، ' : ', ');

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

export const HOURS_WORDS: Record<HoursLanguage, HoursWords> = {
  en: {
    today: 'today',
    tomorrow: 'tomorrow',
    day: (name) => name,
    back: (day, time, yours) => `back ${day} ${time}${yours ? ' your time' : ''}`,
    until: (day, time) => `until ${day ? `${day} ` : ''}${time}`,
    open: 'Open now',
    closed: 'Closed',
  },
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
  // The time comes from Intl in the language ("9:00 ص", "09:00"); the day is a weekday or "today".
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
};
