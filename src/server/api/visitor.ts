/**
 * The visitor's routes for one handoff, all behind its token (visitor-auth.ts): its state, chat
 * messages, typing, cancelling (a chat's End chat), rating, and the event stream (docs/protocol.md, "Chat").
 */
import { Hono } from 'hono';
import type { HandoffEvent, HandoffState, TranscriptResponse } from '../../protocol/types';
import { validateArticleRead, validatePostMessage, validateRating, validateSetEmail, validateTyping } from '../../protocol/validate';
import { checkEmail } from '../../protocol/email';
import { redactText } from '../redact';
import { handoffTopic, type ApiDeps, type ApiEnv } from './deps';
import { waitEstimator } from '../service/estimate';
import { clientIp, problem, rateLimited, readJson } from './http';
import { refused } from './refusals';
import { eventStream, lastEventIdOf } from './sse';
import { requireVisitorToken } from './visitor-auth';
import { toMessage } from './views';
import { sendAttachment, upload } from './attachments';

export function visitorRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.use('/handoffs/:id', requireVisitorToken(deps));
  routes.use('/handoffs/:id/*', requireVisitorToken(deps));

  routes.get('/handoffs/:id', async (c) => {
    const h = c.get('handoff');
    const [position, messages, lastEventId, estimate, seen, transcript] = await Promise.all([
      deps.store.queuePosition(h.id),
      deps.store.messages(h.id),
      deps.store.lastSeq(h.id),
      waitEstimator(deps),
      deps.service.lastSeen(h.id),
      deps.service.transcriptState(h),
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
      // Only an address replies can go to (identify() may have given any text).
      ...(h.visitor?.email && !checkEmail(h.visitor.email).problem && { email: h.visitor.email }),
      ...(seen !== null && { seen }),
      ...(transcript && { transcript }),
    };
    return c.json(state);
  });

  routes.post('/handoffs/:id/messages', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validatePostMessage);
    if (!body.ok) return body.response;
    const result = await deps.service.message(c.get('handoff').id, {
      clientMessageId: body.value.clientMessageId,
      text: redactText(body.value.text),
    });
    if (!result.ok) return refused(c, result.reason);
    return c.json({ message: toMessage(result.message) }, result.created ? 201 : 200);
  });

  // The visitor opened an article an agent sent in the chat: the transcript says it was read.
  routes.post('/handoffs/:id/article-read', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateArticleRead);
    if (!body.ok) return body.response;
    const result = await deps.service.articleRead(c.get('handoff').id, body.value.articleId);
    return result.ok ? c.body(null, 204) : refused(c, result.reason);
  });

  // A file as a message of its own (attachments.ts); a repeated clientMessageId answers the stored one.
  routes.post('/handoffs/:id/attachments', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    return upload(c, deps, c.get('handoff').id);
  });

  routes.get('/handoffs/:id/attachments/:attachmentId', async (c) => {
    return sendAttachment(c, await deps.store.findAttachment(c.get('handoff').id, c.req.param('attachmentId')));
  });

  routes.post('/handoffs/:id/typing', async (c) => {
    const limited = await rateLimited(c, deps.limiters.typing, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateTyping);
    if (!body.ok) return body.response;
    const result = await deps.service.typing(c.get('handoff').id, 'visitor', body.value.typing);
    return result.ok ? c.body(null, 204) : refused(c, result.reason);
  });

  // Where to e-mail the agents' replies the visitor misses (../away/): refused once the chat is over.
  routes.post('/handoffs/:id/email', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateSetEmail);
    if (!body.ok) return body.response;
    const result = await deps.service.setEmail(c.get('handoff').id, body.value.email);
    if (!result.ok) {
      if (result.reason === 'not_chat') return problem(c, 409, 'Replies are e-mailed only for chat handoffs.');
      return refused(c, result.reason);
    }
    return c.json({ email: body.value.email });
  });

  routes.post('/handoffs/:id/cancel', async (c) => {
    const result = await deps.service.cancel(c.get('handoff').id);
    if (!result.ok) return refused(c, result.reason);
    return c.json({ id: result.handoff.id, status: result.handoff.status });
  });

  // The visitor's word once the conversation ended: 201 with the rating, 200 when the same answer
  // was stored already, 409 for a second, different answer or a conversation still open.
  routes.post('/handoffs/:id/rating', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateRating);
    if (!body.ok) return body.response;
    const comment = body.value.comment;
    const result = await deps.service.rate(c.get('handoff').id, { ...body.value, ...(comment !== undefined && { comment: redactText(comment) }) });
    if (!result.ok) return refused(c, result.reason);
    return c.json({ rating: result.rating }, result.created ? 201 : 200);
  });

  // "Send me this conversation", once the chat has ended: e-mailed to the address the visitor
  // gave (or identify()'s) through the mail outbox, once: 202 when queued, 200 when it was already.
  routes.post('/handoffs/:id/transcript', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const result = await deps.service.mailTranscript(c.get('handoff').id);
    if (!result.ok) {
      if (result.reason === 'no_mail') return problem(c, 409, 'This server sends no e-mail (LIFELINE_SMTP_URL is not set).');
      if (result.reason === 'no_address') return problem(c, 409, 'No e-mail address is known for this conversation: give one with POST .../email while the chat is open.');
      if (result.reason === 'not_closed') return problem(c, 409, 'The conversation is e-mailed once it has ended (resolved, or ended by the visitor).');
      if (result.reason === 'not_chat') return problem(c, 409, 'Only a chat has a conversation to e-mail.');
      return refused(c, result.reason);
    }
    return c.json({ email: result.email } satisfies TranscriptResponse, result.created ? 202 : 200);
  });

  routes.get('/handoffs/:id/events', (c) => {
    const h = c.get('handoff');
    const after = lastEventIdOf(c) ?? 0; // absent: from the start
    if (Number.isNaN(after)) return problem(c, 400, 'Last-Event-ID must be a whole number, 0 or more.', 'Last-Event-ID');
    return eventStream(c, deps, {
      topic: handoffTopic(h.id),
      replay: { by: 'seq', after, read: (seq) => deps.store.eventsAfter(h.id, seq) },
      // What is written while it is open, the visitor sees: not e-mailed (../away/).
      onOpen: () => deps.visitorStreams.open(h.id),
      format: ({ seq, event }) => ({
        ...(seq !== null && { id: String(seq) }),
        event: event.type,
        data: JSON.stringify(event satisfies HandoffEvent),
      }),
    });
  });

  return routes;
}
