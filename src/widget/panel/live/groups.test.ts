import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../transport/conversation';
import { groupMessages, initials } from './groups';
import { follows, leftBottom, nearBottom } from './scroll';

const msg = (key: string, from: ChatMessage['from'], at: string, author?: string): ChatMessage => ({ key, from, text: key, at: `2026-12-05T${at}:00Z`, state: 'sent', ...(author && { author }) });

describe('groupMessages', () => {
  it('groups consecutive messages of one sender written close together', () => {
    const groups = groupMessages([
      msg('a', 'visitor', '10:00'),
      msg('b', 'visitor', '10:01'),
      msg('c', 'agent', '10:02', 'Sam'),
      msg('d', 'agent', '10:02', 'Sam'),
      msg('e', 'agent', '10:03', 'Ada'), // another agent: a group of their own
      msg('f', 'visitor', '10:04'),
    ]);
    expect(groups.map((g) => [g.from, g.author, g.at.slice(11, 16), g.messages.map((m) => m.key).join('')])).toEqual([
      ['visitor', undefined, '10:00', 'ab'],
      ['agent', 'Sam', '10:02', 'cd'],
      ['agent', 'Ada', '10:03', 'e'],
      ['visitor', undefined, '10:04', 'f'],
    ]);
    expect(groups[0]!.key).toBe('visitor:a');
  });

  it('starts a new group after a pause longer than the gap', () => {
    const groups = groupMessages([msg('a', 'agent', '10:00', 'Sam'), msg('b', 'agent', '10:05', 'Sam'), msg('c', 'agent', '10:11', 'Sam')]);
    expect(groups.map((g) => g.messages.length)).toEqual([2, 1]);
    expect(groupMessages([])).toEqual([]);
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initials('Sam Doe')).toBe('SD');
    expect(initials('Mary Ann de la Cruz')).toBe('MC');
    expect(initials('sam')).toBe('S');
    expect(initials('jean-luc.picard')).toBe('JP');
    expect(initials('Ана Петрова')).toBe('АП');
    expect(initials('  (Support)  ')).toBe('S');
    expect(initials('')).toBe('?');
  });
});

describe('keeping the place', () => {
  it('counts the last line above the bottom as the bottom', () => {
    expect(nearBottom({ scrollTop: 552, clientHeight: 400, scrollHeight: 1000 })).toBe(true);
    expect(nearBottom({ scrollTop: 600, clientHeight: 400, scrollHeight: 1000 })).toBe(true);
    expect(nearBottom({ scrollTop: 500, clientHeight: 400, scrollHeight: 1000 })).toBe(false);
    expect(nearBottom({ scrollTop: 0, clientHeight: 400, scrollHeight: 300 })).toBe(true);
  });
  it('is away from the bottom only once the visitor scrolled up', () => {
    const box = (scrollTop: number) => ({ scrollTop, clientHeight: 400, scrollHeight: 1000 });
    expect(leftBottom(false, box(300), true)).toBe(true); // the visitor scrolled up
    expect(leftBottom(true, box(600), true)).toBe(false); // back at the bottom
    expect(leftBottom(true, box(600), false)).toBe(false);
    expect(leftBottom(false, box(300), false)).toBe(false); // a resize or reflow moved it: as it was
    expect(leftBottom(true, box(500), false)).toBe(true);
  });
  it('follows new messages at the bottom or the visitor’s own, and holds still otherwise', () => {
    expect(follows(true, false)).toBe(true);
    expect(follows(false, true)).toBe(true);
    expect(follows(false, false)).toBe(false);
  });
});
