import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Jak oceniasz tę rozmowę?',
  good: 'Dobrze',
  bad: 'Źle',
  repeatQuestion: 'Czy trzeba było powtarzać coś, co już sprawdzono?',
  yes: 'Tak',
  no: 'Nie',
  comment: 'Chcesz coś dodać? (opcjonalnie)',
  send: 'Wyślij',
  chooseFirst: 'Najpierw wybierz Dobrze lub Źle.',
  thanks: 'Dziękujemy za opinię.',
  failed: 'Nie udało się wysłać odpowiedzi. Spróbuj ponownie.',
  sendTranscript: 'Wyślij mi tę rozmowę',
  transcriptTo: (email) => `Chcesz kopię? Wyślemy tę rozmowę na adres ${email}.`,
  transcriptSent: (email) => `Rozmowa została wysłana na adres ${email}.`,
  transcriptFailed: 'Nie udało się jej wysłać. Spróbuj ponownie.',
};

export default strings;
