/**
 * The visitor's key: `Authorization: Bearer <token>` for the handoff in the path. A missing
 * handoff and a wrong token get the same 401, so a guess learns nothing about which ids exist.
 */
import type { MiddlewareHandler } from 'hono';
import { sameHash, sha256 } from '../crypto';
import type { ApiDeps, ApiEnv } from './deps';
import { problem } from './http';

/** Compared against when there is no such handoff, so both cases take the same time. */
const NO_HANDOFF = sha256('no such handoff');

export function requireVisitorToken(deps: Pick<ApiDeps, 'store'>): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const unauthorized = (error: string) => {
      c.header('WWW-Authenticate', 'Bearer');
      return problem(c, 401, error);
    };
    const token = /^Bearer +(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) {
      return unauthorized("Send this handoff's token as `Authorization: Bearer <token>` (from POST /v1/handoffs).");
    }
    const handoff = await deps.store.findHandoff(c.req.param('id') ?? '');
    if (!sameHash(sha256(token), handoff?.tokenHash ?? NO_HANDOFF) || handoff === null) {
      return unauthorized('This token does not open this handoff.');
    }
    c.set('handoff', handoff);
    await next();
  };
}
