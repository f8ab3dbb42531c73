/**
 * Does a visitor's search look like it holds personal data? Searches that do are never learned
 * as phrasings (phrasings.ts): a phrasing may end up served to every visitor by GET /v1/phrasings.
 * Cautious on purpose: a search wrongly held back costs one phrasing, one wrongly learned would
 * publish someone's name or order. English, French, German and Spanish forms, the widget's.
 */
import { fold } from '../search/text';

/** What kind of personal data a search seems to hold. */
export type PersonalKind = 'email' | 'number' | 'card' | 'reference' | 'name' | 'address';

const EMAIL = /[^\s@]+@[^\s@]+/;
// Any run of 4 digits or more (an order, a card's last four, a postcode, a year too: cautious),
// or 7 digits or more with single spaces, dots or dashes between them (a phone number).
const NUMBER = /\d{4,}|\d(?:[\s.-]?\d){6,}/;

// A card named with a number: "card ending 4242", "visa 4242", "carte finissant par 12".
const CARD_WORDS = 'card|cards|visa|mastercard|amex|maestro|carte|cb|karte|kreditkarte|tarjeta';
const CARD_FILLER = 'ending|ends|end|in|with|last|digits?|four|number|no|nr|num|par|finissant|terminant|endet|endend|auf|mit|terminada|termina|en|que';
const CARD = new RegExp(`\\b(?:${CARD_WORDS})\\W+(?:(?:${CARD_FILLER})\\W+){0,4}\\d{2,}|\\b(?:ending|ends|finissant|terminant|endet|endend|terminada)(?:\\s+(?:in|with|par|en|mit|auf))?\\s+\\d{2,}`);

// A reference word, then a code with a digit: "order 123", "ref ABC123", "invoice no. 42".
const REFERENCE_WORDS =
  'order|orders|account|acct|invoice|ref|reference|ticket|booking|tracking|confirmation|customer|membership|policy|case|receipt|' +
  'commande|facture|compte|dossier|bestellung|rechnung|konto|kundennummer|auftrag|buchung|pedido|factura|cuenta|referencia|reserva';
const REFERENCE = new RegExp(
  // With "no", "number", "#": any digit; without, a code of 3 characters or more ("order 2 helmets" is not one).
  `\\b(?:${REFERENCE_WORDS})\\s*(?:(?:no|nr|num|number|numero|nummer|id)\\b|#|n°|nº)\\W*[a-z]*\\d|` +
    `\\b(?:${REFERENCE_WORDS})\\b\\W*(?=[a-z0-9-]{3})[a-z]*\\d[a-z0-9-]*`,
);
// "#A1B2C3", "# 123": a code after a hash; or a code of 6 characters or more mixing letters and
// at least 3 digits ("ABC123", "A1B2C3"), which a word ("mp3", "covid19") seldom is.
const HASH_CODE = /#\s?[a-z0-9-]*\d/;
const MIXED_CODE = /\b(?=[a-z0-9]*[a-z])(?=(?:[a-z]*\d){3})[a-z0-9]{6,}\b/;

// Who the visitor is. After these, any word is a name.
const NAMED =
  /\b(?:my name is|my name s|im called|i am called|je m appelle|je mappelle|mon nom est|ich heisse|ich heiße|mein name ist|me llamo|mi nombre es)\s+\p{L}/u;
// After these, a capitalised word is taken for a name ("I am Ada", "this is Sam from Leeds"):
// "I am locked out" is not one. Checked on the text as typed, since folding loses the capital.
const INTRODUCED = /(?:^|[^\p{L}])(?:I am|I['’]m|[Tt]his is|[Jj]e suis|[Ii]ch bin|[Ss]oy)\s+\p{Lu}\p{Ll}/u;

// A number then a street word: "12 High Street", "4b Elm Rd", "12 rue de la Paix", "3 avenue Foch".
const STREET_AFTER =
  /\b\d+\s?[a-z]?\b,?\s+(?:[\p{L}'-]+\s+){0,3}?(?:street|st|road|rd|avenue|ave|av|lane|ln|boulevard|blvd|bd|drive|dr|terrace|crescent|square|sq|highway|hwy|parkway|pkwy|court|ct|place|pl|rue|chemin|allee|impasse|quai|calle|avenida|avda|plaza|paseo|camino|carrera)\b/u;
// A street word then a number: "Hauptstraße 5", "Bahnhofstr. 12", "Calle Mayor 5", "c/ Mayor 5".
const STREET_BEFORE =
  /[\p{L}-]*(?:strasse|straße|str\.|weg|gasse|platz|allee|damm|ufer)\s+\d+|(?:\bcalle|\bc\/|\bavenida|\bavda\.?|\bplaza|\bpaseo|\bcamino|\bcarrera|\brue|\bavenue)\s+(?:[\p{L}'-]+\s+){1,4}?\d+/u;

/** The kind of personal data `text` seems to hold, or null when none is seen. */
export function personalData(text: string): PersonalKind | null {
  if (EMAIL.test(text)) return 'email';
  if (INTRODUCED.test(text)) return 'name';
  // Folded: lower case, accents gone; apostrophes become spaces, so "I'm" is "i m", "m'appelle" is "m appelle".
  const folded = fold(text).replace(/['’`]/g, ' ').replace(/\s+/g, ' ');
  const joined = folded.replace(/\b(i|je) m /g, '$1m '); // "i m called" -> "im called"
  if (NAMED.test(folded) || NAMED.test(joined)) return 'name';
  if (CARD.test(folded) || folded.includes('•')) return 'card'; // • : a card number masked (redact.ts)
  if (STREET_AFTER.test(folded) || STREET_BEFORE.test(folded)) return 'address';
  if (REFERENCE.test(folded) || HASH_CODE.test(folded) || MIXED_CODE.test(folded)) return 'reference';
  if (NUMBER.test(folded)) return 'number';
  return null;
}
