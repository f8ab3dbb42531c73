import { describe, expect, it } from 'vitest';
import { alertHeadline, waited } from './alerts/channel';
import { slackEscape } from './alerts/chat-webhook';
import type { HandoffRecord } from './store/types';
import { callbackTime, consoleLink, dateTime, questionOf, shortStory, storyBlocks } from './story';

const T = '2025-07-01T14:00:00.000Z';
const handoff = (over: Partial<HandoffRecord> = {}): HandoffRecord => ({
  id: 'h1',
  ref: '4821',
  tokenHash: '',
  clientId: 'c',
  channel: 'chat',
  status: 'queued',
  visitor: null,
  callback: null,
  context: null,
  transcript: [],
  createdAt: T,
  agentId: null,
  agentName: null,
  firstReplyAt: null,
  resolvedAt: null,
  outcome: null,
  articleId: null,
  noArticle: false,
  callbackState: null,
  ...over,
});
const story = { zone: 'Europe/Paris', publicOrigin: 'https://help.example.com' };

describe('a handoff’s story', () => {
  it('writes times on the business’s clocks, summer time included', () => {
    expect(dateTime(T, 'Europe/Paris')).toBe('Tue 1 Jul, 16:00');
    expect(callbackTime({ from: '2025-12-01T08:30:00Z', to: '2025-12-01T09:00:00Z' }, 'Europe/Paris')).toBe('Mon 1 Dec, 09:30–10:00 (Europe/Paris)');
  });

  it('takes the visitor’s last search as their question, else the callback’s note', () => {
    const search = (query: string) => ({ type: 'search' as const, at: T, query, resultCount: 0, topIds: [] });
    expect(questionOf(handoff({ transcript: [search('first'), search('  the last one\n ')] }))).toBe('the last one');
    expect(questionOf(handoff({ callback: { phone: '1', from: T, to: T, note: 'about my order' } }))).toBe('about my order');
    expect(questionOf(handoff())).toBeNull();
  });

  it('says plainly when the visitor tried nothing, and links the console’s page of the handoff', () => {
    const blocks = storyBlocks(handoff(), 'Chat #4821', story);
    expect(blocks).toContainEqual({ type: 'paragraph', text: 'Nothing: they asked for a person straight away.' });
    expect(blocks.at(-1)).toEqual({ type: 'link', label: 'Open #4821 in the console', href: 'https://help.example.com/console#/handoff/h1' });
    expect(consoleLink('https://help.example.com', 'a b')).toBe('https://help.example.com/console#/handoff/a%20b');
  });

  it('keeps the chat post short: at most six steps tried, the rest counted', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ type: 'search' as const, at: T, query: `q${i}`, resultCount: 1, topIds: [] }));
    const text = shortStory(handoff({ transcript: many }), 'New Chat #4821', story);
    expect(text).toBe(
      'New Chat #4821\nQuestion: “q8”\nTried: Searched “q0” (1 result); Searched “q1” (1 result); Searched “q2” (1 result); Searched “q3” (1 result); Searched “q4” (1 result); Searched “q5” (1 result); and 3 more\nhttps://help.example.com/console#/handoff/h1',
    );
    expect(slackEscape('a <b> & c')).toBe('a &lt;b&gt; &amp; c');
  });

  it('heads an alert with why it is sent now', () => {
    const h = handoff();
    expect(alertHeadline(h, true, Date.parse(T), 120)).toBe('New Chat #4821: nobody is online to take it');
    expect(alertHeadline(h, false, Date.parse(T) + 120_000, 120)).toBe('Chat #4821 has waited 2 minutes and nobody has taken it');
    expect(alertHeadline(h, true, Date.parse(T) + 45_000, 30)).toBe('Chat #4821 has waited 45 seconds and nobody has taken it (nobody is online)');
    expect(alertHeadline(h, true, Date.parse(T), 0)).toBe('New Chat #4821: nobody is online to take it');
    expect([1, 2, 100, 3 * 3600].map(waited)).toEqual(['1 second', '2 seconds', '2 minutes', '3 hours']);
  });
});
