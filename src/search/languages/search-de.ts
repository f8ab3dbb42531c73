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
  // Everyday words people use for one another, folded as the stemmer reads them ("gebuhr" is
  // "Gebühr"), written as general German (a thesaurus's commonest entries), not from any set's
  // questions (docs/search.md).
  related:
    'geld bargeld guthaben|gebuhr kosten preis entgelt|erstattung ruckerstattung ruckzahlung gutschrift|' +
    'stornieren annullieren kundigen ruckgangig|kaufen erwerben|bestellung auftrag kauf|' +
    'bezahlen zahlung begleichen|shop geschaft handler verkaufer anbieter|falsch fehlerhaft inkorrekt|' +
    'fehler irrtum|verloren verschwunden fehlt|gestohlen diebstahl|lieferung zustellung versand|' +
    'ankommen eintreffen|erhalten bekommen empfangen|problem schwierigkeit storung|' +
    'reparieren beheben|kaputt beschadigt defekt|hilfe unterstutzung support|' +
    'schnell rasch express eilig dringend|langsam verspatung verzogerung|starten beginnen anfangen|' +
    'beenden stoppen aufhoren|loschen entfernen|andern bearbeiten anpassen aktualisieren|' +
    'prufen uberprufen kontrollieren bestatigen|anzeigen erscheinen|ausland international|' +
    'erlauben zulassen gestatten|ablehnen verweigern zuruckweisen|fehlgeschlagen gescheitert|doppelt zweimal|' +
    'zusatzlich extra|nachricht email mail benachrichtigung|telefon handy smartphone mobiltelefon|' +
    'wahlen auswahlen aussuchen|adresse anschrift|limit grenze obergrenze|betrag summe|senden schicken|' +
    'seltsam merkwurdig komisch ungewohnlich|unbekannt fremd|betrug abzocke|' +
    'ausweis personalausweis identitat|konto profil kundenkonto|anmelden einloggen login|passwort kennwort|' +
    'rechnung beleg quittung|paket packchen|produkt artikel|rucksendung retoure umtausch|' +
    'abo abonnement|kontaktieren erreichen anrufen|rabatt nachlass gutschein|gratis kostenlos umsonst|' +
    'kunde kundschaft|garantie gewahrleistung|kurier paketdienst',
};

export default table;
