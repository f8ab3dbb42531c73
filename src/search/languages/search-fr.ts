/** French for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'fr',
  stop:
    'a au aux avec ce ces cette dans de des du elle en est et il ils je j la le les leur lui ma mais me ' +
      'mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un ' +
      'une vos votre vous c d l m n s t y bonjour merci svp est-ce comment quand pourquoi ai as avons avez ont suis',
  suffixes: [
    ['issements', ''], ['issement', ''], ['ements', ''], ['ement', ''], ['ations', ''], ['ation', ''],
    ['euses', ''], ['euse', ''], ['ees', ''], ['ee', ''], ['es', ''], ['er', ''], ['ez', ''], ['e', ''], ['s', ''], ['x', ''],
  ],
  // Elision: "l'adresse" is "adresse".
  elision: /^(?:qu|[ldjnscmt])['’]/,
};

export default table;
