/**
 * What a handoff carries besides the channel: the visitor as the site identified them, what
 * they tried, and where they are. identify() data comes from the host page, so it is trimmed
 * to what the protocol accepts rather than risking a refused handoff.
 */
import type { CreateHandoffRequest, Visitor } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import { transcriptUrl } from '../../navigation';

type Parts = Omit<CreateHandoffRequest, 'clientId' | 'channel' | 'callback'>;

const MAX_FIELD = 200;
const MAX_ATTRIBUTES = 30;

export function cleanVisitor(raw: unknown): Visitor | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const source = raw as Record<string, unknown>;
  const visitor: Visitor = {};
  for (const key of ['name', 'email', 'phone', 'id'] as const) {
    const value = source[key];
    if (typeof value === 'string' || typeof value === 'number') visitor[key] = String(value).slice(0, MAX_FIELD);
  }
  if (typeof source.attributes === 'object' && source.attributes !== null) {
    const attributes: NonNullable<Visitor['attributes']> = {};
    for (const [key, value] of Object.entries(source.attributes).slice(0, MAX_ATTRIBUTES)) {
      if (value === null || typeof value === 'boolean' || typeof value === 'number') attributes[key.slice(0, MAX_FIELD)] = value;
      else if (typeof value === 'string') attributes[key.slice(0, MAX_FIELD)] = value.slice(0, MAX_FIELD);
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
