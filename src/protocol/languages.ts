/**
 * The thirteen languages Lifeline speaks, and how a language tag finds the nearest of them. Shared:
 * the widget picks its words with it, the server its visitor mails (from the tag the widget sent).
 */
export const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'pl', 'ar', 'he', 'ja', 'zh', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The nearest language we speak for a BCP 47 tag, or null. The primary subtag decides: pt-BR and
 * pt-PT read our one Portuguese; "iw" is Hebrew's withdrawn code that old systems still send.
 * Chinese also looks at the subtag after it: the Hant script (zh-Hant, zh-Hant-TW, zh-hant) or,
 * with no script named, Taiwan, Hong Kong and Macao (zh-TW, zh-HK, zh-MO), where people read
 * Traditional characters, give Traditional Chinese (zh-Hant); zh, zh-CN, zh-SG and any zh-Hans
 * (zh-Hans-HK too) give Simplified (zh). Norwegian (nb, nn, no) and other languages we do not
 * speak get null: the next candidate (the page's lang, then the browser's languages) decides,
 * English last. Written for bytes: the loader carries it (6 KB).
 */
export function nearestLanguage(tag: string | null | undefined): Language | null {
  const t = tag?.trim().toLowerCase() ?? '';
  const code = /^zh[-_](hant|tw|hk|mo)\b/.test(t) ? 'zh-Hant' : t.split(/[-_]/)[0]!.replace(/^iw$/, 'he');
  return (LANGUAGES as readonly string[]).includes(code) ? (code as Language) : null;
}
