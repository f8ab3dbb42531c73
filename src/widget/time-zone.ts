/** What data-timezone expects: said by the loader (a malformed name) and the panel (an unknown zone). */
export const TIME_ZONE_EXPECTED = 'an IANA time zone like "America/New_York"';
