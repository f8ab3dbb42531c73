/**
 * The visitor's routes for one handoff, all behind its token (visitor-auth.ts): its state, chat
 * messages, typing, cancelling, and the event stream (HANDOFF.md, "Chat").
 */
import { Hono } from 'hono';
import type { HandoffEvent, HandoffState } from '../../protocol/types';
import { validatePostMessage, validateTyping } from '../../protocol/validate';
import { newId } from '../crypto';
import { redactText } from '../redact';
import { announce, announceTyping } from './announce';
import { handoffTopic, type ApiDeps, type ApiEnv } from './deps';
import { waitEstimator } from './estimate';
import { clientIp, iso, problem, rateLimited, readJson } from './http';
import { refused } from './refusals';
import { eventStream } from './sse';
import { requireVisitorToken } from './visitor-auth';
import { toMessage } from './views';

export function visitorRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/handoffs/:id', requireVisitorToken(deps));
  routes.use('/handoffs/:id/*', requireVisitorToken(deps));

  routes.get('/handoffs/:id', async (c) => {
    const h = c.get('handoff');
    const [position, messages, lastEventId, estimate] = await Promise.all([
      deps.store.queuePosition(h.id),
      deps.store.messages(h.id),
      deps.store.lastSeq(h.id),
      waitEstimator(deps),
    ]);
    const state: HandoffState = {
      id: h.id,
      ref: h.ref,
      status: h.status,
      position,
      estimatedWaitSeconds: position === null ? null : estimate(position),
      channel: h.channel,
      ...(h.callback && { callback: h.callback }),
      agentName: h.agentName,
      messages: messages.map(toMessage),
      lastEventId,
    };
    return c.json(state);
  });

  routes.post('/handoffs/:id/messages', async (c) => {
    const limited = rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validatePostMessage);
    if (!body.ok) return body.response;
    const result = await deps.store.addMessage({
      id: newId(),
      handoffId: c.get('handoff').id,
      clientMessageId: body.value.clientMessageId,
      text: redactText(body.value.text),
      at: iso(deps.now()),
    });
    if (!result.ok) return refused(c, result.reason);
    announce(deps.bus, result.events);
    return c.json({ message: toMessage(result.message) }, result.created ? 201 : 200);
  });

  routes.post('/handoffs/:id/typing', async (c) => {
    const limited = rateLimited(c, deps.limiters.typing, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateTyping);
    if (!body.ok) return body.response;
    const h = c.get('handoff');
    if (h.status === 'resolved' || h.status === 'cancelled') return refused(c, 'closed');
    announceTyping(deps.bus, h.id, 'visitor', body.value.typing);
    return c.body(null, 204);
  });

  routes.post('/handoffs/:id/cancel', async (c) => {
    const result = await deps.store.cancel(c.get('handoff').id, iso(deps.now()));
    if (!result.ok) return refused(c, result.reason);
    announce(deps.bus, result.events);
    deps.queue.moved(result.handoff.channel, result.events);
    return c.json({ id: result.handoff.id, status: result.handoff.status });
  });

  routes.get('/handoffs/:id/events', (c) => {
    const h = c.get('handoff');
    const after = lastEventId(c.req.header('last-event-id') ?? c.req.query('lastEventId'));
    if (after === null) return problem(c, 400, 'Last-Event-ID must be a whole number, 0 or more.', 'Last-Event-ID');
    return eventStream(c, deps, {
      topic: handoffTopic(h.id),
      replay: { after, read: (seq) => deps.store.eventsAfter(h.id, seq) },
      format: ({ seq, event }) => ({
        ...(seq !== null && { id: String(seq) }),
        event: event.type,
        data: JSON.stringify(event satisfies HandoffEvent),
      }),
    });
  });

  return routes;
}

/** The seq the client already has: absent means 0 (from the start); garbage means null. */
function lastEventId(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return 0;
  return /^\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : null;
}
