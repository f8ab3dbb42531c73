import type { HoursWords } from '../words';

/** Hours in Italian: a chunk of its own in the widget, fetched only by a page in Italian. */
const words: HoursWords = {
  today: 'oggi',
  tomorrow: 'domani',
  day: (name) => name,
  back: (day, time, yours) => `riapre ${day} alle ${time}${yours ? ' (Suo orario)' : ''}`,
  until: (day, time) => (day ? `fino a ${day} alle ${time}` : `fino alle ${time}`),
  open: 'Aperto ora',
  closed: 'Chiuso',
};
export default words;
