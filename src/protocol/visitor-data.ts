/**
 * A visitor's personal data, as the agents' API and `lifeline visitor export|delete` give it
 * (issue 16): everything kept about one visitor, and what an erasure removed. Shared by the
 * server, the console and the CLI.
 */
import type {
  CallbackRequest,
  Channel,
  HandoffContext,
  HandoffEvent,
  HandoffStatus,
  Message,
  Rating,
  ResolveOutcome,
  TranscriptEntry,
  Visitor,
} from './types';

/**
 * Whose data: an e-mail address (any case) names every handoff that gave it; any other text is
 * the id the page gave identify(), or a handoff's id. The console asks by handoff: that handoff,
 * and every other with its visitor's e-mail or id.
 */
export type VisitorKey = { email: string } | { id: string } | { handoffId: string };

/** `text` as a key: an e-mail when it has an @, else an id. */
export const visitorKeyOf = (text: string): VisitorKey => (text.includes('@') ? { email: text.trim().toLowerCase() } : { id: text.trim() });

/** An attachment as exported: its facts, and where an agent downloads its bytes (or the file the CLI saved). */
export interface ExportedAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  /** The agents' API path of the bytes (signed-in agents only). */
  download: string;
  /** Where `lifeline visitor export --files <folder>` saved it. */
  file?: string;
}

export interface ExportedMessage extends Omit<Message, 'attachments'> {
  attachments?: ExportedAttachment[];
}

/** One handoff and everything stored with it. */
export interface ExportedHandoff {
  id: string;
  ref: string;
  channel: Channel;
  status: HandoffStatus;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  /** What they searched and read before (and after) asking. */
  transcript: TranscriptEntry[];
  createdAt: string;
  resolvedAt: string | null;
  outcome: ResolveOutcome | null;
  agentName: string | null;
  messages: ExportedMessage[];
  rating: Rating | null;
  callbackSteps: Array<{ at: string; agentName: string; state: string }>;
  /** The handoff's event log, as stored (the visitor's stream and deliveries were made from it). */
  events: Array<{ seq: number; at: string; event: Exclude<HandoffEvent, { type: 'typing' }> }>;
}

/** An outbox delivery that mentions them: a mail to them or about them, a webhook, an alert. */
export interface ExportedDelivery {
  kind: string;
  key: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  /** What was (or will be) sent: for a mail, its recipient, subject and text. */
  payload: unknown;
}

/** A phrasing learned from one of their searches (served to every visitor once confirmed or taught twice). */
export interface ExportedPhrasing {
  articleId: string;
  text: string;
  /** How many handoffs taught it (theirs and others'). */
  count: number;
  confirmed: boolean;
  /** Their handoff it was last learned from. */
  handoffId: string;
}

/** GET /v1/agent/visitor-data and `lifeline visitor export`. */
export interface VisitorExport {
  format: 'lifeline.visitor-export.v1';
  exportedAt: string;
  /** What was asked for. */
  key: VisitorKey;
  handoffs: ExportedHandoff[];
  deliveries: ExportedDelivery[];
  phrasings: ExportedPhrasing[];
  /** What else exists about them, and where it is not: plain sentences for whoever reads the file. */
  notes: string[];
}

/** What an erasure removed, counted. */
export interface ErasureCounts {
  handoffs: number;
  messages: number;
  attachments: number;
  events: number;
  ratings: number;
  callbackSteps: number;
  jobs: number;
  phrasings: number;
}

/** DELETE /v1/agent/visitor-data and `lifeline visitor delete`: what went (nothing found is no error: zeros). */
export interface VisitorDeletion {
  deleted: ErasureCounts;
  /** The refs of the handoffs deleted, for the agent's note. */
  refs: string[];
}

/** The 409 of a delete while one of their handoffs is open (queued or active): resolve it first. */
export interface VisitorStillOpen {
  error: string;
  /** As every error body (ErrorBody.code): `conflict`. */
  code: 'conflict';
  /** The refs of their open handoffs. */
  open: string[];
}

/** The notes every export carries (notes above). */
export const EXPORT_NOTES: readonly string[] = [
  'The widget keeps, in the visitor’s own browser, what they searched and read on the site and their open conversation (sessionStorage, keys starting "lifeline:", gone when the tab closes); the server never sees that until they ask for a person. Closing the tab removes it, as does the page calling Lifeline(\'consent\', false).',
  'Browser notifications (push subscriptions) belong to agents, not visitors: none is kept about a visitor.',
  'Mails already sent are in the mailboxes they were sent to (the visitor’s, the team’s, a helpdesk’s); webhooks already delivered are in the receiving system. Deleting here does not reach them.',
  'Server logs hold no message text; the server writes no log of visitors’ requests.',
];
