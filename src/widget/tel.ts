/**
 * The `tel:` href for a readable number plus an optional dial suffix: only "+" and digits are
 * kept from the number (RFC 3966 global numbers), the suffix is appended as is (commas pause).
 */
export function telHref(phone: string, dial = ''): string {
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return 'tel:' + digits + dial;
}
