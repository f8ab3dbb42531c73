/**
 * What a handoff carries besides the channel: the visitor as the site identified them, what
 * they tried, and where they are. identify() data comes from the host page, so it is trimmed
 * to what the protocol accepts rather than risking a refused handoff.
 */
import type { CreateHandoffRequest, Visitor } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import { transcriptUrl } from '../../navigation';
import { cut, wellFormed } from '../../../protocol/text';

type Parts = Omit<CreateHandoffRequest, 'clientId' | 'channel' | 'callback'>;

const MAX_FIELD = 200;
const MAX_ATTRIBUTES = 30;
/** Not data in JavaScript: the protocol refuses them as attribute keys (validate.ts). */
const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

/**
 * At most `max` UTF-16 units of well-formed text: half of an emoji, from the page or from a cut
 * through a pair, becomes U+FFFD (or goes, at the end), never a string nothing can encode.
 */
const field = (text: string, max = MAX_FIELD): string => wellFormed(cut(text, max));

export function cleanVisitor(raw: unknown): Visitor | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const source = raw as Record<string, unknown>;
  const visitor: Visitor = {};
  for (const key of ['name', 'email', 'phone', 'id'] as const) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') visitor[key] = field(String(value));
  }
  // Whole or not at all: a cut token is a forged one. The server checks it.
  if (typeof source.token == 'string' && /^[\w.-]{1,4096}$/.test(source.token)) visitor.token = source.token;
  if (typeof source.attributes === 'object' && source.attributes !== null) {
    const attributes: NonNullable<Visitor['attributes']> = {};
    for (const [rawKey, value] of Object.entries(source.attributes).slice(0, MAX_ATTRIBUTES)) {
      // Said, not dropped silently: assigned, "__proto__" would vanish into the prototype.
      if (RESERVED_KEYS.includes(rawKey)) {
        console.error(`[Lifeline] identify: the attribute "${rawKey}" is a reserved name and is not sent; give it another key`);
        continue;
      }
      const key = field(rawKey);
      if (value === null || typeof value === 'boolean' || typeof value === 'number') attributes[key] = value;
      else if (typeof value === 'string') attributes[key] = field(value);
    }
    visitor.attributes = attributes;
  }
  return Object.keys(visitor).length ? visitor : undefined;
}

export function handoffParts(ctx: PanelCtx): Parts {
  const visitor = cleanVisitor(ctx.visitor());
  let timezone: string | undefined;
  try {
    timezone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timezone = undefined; // an old engine without Intl time zones: the agent does without
  }
  return {
    ...(visitor && { visitor }),
    transcript: ctx.transcript.read(),
    context: {
      pageUrl: transcriptUrl(location.href),
      locale: ctx.language,
      userAgent: navigator.userAgent.slice(0, 300),
      ...(timezone && { timezone }),
    },
  };
}
