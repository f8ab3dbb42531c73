/** POST /v1/handoffs: a visitor asks for a human (HANDOFF.md, "Creating a handoff"). */
import { Hono } from 'hono';
import type { CreateHandoffResponse } from '../../protocol/types';
import { validateCreateHandoff } from '../../protocol/validate';
import { deriveToken, newId, sameHash, sha256 } from '../crypto';
import { redactHandoff } from '../redact';
import { refCandidate } from '../ref';
import { announce } from './announce';
import { waitEstimator } from './estimate';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, iso, problem, rateLimited, readJson } from './http';

export function handoffRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/handoffs', async (c) => {
    const limited = rateLimited(c, deps.limiters.createHandoff, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateCreateHandoff);
    if (!body.ok) return body.response;
    const request = redactHandoff(body.value);

    const secret = await deps.secret();
    const estimate = await waitEstimator(deps);
    const id = newId();
    const { handoff, created, events } = await deps.store.createHandoff({
      id,
      clientId: request.clientId,
      tokenHash: sha256(deriveToken(secret, id)),
      channel: request.channel,
      visitor: request.visitor ?? null,
      callback: request.callback ?? null,
      context: request.context ?? null,
      transcript: request.transcript,
      createdAt: iso(deps.now()),
      makeRef: (attempt) => refCandidate(attempt),
      estimateWait: estimate,
    });
    announce(deps.bus, events);

    // A repeat recomputes the token (crypto.ts); it matches unless the server secret changed.
    const token = deriveToken(secret, handoff.id);
    if (!sameHash(sha256(token), handoff.tokenHash)) {
      return problem(c, 409, 'This clientId belongs to a handoff whose token cannot be sent again; use a new clientId.', 'clientId');
    }
    const position = await deps.store.queuePosition(handoff.id);
    const answer: CreateHandoffResponse = {
      id: handoff.id,
      ref: handoff.ref,
      token,
      status: handoff.status,
      position,
      estimatedWaitSeconds: position === null ? null : estimate(position),
    };
    return c.json(answer, created ? 201 : 200);
  });

  return routes;
}
