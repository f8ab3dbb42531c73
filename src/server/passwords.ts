/**
 * Agent passwords: scrypt (memory-hard, in node:crypto) with a random salt per agent, checked in
 * constant time. Runs off the main thread (the async scrypt), so a login does not stall chats.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 64;
/** N = 2^15: about 32 MiB and tens of milliseconds per attempt, OWASP's floor for scrypt. */
const COST = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

function derive(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64url'), KEY_LENGTH, COST, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<{ passwordHash: string; salt: string }> {
  const salt = randomBytes(16).toString('base64url');
  return { passwordHash: (await derive(password, salt)).toString('base64url'), salt };
}

export async function verifyPassword(password: string, passwordHash: string, salt: string): Promise<boolean> {
  const expected = Buffer.from(passwordHash, 'base64url');
  const actual = await derive(password, salt);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A stand-in to check against when the email is unknown, so that "no such agent" takes as long
 * as "wrong password" and the answer time does not tell which emails exist.
 */
export function dummyPassword(): Promise<{ passwordHash: string; salt: string }> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}
let dummy: Promise<{ passwordHash: string; salt: string }> | undefined;
