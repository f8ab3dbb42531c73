import type { HoursWords } from '../words';

/** Hours in Arabic: a chunk of its own in the widget, fetched only by a page in Arabic. */
const words: HoursWords = {
  today: 'اليوم',
  tomorrow: 'غدًا',
  day: (name) => name,
  back: (day, time, yours) => `نعود ${day} الساعة ${time}${yours ? ' بتوقيتك' : ''}`,
  until: (day, time) => `حتى ${day ? `${day} ` : ''}الساعة ${time}`,
  open: 'مفتوح الآن',
  closed: 'مغلق',
};
export default words;
