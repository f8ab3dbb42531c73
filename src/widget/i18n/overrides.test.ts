import { describe, expect, it } from 'vitest';
import { applyOverrides, checkSiteStrings } from './overrides';
import { STRING_KEYS } from './string-keys';
import en from '../panel/strings/lang-en';
import liveEn from '../panel/live/strings/live-en';
import awayPl from '../panel/live/strings/away-pl';

describe('applyOverrides', () => {
  it('replaces a plain string for the language it names, and only there', () => {
    const site = { fr: { 'human.talk': 'Parler à un conseiller' }, en: { 'human.talk': 'Talk to our team' } };
    const panel = applyOverrides('panel', en, 'en', site);
    expect(panel.talkToHuman).toBe('Talk to our team');
    expect(panel.title).toBe('Help');
    expect(en.talkToHuman).toBe('Talk to a human'); // the pack itself is untouched
    expect(applyOverrides('panel', en, 'de', site)).toBe(en);
  });

  it('fills a function string\'s {placeholders}, numbers as the language writes them, null as nothing', () => {
    const live = applyOverrides('live', liveEn, 'de', {
      de: { 'live.joined': '{name} ist jetzt für Sie da.', 'live.queued': 'Platz {position} ({wait} Min.)', 'live.callbackConfirmed': 'Wir rufen {phone} an: {when}' },
    });
    expect(live.joined('Sam')).toBe('Sam ist jetzt für Sie da.');
    expect(live.queued(1200, null)).toBe('Platz 1.200 ( Min.)');
    expect(live.callbackConfirmed('+49 30 1234', 'morgen 09:00')).toBe('Wir rufen +49 30 1234 an: morgen 09:00');
  });

  it('says a count in the form the site gave for it, as Intl.PluralRules picks', () => {
    const site = { pl: { 'search.results': { one: '{n} odpowiedź', few: '{n} odpowiedzi', many: '{n} odpowiedzi', other: '{n} odpowiedzi' } } };
    const panel = applyOverrides('panel', en, 'pl', site);
    expect([1, 2, 5, 22].map(panel.results)).toEqual(['1 odpowiedź', '2 odpowiedzi', '5 odpowiedzi', '22 odpowiedzi']);
  });

  it('reaches nested strings (the e-mail offer\'s problems) without changing the pack', () => {
    const away = applyOverrides('email', awayPl, 'pl', { pl: { 'email.format': 'Podaj adres jak jan@firma.pl.' } });
    expect(away.problem.format).toBe('Podaj adres jak jan@firma.pl.');
    expect(away.problem.empty).toBe(awayPl.problem.empty);
    expect(awayPl.problem.format).not.toBe('Podaj adres jak jan@firma.pl.');
  });
});

describe('checkSiteStrings', () => {
  it('finds nothing wrong with good words', () => {
    expect(checkSiteStrings({ ar: { 'human.talk': 'تحدث إلى موظف' }, en: { 'search.results': { one: '{n} answer', other: '{n} answers' } } })).toEqual([]);
    expect(checkSiteStrings(undefined)).toEqual([]);
  });

  it('names each unknown language and key once, and what is expected', () => {
    expect(checkSiteStrings({ xx: { 'human.talk': 'x' }, fr: { 'human.tlak': 'x', 'human.talk': 'ok' } })).toEqual([
      'window.LifelineSettings.strings: unknown language "xx"; expected one of en, fr, de, es, it, pt, nl, pl, ar, he, ja, zh, zh-Hant',
      'window.LifelineSettings.strings.fr["human.tlak"]: unknown key; the keys are listed in the README ("The site\'s own words")',
    ]);
  });

  it('names a value that is not text, plural forms where nothing is counted, and a stray placeholder', () => {
    expect(checkSiteStrings({ en: { 'panel.title': 3, 'panel.back': { one: 'a', other: 'b' }, 'human.chatWith': 'Chat with {agent}' } })).toEqual([
      'window.LifelineSettings.strings.en["panel.title"]: expected text',
      'window.LifelineSettings.strings.en["panel.back"]: expected text',
      'window.LifelineSettings.strings.en["human.chatWith"]: no placeholder {agent} here; it has {name}',
    ]);
    expect(checkSiteStrings('Talk to us')).toHaveLength(1);
    expect(checkSiteStrings({ en: 'Talk to us' })).toEqual(['window.LifelineSettings.strings.en: expected an object of strings by key']);
  });

  it('has one key per string, each pointing at a string of the English packs', async () => {
    const packs: Record<string, object> = {
      panel: en,
      live: liveEn,
      rating: (await import('../panel/rating/strings/rating-en')).default,
      email: (await import('../panel/live/strings/away-en')).default,
      files: (await import('../panel/live/strings/attach-en')).default,
      history: (await import('../panel/history/strings/history-en')).default,
      hours: (await import('../../hours/lang')).HOURS_WORDS.en,
      launcher: (await import('./launcher-strings')).ENGLISH_LAUNCHER,
    };
    const all = Object.values(STRING_KEYS).flatMap((keys) => Object.keys(keys));
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('human.talk');
    for (const [name, keys] of Object.entries(STRING_KEYS)) {
      for (const [key, spec] of Object.entries(keys) as Array<[string, string]>) {
        const [path, ...params] = spec.split(' ');
        const value = path!.split('.').reduce<unknown>((at, step) => (at as Record<string, unknown>)[step], packs[name]);
        expect(typeof value, key).toBe(params.length ? 'function' : 'string');
        if (params.length) expect((value as (...a: unknown[]) => string).length, key).toBe(params.length);
      }
      // ...and every visible string has a key, but the lines of "What you tried" and hours' grammar.
      const leaves = (o: object, at = ''): string[] =>
        Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? leaves(v, `${at}${k}.`) : [`${at}${k}`]));
      const kept = new Set(Object.values(keys as Record<string, string>).map((spec) => spec.split(' ')[0]));
      const unkeyed = leaves(packs[name]!).filter((path) => !kept.has(path) && !path.startsWith('summary.') && !(name === 'hours' && ['day', 'back', 'until'].includes(path)));
      expect(unkeyed, name).toEqual([]);
    }
  });
});
