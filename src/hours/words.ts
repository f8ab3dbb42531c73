/**
 * The few words hours need, in the widget's languages (src/widget/i18n/locale.ts). Dates and
 * times themselves come from Intl in the visitor's locale; these only join them.
 */
export type HoursLanguage = 'en' | 'fr' | 'de' | 'es' | 'ja' | 'zh';

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
