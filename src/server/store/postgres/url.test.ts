import { describe, expect, it } from 'vitest';
import { isPostgresUrl, postgresUrlProblem, redactDatabaseUrl } from './url';

describe('PostgreSQL addresses', () => {
  it('are postgres:// or postgresql://, in any case; a path is not one', () => {
    expect(['postgres://h/db', 'postgresql://h/db', 'POSTGRES://h/db'].every(isPostgresUrl)).toBe(true);
    expect(['./data/lifeline.db', 'C:\\data\\lifeline.db', 'postgres:h', 'mysql://h/db'].some(isPostgresUrl)).toBe(false);
  });

  it.each([
    ['postgres://ann:hunter22@db:5432/lifeline', 'postgres://ann:***@db:5432/lifeline'],
    ['postgres://ann:hunter%2322@db/lifeline', 'postgres://ann:***@db/lifeline'],
    ['postgres://ann@db/lifeline?sslmode=require&password=hunter22', 'postgres://ann@db/lifeline?sslmode=require&password=***'],
    ['postgres://ann:hunter22@/lifeline?host=/run/postgresql', 'postgres://ann:***@/lifeline?host=/run/postgresql'],
    // Not valid, or not read as meant: everything before the last @ is hidden.
    ['postgres://ann:hun/ter22@db/lifeline', 'postgres://***@db/lifeline'],
    ['postgres://ann:12#34@db/lifeline', 'postgres://***@db/lifeline'],
    ['postgres://ann:12/34@db/lifeline', 'postgres://***@db/lifeline'],
    ['postgres://ann:hunter22@db:99999/lifeline?password=hunter22', 'postgres://***@db:99999/lifeline?password=***'],
    ['postgres://db/lifeline', 'postgres://db/lifeline'],
  ])('show %s without its password', (text, shown) => {
    expect(redactDatabaseUrl(text)).toBe(shown);
  });

  it.each([
    ['postgres://ann:pw@db/lifeline', null],
    ['postgres:///lifeline?host=/run/postgresql', null],
    ['postgres://ann:pw@db:99999/lifeline', /^is not a valid URL/],
    ['postgres://ann:pw@/lifeline', /^names no host/],
    ['postgres://ann:pw@db/life#line', /^has a #fragment/],
    ['postgres://ann:pw@db/%E0%A4%A', /^has a malformed %-escape/],
    ['postgres://ann:pw@db/a/b', /^names the database "a\/b"/],
  ])('are checked in form: %s', (text, problem) => {
    if (problem === null) expect(postgresUrlProblem(text)).toBeNull();
    else expect(postgresUrlProblem(text)).toMatch(problem);
  });
});
