/**
 * GET /v1/agent/queue: the open handoffs as an agent works them, in three sections (chats,
 * callbacks by booked time, today's phone references), each with its total, so that nothing is
 * cut off silently and a new visitor is never hidden behind older ones (../queue-rules.ts).
 * Behind requireAgent, mounted under /v1/agent.
 */
import { Hono } from 'hono';
import type { Channel } from '../../protocol/types';
import { byBookedTime, cutSection, MAX_QUEUE_LIMIT, QUEUE_LIMIT, type Cut } from '../queue-rules';
import type { HandoffRecord } from '../store/types';
import type { AgentQueue, AgentQueueSection } from './agent-types';
import type { ApiDeps, ApiEnv } from './deps';
import { problem } from './http';
import { toSummary } from './views';

const toSection = (cut: Cut<HandoffRecord>): AgentQueueSection => ({ handoffs: cut.rows.map(toSummary), total: cut.total, gap: cut.gap });

/** The first `limit` of `rows` (already in the section's order), with the rest counted. */
const firstOf = (rows: readonly HandoffRecord[], total: number, limit: number): Cut<HandoffRecord> => ({
  rows: rows.slice(0, limit),
  total,
  gap: total > limit ? { after: Math.min(limit, rows.length), left: total - Math.min(limit, rows.length) } : null,
});

export function agentQueueRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const { store } = deps;
  const count = (channel: Channel) => store.countOpenInChannel(channel);

  routes.get('/queue', async (c) => {
    const limitText = c.req.query('limit') ?? String(QUEUE_LIMIT);
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > MAX_QUEUE_LIMIT) {
      return problem(c, 400, `limit must be a whole number from 1 to ${MAX_QUEUE_LIMIT}, got "${limitText}"`, 'limit');
    }
    await deps.service.expirePhoneRefs();

    const [chatTotal, callbackTotal, phoneTotal, waitingChats] = await Promise.all([count('chat'), count('callback'), count('phone'), store.queueLength('chat')]);
    const [oldestChats, newestChats, callbacks, phone] = await Promise.all([
      store.listOpenInChannel('chat', 'oldest', limit),
      chatTotal > limit ? store.listOpenInChannel('chat', 'newest', limit) : [],
      // Booked times carry any offset, so they are ordered here as instants, not by the store as text.
      store.listOpenInChannel('callback', 'oldest', MAX_QUEUE_LIMIT),
      store.listOpenInChannel('phone', 'newest', limit),
    ]);
    return c.json({
      timeZone: deps.hours.zone,
      waitingChats,
      chats: toSection(cutSection(oldestChats, newestChats, chatTotal, limit)),
      callbacks: toSection(firstOf(byBookedTime(callbacks), callbackTotal, limit)),
      phone: toSection(firstOf(phone, phoneTotal, limit)),
    } satisfies AgentQueue);
  });

  return routes;
}
