import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './session';
import { HttpError, type Client } from './client';
import type { CreateHandoffRequest, Message, PostMessageRequest } from '../../protocol/types';

/**
 * The outbox logic against a scripted client (the real server is exercised end to end in
 * e2e/handoff.spec.ts): what is sent, in which order, and how often.
 */
function scriptedClient() {
  let up = false;
  const created: CreateHandoffRequest[] = [];
  const posted: PostMessageRequest[] = [];
  const read: string[] = [];
  const down = () => Promise.reject(new TypeError('Failed to fetch'));
  const client = {
    status: vi.fn(),
    create: vi.fn((req: CreateHandoffRequest) => {
      if (!up) return down();
      created.push(req);
      return Promise.resolve({ id: 'h1', ref: '4821', token: 'tok', status: 'queued' as const, position: 1, estimatedWaitSeconds: null });
    }),
    state: vi.fn(() => (up ? Promise.resolve({ id: 'h1', ref: '4821', status: 'queued' as const, position: 1, estimatedWaitSeconds: null, channel: 'chat' as const, agentName: null, messages: [], lastEventId: 0 }) : down())),
    message: vi.fn((_id: string, _token: string, body: PostMessageRequest) => {
      if (!up) return down();
      posted.push(body);
      const message: Message = { id: `m${posted.length}`, clientMessageId: body.clientMessageId, from: 'visitor', text: body.text, at: '2026-01-01T00:00:00Z' };
      return Promise.resolve({ message });
    }),
    typing: vi.fn(() => Promise.resolve()),
    articleRead: vi.fn((_id: string, _token: string, articleId: string) => {
      if (!up) return down();
      read.push(articleId);
      return Promise.resolve();
    }),
    cancel: vi.fn(() => Promise.resolve({})),
    events: vi.fn((_id: string, _t: string, _last: number, _on: unknown, signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()))),
  };
  return { client: client as unknown as Client, created, posted, read, setUp: (value: boolean) => (up = value) };
}

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k), map };
}

let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
const parts = { transcript: [] };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createSession', () => {
  it('sends a message written while the one before it is on its way, in the same flush', async () => {
    const { client, posted, setUp } = scriptedClient();
    setUp(true);
    // The first message's request stays open until released: the second is written meanwhile.
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const message = vi.mocked(client.message);
    const answer = message.getMockImplementation()!;
    message.mockImplementationOnce((...args) => slow.then(() => answer(...args)));
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    session.send('أين طلبي؟');
    await vi.advanceTimersByTimeAsync(0);
    session.send('Where is my order?');
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // No retry timer, no new event: the flush in progress took it.
    expect(posted.map((p) => p.text)).toEqual(['أين طلبي؟', 'Where is my order?']);
    expect(session.conversation()?.messages.map((m) => m.state)).toEqual(['sent', 'sent']);
    session.dispose();
  });

  it('keeps a handoff and a message made while the backend is down, and delivers each exactly once', async () => {
    const { client, created, posted, setUp } = scriptedClient();
    const storage = memoryStorage();
    const session = createSession({ client, storage, uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.link().online).toBe(false);
    session.send('My order never came');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.conversation()?.messages[0]?.state).toBe('queued');

    // Retries while down send nothing.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(created).toHaveLength(0);

    setUp(true);
    await vi.advanceTimersByTimeAsync(35_000);
    expect(created).toHaveLength(1);
    expect(posted).toEqual([{ clientMessageId: expect.any(String), text: 'My order never came' }]);
    expect(session.link().online).toBe(true);
    expect(session.conversation()).toMatchObject({ id: 'h1', ref: '4821' });
    expect(session.conversation()?.messages[0]?.state).toBe('sent');

    // Nothing more is sent later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(created).toHaveLength(1);
    expect(posted).toHaveLength(1);
    session.dispose();
  });

  it('a chat ended (End chat) before the backend ever had it is never sent, and a closed one is not resumed', async () => {
    const { client, created, posted, setUp } = scriptedClient();
    const storage = memoryStorage();
    const session = createSession({ client, storage, uuid });
    session.start('chat', parts);
    session.send('Never mind');
    await vi.advanceTimersByTimeAsync(0);
    await session.cancel();
    expect(session.conversation()?.status).toBe('cancelled');
    expect(client.cancel).not.toHaveBeenCalled(); // nothing on the server to cancel
    setUp(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(created).toHaveLength(0);
    expect(posted).toHaveLength(0);
    // The next page finds it closed and sends nothing either.
    const next = createSession({ client, storage, uuid });
    next.resume();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(created).toHaveLength(0);
    session.dispose();
    next.dispose();
  });

  it('dispose (Lifeline destroy) closes the event stream and sends nothing more, even for a request still on its way', async () => {
    const { client, setUp } = scriptedClient();
    setUp(true);
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.events).toHaveBeenCalledTimes(1);
    const signal = vi.mocked(client.events).mock.calls[0]![4];
    expect(signal.aborted).toBe(false);
    // A message whose request fails only after dispose must not schedule a retry.
    setUp(false);
    session.send('Are you there?');
    session.dispose();
    expect(signal.aborted).toBe(true);
    const calls = () => vi.mocked(client.create).mock.calls.length + vi.mocked(client.message).mock.calls.length + vi.mocked(client.state).mock.calls.length + vi.mocked(client.events).mock.calls.length;
    const before = calls();
    session.typing(false); // a view's idle timer that outlived it
    expect(client.typing).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls()).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    [0, 1_000],
    [0.999, 701],
  ])('spreads its tries (random %d): the next try comes after %d ms, never all visitors at once', async (random, wait) => {
    vi.spyOn(Math, 'random').mockReturnValue(random);
    const { client } = scriptedClient();
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.create).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(wait - 2);
    expect(client.create).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(client.create).toHaveBeenCalledTimes(2);
    session.dispose();
    vi.restoreAllMocks();
  });

  it('tells the server an article sent in the chat was read, after a lost connection too, once', async () => {
    const { client, read, setUp } = scriptedClient();
    setUp(true);
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    session.articleRead('refunds');
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual(['refunds']);

    setUp(false);
    session.articleRead('returns');
    await vi.advanceTimersByTimeAsync(0);
    expect(session.link().online).toBe(false);
    expect(read).toEqual(['refunds']);
    setUp(true);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(read).toEqual(['refunds', 'returns']);
    expect(session.link().online).toBe(true);
    session.dispose();
  });

  it('survives a reload: a new session on the same storage sends what the old one could not', async () => {
    const { client, created, posted, setUp } = scriptedClient();
    const storage = memoryStorage();
    const first = createSession({ client, storage, uuid });
    first.start('chat', parts);
    first.send('hello?');
    await vi.advanceTimersByTimeAsync(0);
    first.dispose(); // the page goes away

    setUp(true);
    const second = createSession({ client, storage, uuid });
    second.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(created).toHaveLength(1);
    expect(created[0]?.clientId).toBe(first.conversation()?.clientId);
    expect(posted.map((p) => p.text)).toEqual(['hello?']);
    second.dispose();
  });

  it('after the stream said "retry: 3000", a long outage is tried every 3 s at most: back within 3 s of the server', async () => {
    const { client, setUp } = scriptedClient();
    setUp(true);
    let drop = (): void => undefined;
    vi.mocked(client.events).mockImplementation((_id, _token, _last, _onEvent, _signal, onRetry) => {
      onRetry?.(3000);
      return new Promise<void>((_resolve, reject) => (drop = () => reject(new TypeError('network error'))));
    });
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.events).toHaveBeenCalledTimes(1);

    // The server restarts, slowly: a minute without it.
    setUp(false);
    drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(session.link().online).toBe(false);
    expect(client.events).toHaveBeenCalledTimes(1);

    setUp(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(client.events).toHaveBeenCalledTimes(2);
    expect(session.link().online).toBe(true);
    session.dispose();
  });

  it('keeps a refusal as the server\'s code, never its English sentence (an old server\'s by its status)', async () => {
    for (const [refusal, code] of [
      [new HttpError(409, { error: 'That callback time was just taken; choose another of the free slots.', code: 'slot_taken' }, null), 'slot_taken'],
      [new HttpError(410, { error: 'Gone.' }, null), 'gone'],
    ] as const) {
      const { client, setUp } = scriptedClient();
      setUp(true);
      vi.mocked(client.create).mockRejectedValueOnce(refusal);
      const session = createSession({ client, storage: memoryStorage(), uuid });
      session.start('chat', parts);
      await vi.advanceTimersByTimeAsync(0);
      expect(session.link().error).toBe(code);
      session.dispose();
    }
  });

  it('marks a refused message as failed, and Retry sends it again with the same id', async () => {
    const { client, setUp } = scriptedClient();
    setUp(true);
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', parts);
    await vi.advanceTimersByTimeAsync(0);
    vi.mocked(client.message).mockRejectedValueOnce(new HttpError(400, { error: 'text is too long', path: 'text' }, null));
    session.send('x');
    await vi.advanceTimersByTimeAsync(0);
    const key = session.conversation()!.messages[0]!.key;
    expect(session.conversation()?.messages[0]?.state).toBe('failed');
    session.retry(key);
    await vi.advanceTimersByTimeAsync(0);
    expect(session.conversation()?.messages[0]?.state).toBe('sent');
    expect(vi.mocked(client.message).mock.calls.map((c) => c[2].clientMessageId)).toEqual([key, key]);
    session.dispose();
  });
});

describe('adopt', () => {
  it('carries on the conversation a reopen link opened: its state read, its stream followed, kept for the tab', async () => {
    const { client, setUp } = scriptedClient();
    setUp(true);
    const agentReply: Message = { id: 'm9', clientMessageId: 'c9', from: 'agent', author: 'Sam', text: 'Here is your answer', at: '2026-01-01T00:00:00Z' };
    vi.mocked(client.state).mockResolvedValueOnce({ id: 'h1', ref: '4821', status: 'active', position: null, estimatedWaitSeconds: null, channel: 'chat', agentName: 'Sam', messages: [agentReply], lastEventId: 5, email: 'ann@example.com' });
    const storage = memoryStorage();
    const session = createSession({ client, storage, uuid });
    session.adopt('h1', 'tok');
    await vi.advanceTimersByTimeAsync(0);
    const c = session.conversation()!;
    expect(c).toMatchObject({ id: 'h1', token: 'tok', channel: 'chat', agentName: 'Sam', lastEventId: 5, email: 'ann@example.com' });
    expect(c.messages.map((m) => m.text)).toEqual(['Here is your answer']);
    expect(client.events).toHaveBeenCalledWith('h1', 'tok', 5, expect.any(Function), expect.any(AbortSignal), expect.any(Function));
    expect(JSON.parse(storage.map.get('lifeline:handoff')!).conversation.id).toBe('h1');
    session.dispose();
  });

  it('sends a handoff again without an identity token the server refused, as a visitor not verified, and tells the page', async () => {
    const { client, created, setUp } = scriptedClient();
    setUp(true);
    const refusals: CreateHandoffRequest[] = [];
    const create = client.create as unknown as ReturnType<typeof vi.fn>;
    const real = create.getMockImplementation() as (req: CreateHandoffRequest) => Promise<unknown>;
    create.mockImplementation((req: CreateHandoffRequest) => {
      if (req.visitor?.token) {
        refusals.push(req);
        return Promise.reject(new HttpError(401, { error: 'The identity token (visitor.token) is refused: it expired.', code: 'identity_expired' }, null));
      }
      return real(req);
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', { transcript: [], visitor: { email: 'ann@example.com', token: 'a.b.c' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(refusals).toHaveLength(1);
    expect(created).toEqual([expect.objectContaining({ clientId: refusals[0]!.clientId, visitor: { email: 'ann@example.com' } })]);
    expect(session.conversation()?.id).toBe('h1');
    expect(session.link().error).toBeNull();
    expect(error).toHaveBeenCalledWith('[Lifeline] identify:', expect.stringContaining('The identity token'));
    error.mockRestore();
    session.dispose();
  });

  it('still says any other refusal of the handoff', async () => {
    const { client, setUp } = scriptedClient();
    setUp(true);
    (client.create as unknown as ReturnType<typeof vi.fn>).mockImplementation(() => Promise.reject(new HttpError(400, { error: 'transcript must be an array' }, null)));
    const session = createSession({ client, storage: memoryStorage(), uuid });
    session.start('chat', { transcript: [], visitor: { token: 'a.b.c' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(session.link().error).toBe('invalid');
    session.dispose();
  });
});
