import { describe, expect, it } from 'vitest';
import { sseBlocks, sseItem } from './sse-text';

describe('sseBlocks', () => {
  it('splits on blank lines, keeps fields in order and comments apart', () => {
    const { blocks, rest } = sseBlocks('retry: 3000\n\n: heartbeat\n\nid: 4\nevent: message\ndata: {"a":1}\n\n');
    expect(blocks).toEqual([
      { fields: [{ name: 'retry', value: '3000' }], comments: [] },
      { fields: [], comments: [' heartbeat'] },
      { fields: [{ name: 'id', value: '4' }, { name: 'event', value: 'message' }, { name: 'data', value: '{"a":1}' }], comments: [] },
    ]);
    expect(rest).toBe('');
  });

  it('ends lines at CRLF, LF or CR, and drops one space after the colon only', () => {
    const { blocks } = sseBlocks('event:typing\r\ndata:  two spaces\rid\n\r\n');
    expect(blocks[0]!.fields).toEqual([
      { name: 'event', value: 'typing' },
      { name: 'data', value: ' two spaces' },
      { name: 'id', value: '' },
    ]);
  });

  it('leaves a block that is still being written (no blank line yet, or half a CRLF) for later', () => {
    expect(sseBlocks('event: seen\ndata: {}\n\nevent: rated\ndata: {"rat')).toEqual({
      blocks: [{ fields: [{ name: 'event', value: 'seen' }, { name: 'data', value: '{}' }], comments: [] }],
      rest: 'event: rated\ndata: {"rat',
    });
    expect(sseBlocks('data: x\r\n\r').blocks).toEqual([]);
  });
});

describe('sseItem', () => {
  it('joins data lines with LF, as a client sees them', () => {
    const { blocks } = sseBlocks('event: message\ndata: {"a":\ndata: 1}\n\n');
    expect(sseItem(blocks[0]!)).toEqual({ item: { event: 'message', data: '{"a":\n1}' }, problems: [] });
  });

  it('names a field that is not SSE, and one given twice', () => {
    const { blocks } = sseBlocks('event: a\nevent: b\nkind: x\ndata: 1\n\n');
    expect(sseItem(blocks[0]!).problems).toEqual(['`event:` given twice', '`kind:` is not a field of Server-Sent Events']);
  });
});
