import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Załącz plik',
  drop: 'Upuść plik, aby go wysłać',
  problem: { type: 'Można wysyłać tylko obrazy (PNG, JPEG, WebP, GIF) i pliki PDF.', empty: 'Ten plik jest pusty.' },
  tooBig: (mb) => `Ten plik jest za duży: maksymalnie ${mb} MB.`,
  lost: 'Nie wysłano: załącz plik ponownie.',
  view: (name) => `Otwórz ${name} w pełnym rozmiarze`,
  download: (name) => `Pobierz ${name}`,
  close: 'Zamknij',
};

export default words;
