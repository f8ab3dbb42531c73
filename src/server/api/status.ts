/** GET /v1/status: what the widget shows beside each channel before the visitor chooses. */
import { Hono } from 'hono';
import { PROTOCOL_VERSION, type BackendStatus } from '../../protocol/types';
import { channelsAt, freeSlots, listedSlots } from '../availability';
import type { ApiDeps, ApiEnv } from './deps';
import { waitEstimator } from '../service/estimate';

export function statusRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/status', async (c) => {
    const now = deps.now();
    const [estimate, queued, slots, agentsOnline] = await Promise.all([
      waitEstimator(deps),
      deps.store.queueLength('chat'),
      freeSlots(deps.store, deps.hours, deps.callbacks, now),
      deps.presence.online(),
    ]);
    const channels = channelsAt(deps.hours, now);
    const status: BackendStatus = {
      version: PROTOCOL_VERSION,
      channels,
      agentsOnline,
      // A visitor choosing chat now would be behind everyone already queued; a closed chat has
      // no wait to tell.
      chatWaitSeconds: channels.chat.open ? estimate(queued + 1) : null,
      callbackSlots: listedSlots(slots, deps.hours),
      timezone: deps.hours.zone,
      attachmentMaxBytes: deps.attachmentMaxBytes,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return routes;
}
