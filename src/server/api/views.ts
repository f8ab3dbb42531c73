/** Store records turned into the shapes the API answers with (types.ts, agent-types.ts). */
import type { Message, Rating } from '../../protocol/types';
import type { CallbackStep, HandoffRecord, MessageRecord } from '../store/types';
import type { AgentEarlierHandoff, AgentHandoffDetail, AgentHandoffSummary, CallbackStepView } from './agent-types';
import { questionOf } from '../story';

export function toMessage(m: MessageRecord): Message {
  return {
    id: m.id,
    clientMessageId: m.clientMessageId,
    from: m.sender,
    ...(m.sender === 'agent' && m.agentName !== null && { author: m.agentName }),
    text: m.text,
    ...(m.article && { article: m.article }),
    at: m.at,
    ...(m.attachments && { attachments: m.attachments }),
  };
}

export function toSummary(h: HandoffRecord): AgentHandoffSummary {
  const pages = h.transcript.filter((e) => e.type === 'page');
  return {
    id: h.id,
    ref: h.ref,
    channel: h.channel,
    status: h.status,
    createdAt: h.createdAt,
    agentName: h.agentName,
    visitorName: h.visitor?.name ?? null,
    verified: !!h.verified,
    lastPageUrl: pages.at(-1)?.url ?? h.context?.pageUrl ?? null,
    searches: h.transcript.flatMap((e) => (e.type === 'search' ? [e.query] : [])),
    callbackState: h.callbackState,
    callbackWindow: h.callback ? { from: h.callback.from, to: h.callback.to } : null,
  };
}

export function toDetail(
  h: HandoffRecord,
  messages: MessageRecord[],
  position: number | null,
  lastEventId: number,
  callbackSteps: CallbackStep[] = [],
  rating: Rating | null = null,
  earlier: AgentEarlierHandoff[] = [],
): AgentHandoffDetail {
  return {
    id: h.id,
    ref: h.ref,
    channel: h.channel,
    status: h.status,
    createdAt: h.createdAt,
    visitor: h.visitor,
    callback: h.callback,
    context: h.context,
    transcript: h.transcript,
    messages: messages.map(toMessage),
    agent: h.agentId !== null ? { id: h.agentId, name: h.agentName ?? '' } : null,
    position,
    firstReplyAt: h.firstReplyAt,
    resolvedAt: h.resolvedAt,
    outcome: h.outcome,
    articleId: h.articleId,
    noArticle: h.noArticle,
    callbackState: h.callbackState,
    callbackHistory: callbackSteps.map(toCallbackStepView),
    rating,
    lastEventId,
    verified: h.verified ?? null,
    earlier,
  };
}

/** A customer's other handoff, as the handoff page lists it (`firstMessage`: their first chat line, if any). */
export function toEarlier(h: HandoffRecord, firstMessage: string | null): AgentEarlierHandoff {
  const question = questionOf(h) ?? (firstMessage ? firstMessage.replace(/\s+/g, ' ').trim().slice(0, 160) : null);
  return { id: h.id, ref: h.ref, channel: h.channel, status: h.status, createdAt: h.createdAt, resolvedAt: h.resolvedAt, outcome: h.outcome, agentName: h.agentName, question: question || null };
}

export const toCallbackStepView = (s: CallbackStep): CallbackStepView => ({
  at: s.at,
  agent: { id: s.agentId, name: s.agentName },
  state: s.state,
});
