import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createPool } from '../store/postgres/connect';
import { migrate } from '../store/postgres/migrations';
import { createPostgresStore } from '../store/postgres/store';
import { describeWithPostgres } from '../store/postgres/testing';
import { openSqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { vapidKeys } from './vapid';

/** Several instances asking for the key pair at once, then one restarted: one pair for all. */
async function onePairForAll(open: () => Store): Promise<void> {
  const stores = [open(), open(), open()];
  const pairs = await Promise.all(stores.map((s) => vapidKeys(s)));
  expect(pairs[0]!.publicKey).toMatch(/^B[\w-]{86}$/);
  expect(pairs[0]!.privateKey).toMatch(/^[\w-]{43}$/);
  expect(pairs).toEqual([pairs[0], pairs[0], pairs[0]]);
  for (const s of stores) await s.close();
  const again = open();
  expect(await vapidKeys(again)).toEqual(pairs[0]);
  await again.close();
}

it('makes one VAPID key pair for every store on one SQLite file, and keeps it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-vapid-'));
  try {
    await onePairForAll(() => openSqliteStore(join(dir, 'lifeline.db')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

describeWithPostgres('VAPID keys on PostgreSQL', (pg) => {
  it('makes one VAPID key pair for every instance on one database, and keeps it', async () => {
    const url = await pg.newDatabase();
    const setup = createPool(url, { max: 1 });
    await migrate(setup);
    await setup.end();
    await onePairForAll(() => createPostgresStore(createPool(url, { max: 2 })));
  });
});
