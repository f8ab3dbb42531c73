import type { Language } from './locale';
import type { SiteStrings } from '../settings';
import type { PackName } from './string-keys';

export type Packs<T> = Record<Language, () => Promise<{ default: T }>>;

/**
 * Loads the visitor's language pack (each is a chunk of its own); a pack that fails to load
 * falls back to English, and only a failing English pack is an error. A site that gives its own
 * words (LifelineSettings.strings) gets them laid over the pack `name` by the overrides chunk,
 * which no other page fetches.
 */
export async function loadPack<T extends object>(packs: Packs<T>, language: Language, what: string, site: SiteStrings | null = null, name?: PackName): Promise<T> {
  let pack: T;
  try {
    pack = (await packs[language]()).default;
  } catch (error) {
    if (language === 'en') throw error;
    console.error(`[Lifeline] the "${language}" ${what} could not be loaded; using English.`, error);
    pack = (await packs.en()).default;
  }
  if (!site || !name) return pack;
  try {
    return (await import('./overrides')).applyOverrides(name, pack, language, site);
  } catch (error) {
    console.error("[Lifeline] the site's own words could not be loaded; using the widget's.", error);
    return pack;
  }
}
