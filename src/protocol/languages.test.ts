import { describe, expect, it } from 'vitest';
import { LANGUAGES, nearestLanguage } from './languages';

describe('nearestLanguage', () => {
  it('reads Traditional Chinese for the Hant script, and for Taiwan, Hong Kong and Macao', () => {
    for (const tag of ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant', 'zh-hant', 'zh-Hant-TW', 'zh-Hant-HK', 'zh-Hant-CN', 'zh_TW', 'ZH-tw', ' zh-HK ', 'zh-TW-u-nu-hanidec']) {
      expect(nearestLanguage(tag), tag).toBe('zh-Hant');
    }
  });

  it('keeps Simplified Chinese for zh, mainland China, Singapore and any Hans tag, even in Hong Kong', () => {
    for (const tag of ['zh', 'ZH', 'zh-CN', 'zh-SG', 'zh-MY', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-SG', 'zh-Hans-HK', 'zh-Hans-TW', 'zh_CN']) {
      expect(nearestLanguage(tag), tag).toBe('zh');
    }
  });

  it('looks at the script and region of Chinese only: other languages still go by their primary subtag', () => {
    expect(nearestLanguage('en-HK')).toBe('en');
    expect(nearestLanguage('pt-TW')).toBe('pt');
    expect(nearestLanguage('ja-Hant')).toBe('ja');
    expect(nearestLanguage('iw-IL')).toBe('he');
    // A tag that is only a script or a region is no language.
    expect(nearestLanguage('hant')).toBeNull();
    expect(nearestLanguage('tw')).toBeNull();
    expect(nearestLanguage('nb-TW')).toBeNull();
  });

  it('gives null for what is not a language we speak, or no tag at all', () => {
    for (const tag of ['nb-NO', 'yue-HK', '', '  ', null, undefined]) expect(nearestLanguage(tag), String(tag)).toBeNull();
  });

  it('names every language it can give in LANGUAGES', () => {
    expect(LANGUAGES).toContain('zh-Hant');
    expect(LANGUAGES).toHaveLength(13);
    for (const language of LANGUAGES) expect(nearestLanguage(language)).toBe(language);
  });
});
