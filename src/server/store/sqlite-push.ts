/**
 * The push_subscriptions table (migration 8) for the SQLite store, as plain rows: save (insert
 * or update by endpoint), delete, list. Kept apart from sqlite.ts, which calls it. Who may
 * subscribe and how many browsers an agent keeps is decided in ../push/.
 */
import type Database from 'better-sqlite3';
import type { PushSubscriptionRecord } from './types';
import { toPush, type PushRow } from './rows';

export interface SqlitePush {
  save(s: PushSubscriptionRecord): void;
  delete(endpoint: string, agentId?: string): boolean;
  list(agentId: string | null): PushSubscriptionRecord[];
}

export function sqlitePush(db: Database.Database): SqlitePush {
  const q = {
    save: db.prepare(
      `INSERT INTO push_subscriptions (endpoint, agent_id, p256dh, auth, created_at, saved_at)
       VALUES (@endpoint, @agentId, @p256dh, @auth, @createdAt, @savedAt)
       ON CONFLICT (endpoint) DO UPDATE SET agent_id = excluded.agent_id, p256dh = excluded.p256dh,
         auth = excluded.auth, saved_at = excluded.saved_at`,
    ),
    delete: db.prepare<[string]>('DELETE FROM push_subscriptions WHERE endpoint = ?'),
    deleteOwn: db.prepare<[string, string]>('DELETE FROM push_subscriptions WHERE endpoint = ? AND agent_id = ?'),
    all: db.prepare<[], PushRow>('SELECT * FROM push_subscriptions ORDER BY saved_at, endpoint'),
    ofAgent: db.prepare<[string], PushRow>('SELECT * FROM push_subscriptions WHERE agent_id = ? ORDER BY saved_at, endpoint'),
  };
  return {
    save(s) {
      q.save.run(s);
    },
    delete(endpoint, agentId) {
      return (agentId === undefined ? q.delete.run(endpoint) : q.deleteOwn.run(endpoint, agentId)).changes > 0;
    },
    list(agentId) {
      return (agentId === null ? q.all.all() : q.ofAgent.all(agentId)).map(toPush);
    },
  };
}
