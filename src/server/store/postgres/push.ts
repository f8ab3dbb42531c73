/**
 * The push_subscriptions table for the PostgreSQL store, as plain rows: the same operations as
 * ../sqlite-push.ts. Who may subscribe and how many browsers an agent keeps is decided in ../../push/.
 */
import type { PushSubscriptionRecord } from '../types';
import { toPush, type PushRow } from '../rows';
import { clean } from './rows';
import type { Queryable } from './store';

export async function savePushSubscription(db: Queryable, s: PushSubscriptionRecord): Promise<void> {
  await db.query(
    `INSERT INTO push_subscriptions (endpoint, agent_id, p256dh, auth, created_at, saved_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (endpoint) DO UPDATE SET agent_id = excluded.agent_id, p256dh = excluded.p256dh,
       auth = excluded.auth, saved_at = excluded.saved_at`,
    [clean(s.endpoint), s.agentId, clean(s.p256dh), clean(s.auth), s.createdAt, s.savedAt],
  );
}

export async function deletePushSubscription(db: Queryable, endpoint: string, agentId?: string): Promise<boolean> {
  const { rowCount } =
    agentId === undefined
      ? await db.query('DELETE FROM push_subscriptions WHERE endpoint = $1', [clean(endpoint)])
      : await db.query('DELETE FROM push_subscriptions WHERE endpoint = $1 AND agent_id = $2', [clean(endpoint), agentId]);
  return (rowCount ?? 0) > 0;
}

export async function pushSubscriptions(db: Queryable, agentId: string | null): Promise<PushSubscriptionRecord[]> {
  // Endpoints sort by bytes, as SQLite's.
  const order = 'ORDER BY saved_at, endpoint COLLATE "C"';
  const { rows } =
    agentId === null
      ? await db.query<PushRow>(`SELECT * FROM push_subscriptions ${order}`)
      : await db.query<PushRow>(`SELECT * FROM push_subscriptions WHERE agent_id = $1 ${order}`, [agentId]);
  return rows.map(toPush);
}
