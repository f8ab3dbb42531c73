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

/** English, also what a language without words of its own yet shows (see the TODOs below). */
const ENGLISH: Words = {
  attach: 'Attach a file',
  drop: 'Drop a file to send it',
  problem: { type: 'Only images (PNG, JPEG, WebP, GIF) and PDF files can be sent.', empty: 'This file is empty.' },
  tooBig: (mb) => `This file is too large: ${mb} MB at most.`,
  lost: 'Not sent: please attach the file again.',
  view: (name) => `Open ${name} at full size`,
  download: (name) => `Download ${name}`,
  close: 'Close',
};

export const WORDS: Record<Language, Words> = {
  en: ENGLISH,
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
  it: {
    attach: 'Allega un file',
    drop: 'Rilasci qui un file per inviarlo',
    problem: { type: 'Si possono inviare solo immagini (PNG, JPEG, WebP, GIF) e file PDF.', empty: 'Questo file è vuoto.' },
    tooBig: (mb) => `Questo file è troppo grande: massimo ${mb} MB.`,
    lost: 'Non inviato: alleghi di nuovo il file.',
    view: (name) => `Apri ${name} a dimensione intera`,
    download: (name) => `Scarica ${name}`,
    close: 'Chiudi',
  },
  pt: {
    attach: 'Anexar um arquivo',
    drop: 'Solte um arquivo para enviá-lo',
    problem: { type: 'Só é possível enviar imagens (PNG, JPEG, WebP, GIF) e arquivos PDF.', empty: 'Este arquivo está vazio.' },
    tooBig: (mb) => `Este arquivo é grande demais: no máximo ${mb} MB.`,
    lost: 'Não enviado: anexe o arquivo de novo.',
    view: (name) => `Abrir ${name} em tamanho real`,
    download: (name) => `Baixar ${name}`,
    close: 'Fechar',
  },
  nl: {
    attach: 'Bestand bijvoegen',
    drop: 'Zet een bestand hier neer om het te versturen',
    problem: { type: 'Alleen afbeeldingen (PNG, JPEG, WebP, GIF) en pdf-bestanden kunnen worden verstuurd.', empty: 'Dit bestand is leeg.' },
    tooBig: (mb) => `Dit bestand is te groot: maximaal ${mb} MB.`,
    lost: 'Niet verstuurd: voeg het bestand opnieuw toe.',
    view: (name) => `${name} op volle grootte openen`,
    download: (name) => `${name} downloaden`,
    close: 'Sluiten',
  },
  pl: {
    attach: 'Załącz plik',
    drop: 'Upuść plik, aby go wysłać',
    problem: { type: 'Można wysyłać tylko obrazy (PNG, JPEG, WebP, GIF) i pliki PDF.', empty: 'Ten plik jest pusty.' },
    tooBig: (mb) => `Ten plik jest za duży: maksymalnie ${mb} MB.`,
    lost: 'Nie wysłano: załącz plik ponownie.',
    view: (name) => `Otwórz ${name} w pełnym rozmiarze`,
    download: (name) => `Pobierz ${name}`,
    close: 'Zamknij',
  },
  ar: ENGLISH, // TODO(rtl): replaced by its own words at merge
  he: ENGLISH, // TODO(rtl): replaced by its own words at merge
  ja: ENGLISH, // TODO(cjk): replaced by its own words at merge
  zh: ENGLISH, // TODO(cjk): replaced by its own words at merge
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

