/** GET /v1/status: what the widget shows beside each channel before the visitor chooses. */
import { Hono } from 'hono';
import { PROTOCOL_VERSION, type BackendStatus } from '../../protocol/types';
import type { ApiDeps, ApiEnv } from './deps';
import { waitEstimator } from './estimate';

/** Every channel is open until opening hours exist (a later issue). */
const ALWAYS_OPEN = { open: true, nextOpening: null };

export function statusRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/status', async (c) => {
    const [estimate, queued] = await Promise.all([waitEstimator(deps), deps.store.queueLength('chat')]);
    const status: BackendStatus = {
      version: PROTOCOL_VERSION,
      channels: { chat: ALWAYS_OPEN, callback: ALWAYS_OPEN, phone: ALWAYS_OPEN },
      agentsOnline: deps.presence.online(),
      // A visitor choosing chat now would be behind everyone already queued.
      chatWaitSeconds: estimate(queued + 1),
    };
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return routes;
}
