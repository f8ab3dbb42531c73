/**
 * POST /v1/reopen: the widget trades the value of an e-mailed reply's link
 * (`#lifeline-reopen=...`, ../away/link.ts) for the handoff's id and token, and carries on the
 * conversation with them. The link is the key: signed by this server, for one handoff, until
 * it expires.
 */
import { Hono } from 'hono';
import type { ReopenResponse } from '../../protocol/types';
import { validateReopen } from '../../protocol/validate';
import { readReopenValue, REOPEN_LINK_DAYS } from '../away/link';
import { deriveToken, sameHash, sha256 } from '../crypto';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, problem, rateLimited, readJson } from './http';

export function reopenRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/reopen', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const body = await readJson(c, validateReopen);
    if (!body.ok) return body.response;
    const secret = await deps.secret();
    const read = readReopenValue(secret, body.value.link, deps.now());
    if (!read.ok) {
      if (read.reason === 'expired') return problem(c, 410, `This link has expired (links work for ${REOPEN_LINK_DAYS} days); ask us again from the help panel.`, 'link', 'link_expired');
      return problem(c, 400, 'link is not a link this server made: copy the whole link from the e-mail.', 'link', 'link_invalid');
    }
    const handoff = await deps.store.findHandoff(read.handoffId);
    if (!handoff) return problem(c, 404, 'This conversation no longer exists.', 'link', 'link_invalid');
    // The token is derived (../crypto.ts); after a change of the server's secret it no longer
    // opens the handoff, and neither does a link signed before it (refused above).
    const token = deriveToken(secret, handoff.id);
    if (!sameHash(sha256(token), handoff.tokenHash)) return problem(c, 410, 'This link no longer opens the conversation; ask us again from the help panel.', 'link', 'link_expired');
    const answer: ReopenResponse = { id: handoff.id, token };
    return c.json(answer);
  });

  return routes;
}
