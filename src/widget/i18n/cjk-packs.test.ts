/**
 * The Japanese and Chinese words, everywhere the widget and the server speak to a visitor: every
 * key English has is there, and every value reads in the language (it has kana or ideographs;
 * an English word left over would not).
 */
import { describe, expect, it } from 'vitest';
import { HOURS_WORDS } from '../../hours/lang';
import { composeAwayMail } from '../../server/away/mail';
import { composeTranscriptMail } from '../../server/away/transcript-mail';
import { LAUNCHER_STRINGS } from './launcher-strings';
import { pickLanguage } from './locale';

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Every leaf of a pack as [path, text]: functions called with sample arguments. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: unknown[]) => unknown)('chat', 2, 'x'))]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

async function packs(lang: 'ja' | 'zh') {
  return {
    panel: [(await import(`../panel/strings/lang-en.ts`)).default, (await import(`../panel/strings/lang-${lang}.ts`)).default],
    live: [(await import(`../panel/live/strings/live-en.ts`)).default, (await import(`../panel/live/strings/live-${lang}.ts`)).default],
    rating: [(await import(`../panel/rating/strings/rating-en.ts`)).default, (await import(`../panel/rating/strings/rating-${lang}.ts`)).default],
    attach: [(await import(`../panel/live/strings/attach-en.ts`)).default, (await import(`../panel/live/strings/attach-${lang}.ts`)).default],
    away: [(await import(`../panel/live/strings/away-en.ts`)).default, (await import(`../panel/live/strings/away-${lang}.ts`)).default],
    hours: [HOURS_WORDS.en, HOURS_WORDS[lang]],
  } as Record<string, [unknown, unknown]>;
}

describe.each(['ja', 'zh'] as const)('%s', (lang) => {
  it('is chosen from its tags, the nearest match', () => {
    expect(pickLanguage([lang === 'ja' ? 'ja-JP' : 'zh-CN'])).toBe(lang);
    if (lang === 'zh') expect(pickLanguage(['zh-Hans-CN'])).toBe('zh');
  });

  it('has every key English has, each reading in the language', async () => {
    for (const [name, [en, own]] of Object.entries(await packs(lang))) {
      const english = leaves(en).map(([path]) => path);
      const translated = leaves(own);
      expect(translated.map(([path]) => path), name).toEqual(english);
      // hours.day passes a weekday from Intl through as it is.
      for (const [path, text] of translated) if (text !== 'chat') expect(text, `${name}${path}`).toMatch(CJK);
    }
  });

  it('the launcher speaks the language (its words are a file of their own beside the loader)', () => {
    for (const text of Object.values(LAUNCHER_STRINGS[lang])) expect(text).toMatch(CJK);
  });

  it('counts without a plural "s": the number is said once, in the sentence', async () => {
    const panel = (await packs(lang)).panel![1] as { results(n: number): string };
    expect(panel.results(1)).toMatch(/1/);
    expect(panel.results(8)).toMatch(/8/);
    expect(panel.results(8)).not.toMatch(/[a-z]/i);
  });

  it('the server mails a visitor in the language', () => {
    const handoff = { id: 'h1', ref: 'LL-7', context: { locale: lang === 'ja' ? 'ja-JP' : 'zh-CN', timezone: 'Asia/Tokyo' } };
    const away = composeAwayMail({ to: 'v@example.com', handoff, replies: [{ id: 'r1', agentName: 'Sam', text: 'OK', at: '2026-12-05T09:00:00Z' }], link: null, domain: 'example.com' });
    const transcript = composeTranscriptMail({ to: 'v@example.com', handoff, lines: [{ from: 'visitor', agentName: null, text: '?', at: '2026-12-05T09:00:00Z' }], domain: 'example.com' });
    for (const mail of [away, transcript]) {
      expect(JSON.stringify(mail)).toMatch(CJK);
      expect(JSON.stringify(mail)).toContain('LL-7');
    }
    expect(JSON.stringify(away)).toMatch(lang === 'ja' ? /お問い合わせ番号/ : /参考编号/);
  });
});
