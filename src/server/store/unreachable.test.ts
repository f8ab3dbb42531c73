import { describe, expect, it } from 'vitest';
import { isDatabaseUnreachable } from './unreachable';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnreachable', () => {
  it('knows a database that is away: refused or cut sockets, shutdown states, class 08, pg’s own messages', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03', '08006', '08001', '08P01']) {
      expect(isDatabaseUnreachable(coded(code)), code).toBe(true);
    }
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnreachable(new AggregateError([coded('ECONNREFUSED')], 'connect'))).toBe(true);
    expect(isDatabaseUnreachable(new Error('wrapped', { cause: coded('57P01') }))).toBe(true);
  });

  it('leaves everything else alone: a refused statement, SQLite busy, a bug', () => {
    for (const code of ['23505', '40001', '42P01', 'SQLITE_BUSY', 'SQLITE_CONSTRAINT']) {
      expect(isDatabaseUnreachable(coded(code)), code).toBe(false);
    }
    expect(isDatabaseUnreachable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isDatabaseUnreachable('ECONNREFUSED')).toBe(false);
  });
});
