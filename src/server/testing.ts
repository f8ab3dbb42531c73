/**
 * Test helpers (not a test file): a real app on a real SQLite file in a fresh temp folder, a
 * hand-moved clock, and small request and SSE helpers around `app.request`. Nothing is mocked.
 */
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { CreateHandoffResponse } from '../protocol/types';
import { ensureAgent } from './agents';
import { ALWAYS_OPEN } from '../hours';
import type { BusMessage, EventBus } from './api/deps';
import { createApp, type AppOptions } from './app';
import { createBus } from './bus';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/types';

export const AT = '2025-03-01T10:00:00Z';
/** The first free callback slot at AT with the default hours (always open, UTC, 30 minutes). */
export const SLOT = { from: '2025-03-01T10:30:00.000Z', to: '2025-03-01T11:00:00.000Z' };
export const ORIGIN = 'http://localhost'; // app.request's default base URL: the server's own origin

/** Limits high enough that only the rate-limit tests meet them. */
export const NO_LIMITS: AppOptions['rateLimits'] = {
  createHandoff: { perMinute: 1e6, burst: 1e6 },
  postMessage: { perMinute: 1e6, burst: 1e6 },
  typing: { perMinute: 1e6, burst: 1e6 },
  login: { perMinute: 1e6, burst: 1e6 },
  loginPerAddress: { perMinute: 1e6, burst: 1e6 },
  search: { perMinute: 1e6, burst: 1e6 },
};

export interface TestServer {
  app: Hono;
  store: Store;
  bus: EventBus;
  dir: string;
  file: string;
  clock: { now: () => number; advance: (ms: number) => void };
  /** Closes the streams and the database, like a shutdown. */
  close(): Promise<void>;
  /** A new server (store, bus, app) on the same file, as after a restart; the old one must be closed. */
  reopen(): TestServer;
}

type Extra = Omit<Partial<AppOptions>, 'store' | 'bus' | 'now'>;

export async function startTestServer(extra: Extra = {}): Promise<TestServer & { cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-test-'));
  let t = Date.parse('2025-03-01T10:00:00Z');
  const clock = { now: () => t, advance: (ms: number) => void (t += ms) };
  const open = (): TestServer => {
    const file = join(dir, 'lifeline.db');
    const store = openSqliteStore(file);
    const bus = createBus<BusMessage>();
    const app = createApp({ distDir: dir, demoDir: dir, rateLimits: NO_LIMITS, ownOrigins: new Set([ORIGIN]), hours: { schedule: ALWAYS_OPEN, zone: 'UTC' }, ...extra, store, bus, now: clock.now });
    return {
      app,
      store,
      bus,
      dir,
      file,
      clock,
      async close() {
        bus.close();
        await store.close();
      },
      reopen: open,
    };
  };
  const server = open();
  return { ...server, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export type StartedServer = Awaited<ReturnType<typeof startTestServer>>;

/**
 * Gives every test of the calling file a fresh server on its own SQLite file, closed and deleted
 * after it: `let server; eachTestOnAFreshServer((s) => (server = s));`.
 */
export function eachTestOnAFreshServer(set: (server: StartedServer) => void, extra: Extra = {}): void {
  let current: StartedServer | undefined;
  beforeEach(async () => set((current = await startTestServer(extra))));
  afterEach(async () => {
    await current?.close();
    await current?.cleanup();
  });
}

/** A valid CreateHandoffRequest, with `overrides` on top. */
export function handoffBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    clientId: crypto.randomUUID(),
    channel: 'chat',
    visitor: { name: 'Ada Lovelace', email: 'ada@example.com', attributes: { plan: 'pro' } },
    transcript: [
      { type: 'page', at: AT, url: 'https://shop.example.com/orders', title: 'Orders' },
      { type: 'search', at: AT, query: 'refund late', resultCount: 0, topIds: [] },
    ],
    context: { pageUrl: 'https://shop.example.com/orders', locale: 'en' },
    ...overrides,
  };
}

/** A JSON request; `body` is sent as JSON unless it is already a string. */
export function send(
  app: Hono,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  env?: unknown,
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...headers } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  return Promise.resolve(app.request(path, init, env));
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createHandoff(app: Hono, overrides: Record<string, unknown> = {}): Promise<CreateHandoffResponse> {
  const res = await send(app, 'POST', '/v1/handoffs', handoffBody(overrides));
  if (res.status !== 201) throw new Error(`POST /v1/handoffs answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreateHandoffResponse;
}

export const visitorMessage = (app: Hono, h: CreateHandoffResponse, text: string, clientMessageId: string = crypto.randomUUID()) =>
  send(app, 'POST', `/v1/handoffs/${h.id}/messages`, { clientMessageId, text }, bearer(h.token));

/** Adds an agent and signs them in; the answer carries the cookie header to send. */
export async function signIn(
  server: Pick<TestServer, 'app' | 'store'>,
  email = 'ada@example.com',
  password = 'correct horse',
  name = 'Ada',
): Promise<{ cookie: Record<string, string>; agentId: string }> {
  const agent = await ensureAgent(server.store, { email, password, name });
  const res = await send(server.app, 'POST', '/v1/agent/login', { email, password });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie: { cookie }, agentId: agent.id };
}

export interface SseEvent {
  id?: string;
  event?: string;
  data?: unknown;
  retry?: string;
  comment?: string;
}

/**
 * Reads an SSE response until `count` blocks matching `keep` arrived (then stops reading and
 * cancels, as a client that goes away), or fails after `timeoutMs`.
 */
export async function readSse(
  res: Response,
  count: number,
  { keep = (e: SseEvent) => e.event !== undefined, timeoutMs = 3_000, cancel = true } = {},
): Promise<SseEvent[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const found: SseEvent[] = [];
  let buffer = '';
  const timer = setTimeout(() => void reader.cancel(new Error('timeout')), timeoutMs);
  try {
    while (found.length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0 && found.length < count) {
        const block = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (keep(block)) found.push(block);
      }
    }
  } finally {
    clearTimeout(timer);
    if (cancel) await reader.cancel().catch(() => undefined);
    else reader.releaseLock();
  }
  if (found.length < count) throw new Error(`Expected ${count} SSE blocks, got ${found.length}: ${JSON.stringify(found)}`);
  return found;
}

function parseBlock(block: string): SseEvent {
  const e: SseEvent = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) e.comment = line.slice(1).trim();
    const [, field, value] = /^(\w+): ?(.*)$/.exec(line) ?? [];
    if (field === 'data') e.data = JSON.parse(value!);
    else if (field === 'id' || field === 'event' || field === 'retry') e[field] = value;
  }
  return e;
}

