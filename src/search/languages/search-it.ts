/** Italian for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'it',
  stop:
    'a ad al allo ai agli alla alle con col da dal dallo dai dagli dalla dalle di del dello dei degli della ' +
      'delle e ed il in lo la le li gli i nel nello nei negli nella nelle ma mi me mio mia miei mie non o per ' +
      'perche piu che chi ci come cosa dove ho ha hai hanno sono sei si su sul sulla suo sua tu ti un uno una vi ' +
      'voi noi io lei lui loro ciao grazie posso puo anche se gia ancora molto quando quale qual questo questa ' +
      'salve buongiorno vorrei',
  // Elision: "l'ordine", "dell'ordine", "un'ora".
  elision: /^(?:dell|dall|nell|sull|all|l|un|d|c|quest|po)['’]/,
  suffixes: [
    ['azioni', ''], ['azione', ''], ['izioni', ''], ['izione', ''], ['zioni', ''], ['zione', ''],
    ['amenti', ''], ['amento', ''], ['imenti', ''], ['imento', ''], ['mente', ''], ['ando', ''], ['endo', ''],
    ['ati', ''], ['ate', ''], ['ato', ''], ['ata', ''], ['iti', ''], ['ite', ''], ['ito', ''], ['ita', ''],
    ['uti', ''], ['uto', ''], ['uta', ''], ['are', ''], ['ere', ''], ['ire', ''],
    ['i', ''], ['e', ''], ['o', ''], ['a', ''],
  ],
};

export default table;
