/**
 * The words of files in the chat (Attach.tsx) in the four languages, and how a refusal and a
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
  ja: {
    attach: 'ファイルを添付',
    drop: 'ここにファイルをドロップして送信',
    problem: { type: '送信できるのは画像（PNG、JPEG、WebP、GIF）とPDFファイルのみです。', empty: 'このファイルは空です。' },
    tooBig: (mb) => `ファイルが大きすぎます（${mb} MBまで）。`,
    lost: '送信できませんでした。もう一度ファイルを添付してください。',
    view: (name) => `${name}を原寸で開く`,
    download: (name) => `${name}をダウンロード`,
    close: '閉じる',
  },
  zh: {
    attach: '添加附件',
    drop: '将文件拖放到此处即可发送',
    problem: { type: '只能发送图片（PNG、JPEG、WebP、GIF）和 PDF 文件。', empty: '此文件为空。' },
    tooBig: (mb) => `文件太大：最大 ${mb} MB。`,
    lost: '未发送：请重新添加文件。',
    view: (name) => `查看 ${name} 原图`,
    download: (name) => `下载 ${name}`,
    close: '关闭',
  },
};

export const number = (language: Language, n: number): string => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(n);
/** French says octets: Ko, Mo. */
export const size = (language: Language, bytes: number): string => {
  const [kb, mb] = language === 'fr' ? ['Ko', 'Mo'] : ['KB', 'MB'];
  return bytes >= 1024 * 1024 ? `${number(language, bytes / 1024 / 1024)} ${mb}` : `${number(language, Math.max(1, Math.round(bytes / 1024)))} ${kb}`;
};

export function problemText(w: Words, language: Language, problem: AttachmentProblem, max: number): string {
  return problem === 'too_big' ? w.tooBig(number(language, max / 1024 / 1024)) : w.problem[problem];
}

