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
  // Everyday words people use for one another, folded as the stemmer reads them ("platnosc" is
  // "płatność"), written as general Polish (a thesaurus's commonest entries), not from any set's
  // questions (docs/search.md).
  related:
    'pieniadze gotowka srodki|oplata koszt cena|zwrot refundacja|anulowac odwolac rezygnacja|kupic zakup nabyc|' +
    'placic platnosc zaplata|sklep sprzedawca|zamowienie zakup|bledny niepoprawny zly|blad pomylka|' +
    'zgubiony zaginiony brakujacy|skradziony kradziez|dostawa wysylka dostarczenie|otrzymac odebrac dostac|' +
    'problem klopot trudnosc|naprawic rozwiazac|zepsuty uszkodzony wadliwy|pomoc wsparcie|szybki ekspresowy pilny|' +
    'opoznienie zwloka|zaczac rozpoczac|zatrzymac wstrzymac|usunac skasowac|zmienic zmodyfikowac edytowac zaktualizowac|' +
    'sprawdzic zweryfikowac potwierdzic|pokazac wyswietlic|zagranica zagraniczny miedzynarodowy|pozwolic zezwolic|' +
    'odrzucic odmowic|nieudany niepowodzenie|podwojny zdublowany dwukrotnie|dodatkowy ekstra|' +
    'wiadomosc email mail powiadomienie|telefon komorka smartfon|wybrac wskazac|limit maksimum|kwota suma|' +
    'wyslac przeslac|dziwny nietypowy|nieznany podejrzany|bezpieczny chroniony|oszustwo wyludzenie|tozsamosc dowod|' +
    'konto profil|haslo password|zalogowac logowanie|faktura rachunek paragon|paczka przesylka|produkt towar artykul|' +
    'reklamacja skarga|subskrypcja abonament|kontakt skontaktowac|rabat znizka kupon promocja|darmowy bezplatny gratis|' +
    'klient kupujacy|kurier dostawca',
};

export default table;
