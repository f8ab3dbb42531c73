/**
 * The twelve languages Lifeline speaks, and how a language tag finds the nearest of them. Shared:
 * the widget picks its words with it, the server its visitor mails (from the tag the widget sent).
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ar', 'he', 'ja', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The nearest language we speak for a BCP 47 tag, or null. Only the primary subtag counts:
 * pt-BR and pt-PT read our one Portuguese; zh-CN, zh-Hans, zh-SG and also zh-TW, zh-HK and
 * zh-Hant read our Simplified Chinese (a Traditional reader reads it more easily than English,
 * the only other choice); "iw" is Hebrew's withdrawn code that old systems still send.
 * Norwegian (nb, nn, no) and other languages we do not speak get null: the next candidate
 * (the page's lang, then the browser's languages) decides, English last.
 */
export function nearestLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  const aliased = primary === 'iw' ? 'he' : primary;
  return LANGUAGES.find((l) => l === aliased) ?? null;
}
