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
  // Everyday words people use for one another, in the Netherlands and Flanders ("wachtwoord",
  // "paswoord"), folded as the stemmer reads them, written as general Dutch (a thesaurus's
  // commonest entries), not from any set's questions (docs/search.md).
  related:
    'geld contanten saldo|kosten prijs tarief toeslag|terugbetaling restitutie terugstorting|annuleren opzeggen|' +
    'kopen aankoop aanschaffen|betalen voldoen afrekenen|winkel webshop verkoper handelaar|bestelling order aankoop|' +
    'fout verkeerd onjuist incorrect vergissing|kwijt verloren vermist|gestolen diefstal|' +
    'levering bezorging verzending|aankomen arriveren|ontvangen probleem storing moeilijkheid|' +
    'repareren oplossen herstellen|kapot beschadigd defect|hulp ondersteuning support assistentie|' +
    'snel spoed express dringend|traag langzaam vertraging|beginnen starten|stoppen beeindigen|' +
    'verwijderen wissen schrappen|wijzigen veranderen aanpassen bewerken|controleren nakijken bevestigen checken|' +
    'tonen weergeven verschijnen|buitenland internationaal|toestaan toelaten|weigeren afwijzen|mislukt gefaald|' +
    'dubbel tweemaal|extra aanvullend|bericht email mail melding|telefoon mobiel gsm smartphone|kiezen selecteren|' +
    'adres woonadres|limiet maximum grens|bedrag som totaal|sturen opsturen|krijgen verkrijgen|' +
    'vreemd raar ongewoon|onbekend verdacht|veilig beveiligd|fraude oplichting|identiteit legitimatie paspoort|' +
    'account profiel|wachtwoord paswoord|inloggen aanmelden|factuur nota bon|pakket pakje zending|' +
    'product artikel|retour retourneren terugsturen|abonnement lidmaatschap|contact bellen|korting kortingscode|' +
    'gratis kosteloos|klant koper|bezorger koerier pakketdienst',
};

export default table;
