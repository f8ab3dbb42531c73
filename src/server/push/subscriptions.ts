/**
 * An agent's browsers with notifications on: saving one (the same endpoint again is an update,
 * and an agent keeps at most PUSH_LIMITS.devicesPerAgent: the one saved longest ago gives way),
 * turning one off, counting them. The rules here; the rows in the store.
 */
import { PUSH_LIMITS, type PushSubscriptionBody } from '../../protocol/push';
import type { Store } from '../store/types';

export async function saveSubscription(store: Store, agentId: string, body: PushSubscriptionBody, at: string): Promise<number> {
  await store.savePushSubscription({ endpoint: body.endpoint, agentId, p256dh: body.keys.p256dh, auth: body.keys.auth, createdAt: at, savedAt: at });
  const mine = await store.pushSubscriptions(agentId);
  const extra = mine.length - PUSH_LIMITS.devicesPerAgent;
  for (const old of mine.slice(0, Math.max(0, extra))) await store.deletePushSubscription(old.endpoint, agentId);
  return Math.min(mine.length, PUSH_LIMITS.devicesPerAgent);
}

export async function removeSubscription(store: Store, agentId: string, endpoint: string): Promise<number> {
  await store.deletePushSubscription(endpoint, agentId);
  return (await store.pushSubscriptions(agentId)).length;
}

export async function deviceCount(store: Store, agentId: string): Promise<number> {
  return (await store.pushSubscriptions(agentId)).length;
}
