import type { PanelStrings } from '../strings';
import { plural } from '../../../protocol/plural';

/** Polish without the gendered past tense a visitor's sex would decide (impersonal forms, "Ty" in requests). */
const strings: PanelStrings = {
  title: 'Pomoc',
  close: 'Zamknij pomoc',
  back: 'Wstecz',
  searchLabel: 'Szukaj w pomocy',
  searchPlaceholder: 'Wyszukaj odpowiedź',
  results: (n) => plural('pl', n, { one: 'Znaleziono # artykuł', few: 'Znaleziono # artykuły', many: 'Znaleziono # artykułów', other: 'Znaleziono # artykułu' }),
  noResults: (q) => `Brak dobrej odpowiedzi na „${q}”.`,
  noResultsHint: 'Konsultant może pomóc od razu. Możesz też spróbować innych słów.',
  popular: 'Popularne artykuły',
  loading: 'Wczytywanie artykułów…',
  articlesFailed: 'Nie udało się wczytać artykułów pomocy. Konsultant nadal może pomóc.',
  retryArticles: 'Spróbuj ponownie',
  noArticles: 'Napisz, czego potrzebujesz: konsultant jest gotowy, by pomóc.',
  didHelp: 'Czy to pomogło?',
  yes: 'Tak',
  no: 'Nie',
  thanks: 'Dziękujemy za informację.',
  sorry: 'Przykro nam, że to nie pomogło. Konsultant zajmie się tym dalej.',
  talkToHuman: 'Zapytaj konsultanta',
  chatWith: (n) => `Czat: ${n}`,
  contactPerson: 'Uzyskaj pomoc konsultanta',
  callAt: (p) => `Zadzwoń do nas: ${p}.`,
  call: 'Zadzwoń:',
  humanIntro: 'Pomoże prawdziwa osoba i nie trzeba będzie niczego powtarzać.',
  phoneTitle: 'Zadzwoń do nas',
  hours: 'Godziny pracy',
  emailTitle: 'Napisz do nas',
  emailSubject: 'Prośba o pomoc',
  triedTitle: 'Co już sprawdzono',
  triedNote: 'Udostępniane osobie, która pomaga.',
  triedEmpty: 'Jeszcze nic.',
  copy: 'Kopiuj',
  copied: 'Skopiowano',
  clear: 'Wyczyść',
  removeEntry: (what) => `Usuń „${what}”`,
  openOriginal: 'Otwórz ten artykuł na osobnej stronie',
  articleMissing: 'Nie znaleziono tego artykułu.',
  searchFailed: 'Wyszukiwanie jest teraz niedostępne: oto artykuły, które mamy, a konsultant może pomóc.',
  searchBusy: 'Wyszukiwanie jest chwilowo przeciążone, spróbujemy ponownie za moment: oto artykuły, które mamy, a konsultant może pomóc.',
  summary: {
    page: (title, url) => (title ? `Odwiedzona strona: „${title}” (${url})` : `Odwiedzona strona: ${url}`),
    search: (query, count) =>
      `Wyszukiwanie „${query}” — ${plural('pl', count, { one: '# wynik', few: '# wyniki', many: '# wyników', other: '# wyniku' })}`,
    article: (title) => `Przeczytany artykuł: „${title}”`,
    feedback: (title, helpful) => `Ocena „${title}”: ${helpful ? 'pomocny' : 'niepomocny'}`,
    handoff: (channel) =>
      ({ chat: 'Prośba o czat z konsultantem', callback: 'Prośba o oddzwonienie', phone: 'Wybór rozmowy telefonicznej' })[channel],
  },
};

export default strings;
