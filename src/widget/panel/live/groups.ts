/**
 * How the chat lays out its messages, pure: consecutive messages of one sender (the same agent,
 * or the visitor) written close together form a group under one name, time and avatar, as in
 * the messengers people know; and the initials an agent's avatar shows.
 */
import type { ChatMessage } from '../../transport/conversation';

/** Messages further apart than this start a new group, even from the same sender. */
export const GROUP_GAP_MS = 5 * 60_000;

export interface MessageGroup {
  /** The first message's key: stable while the group grows. */
  key: string;
  from: ChatMessage['from'];
  author: string | undefined;
  /** When the group's first message was written (ISO). */
  at: string;
  messages: ChatMessage[];
}

export function groupMessages(messages: readonly ChatMessage[], gapMs = GROUP_GAP_MS): MessageGroup[] {
  const groups: MessageGroup[] = [];
  let lastAt = 0;
  for (const m of messages) {
    const at = Date.parse(m.at);
    const group = groups.at(-1);
    const mine = group && group.from === m.from && group.author === m.author && !(at - lastAt > gapMs);
    if (mine) group.messages.push(m);
    else groups.push({ key: `${m.from}:${m.key}`, from: m.from, author: m.author, at: m.at, messages: [m] });
    lastAt = at;
  }
  return groups;
}

/** Up to two initials of a name ("Sam Doe" → "SD", "sam" → "S", "Ана" → "А"); "?" when there are none. */
export function initials(name: string): string {
  const letters = name
    .split(/[\s._-]+/u)
    .map((word) => /\p{L}|\p{N}/u.exec(word)?.[0] ?? '')
    .filter(Boolean);
  const picked = letters.length > 1 ? [letters[0], letters.at(-1)] : letters;
  return picked.join('').toLocaleUpperCase() || '?';
}
