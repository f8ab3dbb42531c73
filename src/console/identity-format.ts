/**
 * How the handoff page shows who the visitor is (issue 16): what the site's server signed in an
 * identity token is a fact; anything else the page said is shown as a claim, "Says: ...".
 */
import type { AgentEarlierHandoff, AgentHandoffDetail } from '../server/api/agent-types';

/** A claim of the page's, as shown: what it said, not a fact. */
export const says = (text: string): string => `Says: ${text}`;

/**
 * A visitor field as the page shows it: as is when the token vouched for it (the id always, as
 * `sub`; the e-mail and name when the token had them), else as a claim.
 */
export function visitorFact(verified: AgentHandoffDetail['verified'], field: 'name' | 'email' | 'id', text: string): string {
  const signed = verified !== null && (field === 'id' || verified[field] !== undefined);
  return signed ? text : says(text);
}

/** The mark beside "Visitor": Verified with the signed e-mail and id, or Not verified. */
export const identityMark = (verified: AgentHandoffDetail['verified']): string =>
  verified ? `Verified · ${verified.email ? `${verified.email} · ` : ''}id ${verified.sub}` : 'Not verified';

/** Where an earlier handoff ended up, in a few words. */
export function earlierStatus(e: Pick<AgentEarlierHandoff, 'status' | 'agentName'>): string {
  if (e.status === 'resolved') return `Resolved${e.agentName ? ` by ${e.agentName}` : ''}`;
  if (e.status === 'cancelled') return 'Closed';
  return e.status === 'active' ? `With ${e.agentName ?? 'an agent'}` : 'Waiting';
}
