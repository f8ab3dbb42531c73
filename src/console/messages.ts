/**
 * The handoff page's messages: what the stream and the agent's own replies add, and what a
 * reload brings. Pure, so the races between them are tested without a browser.
 */
import type { Message } from '../protocol/types';

/** Adds a message once (the stream and a reply's answer may both bring it). */
export const addMessage = (list: readonly Message[], m: Message): Message[] => (list.some((x) => x.id === m.id) ? [...list] : [...list, m]);

/**
 * The messages of a handoff just loaded, with those the page already shows that the answer
 * lacks: they came (by the stream, or as the answer to a reply) after the server read the
 * handoff, so a slow reload must not take them off the screen.
 */
export function mergeLoaded(loaded: readonly Message[], shown: readonly Message[]): Message[] {
  const known = new Set(loaded.map((m) => m.id));
  return [...loaded, ...shown.filter((m) => !known.has(m.id))];
}

/** Whether a failed call is worth trying again as it is: the server could not be reached, was restarting or busy. */
export const isPassing = (status: number): boolean => status === 0 || status === 408 || status === 429 || status >= 500;
