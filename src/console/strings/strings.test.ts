import { describe, expect, it } from 'vitest';
import { CONSOLE_LANGUAGES, CONSOLE_STRINGS, LANGUAGE_NAMES, consoleDirection, consoleLocale, pickConsoleLanguage, readSharedLanguage, shareLanguage } from './index';
import type { ConsoleStrings } from './types';
import { NOTICE_WORDS } from './notices';

describe('the notifications’ words (the service worker’s own small module)', () => {
  it('are each language’s, with its locale', () => {
    for (const language of CONSOLE_LANGUAGES) {
      expect(NOTICE_WORDS[language].locale).toBe(CONSOLE_STRINGS[language].locale);
      expect(NOTICE_WORDS[language].notice).toBe(CONSOLE_STRINGS[language].notice);
      expect(NOTICE_WORDS[language].locale).toBe(language);
    }
  });
});

describe('consoleLocale', () => {
  it('is the browser’s own variant of the language, else the language', () => {
    expect(consoleLocale('en', ['en-GB', 'fr'])).toBe('en-GB');
    expect(consoleLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
    expect(consoleLocale('de', ['en-GB'])).toBe('de');
  });
});

describe('pickConsoleLanguage', () => {
  it('takes the agent’s stored choice first', () => {
    expect(pickConsoleLanguage('de', ['fr-FR', 'en'])).toBe('de');
  });
  it('else the first browser language the console speaks, by its primary subtag', () => {
    expect(pickConsoleLanguage(null, ['pt-BR', 'es-MX', 'fr'])).toBe('es');
    expect(pickConsoleLanguage('xx', ['fr_CA'])).toBe('fr');
  });
  it('takes Arabic and Hebrew from the browser as it takes the others', () => {
    expect(pickConsoleLanguage(null, ['ja', 'ar-EG', 'en'])).toBe('ar');
    expect(pickConsoleLanguage(null, ['he-IL', 'en-US'])).toBe('he');
    expect(pickConsoleLanguage('he', ['ar'])).toBe('he');
  });
  it('else English', () => {
    expect(pickConsoleLanguage(null, ['ja', 'pt-BR'])).toBe('en');
    expect(pickConsoleLanguage(null, [])).toBe('en');
  });
});

/** Every leaf of the English strings: [path, value], functions said with sample values. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: unknown[]) => unknown)('3', '2', '1'))]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}

describe.each(['fr', 'de', 'es'] as const)('the console in %s', (language) => {
  const english = new Map(leaves(CONSOLE_STRINGS.en));
  const translated = new Map(leaves(CONSOLE_STRINGS[language]));
  it('has every key of the English strings, none empty', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...translated].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
  it('translates them (only words that are the same in both languages stay)', () => {
    // Words that are the same in English: Webhooks, Chat, Messages, Agent, and fr Page, Article, Question, Note, de Name, es No.
    // And in all three: the units s and min where the language writes them so, the full stop after a date.
    const UNITS = ['format.seconds', 'format.minutes', 'format.hoursMinutes', 'format.minutesSeconds'];
    const OWN: Record<typeof language, string[]> = {
      fr: [...UNITS, 'reports.col.article', 'reports.col.question', 'phrasings.article'],
      de: ['boundary.chat'],
      es: [...UNITS, 'format.repeatedNo', 'boundary.chat'],
    };
    const SAME = new Set(['quotes.0', 'quotes.1', 'shell.webhooks', 'shell.screens.webhooks', 'channel.chat', 'queue.chats', 'chat.heading', 'chat.messages', 'chat.agent', 'visitor.page', 'timeline.page', 'timeline.article', 'visitor.name', 'callback.note', 'webhooks.heading', 'reports.range.2', ...OWN[language]]);
    const untranslated = [...translated].filter(([k, v]) => v === english.get(k) && !SAME.has(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('the console right to left', () => {
  it('names every language in itself, and only Arabic and Hebrew are right to left', () => {
    expect(LANGUAGE_NAMES.ar).toBe('العربية');
    expect(LANGUAGE_NAMES.he).toBe('עברית');
    expect(CONSOLE_LANGUAGES.filter((l) => consoleDirection(l) === 'rtl')).toEqual(['ar', 'he']);
  });
});

/** Arabic and Hebrew: every key, in the language's own script, counts in its own plural forms. */
describe.each(['ar', 'he'] as const)('the console in %s', (language) => {
  const t: ConsoleStrings = CONSOLE_STRINGS[language];
  const english = new Map(leaves(CONSOLE_STRINGS.en));
  const translated = new Map(leaves(t));
  const SCRIPT = { ar: /[\u0600-\u06ff]/, he: /[\u0590-\u05ff]/ }[language];

  it('has every key of the English strings, none empty, its locale its own', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...translated].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    expect(t.locale).toBe(language);
  });

  it('writes every string in its own script (only the product names and a full stop stay)', () => {
    const SAME = new Set(['locale', 'quotes.0', 'quotes.1', 'shell.webhooks', 'shell.screens.webhooks', 'webhooks.heading', 'reports.range.2']);
    const latin = [...translated].filter(([k, v]) => !SAME.has(k) && !SCRIPT.test(v)).map(([k]) => k);
    expect(latin).toEqual([]);
  });

  it('isolates what it puts inside a sentence: names and errors keep their direction, references read left to right', () => {
    expect(t.shell.signedInAs('Sam')).toContain('\u2068Sam\u2069');
    expect(t.queue.loadFailed('Server error')).toContain('\u2068Server error\u2069');
    expect(t.queue.ref('4821')).toContain('\u20664821\u2069');
    expect(t.handoff.title(t.channel.chat, '4821')).toContain('\u20664821\u2069');
    expect(t.phrasings.removed('where is my order', 'refunds')).toContain('\u2066refunds\u2069');
    // A '#' in an article's title is the title's, not the count's.
    expect(t.format.learned(3, 0, '“Order #12”')).toContain('“Order #12”');
  });

  /** One count per plural form Intl.PluralRules has for the language (Arabic: 0, 1, 2, 3–10, 11–99, 100...). */
  const SAMPLES = { ar: { zero: 0, one: 1, two: 2, few: 3, many: 11, other: 100 }, he: { one: 1, two: 2, other: 3 } }[language];
  const COUNTED: Array<[string, (n: number) => string]> = [
    ['queue.waiting', (n) => t.queue.waiting(n)],
    ['timeline.results', (n) => t.timeline.results(n)],
    ['phrasings.count', (n) => t.phrasings.count(n)],
    ['phrasings.learned', (n) => t.phrasings.learned(n)],
    ['personal.exported', (n) => t.personal.exported(n)],
    ['personal.confirmText', (n) => t.personal.confirmText(n)],
    ['reports.goodOf', (n) => t.reports.goodOf(1, n)],
    ['reports.visitorsNote', (n) => t.reports.visitorsNote(n)],
    ['reports.noArticle', (n) => t.reports.noArticle(n, n)],
    ['webhooks.line.sending', (n) => t.webhooks.line.sending(n)],
    ['webhooks.line.failed', (n) => t.webhooks.line.failed('x', n)],
    ['signIn.tooMany', (n) => t.signIn.tooMany(n)],
  ];

  it('has the plural forms Intl.PluralRules gives it', () => {
    const rules = new Intl.PluralRules(language);
    expect(Object.fromEntries(Object.values(SAMPLES).map((n) => [rules.select(n), n]))).toEqual(SAMPLES);
  });

  it.each(COUNTED)('says %s in each of them, a different form each, with the number where the form writes it', (_key, say) => {
    const said = Object.entries(SAMPLES).map(([category, n]) => [category, say(n)] as const);
    expect(new Set(said.map(([, text]) => text)).size).toBe(said.length);
    for (const [category, text] of said) {
      if (category === 'few' || category === 'many' || (category === 'other' && SAMPLES.other > 2)) expect(text).toContain(String(SAMPLES[category as keyof typeof SAMPLES]));
    }
  });
});

describe('Arabic counts, word for word', () => {
  const ar = CONSOLE_STRINGS.ar;
  it('take the six forms, by the rules and not a table of small numbers', () => {
    expect([0, 1, 2, 3, 11, 100, 103, 111].map((n) => ar.queue.waiting(n))).toEqual([
      'لا أحد في الانتظار',
      'شخص واحد في الانتظار',
      'شخصان في الانتظار',
      '3 أشخاص في الانتظار',
      '11 شخصًا في الانتظار',
      '100 شخص في الانتظار',
      '103 أشخاص في الانتظار',
      '111 شخصًا في الانتظار',
    ]);
  });
});

describe('Hebrew counts, word for word', () => {
  const he = CONSOLE_STRINGS.he;
  it('say one, two and many as Hebrew does', () => {
    expect([1, 2, 3, 20, 100].map((n) => he.timeline.results(n))).toEqual(['תוצאה אחת', 'שתי תוצאות', '3 תוצאות', '20 תוצאות', '100 תוצאות']);
  });
});

describe('the language shared with the service worker', () => {
  /** Cache Storage as a browser has it, for one origin: caches of request paths to responses. */
  function fakeCaches(): CacheStorage {
    const caches = new Map<string, Map<string, string>>();
    const open = async (name: string) => {
      const entries = caches.get(name) ?? new Map<string, string>();
      caches.set(name, entries);
      return {
        put: async (key: string, response: Response) => void entries.set(key, await response.text()),
        match: async (key: string) => (entries.has(key) ? new Response(entries.get(key)) : undefined),
      };
    };
    return { open } as unknown as CacheStorage;
  }

  it('is what the page chose last, read by the worker; nothing before the page shared one', async () => {
    const caches = fakeCaches();
    expect(await readSharedLanguage(caches)).toBeNull();
    await shareLanguage('de', caches);
    expect(await readSharedLanguage(caches)).toBe('de');
    await shareLanguage('fr', caches);
    expect(pickConsoleLanguage(await readSharedLanguage(caches), ['en-GB'])).toBe('fr');
  });

  it('falls back to the browser’s language where Cache Storage is missing or refuses', async () => {
    const refusing = { open: async () => Promise.reject(new Error('private mode')) } as unknown as CacheStorage;
    await expect(shareLanguage('de', refusing)).resolves.toBeUndefined();
    expect(await readSharedLanguage(refusing)).toBeNull();
    expect(await readSharedLanguage(undefined)).toBeNull();
    expect(pickConsoleLanguage(await readSharedLanguage(refusing), ['es-MX'])).toBe('es');
  });
});
