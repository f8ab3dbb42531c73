/** German for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'de',
  stop:
    'aber als am an auf aus bei bin bis bist da das dass dem den der des die du ein eine einem einen einer ' +
      'es fur hat habe haben ich ihr im in ist ja kann konnen mein meine meinem meinen mich mir mit nach ' +
      'nicht noch nur ob oder sein sie sind so um und uns unser von vor war was wie wir wird zu zum zur ' +
      'hallo danke bitte warum wann wo',
  suffixes: [
    ['ungen', ''], ['ung', ''], ['heiten', ''], ['heit', ''], ['keiten', ''], ['keit', ''],
    ['ern', ''], ['em', ''], ['en', ''], ['er', ''], ['es', ''], ['e', ''], ['n', ''], ['s', ''],
  ],
};

export default table;
