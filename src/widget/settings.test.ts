import { describe, expect, it } from 'vitest';
import { readSettings, telHref, attributeName, DEFAULT_SETTINGS, type SettingChecks } from './settings';

/** Node stand-ins for the browser checks; real Intl where Node has it. */
const checks: SettingChecks = {
  isSelector: (v) => !/[[\]]{2}|^\d|[<>]$/.test(v) && !v.includes('!!'),
  isColor: (v) => /^#[0-9a-f]{3,8}$/i.test(v) || /^(rebeccapurple|teal|white)$/.test(v),
  isTimeZone: (v) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  },
  isLocale: (v) => {
    try {
      return Intl.getCanonicalLocales(v).length > 0;
    } catch {
      return false;
    }
  },
  resolveUrl: (v) => {
    try {
      return new URL(v, 'https://shop.example.com/help/');
    } catch {
      return null;
    }
  },
};

const read = (dataset: Record<string, string>, global?: unknown) => readSettings(dataset, global, checks, 'n0nce');

describe('readSettings', () => {
  it('reads every documented attribute', () => {
    const { settings, problems } = read({
      phone: '+1 800 555 0199',
      phoneDial: ',,2,,0',
      phoneRef: 'dial',
      articles: '/help/articles.json',
      backend: 'https://support.example.com',
      email: 'help@example.com',
      hours: 'Mo-Fr 09:00-17:00',
      timezone: 'America/New_York',
      locale: 'fr-CA',
      position: 'bottom-left',
      launcher: '#help-button',
      theme: 'dark',
      accent: '#0b6e4f',
      title: 'Northwind help',
      greeting: 'Hi! Ask us anything about your bike.',
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      phone: '+1 800 555 0199',
      phoneDial: ',,2,,0',
      phoneRef: 'dial',
      articles: 'https://shop.example.com/help/articles.json',
      backend: 'https://support.example.com/',
      email: 'help@example.com',
      hours: 'Mo-Fr 09:00-17:00',
      timezone: 'America/New_York',
      locale: 'fr-CA',
      position: 'bottom-left',
      launcher: '#help-button',
      theme: 'dark',
      accent: '#0b6e4f',
      title: 'Northwind help',
      greeting: 'Hi! Ask us anything about your bike.',
      nonce: 'n0nce',
      strings: null,
    });
  });

  it('takes the site\'s own words from window.LifelineSettings.strings as given (the panel checks them)', () => {
    const strings = { fr: { 'human.talk': 'Parler à un conseiller' } };
    const { settings, problems } = read({ phone: '0800 123 456' }, { strings });
    expect(problems).toEqual([]);
    expect(settings.strings).toEqual(strings);
  });

  it('uses defaults when only the phone is given', () => {
    const { settings, problems } = read({ phone: '0800 123 456' });
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, phone: '0800 123 456', nonce: 'n0nce' });
  });

  it('is light unless the site asks for dark or for the visitor\'s system (auto)', () => {
    expect(read({ phone: '0800 123 456' }).settings.theme).toBe('light');
    expect(read({ phone: '0800 123 456', theme: 'auto' }).settings.theme).toBe('auto');
    expect(read({ phone: '0800 123 456', theme: 'dark' }).settings.theme).toBe('dark');
  });

  it('keeps a title and a greeting as written (trimmed), up to their lengths', () => {
    const { settings, problems } = read({ phone: '0800 123 456', title: '  Aide Northwind ', greeting: 'g'.repeat(160) });
    expect(problems).toEqual([]);
    expect(settings.title).toBe('Aide Northwind');
    expect(settings.greeting).toBe('g'.repeat(160));
    expect(read({ phone: '0800 123 456', title: 't'.repeat(41) }).problems[0]?.message).toBe(
      `expected one line of at most 40 characters, got "${'t'.repeat(41)}"`,
    );
  });

  it('names the missing phone attribute and still returns usable settings', () => {
    const { settings, problems } = read({ articles: 'a.json' });
    expect(problems).toEqual([
      { attribute: 'data-phone', message: expect.stringMatching(/^is required: .*phone number/) },
    ]);
    expect(settings.articles).toBe('https://shop.example.com/help/a.json');
    expect(settings.phone).toBe('');
  });

  it.each([
    ['phone', 'call us maybe', 'data-phone'],
    ['phone', '12', 'data-phone'],
    ['phoneDial', ',,2;x', 'data-phone-dial'],
    ['phoneRef', 'always', 'data-phone-ref'],
    ['articles', 'javascript:alert(1)', 'data-articles'],
    ['backend', 'ftp://example.com', 'data-backend'],
    ['email', 'not an email', 'data-email'],
    ['timezone', 'Mars/Olympus_Mons', 'data-timezone'],
    ['locale', 'x_y_z!', 'data-locale'],
    ['position', 'middle', 'data-position'],
    ['launcher', '[[nope', 'data-launcher'],
    ['theme', 'neon', 'data-theme'],
    ['accent', 'not-a-colour', 'data-accent'],
    ['title', 'A heading far too long to fit in the panel header', 'data-title'],
    ['greeting', 'x'.repeat(161), 'data-greeting'],
    ['greeting', 'Hello\nthere', 'data-greeting'],
  ])('%s = %j is one problem naming %s, and the default is kept', (key, value, attribute) => {
    const { settings, problems } = read({ phone: '+44 20 7946 0000', [key]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.attribute).toBe(attribute);
    expect(problems[0]?.message).toContain(`got "${value}"`);
    expect(problems[0]?.message).toMatch(/^expected /);
    expect(settings[key as keyof typeof settings]).toEqual(DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS]);
  });

  it('reports every bad attribute, one message each', () => {
    const { problems } = read({ position: 'middle', accent: 'nope', theme: 'neon' });
    expect(problems.map((p) => p.attribute)).toEqual(['data-phone', 'data-position', 'data-theme', 'data-accent']);
  });

  it('takes window.LifelineSettings, with the script tag winning', () => {
    const { settings, problems } = read(
      { phone: '+1 800 555 0199' },
      { phone: '+1 999 999 9999', email: 'help@example.com', theme: 'auto', greeting: 'Hello' },
    );
    expect(problems).toEqual([]);
    expect(settings.phone).toBe('+1 800 555 0199');
    expect(settings.email).toBe('help@example.com');
    expect(settings.theme).toBe('auto');
    expect(settings.greeting).toBe('Hello');
  });

  it('names unknown and mistyped keys of window.LifelineSettings', () => {
    const { problems } = read({ phone: '+1 800 555 0199' }, { phoen: '1', position: 3 });
    expect(problems).toEqual([
      { attribute: 'window.LifelineSettings.phoen', message: expect.stringContaining('unknown setting') },
      { attribute: 'data-position', message: 'expected a string, got number' },
    ]);
  });

  it('rejects a non-object window.LifelineSettings', () => {
    expect(read({ phone: '1 800 555' }, 'phone=1').problems[0]?.attribute).toBe('window.LifelineSettings');
    expect(read({ phone: '1 800 555' }, null).problems).toEqual([]);
  });

  it('trims values and treats an empty attribute as absent', () => {
    const { settings, problems } = read({ phone: '  +1 800 555 0199 ', email: '   ' });
    expect(problems).toEqual([]);
    expect(settings.phone).toBe('+1 800 555 0199');
    expect(settings.email).toBeNull();
  });

  it('keeps a missing nonce as null', () => {
    expect(readSettings({ phone: '123 456' }, undefined, checks).settings.nonce).toBeNull();
  });
});

describe('telHref', () => {
  it('keeps only + and digits of the readable number', () => {
    expect(telHref('+1 (800) 555-0199')).toBe('tel:+18005550199');
    expect(telHref('0800 123 456')).toBe('tel:0800123456');
  });
  it('appends the dial suffix as is (commas are pauses)', () => {
    expect(telHref('+1 800 555 0199', ',,2,,0')).toBe('tel:+18005550199,,2,,0');
  });
  it('keeps a plus sign only at the start', () => {
    expect(telHref('1+800+555')).toBe('tel:1800555');
  });
});

describe('attributeName', () => {
  it('maps camelCase keys to data- attributes', () => {
    expect(attributeName('phoneDial')).toBe('data-phone-dial');
    expect(attributeName('phone')).toBe('data-phone');
  });
});
