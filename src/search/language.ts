/**
 * Per-language word handling for search: stop words (dropped from queries and documents) and a
 * light stemmer (so "charges", "charged" and "charging" meet at "charg"). Light on purpose: a
 * stem only has to be the same for the forms people type, not a dictionary word, and a small
 * table ships in the widget. English, French, German and Spanish, the widget's languages.
 */
export type SearchLanguage = 'en' | 'fr' | 'de' | 'es';

export const SEARCH_LANGUAGES: readonly SearchLanguage[] = ['en', 'fr', 'de', 'es'];

const words = (list: string): Set<string> => new Set(list.split(' '));

// Function words, greetings and filler that carry no topic. Apostrophes are removed before
// lookup ("isn't" -> "isnt").
const STOP: Record<SearchLanguage, Set<string>> = {
  en: words(
    'a about all also am an and any are as at be been but by can could did do does doing for from ' +
      'had has have having he her here hi hey hello his how i if in into is it its just me my myself no ' +
      'not of on or our ours please so some that the their them then there these they this those to ' +
      'too us very was we were what when where which who whom why will with would you your yours im ' +
      'ive id ill dont doesnt didnt cant cannot couldnt wont isnt arent wasnt werent havent hasnt hadnt ' +
      'youre thats whats theres thanks thank ok okay yes hmm ' +
      // Filler that says how someone feels, not what about: "I still need to know ...".
      'still yet already really actually even ever maybe perhaps want wants wanted need needs needed ' +
      'know tell something anything someone anyone thing things get got getting',
  ),
  fr: words(
    'a au aux avec ce ces cette dans de des du elle en est et il ils je j la le les leur lui ma mais me ' +
      'mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un ' +
      'une vos votre vous c d l m n s t y bonjour merci svp est-ce comment quand pourquoi ai as avons avez ont suis',
  ),
  de: words(
    'aber als am an auf aus bei bin bis bist da das dass dem den der des die du ein eine einem einen einer ' +
      'es fur hat habe haben ich ihr im in ist ja kann konnen mein meine meinem meinen mich mir mit nach ' +
      'nicht noch nur ob oder sein sie sind so um und uns unser von vor war was wie wir wird zu zum zur ' +
      'hallo danke bitte warum wann wo',
  ),
  es: words(
    'a al algo como con de del el ella en es esta este esto estoy ha he la las le les lo los me mi mis ' +
      'muy no nos o para pero por que se si su sus te tu tus un una uno y ya yo hola gracias cuando donde ' +
      'porque puedo hay',
  ),
};

export function isStopWord(word: string, lang: SearchLanguage): boolean {
  return STOP[lang].has(word);
}

/**
 * Suffixes to strip, longest first, as [suffix, replacement]; a stem keeps at least three letters.
 * English turns "verification", "verified" and "verifies" into "verify".
 */
const SUFFIXES: Record<SearchLanguage, Array<[suffix: string, replacement: string, minRest?: number]>> = {
  en: [
    ['ications', 'y'], ['ication', 'y'], ['ations', 'ate'], ['ation', 'ate'], ['ments', ''], ['ment', ''],
    ['nesses', ''], ['ness', ''], ['ingly', ''], ['ings', ''], ['ing', ''], ['ies', 'y'], ['ied', 'y'],
    ['edly', ''], ['ed', ''], ['ly', '', 4], ['al', '', 4], ['es', ''], ['s', ''], ['e', ''],
  ],
  fr: [
    ['issements', ''], ['issement', ''], ['ements', ''], ['ement', ''], ['ations', ''], ['ation', ''],
    ['euses', ''], ['euse', ''], ['ees', ''], ['ee', ''], ['es', ''], ['er', ''], ['ez', ''], ['e', ''], ['s', ''], ['x', ''],
  ],
  de: [
    ['ungen', ''], ['ung', ''], ['heiten', ''], ['heit', ''], ['keiten', ''], ['keit', ''],
    ['ern', ''], ['em', ''], ['en', ''], ['er', ''], ['es', ''], ['e', ''], ['n', ''], ['s', ''],
  ],
  es: [
    ['aciones', ''], ['acion', ''], ['amientos', ''], ['amiento', ''], ['mente', ''], ['ando', ''], ['iendo', ''],
    ['ados', ''], ['adas', ''], ['ado', ''], ['ada', ''], ['idos', ''], ['ido', ''], ['es', ''], ['as', ''],
    ['os', ''], ['ar', ''], ['er', ''], ['ir', ''], ['a', ''], ['o', ''], ['e', ''], ['s', ''],
  ],
};

const MIN_STEM = 3;

/**
 * The stem of a folded (lower case, accent-free) word. Numbers and short words stay as they are.
 * Two passes, so a plural meets its singular ("withdrawals" -> "withdrawal" -> "withdraw").
 */
export function stem(word: string, lang: SearchLanguage): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  return stripSuffix(stripSuffix(word, lang), lang);
}

function stripSuffix(word: string, lang: SearchLanguage): string {
  let base = word;
  for (const [suffix, replacement, minRest = MIN_STEM] of SUFFIXES[lang]) {
    if (!word.endsWith(suffix)) continue;
    const rest = word.slice(0, -suffix.length);
    if (rest.length < minRest) continue;
    // English: "s" after s, u or i is part of the word (class, status, this).
    if (lang === 'en' && suffix === 's' && /[sui]$/.test(rest)) continue;
    base = rest + replacement;
    break;
  }
  // "stopped" -> "stopp" -> "stop", so it meets "stop"; ll, ss and zz are how words are spelt.
  if (lang === 'en' && base !== word && /([^aeiouylsz])\1$/.test(base)) base = base.slice(0, -1);
  if (lang === 'en' && base.endsWith('e') && base.length > MIN_STEM) base = base.slice(0, -1);
  return base;
}

/** The search language for a locale like "fr-CA"; English when the language has no table. */
export function searchLanguage(locale: string | undefined): SearchLanguage {
  const lang = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (SEARCH_LANGUAGES as readonly string[]).includes(lang) ? (lang as SearchLanguage) : 'en';
}
