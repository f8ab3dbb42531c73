/**
 * Vitest helper (not a test file) for the tests that need a real PostgreSQL: each suite gets a
 * throwaway cluster of its own (test-cluster.ts), and each test makes the databases it needs.
 *
 * Without PostgreSQL's server programs the suite is skipped, saying why, so a clone without them
 * still passes its other tests; under CI (CI set, not "false" or "0") it fails instead: CI must
 * test both engines, and `.ci/run` installs PostgreSQL.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findServerBinaries, startTestCluster, type TestCluster } from './test-cluster';

export interface PostgresForTests {
  /** The suite's running cluster (in a test or a hook). */
  cluster(): TestCluster;
  /** A new empty database on it: its postgres:// address. */
  newDatabase(): Promise<string>;
}

/** How long starting a cluster may take on a busy machine (it takes about a second). */
const START_TIMEOUT_MS = 120_000;

export const inCi = (env: NodeJS.ProcessEnv = process.env): boolean => {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
};

let warned = false;

/** Run against the binaries found; skip without them; fail without them under CI. */
export function postgresTestPlan(found: { dir: string | null }, env: NodeJS.ProcessEnv = process.env): 'run' | 'skip' | 'fail' {
  if (found.dir) return 'run';
  return inCi(env) ? 'fail' : 'skip';
}

export function describeWithPostgres(name: string, body: (pg: PostgresForTests) => void): void {
  const found = findServerBinaries();
  const plan = postgresTestPlan(found);
  if (!found.dir) {
    const why =
      `PostgreSQL's server programs (initdb, pg_ctl) were not found (looked in LIFELINE_TEST_PG_BIN, ` +
      `pg_config --bindir, /usr/lib/postgresql/*/bin and PATH); install them (apt-get install postgresql) to run these tests`;
    if (plan === 'fail') {
      describe(name, () => {
        it('has PostgreSQL to test against (CI is set: skipping is not allowed)', () => {
          throw new Error(why);
        });
      });
      return;
    }
    if (!warned) {
      warned = true;
      console.warn(`Skipping the PostgreSQL tests: ${why}.`);
    }
    describe.skip(`${name} (skipped: PostgreSQL is not installed)`, () => body(unavailable));
    return;
  }
  describe(name, () => {
    let cluster: TestCluster | undefined;
    beforeAll(async () => {
      cluster = await startTestCluster({ binDir: found.dir });
    }, START_TIMEOUT_MS);
    afterAll(async () => {
      await cluster?.stop();
    });
    const running = (): TestCluster => {
      if (!cluster) throw new Error('the test PostgreSQL is not running (it failed to start: see beforeAll)');
      return cluster;
    };
    body({ cluster: running, newDatabase: () => running().createDatabase() });
  });
}

const unavailable: PostgresForTests = {
  cluster: () => {
    throw new Error('PostgreSQL is not installed');
  },
  newDatabase: () => Promise.reject(new Error('PostgreSQL is not installed')),
};
