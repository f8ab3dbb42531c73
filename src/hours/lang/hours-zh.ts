import type { HoursWords } from '../words';

/** Hours in Chinese (Simplified): a chunk of its own in the widget, fetched only by a page in Chinese (Simplified). */
const words: HoursWords = {
  today: '今天',
  tomorrow: '明天',
  day: (name) => name,
  // "星期一 09:00 恢复服务（您的当地时间）"
  back: (day, time, yours) => `${day} ${time} 恢复服务${yours ? '（您的当地时间）' : ''}`,
  until: (day, time) => `营业至${day ? `${day} ` : ''}${time}`,
  open: '服务中',
  closed: '休息中',
  marks: '：；（）',
};
export default words;
