import { existsSync, statSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { candidateBinDirs, findServerBinaries, startTestCluster } from './test-cluster';
import { describeWithPostgres, inCi, postgresTestPlan } from './testing';

describe('finding PostgreSQL', () => {
  it('looks in LIFELINE_TEST_PG_BIN first, then pg_config, the Debian folders and PATH', () => {
    const dirs = candidateBinDirs({ LIFELINE_TEST_PG_BIN: '/opt/pg/bin', PATH: '/usr/local/bin:/usr/bin' }, '/nonexistent');
    expect(dirs[0]).toBe('/opt/pg/bin');
    expect(dirs.slice(-2)).toEqual(['/usr/local/bin', '/usr/bin']);
  });

  it('reports where it looked when nothing is there', () => {
    expect(findServerBinaries({ PATH: '/nonexistent/bin' }, '/nonexistent')).toEqual({ dir: null, looked: ['/nonexistent/bin'] });
  });

  it('runs the tests when found, skips them without, and fails them without under CI', () => {
    expect(postgresTestPlan({ dir: '/usr/lib/postgresql/15/bin' }, { CI: 'true' })).toBe('run');
    expect(postgresTestPlan({ dir: null }, {})).toBe('skip');
    expect(postgresTestPlan({ dir: null }, { CI: 'false' })).toBe('skip');
    expect(postgresTestPlan({ dir: null }, { CI: 'true' })).toBe('fail');
    expect(postgresTestPlan({ dir: null }, { CI: '1' })).toBe('fail');
    expect(inCi({ CI: '' })).toBe(false);
  });
});

describeWithPostgres('a throwaway PostgreSQL cluster', (postgres) => {
  it('listens on its own loopback port, its socket in its own folder, and makes databases', async () => {
    const cluster = postgres.cluster();
    expect(cluster.port).not.toBe(5432);
    const client = new pg.Client(await cluster.createDatabase('made_here'));
    await client.connect();
    try {
      const { rows } = await client.query<{ db: string; socket: string; listen: string }>(
        "SELECT current_database() AS db, current_setting('unix_socket_directories') AS socket, current_setting('listen_addresses') AS listen",
      );
      expect(rows[0]).toEqual({ db: 'made_here', socket: cluster.folder, listen: '127.0.0.1' });
    } finally {
      await client.end();
    }
  });

  it('refuses a connection without its password over TCP', async () => {
    const url = new URL(postgres.cluster().adminUrl);
    url.password = 'not-it';
    const client = new pg.Client({ connectionString: url.href });
    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('stops, and removes its folder', async () => {
    const cluster = await startTestCluster();
    const owner = statSync(cluster.folder).uid;
    // As root, the server runs as another user: initdb refuses root.
    if (process.getuid?.() === 0) expect(owner).not.toBe(0);
    await cluster.stop();
    expect(existsSync(cluster.folder)).toBe(false);
    const client = new pg.Client({ connectionString: cluster.adminUrl, connectionTimeoutMillis: 2_000 });
    await expect(client.connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 120_000);
});
