import type { HoursWords } from '../words';

/** Hours in French: a chunk of its own in the widget, fetched only by a page in French. */
const words: HoursWords = {
  today: 'aujourd’hui',
  tomorrow: 'demain',
  day: (name) => name,
  back: (day, time, yours) => `ouvre ${day} à ${time}${yours ? ' (votre heure)' : ''}`,
  until: (day, time) => `jusqu’à ${day ? `${day} ` : ''}${time}`,
  open: 'Ouvert',
  closed: 'Fermé',
};
export default words;
