/**
 * What personal data is due to go, and what goes with it (issue 16): pure decisions over plain
 * records, for the retention (retention.ts) and a visitor's erasure (visitor.ts).
 *
 * What goes with a handoff: its messages, attachments (their bytes live in the row), events,
 * rating, callback steps and the outbox jobs that mention it (a queued mail quotes the
 * conversation). The event log is the handoff's own story, the same messages and names again:
 * its rows go with the handoff rather than being redacted, and nothing outside a handoff is in
 * the log (every event belongs to one), so no other log entry keeps their words. Readers of the
 * log (another instance, the outbox) only ever move forward past ids they have read, so a gap
 * left by old events is never waited for.
 *
 * Learned phrasings: a phrasing is a visitor's own search, kept as a way to find an article.
 * One taught by several handoffs is everyone's wording, and keeps no link to the deleted one. One
 * taught only by the handoff that goes is that visitor's words alone: it goes too, unless an
 * agent confirmed it, which made it the site's own wording (every phrasing was checked for
 * personal data before it was learned, ../personal-data.ts). Its tombstone (an agent removed
 * it) goes as well: it holds their words just the same.
 */
import type { VisitorKey } from '../../protocol/visitor-data';
import type { HandoffRecord, PhrasingRecord, VisitorMatch } from '../store/types';

const DAY_MS = 86_400_000;

/** The default of LIFELINE_RETENTION_DAYS: a year. */
export const DEFAULT_RETENTION_DAYS = 365;
/** The longest LIFELINE_RETENTION_DAYS may be: 100 years (longer is "off": 0). */
export const MAX_RETENTION_DAYS = 36_500;

/** Handoffs closed before this time (ISO) are due; null when retention is off (0 days). */
export function retentionCutoff(now: number, days: number): string | null {
  if (days <= 0) return null;
  return new Date(now - days * DAY_MS).toISOString();
}

/** Is the handoff due? Only a closed one (resolved or cancelled), closed before the cutoff: an open or waiting one never is. */
export function isDue(h: HandoffRecord, cutoff: string): boolean {
  if (h.status !== 'resolved' && h.status !== 'cancelled') return false;
  return h.resolvedAt !== null && Date.parse(h.resolvedAt) < Date.parse(cutoff);
}

/** The phrasings that go with `handoffIds` (the top of this file): taught by one of them alone and never confirmed. */
export function phrasingsToForget(phrasings: readonly PhrasingRecord[], handoffIds: ReadonlySet<string>): string[] {
  return phrasings.filter((p) => p.handoffId !== null && handoffIds.has(p.handoffId) && p.count === 1 && p.confirmedAt === null).map((p) => p.id);
}

/**
 * Which handoffs a key names. An e-mail: every handoff that gave it. An id: the visitor's id
 * from identify(), or a handoff's id. A handoff (the console's): that one, and every handoff
 * with its visitor's e-mail or id. Nothing wider: the page's ids are not verified, so an id
 * found on one handoff is not followed on to the e-mails of others.
 */
export function matchFor(key: VisitorKey, handoff: HandoffRecord | null = null): VisitorMatch {
  if ('email' in key) return { emails: [key.email.trim().toLowerCase()], visitorIds: [], handoffIds: [] };
  if ('id' in key) return { emails: [], visitorIds: [key.id], handoffIds: [key.id] };
  const email = handoff?.visitor?.email?.trim().toLowerCase();
  const id = handoff?.visitor?.id;
  return { emails: email ? [email] : [], visitorIds: id ? [id] : [], handoffIds: [key.handoffId] };
}

/**
 * The texts whose mention in an outbox job ties it to them: their handoffs' ids (every job about
 * a handoff names it: an alert, a ticket, a transcript, a webhook) and the e-mail asked for, as a
 * whole JSON string (a mail's recipient or Reply-To): "ann@example.com" must not match
 * "joann@example.com". Not the e-mails found on handoffs matched by id: another visitor's
 * handoffs may give those.
 */
export function mentionsOf(handoffs: readonly HandoffRecord[], match: VisitorMatch): string[] {
  return [...new Set([...handoffs.map((h) => h.id), ...match.emails.map((e) => JSON.stringify(e))])].filter((t) => t.length >= 3);
}

/** The open (queued or active) ones among them: an erasure waits until they are resolved. */
export const stillOpen = (handoffs: readonly HandoffRecord[]): HandoffRecord[] => handoffs.filter((h) => h.status === 'queued' || h.status === 'active');
