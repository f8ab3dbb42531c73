import type { HoursWords } from '../words';

/** Hours in Dutch: a chunk of its own in the widget, fetched only by a page in Dutch. */
const words: HoursWords = {
  today: 'vandaag',
  tomorrow: 'morgen',
  day: (name) => name,
  back: (day, time, yours) => `weer open ${day} om ${time}${yours ? ' (uw tijd)' : ''}`,
  until: (day, time) => `tot ${day ? `${day} ` : ''}${time}`,
  open: 'Nu open',
  closed: 'Gesloten',
};
export default words;
