import type { HoursWords } from '../words';

/** Hours in Hebrew: a chunk of its own in the widget, fetched only by a page in Hebrew. */
const words: HoursWords = {
  today: 'היום',
  tomorrow: 'מחר',
  day: (name) => name,
  // "ביום שני" takes the preposition; "היום" and "מחר" stand alone.
  back: (day, time, yours) => `נחזור ${day === 'היום' || day === 'מחר' ? day : `ב${day}`} בשעה ${time}${yours ? ' (לפי השעון שלכם)' : ''}`,
  until: (day, time) => `עד ${day ? `${day} בשעה ` : ''}${time}`,
  open: 'פתוח עכשיו',
  closed: 'סגור',
};
export default words;
