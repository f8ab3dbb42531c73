/**
 * The console's language: the agent's choice, kept per browser, else the browser's first
 * language the console speaks, else English. Pure but for the storage calls at the edges.
 */
export const CONSOLE_LANGUAGES = ['en', 'fr', 'de', 'es'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Each language named in itself, for the picker. */
export const LANGUAGE_NAMES: Record<ConsoleLanguage, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español' };

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
