import { describe, expect, it } from 'vitest';
import { newConversation, reduce, parseConversation, isClosed, type Conversation } from './conversation';
import type { Message } from '../../protocol/types';

const created = (c: Conversation) =>
  reduce(c, { type: 'created', response: { id: 'h1', ref: '4821', token: 't', status: 'queued', position: 2, estimatedWaitSeconds: 120 } });
const agentMessage = (key: string, text: string): Message => ({ id: `m-${key}`, clientMessageId: key, from: 'agent', author: 'Sam', text, at: '2026-01-01T10:00:00Z' });

describe('conversation reduce', () => {
  it('takes the server’s identity and queue position on creation', () => {
    const c = created(newConversation('c1', 'chat'));
    expect(c).toMatchObject({ id: 'h1', ref: '4821', status: 'queued', position: 2, estimatedWaitSeconds: 120 });
  });

  it('applies events once: a replayed event id changes nothing', () => {
    let c = created(newConversation('c1', 'chat'));
    c = reduce(c, { type: 'event', id: 1, event: { type: 'agent_joined', agentName: 'Sam' } });
    c = reduce(c, { type: 'event', id: 2, event: { type: 'message', message: agentMessage('a1', 'Hi!') } });
    const again = reduce(c, { type: 'event', id: 2, event: { type: 'message', message: agentMessage('a1', 'Hi!') } });
    expect(again).toBe(c);
    expect(c.messages.map((m) => m.text)).toEqual(['Hi!']);
    expect(c.lastEventId).toBe(2);
    expect(c.agentName).toBe('Sam');
  });

  it('never doubles a visitor message: the local copy becomes the server’s', () => {
    let c = created(newConversation('c1', 'chat'));
    c = reduce(c, { type: 'queue', key: 'k1', text: 'Where is my bike?', at: '2026-01-01T10:00:00Z' });
    expect(c.messages[0]?.state).toBe('queued');
    const server: Message = { id: 'm1', clientMessageId: 'k1', from: 'visitor', text: 'Where is my bike?', at: '2026-01-01T10:00:01Z' };
    c = reduce(c, { type: 'event', id: 3, event: { type: 'message', message: server } });
    c = reduce(c, { type: 'send-state', key: 'k1', state: 'sent', message: server });
    expect(c.messages).toHaveLength(1);
    expect(c.messages[0]).toMatchObject({ key: 'k1', state: 'sent' });
    // A late "failed" for a message the server already has does not undo it.
    expect(reduce(c, { type: 'send-state', key: 'k1', state: 'failed' }).messages[0]?.state).toBe('sent');
  });

  it('keeps what the agent has seen, from an event or the state after a reload', () => {
    let c = created(newConversation('c1', 'chat'));
    c = reduce(c, { type: 'event', id: 4, event: { type: 'seen', messageId: 'k1' } });
    expect(c.seen).toBe('k1');
    c = reduce(c, { type: 'state', state: { id: 'h1', ref: '4821', status: 'active', position: null, estimatedWaitSeconds: null, channel: 'chat', agentName: 'Sam', messages: [], lastEventId: 6, seen: 'k2' } });
    expect(c.seen).toBe('k2');
  });

  it('typing shows until the agent’s message arrives', () => {
    let c = created(newConversation('c1', 'chat'));
    c = reduce(c, { type: 'event', id: null, event: { type: 'typing', from: 'agent', typing: true } });
    expect(c.agentTyping).toBe(true);
    expect(c.lastEventId).toBe(0); // typing carries no id
    c = reduce(c, { type: 'event', id: 1, event: { type: 'message', message: agentMessage('a1', 'Found it') } });
    expect(c.agentTyping).toBe(false);
  });

  it('after a reload, the fetched state wins but unsent local messages stay', () => {
    let c = created(newConversation('c1', 'chat'));
    c = reduce(c, { type: 'queue', key: 'k2', text: 'still typing offline', at: '2026-01-01T10:00:00Z' });
    c = reduce(c, {
      type: 'state',
      state: { id: 'h1', ref: '4821', status: 'active', position: null, estimatedWaitSeconds: null, channel: 'chat', agentName: 'Sam', messages: [agentMessage('a1', 'Hello')], lastEventId: 5 },
    });
    expect(c.messages.map((m) => m.key)).toEqual(['a1', 'k2']);
    expect(c).toMatchObject({ status: 'active', agentName: 'Sam', lastEventId: 5 });
  });

  it('knows when it is over, and reads back only well-formed stored state', () => {
    const c = reduce(created(newConversation('c1', 'chat')), { type: 'event', id: 9, event: { type: 'status', status: 'resolved', position: null, estimatedWaitSeconds: null } });
    expect(isClosed(c)).toBe(true);
    expect(parseConversation(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(parseConversation({ clientId: 1 })).toBeNull();
    expect(parseConversation(null)).toBeNull();
  });
});
