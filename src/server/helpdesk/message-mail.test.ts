import { describe, expect, it } from 'vitest';
import type { HandoffRecord } from '../store/types';
import { messageMail } from './channel';

const T = '2025-03-01T10:00:00.000Z';
const handoff: HandoffRecord = {
  id: 'h1', ref: '4821', tokenHash: '', clientId: 'c', channel: 'chat', status: 'active', visitor: null, callback: null, context: null,
  transcript: [], createdAt: T, agentId: 'a1', agentName: 'Sam', firstReplyAt: T, resolvedAt: null, outcome: null, articleId: null,
  noArticle: false, callbackState: null,
};
const options = { to: 'desk@example.com', mailDomain: 'example.com', zone: 'Europe/Paris', publicOrigin: () => 'https://help.example.com' };
const story = { zone: 'Europe/Paris', publicOrigin: 'https://help.example.com' };

describe('the helpdesk mail of a message', () => {
  it('says which article an agent sent, after their note, and when it is all they sent', () => {
    const article = { articleId: 'refunds', title: 'How do I get a refund?' };
    const withNote = messageMail(handoff, { id: 'm1', clientMessageId: 'c1', from: 'agent', author: 'Sam', text: 'This one:', article, at: T }, options, story);
    expect(withNote.text).toContain('> This one:\n> \n> Sent the article “How do I get a refund?”');
    const alone = messageMail(handoff, { id: 'm2', clientMessageId: 'c2', from: 'agent', author: 'Sam', text: '', article, at: T }, options, story);
    expect(alone.text).toMatch(/:\n> Sent the article “How do I get a refund\?”\n/);
  });
});
