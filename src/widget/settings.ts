/**
 * The site owner's settings: read from the script tag's data-* attributes and from
 * `window.LifelineSettings` (camelCase), validated into one typed object. Pure: the checks that
 * need a browser (a CSS selector, a colour) are injected, so this runs and is tested in Node.
 *
 * A bad setting never stops the widget: it is reported once, naming the attribute and what is
 * expected, and the widget runs with what is valid (EMBED.md; promise 1 of DEVELOPERS.md).
 * The loader ships this file, so it is table-driven to stay small.
 */
import { TIME_ZONE_EXPECTED } from './time-zone';

export type Position = 'bottom-right' | 'bottom-left';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  /** The phone number as people read it; '' when missing (the launcher then offers no call). */
  phone: string;
  /** What to append when dialling, e.g. ",,2,,0" to skip a phone menu. */
  phoneDial: string;
  /** 'dial' appends a handoff's ref to the dial string as well. */
  phoneRef: 'show' | 'dial';
  articles: string | null;
  backend: string | null;
  email: string | null;
  hours: string | null;
  timezone: string | null;
  locale: string | null;
  position: Position;
  launcher: string | null;
  /** data-theme: light unless the site asks for dark, or for `auto` (the visitor's system). */
  theme: Theme;
  accent: string | null;
  /** data-title: the panel's name and the heading of its first view; null = "Help", translated. */
  title: string | null;
  /** data-greeting: a line of the site's own above the popular articles. */
  greeting: string | null;
  /** data-consent="required": nothing is stored in the browser until the visitor opens the panel or the page consents. */
  consent?: 'required';
  nonce: string | null;
  /**
   * window.LifelineSettings.strings: the site's own words, per language, by key (README, "The
   * site's own words"), e.g. {"fr": {"human.talk": "Parler à un conseiller"}}: as the page gave
   * it, checked (its shape and every key) when the panel loads (src/widget/i18n/overrides.ts).
   */
  strings: SiteStrings | null;
}

/** A string of the widget replaced by the site: text with {placeholders}, or a count's plural forms. */
export type SiteString = string | Partial<Record<Intl.LDMLPluralRule, string>>;
export type SiteStrings = Record<string, Record<string, SiteString>>;

export const DEFAULT_SETTINGS: Settings = {
  phone: '',
  phoneDial: '',
  phoneRef: 'show',
  articles: null,
  backend: null,
  email: null,
  hours: null,
  timezone: null,
  locale: null,
  position: 'bottom-right',
  launcher: null,
  theme: 'light',
  accent: null,
  title: null,
  greeting: null,
  nonce: null,
  strings: null,
};

/** One setting that could not be used: the attribute to fix and what it should be. */
export interface SettingProblem {
  attribute: string;
  message: string;
}

/** The browser checks settings need, injected so this module stays pure. */
export interface SettingChecks {
  isSelector(value: string): boolean;
  isColor(value: string): boolean;
  isTimeZone(value: string): boolean;
  isLocale(value: string): boolean;
  /** Resolves a URL against the page; null when it cannot be parsed. */
  resolveUrl(value: string): URL | null;
}

type Key = Exclude<keyof Settings, 'nonce' | 'strings'>;

/**
 * Each setting: how to turn the written value into the setting (undefined = not valid) and,
 * for the console, what is expected.
 */
type Rule = [parse: (value: string, checks: SettingChecks) => string | undefined, expected: string];

const oneOf = (...values: string[]): Rule => [
  (v) => (values.includes(v) ? v : undefined),
  values.map((v) => `"${v}"`).join(' or '),
];
const url: Rule = [
  (v, c) => {
    const u = c.resolveUrl(v);
    return u && /^https?:$/.test(u.protocol) ? u.href : undefined;
  },
  'an http(s) URL',
];

/** Text the panel shows as written (never as HTML): one line, at most `max` characters. */
const line = (max: number): Rule => [(v) => (v.length > max || /[\n\r]/.test(v) ? undefined : v), `one line of at most ${max} characters`];

const RULES: Record<Key, Rule> = {
  phone: [
    (v) => (/^[+()\d\s./-]+$/.test(v) && v.replace(/\D/g, '').length >= 3 ? v : undefined),
    'the support phone number as people read it, e.g. "+1 800 555 0199"',
  ],
  phoneDial: [(v) => (/^[\d,;*#pw]+$/i.test(v) ? v : undefined), 'digits, "," (a pause), ";", "*" or "#", e.g. ",,2"'],
  phoneRef: oneOf('dial', 'show'),
  articles: url,
  backend: url,
  email: [(v) => (/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(v) ? v : undefined), 'an e-mail address'],
  // Hours are kept as written; their grammar is checked where they are used.
  hours: [(v) => v, ''],
  timezone: [(v, c) => (c.isTimeZone(v) ? v : undefined), TIME_ZONE_EXPECTED],
  locale: [(v, c) => (c.isLocale(v) ? v : undefined), 'a language tag like "en" or "fr-CA"'],
  position: oneOf('bottom-right', 'bottom-left'),
  launcher: [(v, c) => (c.isSelector(v) ? v : undefined), 'a CSS selector of your help button, like "#help"'],
  theme: oneOf('auto', 'light', 'dark'),
  accent: [(v, c) => (c.isColor(v) ? v : undefined), 'a CSS colour like "#0b6e4f"'],
  title: line(40),
  greeting: line(160),
  consent: oneOf('required'),
};

/** phoneDial -> data-phone-dial */
export const attributeName = (key: string): string =>
  'data-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/**
 * Merges the two sources (the script tag wins, EMBED.md) and validates every value.
 * `dataset` is the script tag's DOMStringMap (it maps data-phone-dial to phoneDial);
 * `global` is whatever the page put in window.LifelineSettings.
 */
export function readSettings(
  dataset: Record<string, string | undefined>,
  global: unknown,
  checks: SettingChecks,
  nonce: string | null = null,
): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const say = (attribute: string, message: string): void => void problems.push({ attribute, message });
  const isObject = typeof global === 'object' && global !== null && !Array.isArray(global);
  if (global != null && !isObject) say('window.LifelineSettings', 'expected an object of settings');
  const fromGlobal = (isObject ? global : {}) as Record<string, unknown>;
  for (const name of Object.keys(fromGlobal)) {
    if (!(name in RULES) && name !== 'strings') say(`window.LifelineSettings.${name}`, `unknown setting; expected one of ${Object.keys(RULES).join(', ')}`);
  }

  const settings: Settings = { ...DEFAULT_SETTINGS, nonce: nonce || null };
  // As the page gave it: the panel's overrides chunk checks it (the loader has no bytes to spare).
  settings.strings = (fromGlobal.strings as SiteStrings | undefined) ?? null;
  const out = settings as unknown as Record<Key, string | null>; // every rule yields a string
  for (const key of Object.keys(RULES) as Key[]) {
    const [parse, expected] = RULES[key];
    const raw: unknown = dataset[key] ?? fromGlobal[key];
    if (raw != null && typeof raw !== 'string') {
      say(attributeName(key), `expected a string, got ${typeof raw}`);
      continue;
    }
    const value = ((raw as string | undefined) ?? '').trim();
    if (!value) {
      if (key === 'phone') say(attributeName(key), `is required: ${expected}`);
      continue;
    }
    const parsed = parse(value, checks);
    if (parsed === undefined) say(attributeName(key), `expected ${expected}, got "${value}"`);
    else out[key] = parsed;
  }
  return { settings, problems };
}

export { telHref } from './tel';
