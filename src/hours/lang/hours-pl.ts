import type { HoursWords } from '../words';

/** Hours in Polish: a chunk of its own in the widget, fetched only by a page in Polish. */
const words: HoursWords = {
  today: 'dziś',
  tomorrow: 'jutro',
  // Intl names the day in the nominative ("środa"); "on Wednesday" is "w środę" (accusative, "we" before "wtorek").
  day: (name) => `${/^wt/i.test(name) ? 'we' : 'w'} ${name.replace(/^(\p{L}*)a(?!\p{L})/u, '$1ę')}`,
  back: (day, time, yours) => `otwarte ponownie ${day} o ${time}${yours ? ' (Twój czas)' : ''}`,
  until: (day, time) => (day ? `${day} do ${time}` : `do ${time}`),
  open: 'Teraz otwarte',
  closed: 'Zamknięte',
};
export default words;
