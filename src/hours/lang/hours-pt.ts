import type { HoursWords } from '../words';

/** Hours in Portuguese: a chunk of its own in the widget, fetched only by a page in Portuguese. */
const words: HoursWords = {
  today: 'hoje',
  tomorrow: 'amanhã',
  day: (name) => name,
  back: (day, time, yours) => `abre ${day} às ${time}${yours ? ' (seu horário)' : ''}`,
  until: (day, time) => (day ? `até ${day} às ${time}` : `até as ${time}`),
  open: 'Aberto agora',
  closed: 'Fechado',
};
export default words;
