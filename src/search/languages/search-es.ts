/** Spanish for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'es',
  stop:
    'a al algo como con de del el ella en es esta este esto estoy ha he la las le les lo los me mi mis ' +
      'muy no nos o para pero por que se si su sus te tu tus un una uno y ya yo hola gracias cuando donde ' +
      'porque puedo hay',
  suffixes: [
    ['aciones', ''], ['acion', ''], ['amientos', ''], ['amiento', ''], ['mente', ''], ['ando', ''], ['iendo', ''],
    ['ados', ''], ['adas', ''], ['ado', ''], ['ada', ''], ['idos', ''], ['ido', ''], ['es', ''], ['as', ''],
    ['os', ''], ['ar', ''], ['er', ''], ['ir', ''], ['a', ''], ['o', ''], ['e', ''], ['s', ''],
  ],
};

export default table;
