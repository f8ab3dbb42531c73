/**
 * One visitor's data on request (issue 16): everything kept about them, as JSON, and its
 * erasure. The agents' API (../api/agent-visitor-data.ts) and `lifeline visitor export|delete`
 * (../../cli/visitor.ts) call these. An erasure deletes their handoffs with everything about
 * them (decide.ts) in one transaction, and records who asked and how much went, never whose.
 */
import { EXPORT_NOTES, type ExportedHandoff, type VisitorDeletion, type VisitorExport, type VisitorKey } from '../../protocol/visitor-data';
import type { HandoffRecord, Store, VisitorMatch } from '../store/types';
import { toMessage } from '../api/views';
import { matchFor, mentionsOf, phrasingsToForget, stillOpen } from './decide';

/** Where an agent downloads an attachment's bytes (agent-handoffs.ts). */
export const attachmentPath = (handoffId: string, attachmentId: string): string =>
  `/v1/agent/handoffs/${encodeURIComponent(handoffId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The match of `key`; a handoff key whose handoff is gone matches by its id alone. */
async function matchOf(store: Store, key: VisitorKey): Promise<VisitorMatch> {
  return matchFor(key, 'handoffId' in key ? await store.findHandoff(key.handoffId) : null);
}

async function exportHandoff(store: Store, h: HandoffRecord): Promise<ExportedHandoff> {
  const [messages, rating, steps, events] = await Promise.all([store.messages(h.id), store.findRating(h.id), store.callbackSteps(h.id), store.eventsAfter(h.id, 0)]);
  return {
    id: h.id,
    ref: h.ref,
    channel: h.channel,
    status: h.status,
    visitor: h.visitor,
    callback: h.callback,
    context: h.context,
    transcript: h.transcript,
    createdAt: h.createdAt,
    resolvedAt: h.resolvedAt,
    outcome: h.outcome,
    agentName: h.agentName,
    // A message as the agents' API shows it, each file with where its bytes are downloaded.
    messages: messages.map((m) => {
      const { attachments, ...message } = toMessage(m);
      return { ...message, ...(attachments && { attachments: attachments.map((a) => ({ ...a, download: attachmentPath(h.id, a.id) })) }) };
    }),
    rating,
    callbackSteps: steps.map((s) => ({ at: s.at, agentName: s.agentName, state: s.state })),
    events: events.map((e) => ({ seq: e.seq, at: e.at, event: e.event })),
  };
}

/** Everything kept about the visitor `key` names (nothing found: empty lists). */
export async function exportVisitor(store: Store, key: VisitorKey, now: number): Promise<VisitorExport> {
  const match = await matchOf(store, key);
  const handoffs = await store.visitorHandoffs(match);
  const ids = new Set(handoffs.map((h) => h.id));
  const [exported, jobs, phrasings] = await Promise.all([
    Promise.all(handoffs.map((h) => exportHandoff(store, h))),
    store.jobsMentioning(mentionsOf(handoffs, match)),
    store.listPhrasings(undefined, { withRemoved: true }),
  ]);
  return {
    format: 'lifeline.visitor-export.v1',
    exportedAt: new Date(now).toISOString(),
    key,
    handoffs: exported,
    deliveries: jobs.map((j) => ({ kind: j.kind, key: j.key, status: j.status, createdAt: j.createdAt, updatedAt: j.updatedAt, payload: j.payload })),
    phrasings: phrasings
      .filter((p) => p.handoffId !== null && ids.has(p.handoffId))
      .map((p) => ({ articleId: p.articleId, text: p.text, count: p.count, confirmed: p.confirmedAt !== null, handoffId: p.handoffId! })),
    notes: [...EXPORT_NOTES],
  };
}

export type DeleteAnswer = ({ ok: true } & VisitorDeletion) | { ok: false; open: string[] };

/** Who asked, for the record: an agent (console), or words (the CLI). */
export type Actor = { agentId: string; name: string } | { agentId: null; name: string };

/**
 * Erases everything kept about the visitor `key` names, in one transaction, and records it. While
 * one of their handoffs is open (queued or active) nothing is deleted: it answers their refs,
 * to be resolved first (an agent may be talking with them right now).
 */
export async function deleteVisitor(store: Store, key: VisitorKey, actor: Actor, now: number): Promise<DeleteAnswer> {
  const match = await matchOf(store, key);
  return store.transaction(async (tx): Promise<DeleteAnswer> => {
    const handoffs = await tx.visitorHandoffs(match);
    const open = stillOpen(handoffs);
    if (open.length > 0) return { ok: false, open: open.map((h) => h.ref) };
    const ids = handoffs.map((h) => h.id);
    const forget = phrasingsToForget(await tx.listPhrasings(undefined, { withRemoved: true }), new Set(ids));
    const jobs = await tx.deleteJobsMentioning(mentionsOf(handoffs, match));
    const counts = { ...(await tx.deleteHandoffs(ids, forget)), jobs };
    await tx.insertDeletion({ at: new Date(now).toISOString(), reason: 'visitor', agentId: actor.agentId, actor: actor.name, counts });
    return { ok: true, deleted: counts, refs: handoffs.map((h) => h.ref) };
  });
}
