import type { Words } from '../attach-words';

const words: Words = {
  attach: 'إرفاق ملف',
  drop: 'أفلت ملفًا هنا لإرساله',
  problem: { type: 'يمكن إرسال الصور (PNG وJPEG وWebP وGIF) وملفات PDF فقط.', empty: 'هذا الملف فارغ.' },
  tooBig: (mb) => `هذا الملف كبير جدًا: ${mb} ميغابايت على الأكثر.`,
  lost: 'لم يُرسَل: يُرجى إرفاق الملف مرة أخرى.',
  view: (name) => `فتح \u2068${name}\u2069 بالحجم الكامل`,
  download: (name) => `تنزيل \u2068${name}\u2069`,
  close: 'إغلاق',
};

export default words;
