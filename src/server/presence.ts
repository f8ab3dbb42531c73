/**
 * Which agents are online: those with a live agent event stream, or who made a request in the
 * last two minutes. In memory, per process; it only feeds the wait estimate and /v1/status.
 */
export interface Presence {
  /** The agent made a request now. */
  seen(agentId: string): void;
  /** The agent opened an event stream; returns the call for when it closes. */
  connect(agentId: string): () => void;
  /** How many agents are online: at once from this in-memory one; a shared one (several instances) answers with a promise. */
  online(): number | Promise<number>;
}

export const RECENT_MS = 2 * 60_000;

export function createPresence(now: () => number = Date.now): Presence & { online(): number } {
  const lastSeen = new Map<string, number>();
  const streams = new Map<string, number>();
  return {
    seen(agentId) {
      lastSeen.set(agentId, now());
    },
    connect(agentId) {
      streams.set(agentId, (streams.get(agentId) ?? 0) + 1);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        const left = (streams.get(agentId) ?? 1) - 1;
        if (left > 0) streams.set(agentId, left);
        else streams.delete(agentId);
        lastSeen.set(agentId, now()); // they were there until just now
      };
    },
    online() {
      const t = now();
      const ids = new Set(streams.keys());
      for (const [id, at] of lastSeen) {
        if (t - at < RECENT_MS) ids.add(id);
        else lastSeen.delete(id);
      }
      return ids.size;
    },
  };
}
