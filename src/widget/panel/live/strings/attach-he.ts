import type { Words } from '../attach-words';

const words: Words = {
  attach: 'צירוף קובץ',
  drop: 'שחררו כאן קובץ כדי לשלוח אותו',
  problem: { type: 'אפשר לשלוח רק תמונות (PNG, JPEG, WebP, GIF) וקובצי PDF.', empty: 'הקובץ ריק.' },
  tooBig: (mb) => `הקובץ גדול מדי: עד ${mb} MB.`,
  lost: 'לא נשלח: נא לצרף את הקובץ שוב.',
  view: (name) => `פתיחת \u2068${name}\u2069 בגודל מלא`,
  download: (name) => `הורדת \u2068${name}\u2069`,
  close: 'סגירה',
};

export default words;
