/**
 * `lifeline phrasings [--db <file or address>] [--pending]`: the served learned phrasings of a
 * server's database (SQLite or PostgreSQL) (with --pending, the pending ones too) as history.json (`[{articleId, queries}]`), for
 * `lifeline search --history` or a site's own index.
 */
import { existsSync } from 'node:fs';
import { toHistory } from '../server/phrasings';
import type { DatabaseSetting } from '../server/config';
import type { HistoryEntry } from '../search/history';
import { openFor, UsageError } from './agent';

export async function readPhrasings(database: DatabaseSetting, { pending = false } = {}): Promise<HistoryEntry[]> {
  // Opening a missing file would create an empty database: say it is not there instead.
  if (database.engine === 'sqlite' && !existsSync(database.path)) {
    throw new UsageError(`${database.path}: no such database (set --db or LIFELINE_DB)`);
  }
  const { store } = await openFor(database);
  try {
    return toHistory(await store.listPhrasings(), { pending });
  } finally {
    await store.close();
  }
}
