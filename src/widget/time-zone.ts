/** What data-timezone expects: said by the loader (a malformed name) and the panel (an unknown zone). */
export const TIME_ZONE_EXPECTED = 'an IANA time zone like "America/New_York"';

/**
 * Whether this browser knows the time zone `zone`. The list of canonical zones answers for
 * most names in a few milliseconds; only a name not on it (an alias like "US/Eastern", "UTC" in
 * some engines, another spelling, or a mistake) is tried with Intl.DateTimeFormat, whose first
 * call loads the locale and zone data: 20 to 150 ms in one task on a small machine, which the
 * panel's start must not spend when the visitor opens Help.
 */
export function isKnownTimeZone(zone: string, intl: typeof Intl = Intl): boolean {
  try {
    return !!intl.supportedValuesOf?.('timeZone').includes(zone) || !!new intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false; // RangeError: a zone this engine does not know
  }
}
