/** Dutch for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'nl',
  stop:
    'aan al als bij dat de deze die dit doen door een en er had heb heeft hem het hier hij hoe ik in is ja je ' +
      'jij kan kunnen maar me mij mijn met na naar niet nog nu of om ons onze ook op over te tot u uw van veel ' +
      'voor waar wanneer waarom wat we wel wie wij worden wordt zal ze zij zijn zo hallo bedankt dank graag ' +
      'alstublieft alsjeblieft goedendag',
  // A past participle's "ge-" ("geleverd", "besteld" has none): only before four letters or more, so "geld" stays.
  stem: (word, suffixes) => suffixes(word.startsWith('ge') && word.length >= 6 ? word.slice(2) : word),
  suffixes: [
    ['heden', ''], ['heid', ''], ['ingen', ''], ['ing', ''], ['tjes', ''], ['tje', ''], ['jes', ''],
    ['en', ''], ['es', ''], ['e', ''], ['s', ''], ['d', '', 4],
  ],
  // "s" after s or a vowel-final word stays ("adres", "status").
  keepS: /[saeiou]$/,
  // "bestell" (from bestelling, bestellen) -> "bestel".
  undouble: /([bdfgklmnprstz])\1$/,
};

export default table;
