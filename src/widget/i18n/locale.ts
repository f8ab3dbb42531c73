import { nearestLanguage, type Language } from '../../protocol/languages';

/** The languages the widget speaks (src/protocol/languages.ts); anything else falls back to English. */
export { LANGUAGES, type Language } from '../../protocol/languages';

/**
 * Picks the UI language from, in order, data-locale, the page's `lang` and the browser's
 * languages (EMBED.md). The first candidate with a nearest language we speak wins. The loader
 * carries it (6 KB), hence one line.
 */
export function pickLanguage(candidates: ReadonlyArray<string | null | undefined>): Language {
  return candidates.map(nearestLanguage).find((l) => l) ?? 'en';
}
