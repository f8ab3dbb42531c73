import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './session';
import { HttpError, type Client } from './client';
import type { Message } from '../../protocol/types';

/**
 * Files through the outbox, against a scripted client: a lost connection mid-upload is retried
 * with the same clientMessageId (the server stores it once), a refusal is not retried.
 */
function scriptedClient() {
  let mode: 'up' | 'down' | 'refuse' = 'down';
  const uploads: { clientMessageId: string; name: string; size: number }[] = [];
  const client = {
    create: vi.fn(() => Promise.resolve({ id: 'h1', ref: '4821', token: 'tok', status: 'queued' as const, position: 1, estimatedWaitSeconds: null })),
    state: vi.fn(() => Promise.resolve({ id: 'h1', ref: '4821', status: 'queued' as const, position: 1, estimatedWaitSeconds: null, channel: 'chat' as const, agentName: null, messages: [], lastEventId: 0 })),
    upload: vi.fn((_id: string, _token: string, clientMessageId: string, name: string, file: Blob) => {
      uploads.push({ clientMessageId, name, size: file.size });
      if (mode === 'down') return Promise.reject(new TypeError('Failed to fetch'));
      if (mode === 'refuse') return Promise.reject(new HttpError(415, { error: 'no', attachmentProblem: 'type' }, null));
      const message: Message = { id: 'm1', clientMessageId, from: 'visitor', text: '', at: '2026-01-01T00:00:00Z', attachments: [{ id: 'a1', name, type: 'image/png', size: file.size }] };
      return Promise.resolve({ message });
    }),
    events: vi.fn((_id: string, _t: string, _last: number, _on: unknown, signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))),
  };
  return { client: client as unknown as Client, uploads, set: (m: typeof mode) => (mode = m) };
}

let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])]);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('session.attach', () => {
  it('retries an upload cut by a lost connection with the same clientMessageId, until it is stored', async () => {
    const { client, uploads, set } = scriptedClient();
    const session = createSession({ client, storage: null, uuid });
    session.start('chat', { transcript: [] });
    await vi.advanceTimersByTimeAsync(0);
    session.attach(png, { name: 'shot.png', type: 'image/png', size: png.size });
    await vi.advanceTimersByTimeAsync(0);
    expect(session.conversation()!.messages[0]).toMatchObject({ state: 'queued', attachments: [{ id: '', name: 'shot.png' }] });
    expect(session.link().online).toBe(false);

    set('up');
    await vi.advanceTimersByTimeAsync(35_000);
    expect(new Set(uploads.map((u) => u.clientMessageId)).size).toBe(1);
    expect(uploads.at(-1)).toEqual({ clientMessageId: uploads[0]!.clientMessageId, name: 'shot.png', size: png.size });
    expect(session.conversation()!.messages).toEqual([expect.objectContaining({ state: 'sent', attachments: [{ id: 'a1', name: 'shot.png', type: 'image/png', size: png.size }] })]);
    const tries = uploads.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(uploads).toHaveLength(tries); // nothing is sent again once stored
    session.dispose();
  });

  it('marks a refused file failed with the reason, and does not send it again', async () => {
    const { client, uploads, set } = scriptedClient();
    set('refuse');
    const session = createSession({ client, storage: null, uuid });
    session.start('chat', { transcript: [] });
    await vi.advanceTimersByTimeAsync(0);
    session.attach(png, { name: 'x.png', type: 'image/png', size: png.size });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(uploads).toHaveLength(1);
    expect(session.conversation()!.messages[0]).toMatchObject({ state: 'failed', problem: 'type' });
    session.dispose();
  });

  it('after a reload (the file was in memory only), says the file was not sent instead of pretending', async () => {
    const storage = new Map<string, string>();
    const mem = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const first = scriptedClient();
    const before = createSession({ client: first.client, storage: mem, uuid });
    before.start('chat', { transcript: [] });
    await vi.advanceTimersByTimeAsync(0);
    before.attach(png, { name: 'x.png', type: 'image/png', size: png.size });
    await vi.advanceTimersByTimeAsync(0);
    before.dispose();

    const second = scriptedClient();
    second.set('up');
    const after = createSession({ client: second.client, storage: mem, uuid });
    after.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(after.conversation()!.messages[0]).toMatchObject({ state: 'failed' });
    expect(second.uploads).toHaveLength(0);
    after.dispose();
  });
});
