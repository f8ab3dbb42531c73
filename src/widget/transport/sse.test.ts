import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse';

describe('createSseParser', () => {
  it('parses events with id, type and data', () => {
    const p = createSseParser();
    expect(p.feed('id: 3\nevent: message\ndata: {"a":1}\n\n')).toEqual([{ id: '3', event: 'message', data: '{"a":1}' }]);
  });

  it('joins multi-line data and defaults the type to "message"', () => {
    expect(createSseParser().feed('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('keeps partial input until the event is complete, across any split', () => {
    const text = 'id: 7\r\nevent: status\r\ndata: {"status":"active"}\r\n\r\n: heartbeat\n\nevent: typing\ndata: {}\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      const p = createSseParser();
      const events = [...p.feed(text.slice(0, cut)), ...p.feed(text.slice(cut))];
      expect(events).toEqual([
        { id: '7', event: 'status', data: '{"status":"active"}' },
        { event: 'typing', data: '{}' },
      ]);
    }
  });

  it('reports the retry field (a number of milliseconds only)', () => {
    const retries: number[] = [];
    const p = createSseParser((ms) => retries.push(ms));
    expect(p.feed('retry: 3000\n\nretry: soon\n\nretry: 500\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x' }]);
    expect(retries).toEqual([3000, 500]);
  });

  it('ignores comments, unknown fields and events without data', () => {
    expect(createSseParser().feed(': hi\nretry: 3000\nfoo: bar\n\nevent: x\n\n')).toEqual([]);
  });
});
