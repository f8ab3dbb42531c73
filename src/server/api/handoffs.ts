/** POST /v1/handoffs: a visitor asks for a human (HANDOFF.md, "Creating a handoff"). */
import { Hono } from 'hono';
import type { CallbackRequest, CallbackSlot, CreateHandoffResponse, ErrorBody } from '../../protocol/types';
import { validateCreateHandoff } from '../../protocol/validate';
import { freeSlots, listedSlots, matchSlot } from '../availability';
import { deriveToken, newId, sameHash, sha256 } from '../crypto';
import { redactHandoff } from '../redact';
import { refCandidate } from '../ref';
import { SlotTaken } from '../store/types';
import { announce } from './announce';
import { waitEstimator } from './estimate';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, iso, problem, rateLimited, readJson, type ApiContext } from './http';

export function handoffRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  /** 409 naming the problem, with the slots that are free now so the visitor can pick again. */
  const slotRefused = async (c: ApiContext, error: string): Promise<Response> => {
    const slots = await freeSlots(deps.store, deps.hours, deps.callbacks, deps.now());
    const body: ErrorBody = { error, path: 'callback.from', slots: listedSlots(slots, deps.hours) };
    return c.json(body, 409);
  };

  routes.post('/handoffs', async (c) => {
    const limited = rateLimited(c, deps.limiters.createHandoff, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateCreateHandoff);
    if (!body.ok) return body.response;
    const request = redactHandoff(body.value);

    // A callback books one of the server's free slots (callbackSlots in GET /v1/status), kept as
    // the slot's own ISO times so bookings of one slot compare equal. A repeated clientId (an
    // outbox resending) is answered with its handoff, booked or not, and books nothing.
    let callback: CallbackRequest | null = request.callback ?? null;
    let slotCapacity: number | undefined;
    if (request.channel === 'callback' && callback && !(await deps.store.findHandoffByClientId(request.clientId))) {
      const slot: CallbackSlot | null = matchSlot(await freeSlots(deps.store, deps.hours, deps.callbacks, deps.now()), callback.from, callback.to);
      if (!slot) return slotRefused(c, 'That callback time is not free (taken, past, or outside the callback hours); choose one of the free slots.');
      callback = { ...callback, from: slot.from, to: slot.to };
      slotCapacity = deps.callbacks.perSlot;
    }

    const secret = await deps.secret();
    const estimate = await waitEstimator(deps);
    const id = newId();
    let stored;
    try {
      stored = await deps.store.createHandoff({
        id,
        clientId: request.clientId,
        tokenHash: sha256(deriveToken(secret, id)),
        channel: request.channel,
        visitor: request.visitor ?? null,
        callback,
        context: request.context ?? null,
        transcript: request.transcript,
        createdAt: iso(deps.now()),
        makeRef: (attempt) => refCandidate(attempt),
        estimateWait: estimate,
        ...(slotCapacity !== undefined && { slotCapacity }),
      });
    } catch (error) {
      // Another visitor took the slot's last place between our check and the booking.
      if (error instanceof SlotTaken) return slotRefused(c, 'That callback time was just taken; choose another of the free slots.');
      throw error;
    }
    const { handoff, created, events } = stored;
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
