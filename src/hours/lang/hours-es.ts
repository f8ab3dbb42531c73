import type { HoursWords } from '../words';

/** Hours in Spanish: a chunk of its own in the widget, fetched only by a page in Spanish. */
const words: HoursWords = {
  today: 'hoy',
  tomorrow: 'mañana',
  day: (name) => `el ${name}`,
  back: (day, time, yours) => `abre ${day} a las ${time}${yours ? ' (su hora)' : ''}`,
  until: (day, time) => `hasta ${day ? `${day} ` : ''}${day ? 'a las ' : 'las '}${time}`,
  open: 'Abierto',
  closed: 'Cerrado',
};
export default words;
