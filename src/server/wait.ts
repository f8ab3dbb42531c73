/**
 * The chat wait estimate (HANDOFF.md, "Availability"): the median time to a first agent reply
 * over the last hour, times the place in the queue, shared among the agents online. Fewer than
 * three samples say too little, so the answer is then null: the widget shows no number rather
 * than a made-up one.
 */
export const WAIT_WINDOW_MS = 60 * 60_000;
export const MIN_SAMPLES = 3;

export function estimateWaitSeconds(firstReplySeconds: readonly number[], position: number, agentsOnline: number): number | null {
  if (firstReplySeconds.length < MIN_SAMPLES) return null;
  return Math.round((median(firstReplySeconds) * position) / Math.max(1, agentsOnline));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
