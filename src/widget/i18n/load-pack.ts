import type { Language } from './locale';

export type Packs<T> = Record<Language, () => Promise<{ default: T }>>;

/**
 * Loads the visitor's language pack (each is a chunk of its own); a pack that fails to load
 * falls back to English, and only a failing English pack is an error.
 */
export async function loadPack<T>(packs: Packs<T>, language: Language, what: string): Promise<T> {
  try {
    return (await packs[language]()).default;
  } catch (error) {
    if (language === 'en') throw error;
    console.error(`[Lifeline] the "${language}" ${what} could not be loaded; using English.`, error);
    return (await packs.en()).default;
  }
}
