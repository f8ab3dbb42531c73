import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Twoje rozmowy',
  loading: 'Wczytujemy Twoje wcześniejsze rozmowy…',
  none: 'Nie ma jeszcze wcześniejszych rozmów.',
  earlier: 'Pokaż wcześniejsze rozmowy',
  you: 'Ty',
  team: 'Obsługa klienta',
  channel: { chat: 'Czat', callback: 'Oddzwonienie', phone: 'Rozmowa telefoniczna' },
  ref: (ref) => `nr ${ref}`,
  open: 'otwarta',
  closed: 'zakończona',
  file: (name) => `Plik: ${name}`,
  article: (title) => `Artykuł: ${title}`,
  refused: {
    identity_expired: 'Twoja sesja logowania wygasła, więc nie możemy pokazać wcześniejszych rozmów. Zaloguj się ponownie, aby je zobaczyć. Nadal możesz się z nami skontaktować.',
    identity_not_yet_valid: 'Nie udało się teraz potwierdzić logowania, więc Twoje wcześniejsze rozmowy pozostają prywatne. Nadal możesz się z nami skontaktować.',
    identity_invalid: 'Nie udało się potwierdzić Twojej tożsamości, więc Twoje wcześniejsze rozmowy pozostają prywatne. Nadal możesz się z nami skontaktować.',
    identity_missing: 'Nie udało się potwierdzić Twojej tożsamości, więc Twoje wcześniejsze rozmowy pozostają prywatne. Nadal możesz się z nami skontaktować.',
  },
  offline: 'Nie możemy teraz wczytać Twoich wcześniejszych rozmów.',
  retry: 'Spróbuj ponownie',
};

export default words;
