/**
 * Every language has every string of every pack, translated: not empty, not left in English
 * (but for words that are the same in that language, listed below), and counts said in its own
 * plural forms. The languages another branch brings (ar, he by "rtl"; ja, zh by "cjk") point at
 * English until they land: their test is expected to fail until then, and fails (as it.fails)
 * the moment their packs arrive, so AWAITING is emptied at merge and they are checked like the rest.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from './locale';
import { LAUNCHER_STRINGS } from './launcher-strings';
import { loadStrings } from '../panel/strings';
import { loadLiveStrings } from '../panel/live/liveStrings';
import { PACKS as RATING } from '../panel/rating/Rating';
import { PACKS as AWAY } from '../panel/live/Away';
import { PACKS as ATTACH } from '../panel/live/attach-words';
import { PACKS as HISTORY } from '../panel/history/words';
import { HOURS_WORDS } from '../../hours/lang';

const AWAITING = new Set<Language>([]);

/** Every string of every pack of `language`, by path; a function is called with sample arguments. */
async function strings(language: Language): Promise<Map<string, string>> {
  const packs: Record<string, object> = {
    launcher: LAUNCHER_STRINGS[language],
    panel: await loadStrings(language),
    live: await loadLiveStrings(language),
    rating: (await RATING[language]()).default,
    email: (await AWAY[language]()).default,
    files: (await ATTACH[language]()).default,
    history: (await HISTORY[language]()).default,
    hours: HOURS_WORDS[language],
  };
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') {
      // Sample arguments: a name, a number, a time... whatever the function takes, said twice.
      const samples = ['Sam', 3, 'Tuesday 09:00'];
      if (!path.endsWith('summary.handoff')) out.set(path, String((value as (...a: unknown[]) => unknown)(...samples.slice(0, value.length))));
      else for (const c of ['chat', 'callback', 'phone']) out.set(`${path}.${c}`, (value as (c: string) => string)(c));
      if (path.endsWith('summary.feedback')) out.set(`${path}.no`, (value as (t: string, h: boolean) => string)('Sam', false));
    } else if (typeof value === 'object' && value) for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(packs, '');
  return out;
}

/** Strings that are rightly the same as English in a language (a loanword, a name, a unit). */
const SAME: Partial<Record<Language, string[]>> = {
  fr: ['live.message', 'live.article'], // "Message", "Article"
  de: ['live.support', 'history.team', 'history.channel.chat'], // "Support", "Chat"
  es: ['panel.no', 'rating.no', 'history.channel.chat', 'history.ref'], // "No", "Chat", "ref."
  it: ['panel.no', 'rating.no', 'history.channel.chat'], // "No", "Chat"
  pt: ['history.channel.chat'], // "Chat"
  nl: ['history.ref'], // "ref."
};

describe.each(LANGUAGES.filter((l) => l !== 'en'))('%s', (language) => {
  const test = AWAITING.has(language) ? it.fails : it;

  test('has every string of every pack, none empty, none left in English', async () => {
    const english = await strings('en');
    const own = await strings(language);
    // hours.marks is there only where a language writes the week's hours' marks its own way (full width in Chinese and Japanese).
    expect([...own.keys()].filter((key) => key !== 'hours.marks').sort()).toEqual([...english.keys()].sort());
    const same = new Set(['hours.day' /* the weekday as Intl names it, in most languages */, ...(SAME[language] ?? [])]);
    expect([...own].filter(([, text]) => !text.trim()).map(([path]) => path), 'empty').toEqual([]);
    expect([...own].filter(([path, text]) => !same.has(path) && text === english.get(path)).map(([path, text]) => `${path}: ${text}`), 'still English').toEqual([]);
  });
});

describe('counts, in each language’s own plural forms (Intl.PluralRules)', () => {
  const at = [0, 1, 2, 5, 22];
  it.each([
    ['en', ['0 articles found', '1 article found', '2 articles found', '5 articles found', '22 articles found']],
    ['fr', ['0 article trouvé', '1 article trouvé', '2 articles trouvés', '5 articles trouvés', '22 articles trouvés']],
    ['de', ['0 Artikel gefunden', '1 Artikel gefunden', '2 Artikel gefunden', '5 Artikel gefunden', '22 Artikel gefunden']],
    ['es', ['0 artículos encontrados', '1 artículo encontrado', '2 artículos encontrados', '5 artículos encontrados', '22 artículos encontrados']],
    ['it', ['0 articoli trovati', '1 articolo trovato', '2 articoli trovati', '5 articoli trovati', '22 articoli trovati']],
    ['pt', ['0 artigo encontrado', '1 artigo encontrado', '2 artigos encontrados', '5 artigos encontrados', '22 artigos encontrados']],
    ['nl', ['0 artikelen gevonden', '1 artikel gevonden', '2 artikelen gevonden', '5 artikelen gevonden', '22 artikelen gevonden']],
    ['pl', ['Znaleziono 0 artykułów', 'Znaleziono 1 artykuł', 'Znaleziono 2 artykuły', 'Znaleziono 5 artykułów', 'Znaleziono 22 artykuły']],
  ] as const)('%s: search results', async (language, expected) => {
    const panel = await loadStrings(language);
    expect(at.map(panel.results)).toEqual(expected);
  });

  it('Polish says people online and search results in one, few and many', async () => {
    const live = await loadLiveStrings('pl');
    expect([1, 2, 5, 22].map((n) => live.chatNote(null, n).split(' · ')[1])).toEqual(['1 osoba online', '2 osoby online', '5 osób online', '22 osoby online']);
    const panel = await loadStrings('pl');
    expect([1, 3, 12].map((n) => panel.summary.search('zwrot', n))).toEqual(['Wyszukiwanie „zwrot” — 1 wynik', 'Wyszukiwanie „zwrot” — 3 wyniki', 'Wyszukiwanie „zwrot” — 12 wyników']);
  });

  it('writes large counts as the language writes numbers', async () => {
    expect((await loadStrings('de')).results(1234)).toBe('1.234 Artikel gefunden');
    expect((await loadStrings('pt')).results(1234)).toBe('1.234 artigos encontrados');
    expect((await loadStrings('en')).results(1234)).toBe('1,234 articles found');
  });
});

describe('Polish weekdays after "w"', () => {
  it('puts the day in the accusative, and "we" before wtorek', () => {
    const day = HOURS_WORDS.pl.day;
    expect(['poniedziałek', 'wtorek', 'środa', 'sobota', 'niedziela', 'środa, 9 grudnia'].map(day)).toEqual([
      'w poniedziałek',
      'we wtorek',
      'w środę',
      'w sobotę',
      'w niedzielę',
      'w środę, 9 grudnia',
    ]);
  });
});
