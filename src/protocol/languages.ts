/**
 * The thirteen languages Lifeline speaks, and how a language tag finds the nearest of them. Shared:
 * the widget picks its words with it, the server its visitor mails (from the tag the widget sent).
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ar', 'he', 'ja', 'zh', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The nearest language we speak for a BCP 47 tag, or null. The primary subtag decides: pt-BR and
 * pt-PT read our one Portuguese; "iw" is Hebrew's withdrawn code that old systems still send.
 * Chinese alone looks further, at the script it is written in: Traditional (zh-Hant) for the Hant
 * script (zh-Hant, zh-Hant-TW, zh-hant) and, when no script is named, for Taiwan, Hong Kong and
 * Macao (zh-TW, zh-HK, zh-MO), where people read Traditional characters; Simplified (zh) for
 * zh, zh-CN, zh-SG and any zh-Hans, which wins over a region (zh-Hans-HK is Simplified).
 * Norwegian (nb, nn, no) and other languages we do not speak get null: the next candidate (the
 * page's lang, then the browser's languages) decides, English last.
 */
export function nearestLanguage(tag: string | null | undefined): Language | null {
  const subtags = tag?.trim().toLowerCase().split(/[-_]/) ?? [];
  const primary = subtags[0] === 'iw' ? 'he' : subtags[0];
  if (primary === 'zh' && !subtags.includes('hans') && subtags.some((s) => /^(hant|tw|hk|mo)$/.test(s))) return 'zh-Hant';
  return LANGUAGES.find((l) => l === primary) ?? null;
}
