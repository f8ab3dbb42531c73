/**
 * The words of files in the chat (Attach.tsx) in the widget's languages, and how a refusal and a
 * size are said in each: pure, so each language is tested without a browser.
 */
import type { Language } from '../../i18n/locale';
import type { AttachmentProblem } from '../../../protocol/attachments';

export interface Words {
  attach: string;
  drop: string;
  problem: Record<Exclude<AttachmentProblem, 'too_big'>, string>;
  tooBig(mb: string): string;
  lost: string;
  view(name: string): string;
  download(name: string): string;
  close: string;
}

export const WORDS: Record<Language, Words> = {
  en: {
    attach: 'Attach a file',
    drop: 'Drop a file to send it',
    problem: { type: 'Only images (PNG, JPEG, WebP, GIF) and PDF files can be sent.', empty: 'This file is empty.' },
    tooBig: (mb) => `This file is too large: ${mb} MB at most.`,
    lost: 'Not sent: please attach the file again.',
    view: (name) => `Open ${name} at full size`,
    download: (name) => `Download ${name}`,
    close: 'Close',
  },
  fr: {
    attach: 'Joindre un fichier',
    drop: 'Déposez un fichier pour l’envoyer',
    problem: { type: 'Seuls les images (PNG, JPEG, WebP, GIF) et les fichiers PDF peuvent être envoyés.', empty: 'Ce fichier est vide.' },
    tooBig: (mb) => `Ce fichier est trop lourd : ${mb} Mo au maximum.`,
    lost: 'Non envoyé : joignez le fichier à nouveau.',
    view: (name) => `Ouvrir ${name} en grand`,
    download: (name) => `Télécharger ${name}`,
    close: 'Fermer',
  },
  de: {
    attach: 'Datei anhängen',
    drop: 'Datei hier ablegen, um sie zu senden',
    problem: { type: 'Nur Bilder (PNG, JPEG, WebP, GIF) und PDF-Dateien können gesendet werden.', empty: 'Diese Datei ist leer.' },
    tooBig: (mb) => `Diese Datei ist zu groß: höchstens ${mb} MB.`,
    lost: 'Nicht gesendet: Bitte hängen Sie die Datei erneut an.',
    view: (name) => `${name} in voller Größe öffnen`,
    download: (name) => `${name} herunterladen`,
    close: 'Schließen',
  },
  es: {
    attach: 'Adjuntar un archivo',
    drop: 'Suelta un archivo para enviarlo',
    problem: { type: 'Solo se pueden enviar imágenes (PNG, JPEG, WebP, GIF) y archivos PDF.', empty: 'Este archivo está vacío.' },
    tooBig: (mb) => `Este archivo es demasiado grande: ${mb} MB como máximo.`,
    lost: 'No enviado: vuelve a adjuntar el archivo.',
    view: (name) => `Abrir ${name} a tamaño completo`,
    download: (name) => `Descargar ${name}`,
    close: 'Cerrar',
  },
  // The file's name keeps its own direction (FSI ... PDI): "report.pdf" inside an Arabic sentence.
  ar: {
    attach: 'إرفاق ملف',
    drop: 'أفلت ملفًا هنا لإرساله',
    problem: { type: 'يمكن إرسال الصور (PNG وJPEG وWebP وGIF) وملفات PDF فقط.', empty: 'هذا الملف فارغ.' },
    tooBig: (mb) => `هذا الملف كبير جدًا: ${mb} ميغابايت على الأكثر.`,
    lost: 'لم يُرسَل: يُرجى إرفاق الملف مرة أخرى.',
    view: (name) => `فتح \u2068${name}\u2069 بالحجم الكامل`,
    download: (name) => `تنزيل \u2068${name}\u2069`,
    close: 'إغلاق',
  },
  he: {
    attach: 'צירוף קובץ',
    drop: 'שחררו כאן קובץ כדי לשלוח אותו',
    problem: { type: 'אפשר לשלוח רק תמונות (PNG, JPEG, WebP, GIF) וקובצי PDF.', empty: 'הקובץ ריק.' },
    tooBig: (mb) => `הקובץ גדול מדי: עד ${mb} MB.`,
    lost: 'לא נשלח: נא לצרף את הקובץ שוב.',
    view: (name) => `פתיחת \u2068${name}\u2069 בגודל מלא`,
    download: (name) => `הורדת \u2068${name}\u2069`,
    close: 'סגירה',
  },
};

export const number = (language: Language, n: number): string => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
/** French says octets: Ko, Mo; Arabic its own words. */
export const size = (language: Language, bytes: number): string => {
  const [kb, mb] = language === 'fr' ? ['Ko', 'Mo'] : language === 'ar' ? ['كيلوبايت', 'ميغابايت'] : ['KB', 'MB'];
  return bytes >= 1024 * 1024 ? `${number(language, bytes / 1024 / 1024)} ${mb}` : `${number(language, Math.max(1, Math.round(bytes / 1024)))} ${kb}`;
};

export function problemText(w: Words, language: Language, problem: AttachmentProblem, max: number): string {
  return problem === 'too_big' ? w.tooBig(number(language, max / 1024 / 1024)) : w.problem[problem];
}

