/**
 * The console's language: the agent's choice, kept per browser, else the browser's first
 * language the console speaks, else English. Pure but for the storage calls at the edges.
 */
export const CONSOLE_LANGUAGES = ['en', 'fr', 'de', 'es', 'ar', 'he'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<ConsoleLanguage, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', ar: 'العربية', he: 'עברית' };

/** Arabic and Hebrew are written right to left: the whole console mirrors (`<html dir>`), and so do its notifications. */
export const consoleDirection = (language: ConsoleLanguage): 'ltr' | 'rtl' => (language === 'ar' || language === 'he' ? 'rtl' : 'ltr');

const STORAGE_KEY = 'lifeline-console-language';

const primary = (tag: string | null | undefined): string => tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** The stored choice when it is one we speak, else the first browser language we speak, else English. */
export function pickConsoleLanguage(stored: string | null, browser: readonly string[]): ConsoleLanguage {
  for (const tag of [stored, ...browser]) {
    const found = CONSOLE_LANGUAGES.find((l) => l === primary(tag));
    if (found) return found;
  }
  return 'en';
}

/** The browser's own tag for `language` when it has one ("en-GB"), else the language itself. */
export const consoleLocale = (language: ConsoleLanguage, browser: readonly string[]): string =>
  browser.find((tag) => primary(tag) === language) ?? language;

export function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the browser's language
  }
}

export function storeLanguage(language: ConsoleLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/**
 * The choice where the service worker can read it too (it has no localStorage): a one-line entry
 * of Cache Storage, which the page and the worker of one origin share. Written whenever the page
 * has the language, so a notification reads as the console does; read by the worker for each one.
 */
const SHARED = { cache: 'lifeline-console', key: '/console/.language' } as const;

export async function shareLanguage(language: ConsoleLanguage, caches: CacheStorage | undefined = globalThis.caches): Promise<void> {
  try {
    await (await caches?.open(SHARED.cache))?.put(SHARED.key, new Response(language, { headers: { 'content-type': 'text/plain' } }));
  } catch {
    // Cache Storage refused (private mode, a full disk): notifications take the browser's language.
  }
}

export async function readSharedLanguage(caches: CacheStorage | undefined = globalThis.caches): Promise<string | null> {
  try {
    const found = await (await caches?.open(SHARED.cache))?.match(SHARED.key);
    return found ? (await found.text()).slice(0, 16) : null;
  } catch {
    return null;
  }
}
