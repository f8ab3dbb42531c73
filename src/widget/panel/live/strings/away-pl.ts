import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Otrzymaj odpowiedź e-mailem',
  nobody: 'Zostaw swój adres e-mail, a odpowiedź do Ciebie dotrze, nawet jeśli zamkniesz tę stronę.',
  leaving: 'Nie możesz czekać? Jeśli wyjdziesz, wyślemy odpowiedź e-mailem.',
  label: 'Twój adres e-mail',
  submit: 'Wyślij mi odpowiedź e-mailem',
  saved: (email) => `Jeśli wyjdziesz przed naszą odpowiedzią, wyślemy ją na adres ${email}.`,
  problem: {
    empty: 'Wpisz swój adres e-mail.',
    long: `Ten adres jest za długi (maksymalnie ${EMAIL_MAX} znaków).`,
    format: 'Wpisz jeden adres e-mail, np. imie@przyklad.pl.',
    refused: 'Nie udało się zapisać tego adresu. Sprawdź go i spróbuj ponownie.',
    offline: 'Nie możemy teraz połączyć się z zespołem. Spróbuj ponownie za chwilę.',
  },
  reopen: {
    expired: 'Link z wiadomości e-mail wygasł. Możesz zapytać nas ponownie tutaj.',
    invalid: 'Ten link nie otwiera żadnej rozmowy. Skopiuj cały link z wiadomości e-mail lub zapytaj nas ponownie tutaj.',
    offline: 'Nie możemy teraz połączyć się z zespołem, aby ponownie otworzyć rozmowę. Otwórz link ponownie za chwilę.',
  },
};

export default words;
