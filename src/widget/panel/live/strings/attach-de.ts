import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Datei anhängen',
  drop: 'Datei hier ablegen, um sie zu senden',
  problem: { type: 'Nur Bilder (PNG, JPEG, WebP, GIF) und PDF-Dateien können gesendet werden.', empty: 'Diese Datei ist leer.' },
  tooBig: (mb) => `Diese Datei ist zu groß: höchstens ${mb} MB.`,
  lost: 'Nicht gesendet: Bitte hängen Sie die Datei erneut an.',
  view: (name) => `${name} in voller Größe öffnen`,
  download: (name) => `${name} herunterladen`,
  close: 'Schließen',
};

export default words;
