import { describe, expect, it } from 'vitest';
import type { Message } from '../protocol/types';
import { addMessage, isPassing, mergeLoaded } from './messages';

const message = (id: string, from: Message['from'] = 'visitor'): Message => ({
  id,
  clientMessageId: `c-${id}`,
  from,
  text: `text ${id}`,
  at: '2026-01-01T10:00:00Z',
});

describe('addMessage', () => {
  it('adds a message once', () => {
    const one = addMessage([], message('a'));
    expect(addMessage(one, message('a'))).toEqual([message('a')]);
    expect(addMessage(one, message('b')).map((m) => m.id)).toEqual(['a', 'b']);
  });
});

describe('mergeLoaded', () => {
  it('keeps what arrived while a reload was on its way (a reply sent after the server read the handoff)', () => {
    const loadedBeforeReply = [message('a'), message('b')];
    const shown = [message('a'), message('b'), message('c', 'agent')];
    expect(mergeLoaded(loadedBeforeReply, shown).map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });
  it('takes the server’s list and order for what both have, and adds what is new', () => {
    expect(mergeLoaded([message('a'), message('b'), message('d')], [message('b'), message('a')]).map((m) => m.id)).toEqual(['a', 'b', 'd']);
  });
});

describe('isPassing', () => {
  it('is a network failure, a server error or a busy answer, not a refusal', () => {
    expect([0, 408, 429, 500, 502, 503].map(isPassing)).toEqual([true, true, true, true, true, true]);
    expect([400, 401, 403, 404, 409, 413].map(isPassing)).toEqual([false, false, false, false, false, false]);
  });
});
