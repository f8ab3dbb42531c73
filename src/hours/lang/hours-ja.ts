import type { HoursWords } from '../words';

/** Hours in Japanese: a chunk of its own in the widget, fetched only by a page in Japanese. */
const words: HoursWords = {
  today: '今日',
  tomorrow: '明日',
  day: (name) => name,
  // "月曜日 9:00に再開（お客様の現地時間）"
  back: (day, time, yours) => `${day} ${time}に再開${yours ? '（お客様の現地時間）' : ''}`,
  until: (day, time) => `${day ? `${day} ` : ''}${time}まで`,
  open: '受付中',
  closed: '受付時間外',
  marks: '：；（）',
};
export default words;
