import type { HoursWords } from '../words';

/** Hours in Traditional Chinese: a chunk of its own in the widget, fetched only by a page in Traditional Chinese. */
const words: HoursWords = {
  today: '今天',
  tomorrow: '明天',
  day: (name) => name,
  // "星期一 09:00 恢復服務（您的當地時間）"
  back: (day, time, yours) => `${day} ${time} 恢復服務${yours ? '（您的當地時間）' : ''}`,
  until: (day, time) => `服務至${day ? `${day} ` : ''}${time}`,
  open: '服務中',
  closed: '休息中',
  marks: '：；（）',
};
export default words;
