import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Joindre un fichier',
  drop: 'Déposez un fichier pour l’envoyer',
  problem: { type: 'Seuls les images (PNG, JPEG, WebP, GIF) et les fichiers PDF peuvent être envoyés.', empty: 'Ce fichier est vide.' },
  tooBig: (mb) => `Ce fichier est trop lourd : ${mb} Mo au maximum.`,
  lost: 'Non envoyé : joignez le fichier à nouveau.',
  view: (name) => `Ouvrir ${name} en grand`,
  download: (name) => `Télécharger ${name}`,
  close: 'Fermer',
};

export default words;
