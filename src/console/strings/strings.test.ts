import { describe, expect, it } from 'vitest';
import { CONSOLE_STRINGS, consoleLocale, pickConsoleLanguage, readSharedLanguage, shareLanguage } from './index';

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
  it('else English', () => {
    expect(pickConsoleLanguage(null, ['ja', 'ar'])).toBe('en');
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
    const SAME = new Set(['shell.webhooks', 'shell.screens.webhooks', 'channel.chat', 'queue.chats', 'chat.heading', 'chat.messages', 'chat.agent', 'visitor.page', 'timeline.page', 'timeline.article', 'visitor.name', 'callback.note', 'webhooks.heading', 'reports.range.2', ...OWN[language]]);
    const untranslated = [...translated].filter(([k, v]) => v === english.get(k) && !SAME.has(k)).map(([k]) => k);
    expect(untranslated).toEqual([]);
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
