/**
 * The server's side of verified visitors: whether LIFELINE_IDENTITY_SECRET is set, and what a
 * visitor's identity token (visitor.token on POST /v1/handoffs, the bearer of GET /v1/history)
 * says. A bad token is refused with its own code (the route answers 401); without the secret a
 * token is ignored, said once on standard error, and the visitor is "Not verified".
 */
import type { IdentityErrorCode, Visitor } from '../../protocol/types';
import type { VerifiedIdentity } from '../store/types';
import { verifyIdentityToken } from './jwt';

export type { VerifiedIdentity } from '../store/types';

export type IdentityRead =
  | { ok: true; identity: VerifiedIdentity | null }
  | { ok: false; code: IdentityErrorCode; error: string };

export interface IdentityCheck {
  /** Whether LIFELINE_IDENTITY_SECRET is set. */
  readonly enabled: boolean;
  /**
   * The customer `token` names; identity null when there is no token, or no secret to check it
   * with. `where` names the token in the error (visitor.token, the Authorization header).
   */
  read(token: string | undefined, where: string): IdentityRead;
}

export function createIdentityCheck(secret: string | null, now: () => number, warn: (line: string) => void = (line) => console.warn(line)): IdentityCheck {
  let warned = false;
  return {
    enabled: secret !== null,
    read(token, where) {
      if (token === undefined) return { ok: true, identity: null };
      if (secret === null) {
        if (!warned) {
          warned = true;
          warn('Lifeline: a visitor came with an identity token, but LIFELINE_IDENTITY_SECRET is not set: tokens are ignored and every visitor is "Not verified".');
        }
        return { ok: true, identity: null };
      }
      const checked = verifyIdentityToken(token, secret, now());
      if (checked.ok) return checked;
      const advice = checked.code === 'identity_invalid' ? 'sign it on your server with LIFELINE_IDENTITY_SECRET and HS256' : 'sign a fresh one on your server, and check its clock';
      return { ok: false, code: checked.code, error: `The identity token (${where}) is refused: it ${checked.reason}; ${advice}.` };
    },
  };
}

/**
 * The visitor as stored: what the page claimed, with the verified customer's id, e-mail and
 * name over it where the token gave them (mails then go to the verified address). Never the token.
 */
export function visitorWith(claimed: Visitor | null, identity: VerifiedIdentity | null): Visitor | null {
  if (!identity) return claimed;
  return {
    ...claimed,
    id: identity.sub,
    ...(identity.email !== undefined && { email: identity.email }),
    ...(identity.name !== undefined && { name: identity.name }),
  };
}
