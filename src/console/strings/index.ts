/**
 * The console's words (issue 14): one typed module, English, French, German, Spanish, Arabic
 * and Hebrew (the last two right to left: consoleDirection), all bundled (the console is for a
 * few agents, not a budget), read through useStrings().
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ConsoleLanguage } from './language';
import type { ConsoleStrings } from './types';
import en from './en';
import fr from './fr';
import de from './de';
import es from './es';
import ar from './ar';
import he from './he';

export type { ConsoleStrings } from './types';
export { CONSOLE_LANGUAGES, LANGUAGE_NAMES, consoleDirection, consoleLocale, pickConsoleLanguage, readSharedLanguage, readStoredLanguage, shareLanguage, storeLanguage, type ConsoleLanguage } from './language';

export const CONSOLE_STRINGS: Record<ConsoleLanguage, ConsoleStrings> = { en, fr, de, es, ar, he };

export const StringsContext = createContext<ConsoleStrings>(en);

/** The words of the agent's language (English outside a provider, as in unit tests). */
export const useStrings = (): ConsoleStrings => useContext(StringsContext);
