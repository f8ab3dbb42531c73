/**
 * Polish for search: stop words and the suffixes the light stemmer strips (language.ts). Words
 * are folded first (ą -> a, ł -> l, ż -> z: text.ts), so "zamowienie" typed without Polish
 * letters meets "zamówienie".
 */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'pl',
  stop:
    'a aby ale bo by byc co czy dla do gdzie i ich jak jest jestem juz ja jego jej ma mam moj moja moje mojego ' +
      'mojej mnie mi na nie nic o od po pod przez sa sie ta tak te tego to ty w we z za ze zeby oraz lub albo ' +
      'kiedy dlaczego jaki jaka jakie moge moze prosze dziekuje dzien dobry czesc witam chce chcialbym chcialabym',
  // Nouns and verbs decline: the longest ending that fits goes, then a last vowel.
  suffixes: [
    ['owaniami', ''], ['owania', ''], ['owanie', ''], ['owaniu', ''], ['eniami', ''], ['eniem', ''], ['enia', ''],
    ['enie', ''], ['eniu', ''], ['aniem', ''], ['ania', ''], ['anie', ''], ['aniu', ''], ['osci', 'osc'],
    ['ami', ''], ['ach', ''], ['owi', '', 4], ['ien', ''], ['ego', ''], ['emu', ''], ['ych', ''], ['ymi', ''], ['iej', ''],
    ['ow', '', 4], ['om', '', 4], ['ej', ''], ['ie', ''], ['ic', ''], ['ac', ''], ['yc', ''],
    ['a', ''], ['e', ''], ['i', ''], ['y', ''], ['o', ''], ['u', ''],
  ],
};

export default table;
