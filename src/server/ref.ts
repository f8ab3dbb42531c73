/**
 * Handoff refs: a few random digits a visitor can read out on the phone ("4821"). The store
 * checks each candidate against the open handoffs; the length grows only when 4 digits keep
 * colliding (thousands of open handoffs), so refs stay as short as the queue allows.
 */
import { randomInt } from 'node:crypto';

/** Tries at each length before adding a digit: 4 digits first, then 5, then 6 at most. */
const TRIES_PER_LENGTH = 20;

/** The candidate for the `attempt`-th try (0, 1, ...). */
export function refCandidate(attempt: number, random: (max: number) => number = randomInt): string {
  const digits = Math.min(6, 4 + Math.floor(attempt / TRIES_PER_LENGTH));
  return String(random(10 ** digits)).padStart(digits, '0');
}
