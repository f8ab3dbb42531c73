/**
 * Browser notifications for the signed-in agent (Web Push), under /v1/agent behind requireAgent:
 * GET /push gives the server's VAPID public key (what PushManager.subscribe needs) and how many
 * browsers the agent has them on in; PUT /push saves this browser's subscription; DELETE /push
 * turns them off in it. The rules live in ../push/subscriptions.ts.
 */
import { Hono } from 'hono';
import { validatePushSubscription, validatePushUnsubscribe, type AgentPushKey } from '../../protocol/push';
import { deviceCount, removeSubscription, saveSubscription } from '../push/subscriptions';
import type { ApiDeps, ApiEnv } from './deps';
import { iso, readJson } from './http';

export function agentPushRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.get('/push', async (c) => {
    const [keys, devices] = await Promise.all([deps.push.keys(), deviceCount(deps.store, c.get('agent').id)]);
    return c.json<AgentPushKey>({ publicKey: keys.publicKey, devices });
  });

  routes.put('/push', async (c) => {
    const body = await readJson(c, (b) => validatePushSubscription(b, { allowLoopbackHttp: deps.push.allowLoopbackHttp }));
    if (!body.ok) return body.response;
    const keys = await deps.push.keys();
    const devices = await saveSubscription(deps.store, c.get('agent').id, body.value, iso(deps.now()));
    return c.json<AgentPushKey>({ publicKey: keys.publicKey, devices });
  });

  routes.delete('/push', async (c) => {
    const body = await readJson(c, validatePushUnsubscribe);
    if (!body.ok) return body.response;
    const keys = await deps.push.keys();
    const devices = await removeSubscription(deps.store, c.get('agent').id, body.value.endpoint);
    return c.json<AgentPushKey>({ publicKey: keys.publicKey, devices });
  });

  return routes;
}
