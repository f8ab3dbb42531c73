import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPool } from './connect';
import { migrate, MIGRATIONS, NewerDatabase } from './migrations';
import { describeWithPostgres } from './testing';

const pools: pg.Pool[] = [];
const poolFor = (url: string): pg.Pool => {
  const pool = createPool(url, { max: 2 });
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/**
 * Migrations that leave a trace of each time they run: a migration applied twice would leave
 * two rows. The sleep makes the runners overlap, as instances started together do.
 */
const COUNTED = [
  `CREATE TABLE ran (version integer NOT NULL, by_pid integer NOT NULL DEFAULT pg_backend_pid()); SELECT pg_sleep(0.2); INSERT INTO ran (version) VALUES (1);`,
  `SELECT pg_sleep(0.1); INSERT INTO ran (version) VALUES (2);`,
  `ALTER TABLE ran ADD COLUMN note text; INSERT INTO ran (version) VALUES (3);`,
];

async function versions(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM lifeline_migrations ORDER BY version');
  return rows.map((r) => r.version);
}

describeWithPostgres('PostgreSQL migrations', (postgres) => {
  it('bring a fresh database to the latest schema, and do nothing the second time', async () => {
    const pool = poolFor(await postgres.newDatabase());
    expect(await migrate(pool)).toEqual({ from: 0, to: MIGRATIONS.length, applied: MIGRATIONS.map((_, i) => i + 1) });
    expect(await migrate(pool)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length, applied: [] });
    expect(await versions(pool)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const { rows } = await pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'agent_presence',
      'agents',
      'attachments',
      'callback_steps',
      'deletions',
      'events',
      'handoffs',
      'jobs',
      'lifeline_migrations',
      'messages',
      'outbox_cursor',
      'phrasings',
      'push_subscriptions',
      'rate_limits',
      'ratings',
      'sessions',
      'settings',
      'visitor_streams',
    ]);
  });

  it('keep SQLite’s rules: a ref unique among open handoffs only, the statuses, one seq per handoff in the event log', async () => {
    const pool = poolFor(await postgres.newDatabase());
    await migrate(pool);
    const handoff = (id: string, status: string) =>
      pool.query(
        `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, transcript, created_at)
         VALUES ($1, 'K7Q2', 'h', $1, 'chat', $2, '[]', '2026-03-01T10:00:00.000Z')`,
        [id, status],
      );
    await handoff('h1', 'queued');
    await expect(handoff('h2', 'active')).rejects.toMatchObject({ code: '23505', constraint: 'handoffs_open_ref' });
    await handoff('h3', 'resolved');
    await expect(handoff('h4', 'lost')).rejects.toMatchObject({ code: '23514' });
    const event = (handoffId: string, seq: number) =>
      pool.query<{ id: number }>(
        `INSERT INTO events (handoff_id, seq, type, data, at) VALUES ($1, $2, 'message', '{"text":"hi"}', now()) RETURNING id`,
        [handoffId, seq],
      );
    const ids = [(await event('h1', 1)).rows[0]!.id, (await event('h3', 1)).rows[0]!.id, (await event('h1', 2)).rows[0]!.id];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
    await expect(event('h1', 2)).rejects.toMatchObject({ code: '23505' });
  });

  it('apply each migration exactly once when three instances start at the same moment', async () => {
    const url = await postgres.newDatabase();
    const results = await Promise.all([poolFor(url), poolFor(url), poolFor(url)].map((pool) => migrate(pool, COUNTED)));
    // Every instance started, and between them each migration ran once.
    expect(results.map((r) => r.to)).toEqual([3, 3, 3]);
    expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual([1, 2, 3]);
    const pool = poolFor(url);
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM ran ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(await versions(pool)).toEqual([1, 2, 3]);
  });

  it('apply the real schema once when three instances start at the same moment', async () => {
    const url = await postgres.newDatabase();
    const results = await Promise.all([poolFor(url), poolFor(url), poolFor(url)].map((pool) => migrate(pool)));
    expect(results.flatMap((r) => r.applied).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(await versions(poolFor(url))).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a database at version n to the latest, applying only what it lacks', async () => {
    const url = await postgres.newDatabase();
    const pool = poolFor(url);
    expect(await migrate(pool, COUNTED.slice(0, 1))).toEqual({ from: 0, to: 1, applied: [1] });
    expect(await migrate(pool, COUNTED)).toEqual({ from: 1, to: 3, applied: [2, 3] });
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM ran ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
  });

  it('leave a failed migration undone, free the lock, and apply it once it is fixed', async () => {
    const url = await postgres.newDatabase();
    const pool = poolFor(url);
    const broken = [COUNTED[0]!, `INSERT INTO ran (version) VALUES (2); SELECT * FROM no_such_table;`];
    await expect(migrate(pool, broken)).rejects.toThrow(/^migration 2 failed: relation "no_such_table" does not exist/);
    expect(await versions(pool)).toEqual([1]);
    // Another instance is not kept waiting on the lock, and applies the fixed migration.
    expect(await migrate(poolFor(url), COUNTED.slice(0, 2))).toEqual({ from: 1, to: 2, applied: [2] });
    const { rows } = await pool.query<{ version: number }>('SELECT version FROM ran ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual([1, 2]);
  });

  it('refuse a database newer than this code, naming LIFELINE_DB', async () => {
    const pool = poolFor(await postgres.newDatabase());
    await migrate(pool, COUNTED);
    const refused = migrate(pool, COUNTED.slice(0, 2));
    await expect(refused).rejects.toBeInstanceOf(NewerDatabase);
    await expect(refused).rejects.toThrow(/schema version 3, newer than this Lifeline knows \(2\).*LIFELINE_DB/);
  });

  it('keep the pool statement timeout for other work after migrating', async () => {
    const pool = createPool(await postgres.newDatabase(), { max: 1, statementTimeoutMs: 1234 });
    pools.push(pool);
    await migrate(pool, COUNTED.slice(0, 1));
    const { rows } = await pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(rows[0]?.statement_timeout).toBe('1234ms');
  });
});

describe('the PostgreSQL schema', () => {
  it('has a table for each of SQLite’s, and the same columns in each', async () => {
    const { MIGRATIONS: SQLITE } = await import('../migrations');
    const tables = (sql: string): Map<string, Set<string>> => {
      // Statement by statement, in order: a table may be rebuilt (made anew, the old one dropped,
      // the new one renamed to the old name), as SQLite's migration 6 does with events.
      const found = new Map<string, Set<string>>();
      const statements = /CREATE TABLE (\w+) \(([\s\S]*?)\n\s*\)|ALTER TABLE (\w+) ADD COLUMN (\w+)|ALTER TABLE (\w+) RENAME TO (\w+)|DROP TABLE (\w+)/g;
      for (const m of sql.matchAll(statements)) {
        if (m[1]) {
          const columns = [...m[2]!.matchAll(/^\s*(\w+)\s+(?:text|integer|bigint|bigserial|timestamptz|jsonb|boolean|TEXT|INTEGER)\b/gim)].map((c) => c[1]!);
          found.set(m[1], new Set(columns));
        } else if (m[3]) found.get(m[3])?.add(m[4]!);
        else if (m[5]) {
          found.set(m[6]!, found.get(m[5]) ?? new Set());
          found.delete(m[5]);
        } else if (m[7]) found.delete(m[7]);
      }
      return found;
    };
    const sqlite = tables(SQLITE.join('\n'));
    const postgres = tables(MIGRATIONS.join('\n'));
    expect(sqlite.size).toBeGreaterThanOrEqual(8);
    for (const [table, columns] of sqlite) {
      expect({ table, columns: [...(postgres.get(table) ?? [])] }).toEqual({ table, columns: expect.arrayContaining([...columns]) });
    }
  });
});
