import { describe, expect, it } from 'vitest';
import { batchOpenedBy, decideAwayMail, type Reply } from './decide';

const T = Date.parse('2026-03-01T10:00:00Z');
const reply = (id: string, seconds: number): Reply => ({ id, at: new Date(T + seconds * 1000).toISOString() });
const MINUTE = 60_000;

describe('batchOpenedBy', () => {
  const replies = [reply('a', 0), reply('b', 20), reply('c', 60), reply('d', 61), reply('e', 110), reply('f', 200)];

  it('gives the first reply of a batch the replies within a minute of it', () => {
    expect(batchOpenedBy(replies, 'a', MINUTE)?.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(batchOpenedBy(replies, 'd', MINUTE)?.map((r) => r.id)).toEqual(['d', 'e']);
    expect(batchOpenedBy(replies, 'f', MINUTE)?.map((r) => r.id)).toEqual(['f']);
  });

  it('gives the other replies nothing: another job mails them', () => {
    for (const id of ['b', 'c', 'e', 'unknown']) expect(batchOpenedBy(replies, id, MINUTE)).toBeNull();
    expect(batchOpenedBy([], 'a', MINUTE)).toBeNull();
  });

  it('makes each reply its own batch with no window', () => {
    expect(batchOpenedBy(replies, 'b', 0)?.map((r) => r.id)).toEqual(['b']);
  });
});

describe('decideAwayMail', () => {
  const batch = [reply('a', 100), reply('b', 130)];
  const at = (seconds: number) => T + seconds * 1000;

  it('sends what was written after the visitor’s last stream, once they have been away long enough', () => {
    expect(decideAwayMail(batch, at(0), at(200), MINUTE)).toEqual({ kind: 'send', replies: batch });
    // Their stream closed between the two replies: the first reached them.
    expect(decideAwayMail(batch, at(110), at(200), MINUTE)).toEqual({ kind: 'send', replies: [batch[1]] });
  });

  it('waits while the visitor has been gone less than the away time (a reload, the next page)', () => {
    expect(decideAwayMail(batch, at(90), at(120), MINUTE)).toEqual({ kind: 'later', at: at(150) });
  });

  it('sends nothing the visitor had on a stream: one open now, or one opened after the replies', () => {
    expect(decideAwayMail(batch, at(300), at(200), MINUTE)).toEqual({ kind: 'seen' }); // open now: its mark is ahead
    expect(decideAwayMail(batch, at(130), at(500), MINUTE)).toEqual({ kind: 'seen' });
  });
});
