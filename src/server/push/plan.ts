/**
 * Who is told what, by browser notification (Web Push), for an event of the log: pure, so the
 * outbox can plan from the event log alone and tests need no browser.
 *
 * - A new chat or callback (its first event: `status` queued) → every agent who turned
 *   notifications on. Phone references are not: the caller is on the line already, and every
 *   tap on the phone link makes one (the console does not beep for them either).
 * - A visitor's message on a handoff an agent has → that agent's browsers only.
 *
 * The notice (what the notification says) is composed here too, from the event and the handoff
 * as they were, so a retry sends the same words.
 */
import { PUSH_LIMITS, shorten, type PushNotice } from '../../protocol/push';
import type { TranscriptEntry } from '../../protocol/types';
import type { HandoffRecord, StoredEvent } from '../store/types';

/** `all`: every agent with notifications on; else one agent's id. */
export type PushAudience = { all: true } | { agentId: string };

/** What one event calls for: one notice to an audience. `key` makes planning it twice one job. */
export interface PushIntent {
  key: string;
  audience: PushAudience;
  notice: PushNotice;
}

export function planPush(event: StoredEvent, handoff: HandoffRecord | null): PushIntent[] {
  if (!handoff) return []; // gone since (deleted): nothing to open
  const e = event.event;
  const visitorName = handoff.visitor?.name ? shorten(handoff.visitor.name, PUSH_LIMITS.name) : null;
  if (e.type === 'status' && e.status === 'queued' && event.seq === 1) {
    if (handoff.channel === 'phone') return [];
    return [
      {
        key: `push:${event.id}`,
        audience: { all: true },
        notice: {
          v: 1,
          kind: 'handoff',
          handoffId: handoff.id,
          ref: handoff.ref,
          channel: handoff.channel,
          visitorName,
          question: visitorQuestion(handoff),
          callbackAt: handoff.callback?.from ?? null,
        },
      },
    ];
  }
  if (e.type === 'message' && e.message.from === 'visitor' && handoff.agentId !== null) {
    return [
      {
        key: `push:${event.id}`,
        audience: { agentId: handoff.agentId },
        notice: { v: 1, kind: 'message', handoffId: handoff.id, ref: handoff.ref, visitorName, text: shorten(e.message.text, PUSH_LIMITS.text) },
      },
    ];
  }
  return [];
}

/**
 * What the visitor asked, in their words: a callback's note, else their last search, else the
 * title of the last article they read; null when they did none of these.
 */
export function visitorQuestion(handoff: Pick<HandoffRecord, 'callback' | 'transcript'>): string | null {
  const note = handoff.callback?.note?.trim();
  if (note) return shorten(note, PUSH_LIMITS.text);
  const last = <T extends TranscriptEntry['type']>(type: T) =>
    handoff.transcript.findLast((entry): entry is Extract<TranscriptEntry, { type: T }> => entry.type === type);
  const search = last('search');
  if (search && search.query.trim()) return shorten(search.query, PUSH_LIMITS.text);
  const article = last('article');
  if (article && article.title.trim()) return shorten(`Read “${article.title}”`, PUSH_LIMITS.text);
  return null;
}

/**
 * Whether the notice still matters when it is sent (a retry may come minutes later): a new
 * handoff nobody has taken yet; a message on a handoff still open and still that agent's.
 */
export function stillWorthTelling(notice: PushNotice, audience: PushAudience, handoff: HandoffRecord | null): boolean {
  if (!handoff) return false;
  if (notice.kind === 'handoff') return handoff.status === 'queued';
  return handoff.status === 'active' && 'agentId' in audience && handoff.agentId === audience.agentId;
}

/** The JSON a push message carries, checked against PUSH_LIMITS.payloadBytes. */
export function encodeNotice(notice: PushNotice): string {
  const json = JSON.stringify(notice);
  const bytes = new TextEncoder().encode(json).length;
  // Texts are shortened to 200 characters (at most 800 bytes each) and ids and refs are short,
  // so this holds; were it ever not to, the question is dropped rather than the notice.
  if (bytes <= PUSH_LIMITS.payloadBytes) return json;
  if (notice.kind === 'handoff') return encodeNotice({ ...notice, question: null, visitorName: null });
  return encodeNotice({ ...notice, text: shorten(notice.text, 40), visitorName: null });
}
