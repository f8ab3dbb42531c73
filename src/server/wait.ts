/**
 * The chat wait estimate (docs/protocol.md, "Availability"), from real recent waits: the median time
 * to a first agent reply over the last hour is what one visitor at the head of the queue waits.
 * Agents online take visitors in parallel, so position p waits about ceil(p / agents) of those.
 *
 * It says it does not know (null) rather than invent a number: with fewer than three replies in
 * the hour, and with nobody online (no reply is coming at any predictable time).
 */
export const WAIT_WINDOW_MS = 60 * 60_000;
export const MIN_SAMPLES = 3;

export function estimateWaitSeconds(firstReplySeconds: readonly number[], position: number, agentsOnline: number): number | null {
  if (firstReplySeconds.length < MIN_SAMPLES || agentsOnline < 1) return null;
  return Math.round(median(firstReplySeconds) * Math.ceil(Math.max(1, position) / agentsOnline));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
