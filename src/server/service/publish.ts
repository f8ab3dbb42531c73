/**
 * Tells the open streams what just happened: after a commit, never before. What travels on the
 * bus is a stored event (with its seq) or an ephemeral one (typing, queue positions).
 */
import type { HandoffEvent } from '../../protocol/types';
import type { Bus } from '../bus';
import type { StoredEvent } from '../store/types';

/** What travels on the bus: a stored event (with its seq) or an ephemeral one (typing). */
export interface BusMessage {
  handoffId: string;
  seq: number | null;
  /** A stored event's event-log id (increasing across every handoff): the agents' stream's SSE id. */
  id?: number;
  event: HandoffEvent;
}

export type EventBus = Bus<BusMessage>;

/** One handoff's stream: what its visitor hears. */
export const handoffTopic = (id: string): string => `handoff:${id}`;
/** Every handoff's events: what the agents' console hears. */
export const AGENTS_TOPIC = 'agents';

export const fromStored = (e: StoredEvent): BusMessage => ({ handoffId: e.handoffId, seq: e.seq, id: e.id, event: e.event });

/** Stored events go to the handoff's visitor and to the agents. */
export function announce(bus: EventBus, events: readonly StoredEvent[]): void {
  for (const e of events) {
    const message = fromStored(e);
    bus.publish(handoffTopic(e.handoffId), message);
    bus.publish(AGENTS_TOPIC, message);
  }
}

/** Typing is not stored: the visitor's goes to the agents, an agent's to the visitor and the other agents. */
export function announceTyping(bus: EventBus, handoffId: string, from: 'visitor' | 'agent', typing: boolean): void {
  const message = { handoffId, seq: null, event: { type: 'typing' as const, from, typing } };
  if (from === 'agent') bus.publish(handoffTopic(handoffId), message);
  bus.publish(AGENTS_TOPIC, message);
}
