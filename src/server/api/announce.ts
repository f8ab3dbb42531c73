/** Tells the open streams what just happened: after a commit, never before. */
import type { StoredEvent } from '../store/types';
import { fromStored } from './sse';
import { AGENTS_TOPIC, handoffTopic, type EventBus } from './deps';

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
