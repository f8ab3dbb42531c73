/**
 * The Japanese and Chinese (Simplified and Traditional) words, everywhere the widget and the
 * server speak to a visitor: every key English has is there, and every value reads in the
 * language (it has kana or ideographs; an English word left over would not). Traditional Chinese
 * also has no Simplified character and none of the mainland words a Taiwanese reader would stumble on.
 */
import { describe, expect, it } from 'vitest';
import { HOURS_WORDS } from '../../hours/lang';
import { composeAwayMail, WORDS as AWAY_MAIL } from '../../server/away/mail';
import { composeTranscriptMail, WORDS as TRANSCRIPT_MAIL } from '../../server/away/transcript-mail';
import { LAUNCHER_STRINGS } from './launcher-strings';
import { pickLanguage, type Language } from './locale';

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

/** Every leaf of a pack as [path, text]: functions called with sample arguments. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: unknown[]) => unknown)('chat', 2, 'x'))]];
  return Object.entries(value as object).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
}

type Cjk = Extract<Language, 'ja' | 'zh' | 'zh-Hant'>;
/** The tag a page in the language would have. */
const TAG: Record<Cjk, string> = { ja: 'ja-JP', zh: 'zh-CN', 'zh-Hant': 'zh-TW' };

async function packs(lang: Cjk) {
  return {
    panel: [(await import(`../panel/strings/lang-en.ts`)).default, (await import(`../panel/strings/lang-${lang}.ts`)).default],
    live: [(await import(`../panel/live/strings/live-en.ts`)).default, (await import(`../panel/live/strings/live-${lang}.ts`)).default],
    rating: [(await import(`../panel/rating/strings/rating-en.ts`)).default, (await import(`../panel/rating/strings/rating-${lang}.ts`)).default],
    attach: [(await import(`../panel/live/strings/attach-en.ts`)).default, (await import(`../panel/live/strings/attach-${lang}.ts`)).default],
    away: [(await import(`../panel/live/strings/away-en.ts`)).default, (await import(`../panel/live/strings/away-${lang}.ts`)).default],
    history: [(await import(`../panel/history/strings/history-en.ts`)).default, (await import(`../panel/history/strings/history-${lang}.ts`)).default],
    hours: [HOURS_WORDS.en, HOURS_WORDS[lang]],
    launcher: [LAUNCHER_STRINGS.en, LAUNCHER_STRINGS[lang]],
    awayMail: [AWAY_MAIL.en, AWAY_MAIL[lang]],
    transcriptMail: [TRANSCRIPT_MAIL.en, TRANSCRIPT_MAIL[lang]],
  } as Record<string, [unknown, unknown]>;
}

describe.each(['ja', 'zh', 'zh-Hant'] as const)('%s', (lang) => {
  it('is chosen from its tags, the nearest match', () => {
    expect(pickLanguage([TAG[lang]])).toBe(lang);
    if (lang === 'zh') expect(pickLanguage(['zh-Hans-CN'])).toBe('zh');
    if (lang === 'zh-Hant') expect(pickLanguage(['zh-Hant-HK'])).toBe('zh-Hant');
  });

  it('has every key English has, each reading in the language', async () => {
    for (const [name, [en, own]] of Object.entries(await packs(lang))) {
      const english = leaves(en).map(([path]) => path);
      // .marks: the full-width colon, semicolon and brackets of the week's hours, which English leaves to the default.
      const translated = leaves(own).filter(([path]) => !path.endsWith('.marks'));
      expect(translated.map(([path]) => path), name).toEqual(english);
      if (name === 'hours') expect(leaves(own).find(([path]) => path.endsWith('.marks'))?.[1], 'hours marks').toBe('：；（）');
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
    // The widget sends the language it picked (ctx.language): 'zh-Hant' for a page in zh-TW.
    const handoff = { id: 'h1', ref: 'LL-7', context: { locale: lang, timezone: 'Asia/Tokyo' } };
    const away = composeAwayMail({ to: 'v@example.com', handoff, replies: [{ id: 'r1', agentName: 'Sam', text: 'OK', at: '2026-12-05T09:00:00Z' }], link: null, domain: 'example.com' });
    const transcript = composeTranscriptMail({ to: 'v@example.com', handoff, lines: [{ from: 'visitor', agentName: null, text: '?', at: '2026-12-05T09:00:00Z' }], domain: 'example.com' });
    for (const mail of [away, transcript]) {
      expect(JSON.stringify(mail)).toMatch(CJK);
      expect(JSON.stringify(mail)).toContain('LL-7');
    }
    expect(JSON.stringify(away)).toMatch({ ja: /お問い合わせ番号/, zh: /参考编号/, 'zh-Hant': /參考編號/ }[lang]);
    expect(away.html).toContain(`lang="${lang}"`);
  });
});

describe('Traditional Chinese (zh-Hant)', () => {
  /**
   * The Simplified characters of our Simplified pack, each of which Traditional writes otherwise
   * (有 stays 有; 说 is 說): found with OpenCC when the pack was converted. A leftover one is a
   * string that was copied and not converted.
   */
  const SIMPLIFIED = /[与业两个为么于从们价会关内刚删务动区单参发号后吗听员咨团图处复对将尝帮并开当录态拨择换数无时显暂来检没浏满热状独现电码确离约线经结给继续编网联获营补览认记评诉试话询该说请读谈谢转载输边达过还这进连选邮里钟链长门闭问间阅队随页预题馈马]/u;
  /** Mainland words, even in Traditional characters: Taiwan and Hong Kong say 軟體, 資訊, 簡訊, 影片, 電子郵件, 帳號, 登入, 回饋, 搜尋, 連結, 載入, 預設, 設定, 網路, 透過, 取得, 螢幕. */
  const MAINLAND = ['軟件', '信息', '短信', '視頻', '郵箱', '賬號', '賬戶', '登錄', '反饋', '搜索', '鏈接', '加載', '默認', '設置', '網絡', '通過', '獲取', '屏幕'];

  it('has no Simplified character and no mainland word, in the widget and in the mails', async () => {
    for (const [name, [, own]] of Object.entries(await packs('zh-Hant'))) {
      for (const [path, text] of leaves(own)) {
        expect(text, `${name}${path}`).not.toMatch(SIMPLIFIED);
        for (const word of MAINLAND) expect(text, `${name}${path}`).not.toContain(word);
      }
    }
  });

  it('differs from the Simplified pack wherever a character changes, and quotes with 「」', async () => {
    const hant = await packs('zh-Hant');
    const hans = await packs('zh');
    const simplified = leaves(hans.panel![1]);
    const traditional = new Map(leaves(hant.panel![1]));
    // The Simplified pack has Simplified characters in nearly every string; the Traditional one none.
    expect(simplified.filter(([, text]) => SIMPLIFIED.test(text)).length).toBeGreaterThan(30);
    expect(traditional.get('.title')).toBe('說明');
    expect((hant.panel![1] as { noResults(q: string): string }).noResults('退款')).toBe('找不到與「退款」相符的答案。');
    expect((hant.panel![1] as { summary: { article(t: string): string } }).summary.article('退貨')).toBe('閱讀了「退貨」');
  });
});
