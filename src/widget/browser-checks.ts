import type { SettingChecks } from './settings';

/** The checks settings need that only a browser can answer. */
export const browserChecks: SettingChecks & { knowsTimeZone(value: string): boolean } = {
  isSelector(value) {
    try {
      document.createDocumentFragment().querySelector(value);
      return true;
    } catch {
      return false; // a SyntaxError is exactly the answer we want
    }
  },
  isColor: (value) => CSS.supports('color', value),
  /** Only the shape at load (see loader.ts: the Intl check runs when the page is idle). */
  isTimeZone: (value) => /^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(value),
  /** The full check: does this browser know the zone? */
  knowsTimeZone(value: string) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false; // RangeError: not a zone this browser knows
    }
  },
  isLocale(value) {
    try {
      return Intl.getCanonicalLocales(value).length > 0;
    } catch {
      return false; // RangeError: not a well-formed tag
    }
  },
  resolveUrl(value) {
    try {
      return new URL(value, document.baseURI);
    } catch {
      return null; // TypeError: not a URL
    }
  },
};
