/**
 * `lifeline phrasings [--db <file>] [--pending]`: the served learned phrasings of a server's
 * database (with --pending, the pending ones too) as history.json (`[{articleId, queries}]`), for
 * `lifeline search --history` or a site's own index.
 */
import { existsSync } from 'node:fs';
import { toHistory } from '../server/phrasings';
import { openSqliteStore } from '../server/store/sqlite';
import type { HistoryEntry } from '../search/history';
import { UsageError } from './agent';

export async function readPhrasings(dbPath: string, { pending = false } = {}): Promise<HistoryEntry[]> {
  // Opening a missing file would create an empty database: say it is not there instead.
  if (!existsSync(dbPath)) throw new UsageError(`${dbPath}: no such database (set --db or LIFELINE_DB)`);
  const store = openSqliteStore(dbPath);
  try {
    return toHistory(await store.listPhrasings(), { pending });
  } finally {
    await store.close();
  }
}
