/**
 * Keeps the event streams' schemas in docs/openapi.json true to the server: a real server (on
 * SQLite, and on PostgreSQL when it is installed) is driven through handoffs that make every
 * event type, the raw text of both streams (a visitor's, GET /v1/handoffs/{id}/events, and the
 * agents', GET /v1/agent/events) is read as the HTML standard reads SSE, and every event is
 * checked against its stream's `x-itemSchema` (HandoffStreamItem, AgentStreamItem): an event
 * type the document does not know, a field missing or not listed, a stored event without its
 * `id:` or a `typing` with one, each fails here naming the event. The stored events are also
 * held against the store: each is on the stream once, in order, with its own number as `id:`.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandoffEvent } from '../protocol/types';
import { ALWAYS_OPEN } from '../hours';
import { createApp } from './app';
import { shapeChecker, type Schema, type SchemaDocument } from './openapi-shape';
import { sseBlocks, sseItem } from './sse-text';
import type { Store } from './store/types';
import { bearer, createHandoff, NO_LIMITS, send, signIn, startTestServer, visitorMessage } from './testing';
import { createPool } from './store/postgres/connect';
import { migrate } from './store/postgres/migrations';
import { postgresShared } from './store/postgres/shared';
import { createPostgresStore } from './store/postgres/store';
import { describeWithPostgres } from './store/postgres/testing';

interface Document extends SchemaDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown; 'x-itemSchema'?: Schema }> }> }>>;
}

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as Document;
const shapeProblems = shapeChecker(doc);

const VISITOR_STREAM = '/v1/handoffs/{id}/events';
const AGENTS_STREAM = '/v1/agent/events';

/** Every event type of the protocol (HandoffEvent): a type added there must be added here, then documented. */
const EVENT_TYPES: Record<HandoffEvent['type'], true> = {
  message: true,
  agent_joined: true,
  status: true,
  email: true,
  typing: true,
  rated: true,
  transcript: true,
  seen: true,
};

/** The schema each event of the stream at `path` must fit: its 200 answer's `x-itemSchema`, resolved. */
function itemSchemaOf(path: string): Schema {
  const schema = doc.paths[path]?.get?.responses['200']?.content?.['text/event-stream']?.['x-itemSchema'];
  if (!schema?.$ref) throw new Error(`GET ${path}: its 200 answer's text/event-stream has no x-itemSchema $ref`);
  return doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')] as Schema;
}

/** The forms of an item schema for one `event:` name (a stored form with `id:`, an ephemeral one without). */
const formsOf = (items: Schema, event: string | undefined): Schema[] => (items.oneOf ?? []).filter((form) => form.properties?.event?.const === event);

const eventNames = (items: Schema): string[] => [...new Set((items.oneOf ?? []).map((form) => String(form.properties?.event?.const)))].sort();

/** An event of a stream, whether it fits its schema or not: its name, its `id:` when it has one, its data (parsed when JSON). */
interface StreamEvent {
  event?: string;
  id?: string;
  data: unknown;
}

/**
 * The events of a stream's raw text, and where it breaks the document: the first block is
 * `retry: 3000`, the others are comments or events, and each event fits one form of `items`
 * for its `event:` name.
 */
function readStream(text: string, items: Schema, label: string): { events: StreamEvent[]; problems: string[] } {
  const { blocks } = sseBlocks(text);
  const problems: string[] = [];
  const events: StreamEvent[] = [];
  const [first, ...rest] = blocks;
  if (!first || first.fields.length !== 1 || first.fields[0]!.name !== 'retry' || !/^\d+$/.test(first.fields[0]!.value)) {
    problems.push(`${label}: the stream does not start with a \`retry:\` block alone: ${JSON.stringify(first)}`);
  }
  rest.forEach((block, i) => {
    if (!block.fields.length) return; // a comment (the heartbeat)
    const { item, problems: notSse } = sseItem(block);
    events.push({ event: item.event, ...(item.id !== undefined && { id: item.id }), data: parsed(item.data) });
    const where = `${label} block ${i + 2} (event ${item.event ?? '(none)'}${item.id === undefined ? '' : `, id ${item.id}`})`;
    problems.push(...notSse.map((p) => `${where}: ${p}`));
    const forms = formsOf(items, item.event);
    if (!forms.length) {
      problems.push(`${where}: an event type the document does not list (it lists ${eventNames(items).join(', ')})`);
      return;
    }
    const tries = forms.map((form) => shapeProblems(item, form, ''));
    if (tries.every((t) => t.length)) {
      problems.push(`${where} fits none of its forms:\n    ${tries.map((t, k) => `form ${k + 1} (${forms[k]!.description ?? ''}): ${t.join('; ')}`).join('\n    ')}\n    as sent: ${JSON.stringify(item)}`);
    }
  });
  return { events, problems };
}

/** An event's data as JSON, or as the text it is when it is not JSON (the schema check says so). */
function parsed(data: string | undefined): unknown {
  try {
    return data === undefined ? undefined : (JSON.parse(data) as unknown);
  } catch {
    return data;
  }
}

/** A stream's text as it arrives, until stopped (as a client that goes away). */
function record(res: Response): { readonly text: string; stop(): Promise<void> } {
  if (res.status !== 200) throw new Error(`the stream answered ${res.status}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      text += value;
    }
  })().catch(() => undefined);
  return {
    get text() {
      return text;
    },
    async stop() {
      await reader.cancel().catch(() => undefined);
      await reading;
    },
  };
}

/**
 * Waits until `ready()` holds (checked every few milliseconds), or fails saying what it waited
 * for and what the streams' text broke so far (`problems`): a server whose events no longer fit
 * says so, rather than only that the wait was long.
 */
async function until(what: string, ready: () => boolean, problems: () => string[] = () => [], timeoutMs = 8_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`waited ${timeoutMs} ms for ${what}${problems().length ? `; meanwhile:\n${problems().join('\n')}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Server {
  app: Hono;
  store: Store;
}

const count = (events: StreamEvent[], keep: (e: StreamEvent) => boolean) => events.filter(keep).length;

/**
 * Drives `server` through two chats that make every event type, with a visitor's stream and
 * the agents' stream open from the start and replayed afterwards; answers every problem found.
 */
async function everyEventOnBothStreams(server: Server): Promise<string[]> {
  const { app, store } = server;
  const visitorItems = itemSchemaOf(VISITOR_STREAM);
  const agentItems = itemSchemaOf(AGENTS_STREAM);
  const { cookie } = await signIn(server);
  const agentsLive = record(await send(app, 'GET', AGENTS_STREAM, undefined, cookie));
  const agentsText = () => agentsLive.text;
  await until('the agents’ stream to open', () => agentsText().includes('retry:'));

  // B is ahead of A in the queue; when B ends, A's visitor hears their new place (no id).
  const b = await createHandoff(app);
  const a = await createHandoff(app);
  const asA = bearer(a.token);
  const on = (path: string) => path.replace('{id}', a.id);
  const visitorLive = record(await send(app, 'GET', on(VISITOR_STREAM), undefined, asA));
  await until('A’s stream to replay its first status', () => /event: status/.test(visitorLive.text));
  const ok = async (what: string, res: Promise<Response>, status: number) => {
    const answer = await res;
    if (answer.status !== status) throw new Error(`${what} answered ${answer.status}, not ${status}: ${await answer.text()}`);
  };
  await ok('B’s cancel', send(app, 'POST', `/v1/handoffs/${b.id}/cancel`, undefined, bearer(b.token)), 200);
  const onA = () => readStream(visitorLive.text, visitorItems, 'A’s stream');
  const onAgents = () => readStream(agentsText(), agentItems, 'the agents’ stream');
  const problemsSoFar = () => [...onA().problems, ...onAgents().problems];
  await until('A’s new place in the queue', () => count(onA().events, (e) => e.event === 'status' && (e.data as { position?: unknown }).position === 1) > 0, problemsSoFar);

  await ok('the visitor’s typing', send(app, 'POST', on('/v1/handoffs/{id}/typing'), { typing: true }, asA), 204);
  await ok('a message', visitorMessage(app, a, 'My parcel is late', 'visitor-msg-0001'), 201);
  const pdf = { 'content-type': 'application/octet-stream', ...asA };
  await ok('a file', send(app, 'POST', `${on('/v1/handoffs/{id}/attachments')}?clientMessageId=visitor-file-0001&name=order.pdf`, '%PDF-1.4\n% Order 1042\n%%EOF\n', pdf), 201);
  await ok('an address', send(app, 'POST', on('/v1/handoffs/{id}/email'), { email: 'ada.at.home@example.com' }, asA), 200);
  await ok('the claim', send(app, 'POST', on('/v1/agent/handoffs/{id}/claim'), {}, cookie), 200);
  await ok('the agent’s typing', send(app, 'POST', on('/v1/agent/handoffs/{id}/typing'), { typing: true }, cookie), 204);
  await ok('seen', send(app, 'POST', on('/v1/agent/handoffs/{id}/seen'), {}, cookie), 200);
  const article = { clientMessageId: 'agent-article-0001', text: 'This should help.', article: { articleId: 'refunds', title: 'How do I get a refund?' } };
  await ok('an article', send(app, 'POST', on('/v1/agent/handoffs/{id}/messages'), article, cookie), 201);
  await ok('the article read', send(app, 'POST', on('/v1/handoffs/{id}/article-read'), { articleId: 'refunds' }, asA), 204);
  await ok('the resolve', send(app, 'POST', on('/v1/agent/handoffs/{id}/resolve'), { outcome: 'answered', closing: 'Glad I could help!' }, cookie), 200);
  await ok('the rating', send(app, 'POST', on('/v1/handoffs/{id}/rating'), { good: true, repeated: false, comment: 'Quick and kind' }, asA), 201);

  const storedA = await store.eventsAfter(a.id, 0);
  const log = await store.eventLogAfter(0, 1_000);
  const stored = (events: StreamEvent[]) => count(events, (e) => e.id !== undefined);
  await until('every stored event of A on A’s stream, and the agent’s typing', () => {
    const { events } = onA();
    return stored(events) >= storedA.length && count(events, (e) => e.event === 'typing') >= 1;
  }, problemsSoFar);
  await until('every stored event on the agents’ stream, and both sides’ typing', () => {
    const { events } = onAgents();
    return stored(events) >= log.length && count(events, (e) => e.event === 'typing') >= 2;
  }, problemsSoFar);
  // The same events replayed, as after a reconnect: a visitor's from Last-Event-ID 0, the agents' from the log's start.
  const visitorReplay = record(await send(app, 'GET', on(VISITOR_STREAM), undefined, { ...asA, 'last-event-id': '0' }));
  const agentsReplay = record(await send(app, 'GET', `${AGENTS_STREAM}?lastEventId=0`, undefined, cookie));
  await until('A’s replay', () => stored(readStream(visitorReplay.text, visitorItems, 'A’s stream replayed').events) >= storedA.length, problemsSoFar);
  await until('the agents’ replay', () => stored(readStream(agentsReplay.text, agentItems, 'the agents’ stream replayed').events) >= log.length, problemsSoFar);
  for (const stream of [agentsLive, visitorLive, visitorReplay, agentsReplay]) await stream.stop();

  const problems: string[] = [];
  const check = (text: string, items: Schema, label: string, expected: Array<{ id: string; data: unknown }>, everyType: boolean) => {
    const { events, problems: wrong } = readStream(text, items, label);
    problems.push(...wrong);
    const got = events.filter((e) => e.id !== undefined).map((e) => ({ id: e.id, data: e.data }));
    try {
      expect(got, `${label}: the stored events, each once, in order, with its number as id:`).toEqual(expected);
    } catch (error) {
      problems.push((error as Error).message);
    }
    const missing = eventNames(items).filter((name) => !events.some((e) => e.event === name));
    if (everyType && missing.length) problems.push(`${label}: the scenario made no ${missing.join(', ')} event: it no longer covers every type the document lists`);
  };
  const visitorExpected = storedA.map((e) => ({ id: String(e.seq), data: e.event }));
  const agentsExpected = log.map((e) => ({ id: String(e.id), data: { ...e.event, handoffId: e.handoffId, seq: e.seq } }));
  check(visitorLive.text, visitorItems, 'A’s stream', visitorExpected, true);
  check(agentsLive.text, agentItems, 'the agents’ stream', agentsExpected, true);
  check(visitorReplay.text, visitorItems, 'A’s stream replayed', visitorExpected, false);
  check(agentsReplay.text, agentItems, 'the agents’ stream replayed', agentsExpected, false);
  return problems;
}

describe('the event streams in docs/openapi.json', () => {
  it('point their 200 answers to an item schema with a form per event type of the protocol, and nothing else', () => {
    for (const path of [VISITOR_STREAM, AGENTS_STREAM]) {
      expect(eventNames(itemSchemaOf(path)), `GET ${path}`).toEqual(Object.keys(EVENT_TYPES).sort());
    }
    const data = doc.components.schemas.HandoffEvent as Schema;
    expect(data.oneOf?.length, 'HandoffEvent: one schema per event type').toBe(Object.keys(EVENT_TYPES).length);
  });

  it('gives an example of each stream, and every event in it fits its schema', () => {
    for (const path of [VISITOR_STREAM, AGENTS_STREAM]) {
      const example = doc.paths[path]?.get?.responses['200']?.content?.['text/event-stream']?.example;
      expect(typeof example, `GET ${path}: an example of the stream's text`).toBe('string');
      const { events, problems } = readStream(example as string, itemSchemaOf(path), `GET ${path} example`);
      expect(problems, problems.join('\n')).toEqual([]);
      expect(events.length).toBeGreaterThan(2);
    }
  });

  it('every event a real server on SQLite sends, on both streams, fits its schema', async () => {
    const server = await startTestServer({ heartbeatMs: 20 });
    try {
      const problems = await everyEventOnBothStreams(server);
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await server.close();
      await server.cleanup();
    }
  }, 30_000);

  it('refuses what breaks the schemas: an unknown type, a missing or extra field, a stored event without id:, typing with one', () => {
    const items = itemSchemaOf(VISITOR_STREAM);
    const agents = itemSchemaOf(AGENTS_STREAM);
    const at = '2025-03-01T10:00:00.000Z';
    const message = { id: 'm1', clientMessageId: 'visitor-msg-0001', from: 'visitor', text: 'Hi', at };
    const stream = (...blocks: string[]) => ['retry: 3000', ...blocks].map((b) => `${b}\n\n`).join('');
    const problemsOf = (text: string, schema = items) => readStream(text, schema, 'test').problems;
    const block = (event: string, data: unknown, id?: string) => `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}`;

    expect(problemsOf(stream(block('message', { type: 'message', message }, '2'), ': heartbeat', block('typing', { type: 'typing', from: 'agent', typing: true })))).toEqual([]);
    expect(problemsOf(stream(block('agent_left', { type: 'agent_left' }, '3')))[0]).toMatch(/an event type the document does not list/);
    expect(problemsOf(stream(block('message', { type: 'message' }, '2')))[0]).toMatch(/message: required by the schema/);
    expect(problemsOf(stream(block('seen', { type: 'seen', messageId: 'x', by: 'Sam' }, '2')))[0]).toMatch(/by: not in the schema/);
    expect(problemsOf(stream(block('message', { type: 'message', message: { ...message, at: 'today' } }, '2')))[0]).toMatch(/is not a date-time/);
    expect(problemsOf(stream(block('email', { type: 'email', email: 'ada@example.com' })))[0]).toMatch(/id: required by the schema/);
    expect(problemsOf(stream(block('typing', { type: 'typing', from: 'agent', typing: true }, '4')))[0]).toMatch(/id: not in the schema/);
    expect(problemsOf(stream(block('typing', { type: 'typing', from: 'visitor', typing: true })))[0], 'a visitor is not told their own typing').toMatch(/from: must be "agent"/);
    expect(problemsOf(stream(block('status', { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null })))[0], 'only a queue move is not stored').toMatch(/fits none of its forms/);
    expect(problemsOf(stream(block('status', { type: 'status', status: 'queued', position: 2, estimatedWaitSeconds: 90 })))).toEqual([]);
    expect(problemsOf(`${stream()}event: seen\ndata: {"type":"seen",`), 'a block not ended is not read').toEqual([]);
    expect(problemsOf(stream(`event: seen\ndata: {"type":"seen"\n`))[0]).toMatch(/not JSON/);
    expect(problemsOf('event: seen\ndata: {}\n\n')[0]).toMatch(/does not start with a `retry:` block/);
    // The agents' stream: the handoff and its seq on every event, null for typing.
    const typing = { type: 'typing', from: 'visitor', typing: false, handoffId: 'h1' };
    expect(problemsOf(stream(block('typing', { ...typing, seq: null })), agents)).toEqual([]);
    expect(problemsOf(stream(block('typing', { ...typing, seq: 3 })), agents)[0]).toMatch(/seq: an integer, the schema says null/);
    expect(problemsOf(stream(block('seen', { type: 'seen', messageId: 'x', seq: 4 }, '9')), agents)[0]).toMatch(/handoffId: required by the schema/);
    expect(problemsOf(stream(block('rated', { type: 'rated', rating: { good: true, repeated: null, comment: null, at }, handoffId: 'h1', seq: 9, ref: '42' }, '12')), agents)[0]).toMatch(/ref: not in the schema/);
  });
});

/** One instance on a PostgreSQL database: its own pool, store, and the shared bus and presence. */
async function postgresServer(url: string): Promise<Server & { close(): Promise<void> }> {
  const setup = createPool(url, { max: 1 });
  await migrate(setup);
  await setup.end();
  const pool = createPool(url, { max: 4 });
  const store = createPostgresStore(pool);
  const shared = postgresShared(pool, { bus: { onError: () => undefined } });
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-events-'));
  const app = createApp({ distDir: dir, demoDir: dir, store, bus: shared.bus, presence: shared.presence, secret: 's'.repeat(43), rateLimits: NO_LIMITS, heartbeatMs: 20, hours: { schedule: ALWAYS_OPEN, zone: 'UTC' } });
  await shared.ready;
  return {
    app,
    store,
    async close() {
      await shared.end();
      await store.close();
      await pool.end().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

describeWithPostgres('the event streams in docs/openapi.json, on PostgreSQL', (postgres) => {
  const closing: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it('every event a real server on PostgreSQL sends, on both streams, fits its schema', async () => {
    const server = await postgresServer(await postgres.newDatabase());
    closing.push(() => server.close());
    const problems = await everyEventOnBothStreams(server);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 30_000);
});
