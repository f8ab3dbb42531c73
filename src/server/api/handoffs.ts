/** POST /v1/handoffs: a visitor asks for a human (docs/protocol.md, "Creating a handoff"); the service books and stores it. */
import { Hono } from 'hono';
import type { CreateHandoffResponse, ErrorBody } from '../../protocol/types';
import { validateCreateHandoff } from '../../protocol/validate';
import { freeSlots, listedSlots } from '../availability';
import { redactHandoff } from '../redact';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, identityRefused, problem, rateLimited, readJson, type ApiContext } from './http';
import { visitorWith } from '../identity';

export function handoffRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  /** 409 naming the problem, with the slots that are free now so the visitor can pick again. */
  const slotRefused = async (c: ApiContext, error: string): Promise<Response> => {
    const slots = await freeSlots(deps.store, deps.hours, deps.callbacks, deps.now());
    const body: ErrorBody = { error, path: 'callback.from', slots: listedSlots(slots, deps.hours) };
    return c.json(body, 409);
  };

  routes.post('/handoffs', async (c) => {
    const limited = await rateLimited(c, deps.limiters.createHandoff, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateCreateHandoff);
    if (!body.ok) return body.response;
    // The token is checked here and never stored; a bad one is refused, so a visitor is never
    // attached to a customer's history on the page's word alone.
    const { token: identityToken, ...claimed } = body.value.visitor ?? {};
    const identity = deps.identity.read(identityToken, 'visitor.token');
    if (!identity.ok) return identityRefused(c, identity, 'visitor.token');
    const { visitor: _sent, ...rest } = body.value;
    // A visitor who sent only a token claimed nothing: no visitor, as when none is sent.
    const request = redactHandoff(Object.keys(claimed).length ? { ...rest, visitor: claimed } : rest);
    const result = await deps.service.create({
      clientId: request.clientId,
      channel: request.channel,
      visitor: visitorWith(request.visitor ?? null, identity.identity),
      verified: identity.identity,
      callback: request.callback ?? null,
      context: request.context ?? null,
      transcript: request.transcript,
    });
    if (!result.ok) {
      switch (result.reason) {
        case 'slot_unfree':
          return slotRefused(c, 'That callback time is not free (taken, past, or outside the callback hours); choose one of the free slots.');
        case 'slot_taken':
          return slotRefused(c, 'That callback time was just taken; choose another of the free slots.');
        case 'token_lost':
          return problem(c, 409, 'This clientId belongs to a handoff whose token cannot be sent again; use a new clientId.', 'clientId');
      }
    }
    const { handoff, created, token, position, estimatedWaitSeconds } = result;
    const answer: CreateHandoffResponse = { id: handoff.id, ref: handoff.ref, token, status: handoff.status, position, estimatedWaitSeconds };
    return c.json(answer, created ? 201 : 200);
  });

  return routes;
}
