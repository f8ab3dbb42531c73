import { describe, expect, it } from 'vitest';
import { createPool, DatabaseUnreachable, openPool, reasonOf } from './connect';
import { describeWithPostgres } from './testing';

/** The address with another password, database or port. */
const changed = (url: string, change: (u: URL) => void): string => {
  const u = new URL(url);
  change(u);
  return u.href;
};

async function refusal(url: string): Promise<Error> {
  const error = await openPool(url, { connectTimeoutMs: 5_000 }).then(
    (pool) => pool.end().then(() => null),
    (e: unknown) => e as Error,
  );
  if (!error) throw new Error('the pool opened');
  return error;
}

describeWithPostgres('the PostgreSQL pool', (postgres) => {
  it('opens with the settings every connection carries: application_name, the statement timeout, the size', async () => {
    const pool = await openPool(await postgres.newDatabase(), { max: 3, statementTimeoutMs: 2_500 });
    try {
      const { rows } = await pool.query<{ app: string; timeout: string }>(
        "SELECT current_setting('application_name') AS app, current_setting('statement_timeout') AS timeout",
      );
      expect(rows[0]).toEqual({ app: 'lifeline', timeout: '2500ms' });
      expect(pool.options.max).toBe(3);
    } finally {
      await pool.end();
    }
  });

  it('reads times as ISO strings and bigints as numbers, as the SQLite store has them', async () => {
    const pool = await openPool(await postgres.newDatabase());
    try {
      const at = '2026-03-01T10:00:00.123Z';
      const { rows } = await pool.query<{ at: unknown; id: unknown; count: unknown }>(
        "SELECT $1::timestamptz AS at, 9007199254740991::bigint AS id, count(*) AS count FROM (VALUES (1), (2)) AS t(x)",
        [at],
      );
      expect(rows[0]).toEqual({ at, id: Number.MAX_SAFE_INTEGER, count: 2 });
      await expect(pool.query('SELECT 9007199254740993::bigint')).rejects.toThrow(/beyond the integers a number holds exactly/);
    } finally {
      await pool.end();
    }
  });

  it('cancels a statement that runs past the timeout', async () => {
    const pool = await openPool(await postgres.newDatabase(), { statementTimeoutMs: 100 });
    try {
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' });
      await expect(pool.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      await pool.end();
    }
  });

  it('says why a database cannot be reached, naming LIFELINE_DB, never with the password', async () => {
    const url = await postgres.newDatabase();
    const password = decodeURIComponent(new URL(url).password);
    const cases: [string, RegExp][] = [
      [changed(url, (u) => (u.password = 'wrong-password')), /the password was refused$/],
      [changed(url, (u) => (u.pathname = '/no_such_db')), /database "no_such_db" does not exist$/],
      [changed(url, (u) => (u.port = '1')), /nothing answers at 127\.0\.0\.1:1 \(is PostgreSQL running, on that port\?\)$/],
    ];
    for (const [bad, reason] of cases) {
      const error = await refusal(bad);
      expect(error).toBeInstanceOf(DatabaseUnreachable);
      expect(error.message).toMatch(/^LIFELINE_DB: cannot reach the PostgreSQL database postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/\w+: /);
      expect(error.message).toMatch(reason);
      expect(error.message).not.toContain(password);
      expect(error.message).not.toContain('wrong-password');
    }
  });

  it('carries on after the server restarts: the broken idle connection is reported, the next query opens a new one', async () => {
    const broken: Error[] = [];
    const pool = await openPool(await postgres.newDatabase(), { onIdleError: (e) => broken.push(e) });
    try {
      await pool.query('SELECT 1');
      await postgres.cluster().restart();
      await expect.poll(() => broken.length).toBeGreaterThan(0);
      await expect(pool.query('SELECT 2 AS two')).resolves.toMatchObject({ rows: [{ two: 2 }] });
    } finally {
      await pool.end();
    }
  });
});

describe('reasonOf', () => {
  it('tells an unknown host and a timeout in words, and scrubs a password a message would quote', () => {
    const url = 'postgres://ann:sup3r-secret@db.example.com/lifeline';
    expect(reasonOf(Object.assign(new Error('getaddrinfo ENOTFOUND db.example.com'), { code: 'ENOTFOUND' }), url)).toBe(
      'the host of db.example.com:5432 is not known',
    );
    expect(reasonOf(new Error('timeout expired'), url)).toBe('db.example.com:5432 did not answer in time');
    expect(reasonOf(new AggregateError([Object.assign(new Error(''), { code: 'ECONNREFUSED' })], ''), url)).toMatch(/^nothing answers at db\.example\.com:5432/);
    expect(reasonOf(new Error('odd: sup3r-secret'), url)).toBe('odd: ***');
  });

  it('names the socket of an address without a host', () => {
    const url = 'postgres://ann@/lifeline?host=/var/run/postgresql';
    expect(reasonOf(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' }), url)).toBe(
      'there is no PostgreSQL socket at /var/run/postgresql/.s.PGSQL.5432',
    );
  });

  it('makes a pool without connecting', async () => {
    const pool = createPool('postgres://ann:pw@127.0.0.1:1/lifeline');
    expect(pool.totalCount).toBe(0);
    await pool.end();
  });
});

