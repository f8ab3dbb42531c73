/**
 * The store LIFELINE_DB names (config.ts readDatabase): a SQLite file, created with its folder
 * when missing, or a PostgreSQL database, reached (connect.ts openPool: one line naming
 * LIFELINE_DB when it cannot be), then brought to the latest schema (migrations.ts, safe when
 * several instances start at once). For the server and the command line alike.
 */
import { mkdirSync } from 'node:fs';
import type pg from 'pg';
import { dirname, resolve } from 'node:path';
import type { DatabaseSetting } from '../config';
import { openPool, type PoolOptions } from './postgres/connect';
import { migrate } from './postgres/migrations';
import { createPostgresStore } from './postgres/store';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

export interface OpenedStore {
  store: Store;
  /** Where the data is, to print: the file's absolute path, or the address without its password. */
  shown: string;
  /** PostgreSQL's pool, for what several instances share besides the store (postgres/shared.ts). */
  pool?: pg.Pool;
}

/** A reason in words why LIFELINE_DB cannot be used; the message names LIFELINE_DB and what it points to. */
export class StoreUnavailable extends Error {}

export async function openStore(database: DatabaseSetting, options: { createFile?: boolean; pool?: PoolOptions } = {}): Promise<OpenedStore> {
  if (database.engine === 'sqlite') {
    const path = resolve(database.path);
    try {
      if (options.createFile !== false) mkdirSync(dirname(path), { recursive: true });
      return { store: openSqliteStore(path), shown: path };
    } catch (error) {
      throw new StoreUnavailable(`LIFELINE_DB: cannot open the database ${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  // openPool's errors already name LIFELINE_DB and the address, without the password.
  const pool = await openPool(database.url, options.pool).catch((error: Error) => {
    throw new StoreUnavailable(error.message, { cause: error });
  });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreUnavailable(`LIFELINE_DB: cannot bring the database ${database.shown} up to date: ${(error as Error).message}`, { cause: error });
  }
  return { store: createPostgresStore(pool), shown: database.shown, pool };
}
