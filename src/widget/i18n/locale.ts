/** The languages the widget speaks; anything else falls back to English. */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Picks the UI language from, in order, data-locale, the page's `lang` and the browser's
 * languages (EMBED.md). The first candidate whose primary subtag we speak wins.
 */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): Language {
  for (const tag of candidates) {
    const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
    const found = LANGUAGES.find((l) => l === primary);
    if (found) return found;
  }
  return 'en';
}
