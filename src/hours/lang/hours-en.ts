import type { HoursWords } from '../words';

/** Hours in English: a chunk of its own in the widget, fetched by a page in English or when another language's cannot be had. */
const words: HoursWords = {
  today: 'today',
  tomorrow: 'tomorrow',
  day: (name) => name,
  back: (day, time, yours) => `back ${day} ${time}${yours ? ' your time' : ''}`,
  until: (day, time) => `until ${day ? `${day} ` : ''}${time}`,
  open: 'Open now',
  closed: 'Closed',
};
export default words;
