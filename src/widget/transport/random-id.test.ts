import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../protocol/validate';
import { randomId } from './random-id';

describe('randomId', () => {
  it('is a UUID where the page has crypto.randomUUID', () => {
    expect(randomId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('is 128 random bits on a plain http page, which has no crypto.randomUUID, and a clientId the server takes', () => {
    // Node's webcrypto has randomUUID; a page over plain http has only getRandomValues.
    const insecure = { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) } as Pick<Crypto, 'getRandomValues'>;
    const ids = Array.from({ length: 50 }, () => randomId(insecure));
    for (const id of ids) expect(id).toMatch(LIMITS.clientIdPattern);
    expect(ids[0]).toHaveLength(22);
    expect(new Set(ids).size).toBe(50);
  });
});
