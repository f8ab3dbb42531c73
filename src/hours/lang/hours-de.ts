import type { HoursWords } from '../words';

/** Hours in German: a chunk of its own in the widget, fetched only by a page in German. */
const words: HoursWords = {
  today: 'heute',
  tomorrow: 'morgen',
  day: (name) => name,
  back: (day, time, yours) => `öffnet ${day} um ${time}${yours ? ' (Ihre Zeit)' : ''}`,
  until: (day, time) => `bis ${day ? `${day} ` : ''}${time}`,
  open: 'Jetzt geöffnet',
  closed: 'Geschlossen',
};
export default words;
