import type { SettingChecks } from './settings';

/** The checks settings need that only a browser can answer. */
export const browserChecks: SettingChecks = {
  isSelector(value) {
    try {
      document.createDocumentFragment().querySelector(value);
      return true;
    } catch {
      return false; // a SyntaxError is exactly the answer we want
    }
  },
  isColor: (value) => CSS.supports('color', value),
  /** Only the shape at load (the panel checks that the browser knows the zone: panel/index.tsx). */
  isTimeZone: (value) => /^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(value),
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
