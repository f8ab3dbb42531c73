import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Adjuntar un archivo',
  drop: 'Suelta un archivo para enviarlo',
  problem: { type: 'Solo se pueden enviar imágenes (PNG, JPEG, WebP, GIF) y archivos PDF.', empty: 'Este archivo está vacío.' },
  tooBig: (mb) => `Este archivo es demasiado grande: ${mb} MB como máximo.`,
  lost: 'No enviado: vuelve a adjuntar el archivo.',
  view: (name) => `Abrir ${name} a tamaño completo`,
  download: (name) => `Descargar ${name}`,
  close: 'Cerrar',
};

export default words;
