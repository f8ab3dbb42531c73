/**
 * How the handoff page shows who the visitor is (issue 16): what the site's server signed in an
 * identity token is a fact; anything else the page said is shown as a claim, "Says: ...".
 */
import type { AgentEarlierHandoff, AgentHandoffDetail } from '../server/api/agent-types';
import type { ConsoleStrings } from './strings/types';
import en from './strings/en';

/** A claim of the page's, as shown: what it said, not a fact. */
export const says = (text: string, t: ConsoleStrings = en): string => t.identity.says(text);

/**
 * A visitor field as the page shows it: as is when the token vouched for it (the id always, as
 * `sub`; the e-mail and name when the token had them), else as a claim.
 */
export function visitorFact(verified: AgentHandoffDetail['verified'], field: 'name' | 'email' | 'id', text: string, t: ConsoleStrings = en): string {
  const signed = verified !== null && (field === 'id' || verified[field] !== undefined);
  return signed ? text : says(text, t);
}

/** The mark beside "Visitor": Verified with the signed e-mail and id, or Not verified. */
export const identityMark = (verified: AgentHandoffDetail['verified'], t: ConsoleStrings = en): string =>
  verified ? t.identity.verified(verified.email ?? null, verified.sub) : t.identity.notVerified;

/** Where an earlier handoff ended up, in a few words. */
export function earlierStatus(e: Pick<AgentEarlierHandoff, 'status' | 'agentName'>, t: ConsoleStrings = en): string {
  if (e.status === 'resolved') return t.identity.resolved(e.agentName ?? null);
  if (e.status === 'cancelled') return t.identity.closed;
  return e.status === 'active' ? t.identity.with(e.agentName ?? null) : t.identity.waiting;
}
