/**
 * An id nobody can guess, for a handoff's clientId (whoever repeats it gets the handoff's
 * token) and a message's clientMessageId. crypto.randomUUID exists only on https pages (and
 * localhost); a site served over plain http still gets 128 random bits from getRandomValues,
 * as 22 characters of base64url.
 */
export function randomId(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
