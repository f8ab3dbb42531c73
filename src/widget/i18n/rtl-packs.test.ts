/**
 * The Arabic and Hebrew packs: every key of every English pack translated (in the script of
 * the language, not a copy of the English), the values inside sentences isolated, and counts
 * through Intl.PluralRules (Arabic has six forms: 0, 1, 2, 3-10, 11-99, 100...).
 */
import { describe, expect, it } from 'vitest';
import type { Language } from './locale';
import { LAUNCHER_STRINGS } from './launcher-strings';
import attachEn from '../panel/live/strings/attach-en';
import attachAr from '../panel/live/strings/attach-ar';
import attachHe from '../panel/live/strings/attach-he';
import awayEn from '../panel/live/strings/away-en';
import awayAr from '../panel/live/strings/away-ar';
import awayHe from '../panel/live/strings/away-he';
import { HOURS_WORDS } from '../../hours/lang';
import panelEn from '../panel/strings/lang-en';
import panelAr from '../panel/strings/lang-ar';
import panelHe from '../panel/strings/lang-he';
import liveEn from '../panel/live/strings/live-en';
import liveAr from '../panel/live/strings/live-ar';
import liveHe from '../panel/live/strings/live-he';
import ratingEn from '../panel/rating/strings/rating-en';
import ratingAr from '../panel/rating/strings/rating-ar';
import ratingHe from '../panel/rating/strings/rating-he';

const SCRIPT: Record<'ar' | 'he', RegExp> = { ar: /[\u0600-\u06ff]/, he: /[\u0590-\u05ff]/ };

/** Sample arguments by key, for the pack functions that need more than a number or a name. */
const ARGS: Record<string, unknown[]> = {
  handoff: ['chat'],
  feedback: ['Where is my order?', true],
  chatNote: [5, 2],
  queued: [2, 5],
  chatClosed: ['X'],
  callbackConfirmed: ['+1 800 555 0199', 'X'],
  page: ['Where is my order?', 'https://example.com/'],
  search: ['order', 3],
};

/** Every leaf of `en` has a translated leaf in `other`: [path, english, translated]. */
function leaves(en: unknown, other: unknown, path = ''): Array<[string, string, string]> {
  if (typeof en === 'string') return [[path, en, String(other)]];
  if (typeof en === 'function') {
    const key = path.split('.').at(-1)!;
    const args = ARGS[key] ?? ['3', '3']; // a digit string: a count, a name or a number alike
    const translated = typeof other === 'function' ? String((other as (...a: unknown[]) => unknown)(...args)) : `missing: ${typeof other}`;
    return [[path, String((en as (...a: unknown[]) => unknown)(...args)), translated]];
  }
  return Object.entries(en as Record<string, unknown>).flatMap(([k, v]) => leaves(v, (other as Record<string, unknown> | undefined)?.[k], path ? `${path}.${k}` : k));
}

const PACKS: Array<[string, unknown, Record<'ar' | 'he', unknown>]> = [
  ['panel', panelEn, { ar: panelAr, he: panelHe }],
  ['live', liveEn, { ar: liveAr, he: liveHe }],
  ['rating', ratingEn, { ar: ratingAr, he: ratingHe }],
  ['attach', attachEn, { ar: attachAr, he: attachHe }],
  ['away', awayEn, { ar: awayAr, he: awayHe }],
  ['hours', HOURS_WORDS.en, { ar: HOURS_WORDS.ar, he: HOURS_WORDS.he }],
  ['launcher', LAUNCHER_STRINGS.en, { ar: LAUNCHER_STRINGS.ar, he: LAUNCHER_STRINGS.he }],
];

describe.each(['ar', 'he'] as const)('the %s packs', (language) => {
  it.each(PACKS)('translate every key of the English %s pack', (_name, en, packs) => {
    // hours.day passes Intl's weekday through as it is, in every language.
    const missing = leaves(en, packs[language]).filter(([path, english, translated]) => path !== 'day' && (!SCRIPT[language].test(translated) || translated === english));
    expect(missing.map(([path]) => path)).toEqual([]);
  });

  it('isolate the values they put inside a sentence (a query, a title, a phone number, a reference)', () => {
    const panel = language === 'ar' ? panelAr : panelHe;
    const live = language === 'ar' ? liveAr : liveHe;
    expect(panel.noResults('Where is my order?')).toContain('\u2068Where is my order?\u2069');
    expect(panel.callAt('+1 800 555 0199')).toContain('\u2066+1\u00a0800\u00a0555\u00a00199\u2069');
    expect(live.ref('LL-7Q2F')).toContain('\u2066LL-7Q2F\u2069');
    expect(live.callbackConfirmed('+44 20 7946 0958', 'X')).toContain('\u2066+44\u00a020\u00a07946\u00a00958\u2069');
    expect(live.joined('Sam')).toContain('\u2068Sam\u2069');
  });
});

describe('Arabic counts', () => {
  it('take the six plural forms of Intl.PluralRules', () => {
    const counts = [0, 1, 2, 3, 11, 100].map((n) => panelAr.results(n));
    expect(counts).toEqual([
      'لم يُعثر على أي مقال',
      'تم العثور على مقال واحد',
      'تم العثور على مقالين',
      'تم العثور على 3 مقالات',
      'تم العثور على 11 مقالًا',
      'تم العثور على 100 مقال',
    ]);
    // 103 is "few" again, 111 "many": the rules, not a table of small numbers.
    expect(panelAr.results(103)).toBe('تم العثور على 103 مقالات');
    expect(panelAr.results(111)).toBe('تم العثور على 111 مقالًا');
  });

  it('count minutes and results in the chat and the summary too', () => {
    expect(liveAr.chatNote(1, 1)).toBe('الانتظار نحو دقيقة واحدة · شخص واحد متصل');
    expect(liveAr.chatNote(2, 3)).toBe('الانتظار نحو دقيقتان · 3 أشخاص متصلون');
    expect(liveAr.chatNote(11, 0)).toBe('الانتظار نحو 11 دقيقة · لا أحد متصل الآن');
    expect(panelAr.summary.search('x', 2)).toContain('نتيجتان');
    expect(panelAr.summary.search('x', 5)).toContain('5 نتائج');
    expect(panelAr.summary.search('x', 100)).toContain('100 نتيجة');
  });
});

describe('Hebrew counts', () => {
  it('say one, two and many as Hebrew does', () => {
    expect([0, 1, 2, 3, 11, 100].map((n) => panelHe.results(n))).toEqual([
      'נמצאו 0 מאמרים',
      'נמצא מאמר אחד',
      'נמצאו שני מאמרים',
      'נמצאו 3 מאמרים',
      'נמצאו 11 מאמרים',
      'נמצאו 100 מאמרים',
    ]);
    expect(liveHe.queued(3, 1)).toContain('כ-דקה');
  });
});

it('lists Arabic and Hebrew among the languages', async () => {
  const { LANGUAGES } = await import('./locale');
  expect(LANGUAGES).toEqual(expect.arrayContaining<Language>(['ar', 'he']));
});
