import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Bestand bijvoegen',
  drop: 'Zet een bestand hier neer om het te versturen',
  problem: { type: 'Alleen afbeeldingen (PNG, JPEG, WebP, GIF) en pdf-bestanden kunnen worden verstuurd.', empty: 'Dit bestand is leeg.' },
  tooBig: (mb) => `Dit bestand is te groot: maximaal ${mb} MB.`,
  lost: 'Niet verstuurd: voeg het bestand opnieuw toe.',
  view: (name) => `${name} op volle grootte openen`,
  download: (name) => `${name} downloaden`,
  close: 'Sluiten',
};

export default words;
