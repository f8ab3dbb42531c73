import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Allega un file',
  drop: 'Rilasci qui un file per inviarlo',
  problem: { type: 'Si possono inviare solo immagini (PNG, JPEG, WebP, GIF) e file PDF.', empty: 'Questo file è vuoto.' },
  tooBig: (mb) => `Questo file è troppo grande: massimo ${mb} MB.`,
  lost: 'Non inviato: alleghi di nuovo il file.',
  view: (name) => `Apri ${name} a dimensione intera`,
  download: (name) => `Scarica ${name}`,
  close: 'Chiudi',
};

export default words;
