/** Portuguese for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'pt',
  stop:
    'a ao aos as com da das de do dos e em esta este isto eu ela ele eles elas essa esse isso foi ha me meu ' +
      'minha meus minhas mais mas na nas no nos nao o os ou para pela pelo por que quando se seu sua seus suas ' +
      'so sou tem um uma voce voces onde como porque ola oi obrigado obrigada posso pode estao ja cade qual ' +
      'quero gostaria meu',
  suffixes: [
    ['acoes', ''], ['acao', ''], ['amentos', ''], ['amento', ''], ['imentos', ''], ['imento', ''], ['mente', ''],
    ['ando', ''], ['endo', ''], ['indo', ''], ['ados', ''], ['adas', ''], ['ado', ''], ['ada', ''],
    ['idos', ''], ['idas', ''], ['ido', ''], ['ida', ''], ['oes', ''], ['aes', ''], ['ais', 'al'],
    ['ar', ''], ['er', ''], ['ir', ''], ['es', ''], ['os', ''], ['as', ''], ['a', ''], ['o', ''], ['e', ''], ['s', ''],
  ],
};

export default table;
