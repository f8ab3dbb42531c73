import { describe, expect, it, vi } from 'vitest';
import { pickLanguage } from './i18n/locale';
import { articleFromHash, transcriptUrl } from './navigation';
import { maskCards, logPending, PENDING_KEY } from './pending-log';
import { createEmitter } from './emitter';

describe('pickLanguage', () => {
  it('takes the first candidate whose language we speak', () => {
    expect(pickLanguage([null, 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['nb', 'de-AT'])).toBe('de');
    expect(pickLanguage(['ES_mx'])).toBe('es');
  });
  it('finds the nearest of the thirteen languages', () => {
    expect(pickLanguage(['pt-BR'])).toBe('pt');
    expect(pickLanguage(['pt-PT'])).toBe('pt');
    expect(pickLanguage(['zh-CN'])).toBe('zh');
    expect(pickLanguage(['zh-Hans-SG'])).toBe('zh');
    expect(pickLanguage(['zh-TW'])).toBe('zh-Hant');
    expect(pickLanguage(['zh-HK'])).toBe('zh-Hant');
    expect(pickLanguage(['zh-Hant'])).toBe('zh-Hant');
    expect(pickLanguage(['it-CH', 'en'])).toBe('it');
    expect(pickLanguage(['nl-BE'])).toBe('nl');
    expect(pickLanguage(['pl'])).toBe('pl');
    expect(pickLanguage(['ar-EG'])).toBe('ar');
    expect(pickLanguage(['iw-IL'])).toBe('he');
    expect(pickLanguage(['ja-JP'])).toBe('ja');
  });
  it('passes over languages it does not speak, and falls back to English', () => {
    expect(pickLanguage([undefined, '', 'nb-NO', 'sv'])).toBe('en');
    expect(pickLanguage(['nb', 'nl'])).toBe('nl');
  });
});

describe('transcriptUrl', () => {
  it('drops the query string, which may hold tokens', () => {
    expect(transcriptUrl('https://shop.example.com/reset?token=abc#step2')).toBe('https://shop.example.com/reset#step2');
  });
  it('gives nothing for a non-URL', () => {
    expect(transcriptUrl('not a url')).toBe('');
  });
});

describe('articleFromHash', () => {
  it('reads #lifeline-article=ID deep links', () => {
    expect(articleFromHash('#lifeline-article=refunds')).toBe('refunds');
    expect(articleFromHash('#lifeline-article=')).toBeNull();
    expect(articleFromHash('#other')).toBeNull();
  });
});

describe('maskCards (the loader\'s compact mask)', () => {
  it('masks Luhn-valid card numbers keeping the last four', () => {
    expect(maskCards('paid with 4111 1111 1111 1111 today')).toBe('paid with •••• •••• •••• 1111 today');
    expect(maskCards('/orders/4111111111111111')).toBe('/orders/••••••••••••1111');
  });
  it('leaves other numbers alone', () => {
    expect(maskCards('order 1234 5678 9012 3456')).toBe('order 1234 5678 9012 3456');
    expect(maskCards('call +1 800 555 0199')).toBe('call +1 800 555 0199');
  });
});

describe('logPending', () => {
  const storage = () => {
    const map = new Map<string, string>();
    return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
  };
  it('appends masked entries, bounded', () => {
    const s = storage();
    for (let i = 0; i < 60; i++) logPending(s, { type: 'page', at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`, url: `/p${i}`, title: 'Card 4111 1111 1111 1111' });
    const list = JSON.parse(s.map.get(PENDING_KEY)!) as Array<{ url: string; title: string }>;
    expect(list).toHaveLength(50);
    expect(list[0]?.url).toBe('/p10');
    expect(list[0]?.title).toBe('Card •••• •••• •••• 1111');
  });
  it('never throws when storage does', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(() => logPending(broken, { type: 'handoff', at: '2026-01-01T00:00:00Z', channel: 'phone' })).not.toThrow();
  });
});

describe('createEmitter', () => {
  it('on returns its unsubscribe; a throwing listener does not stop the others', () => {
    const e = createEmitter();
    const seen: unknown[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    e.on('open', () => { throw new Error('site bug'); });
    const off = e.on('open', (p) => seen.push(p));
    e.emit('open', 1);
    off();
    e.emit('open', 2);
    expect(seen).toEqual([1]);
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
