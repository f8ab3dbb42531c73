/**
 * Keeps docs/openapi.json true to the server: every route the app has is in it (and nothing it
 * lacks), every reference resolves, and every example request body passes the check the route
 * itself applies. A route added without its entry, or an example the server would refuse, fails
 * here naming it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createHandoff, send, signIn, startTestServer, type StartedServer } from './testing';
import {
  validateAgentMessage,
  validateArticleRead,
  validateCreateHandoff,
  validatePostMessage,
  validateRating,
  validateReopen,
  validateResolve,
  validateSetEmail,
  validateTyping,
  type Validation,
} from '../protocol/validate';
import { validatePushSubscription, validatePushUnsubscribe } from '../protocol/push';
import { validateCallbackStep } from './api/callback-step';
import { validateLogin } from './api/agent-auth';
import { validateVisitorKeyBody } from './api/agent-visitor-data';
import { ERROR_CODES } from '../protocol/error-codes';
import { catalogOf } from './article-catalog';
import { shapeChecker } from './openapi-shape';

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  responses?: Record<string, unknown>;
  requestBody?: { content: Record<string, { schema?: unknown; examples?: Record<string, { value: unknown }> }> };
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses?: Record<string, unknown> };
}

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as Document;
/** Where a value does not fit a schema of the document (openapi-shape.ts). */
const shapeProblems = shapeChecker(doc);

/** Routes that serve files, not the HTTP API (README, "The server"): the widget, the console's shell, the demo. */
const FILES = new Set([
  'GET /lifeline.js',
  'GET /{file}', // the widget's chunks (lifeline-*.js) and the demo's assets
  'GET /articles.json',
  'GET /{page}', // the demo's pages
  'GET /console',
  'GET /console/sw.js',
  'GET /console/assets/{file}',
]);

/** The check each route with a JSON body runs on it (readJson(c, validate) in src/server/api/). */
const VALIDATORS: Record<string, (body: unknown) => Validation<unknown>> = {
  createHandoff: validateCreateHandoff,
  postMessage: validatePostMessage,
  articleRead: validateArticleRead,
  visitorTyping: validateTyping,
  setEmail: validateSetEmail,
  rateHandoff: validateRating,
  reopen: validateReopen,
  agentLogin: validateLogin,
  agentMessage: validateAgentMessage,
  agentTyping: validateTyping,
  agentResolve: validateResolve,
  agentCallbackStep: validateCallbackStep,
  agentPushOn: (body) => validatePushSubscription(body, { allowLoopbackHttp: false }),
  agentPushOff: validatePushUnsubscribe,
  agentDeleteVisitorData: validateVisitorKeyBody,
};

/** Hono's `/v1/handoffs/:id`, `/:file{regex}` as OpenAPI writes them: `/v1/handoffs/{id}`, `/{file}`. */
const openApiPath = (path: string): string => path.replace(/:(\w+)(?:\{[^}]*\})?/g, '{$1}');

const operations = (): Array<{ key: string; op: Operation }> =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));

let server: StartedServer;
let routes: string[] = [];
beforeAll(async () => {
  server = await startTestServer();
  // Middleware is mounted as ALL; every handler has its own method.
  routes = [...new Set(server.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${openApiPath(r.path)}`))];
});
afterAll(async () => {
  await server.close();
  await server.cleanup();
});

describe('docs/openapi.json', () => {
  it('is OpenAPI 3.1 with an id, a tag, a summary and answers on every operation, and every $ref resolves', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.filter((id, i) => !id || ids.indexOf(id) !== i), 'operationIds missing or used twice').toEqual([]);
    const incomplete = operations()
      .filter(({ op }) => !op.tags?.length || !op.summary || !Object.keys(op.responses ?? {}).length)
      .map(({ key }) => key);
    expect(incomplete, 'operations without tags, summary or responses').toEqual([]);
    const undeclared = operations().flatMap(({ key, op }) => {
      const declared = ((op as { parameters?: Array<{ in: string; name: string }> }).parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      return [...key.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((name) => !declared.includes(name)).map((name) => `${key}: {${name}}`);
    });
    expect(undeclared, 'path parameters without a declared `in: path` parameter').toEqual([]);
    // OpenAPI requires both: a description on every answer, and `required: true` on every path parameter.
    const loose = operations().flatMap(({ key, op }) => [
      ...Object.entries((op.responses ?? {}) as Record<string, { $ref?: string; description?: string }>)
        .filter(([, r]) => !r.$ref && !r.description)
        .map(([status]) => `${key} ${status}: no description`),
      ...((op as { parameters?: Array<{ in: string; name: string; required?: boolean }> }).parameters ?? [])
        .filter((p) => p.in === 'path' && p.required !== true)
        .map((p) => `${key}: {${p.name}} not required: true`),
    ]);
    expect(loose, 'answers without a description, path parameters not required').toEqual([]);
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(refs.filter(([kind, name]) => !(name in ((doc.components as Record<string, Record<string, unknown>>)[kind] ?? {}))).map((r) => r.join('/')), 'components referenced but not defined').toEqual([]);
  });

  it('lists every error code of the protocol, in the Error schema every error answer uses', () => {
    const schemas = doc.components.schemas as Record<string, { enum?: unknown[]; required?: string[]; properties?: Record<string, unknown> }>;
    expect(schemas.ErrorCode?.enum, 'components.schemas.ErrorCode.enum is ERROR_CODES (src/protocol/error-codes.ts)').toEqual([...ERROR_CODES]);
    expect(schemas.Error?.required).toContain('code');
    expect(schemas.Error?.properties?.code).toEqual({ $ref: '#/components/schemas/ErrorCode' });
  });

  it('has every route the server has', () => {
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes.filter((route) => !FILES.has(route) && !documented(route));
    expect(
      missing,
      `docs/openapi.json lacks these routes of the server; add each under "paths" (path, then method) with an operationId, summary, tags and its answers:\n  ${missing.join('\n  ')}\n`,
    ).toEqual([]);
  });

  it('every route of the API is also told in prose, in docs/protocol.md or docs/agents-api.md', () => {
    const prose = ['protocol.md', 'agents-api.md'].map((file) => readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8')).join('\n');
    const untold = routes.filter((route) => !FILES.has(route) && !new RegExp(`${escapeRegExp(route)}(?![\\w/{}-])`).test(prose));
    expect(untold, `no \`METHOD /path\` line for these routes in docs/protocol.md (the visitor's) or docs/agents-api.md (the agents'):\n  ${untold.join('\n  ')}\n`).toEqual([]);
  });

  it('describes no route the server does not have', () => {
    const stale = operations()
      .map(({ key }) => key)
      .filter((key) => !routes.includes(key));
    expect(stale, `docs/openapi.json describes routes the server does not have:\n  ${stale.join('\n  ')}\n`).toEqual([]);
  });

  it('gives examples of every JSON request body, and each passes the server’s own validation', () => {
    const problems: string[] = [];
    const withBodies = new Set<string>();
    for (const { key, op } of operations()) {
      const json = op.requestBody?.content['application/json'];
      if (!json) continue;
      const id = op.operationId ?? key;
      // `{}` only: an agents' write with nothing to say, which its route does not read.
      if (JSON.stringify(json.schema) === '{"type":"object","maxProperties":0}') continue;
      withBodies.add(id);
      const validate = VALIDATORS[id];
      if (!validate) {
        problems.push(`${key} (${id}) takes a JSON body, but VALIDATORS in src/server/openapi.test.ts does not name the check its route runs`);
        continue;
      }
      const examples = Object.entries(json.examples ?? {});
      if (!examples.length) problems.push(`${key} (${id}) has no example of its request body`);
      for (const [name, { value }] of examples) {
        const result = validate(value);
        if (!result.ok) problems.push(`${key} (${id}) example "${name}" is refused by the server: ${result.path || '(body)'}: ${result.error}`);
        for (const wrong of shapeProblems(value, json.schema, '')) problems.push(`${key} (${id}) example "${name}" does not fit its schema: ${wrong}`);
      }
    }
    const unused = Object.keys(VALIDATORS).filter((id) => !withBodies.has(id));
    for (const id of unused) problems.push(`VALIDATORS names ${id}, which is no operation with a JSON body in docs/openapi.json`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('its examples, sent to a real server, are answered with a status it lists and a body that fits its schema', async () => {
    const { app } = server;
    const problems: string[] = [];
    const call = caller(app, problems);

    await call('get', '/v1/status', '/v1/status');
    expect((await call('get', '/v1/status', '/v1/status', undefined, { origin: 'https://elsewhere.example' })).status, 'a page of another origin').toBe(403);
    const chat = example('/v1/handoffs', 'post', 'chat');
    const created = await call('post', '/v1/handoffs', '/v1/handoffs', chat);
    expect(created.status, 'the chat example makes a handoff').toBe(201);
    await call('post', '/v1/handoffs', '/v1/handoffs', chat);
    await call('post', '/v1/handoffs', '/v1/handoffs', example('/v1/handoffs', 'post', 'callback'));
    const h = (await created.json()) as { id: string; token: string };
    const v = bearer(h.token);
    const at = (p: string): string => p.replace('{id}', h.id);
    await call('get', '/v1/handoffs/{id}', at('/v1/handoffs/{id}'), undefined, v);
    expect((await call('post', '/v1/handoffs/{id}/messages', at('/v1/handoffs/{id}/messages'), example('/v1/handoffs/{id}/messages', 'post', 'message'), v)).status).toBe(201);
    await call('post', '/v1/handoffs/{id}/typing', at('/v1/handoffs/{id}/typing'), example('/v1/handoffs/{id}/typing', 'post', 'typing'), v);
    const tooLong = { clientMessageId: 'too-long-01', text: 'x'.repeat(70_000) };
    expect((await call('post', '/v1/handoffs/{id}/messages', at('/v1/handoffs/{id}/messages'), tooLong, v)).status, 'a body over 64 KiB').toBe(413);
    expect((await call('get', '/v1/handoffs/{id}/events', at('/v1/handoffs/{id}/events'), undefined, { ...v, 'last-event-id': 'soon' })).status).toBe(400);
    await call('post', '/v1/handoffs/{id}/email', at('/v1/handoffs/{id}/email'), example('/v1/handoffs/{id}/email', 'post', 'address'), v);
    await call('post', '/v1/handoffs/{id}/article-read', at('/v1/handoffs/{id}/article-read'), example('/v1/handoffs/{id}/article-read', 'post', 'read'), v);
    // A file, as the widget sends one: its bytes, named in the query.
    const file = { 'content-type': 'application/octet-stream', ...v };
    const sent = await call('post', '/v1/handoffs/{id}/attachments', `${at('/v1/handoffs/{id}/attachments')}?clientMessageId=file-0001&name=order.pdf`, '%PDF-1.4\n% Order 1042\n%%EOF\n', file);
    expect(sent.status, 'a PDF is taken').toBe(201);
    const attachmentId = ((await sent.json()) as { message: { attachments: Array<{ id: string }> } }).message.attachments[0]!.id;
    expect((await call('post', '/v1/handoffs/{id}/attachments', `${at('/v1/handoffs/{id}/attachments')}?clientMessageId=file-0001&name=order.pdf`, '%PDF-1.4\n% Order 1042\n%%EOF\n', file)).status, '200: stored before').toBe(200);
    expect((await call('get', '/v1/handoffs/{id}/attachments/{attachmentId}', at(`/v1/handoffs/{id}/attachments/${attachmentId}`), undefined, v)).status).toBe(200);
    expect((await call('post', '/v1/handoffs/{id}/attachments', `${at('/v1/handoffs/{id}/attachments')}?clientMessageId=file-0002&name=a.exe`, 'MZ', file)).status, 'a file of a type not taken').toBe(415);
    expect((await call('post', '/v1/handoffs/{id}/transcript', at('/v1/handoffs/{id}/transcript'), {}, v)).status, '409 while open').toBe(409);
    await call('post', '/v1/handoffs/{id}/cancel', at('/v1/handoffs/{id}/cancel'), undefined, v);
    expect((await call('post', '/v1/handoffs/{id}/transcript', at('/v1/handoffs/{id}/transcript'), {}, v)).status, 'ended, but this server sends no mail').toBe(409);
    expect((await call('post', '/v1/handoffs/{id}/rating', at('/v1/handoffs/{id}/rating'), example('/v1/handoffs/{id}/rating', 'post', 'good'), v)).status).toBe(201);
    await call('get', '/v1/phrasings', '/v1/phrasings');
    await call('post', '/v1/reopen', '/v1/reopen', example('/v1/reopen', 'post', 'link'));

    // The agents' side, on a handoff of its own.
    const { cookie } = await signIn(server);
    const other = await createHandoff(app);
    const on = (p: string): string => p.replace('{id}', other.id);
    await call('get', '/v1/agent/me', '/v1/agent/me', undefined, cookie);
    expect((await call('post', '/v1/agent/login', '/v1/agent/login', example('/v1/agent/login', 'post', 'login'))).status, '401: no such agent here').toBe(401);
    expect((await call('get', '/v1/agent/me', '/v1/agent/me')).status, '401: no cookie').toBe(401);
    await call('get', '/v1/agent/queue', '/v1/agent/queue', undefined, cookie);
    expect((await call('get', '/v1/agent/queue', '/v1/agent/queue?limit=0', undefined, cookie)).status).toBe(400);
    expect((await call('get', '/v1/agent/handoffs', '/v1/agent/handoffs?status=waiting', undefined, cookie)).status).toBe(400);
    expect((await call('get', '/v1/agent/handoffs/by-ref/{ref}', '/v1/agent/handoffs/by-ref/0000000', undefined, cookie)).status).toBe(404);
    expect((await call('get', '/v1/agent/events', '/v1/agent/events', undefined, { ...cookie, 'last-event-id': 'soon' })).status).toBe(400);
    await call('get', '/v1/agent/handoffs', '/v1/agent/handoffs?status=all', undefined, cookie);
    await call('get', '/v1/agent/handoffs/{id}', on('/v1/agent/handoffs/{id}'), undefined, cookie);
    await call('get', '/v1/agent/handoffs/by-ref/{ref}', `/v1/agent/handoffs/by-ref/${other.ref}`, undefined, cookie);
    await call('get', '/v1/agent/handoffs/{id}', at('/v1/agent/handoffs/{id}'), undefined, cookie); // the cancelled, rated one
    expect((await call('post', '/v1/agent/handoffs/{id}/claim', on('/v1/agent/handoffs/{id}/claim'), {}, cookie)).status).toBe(200);
    for (const name of ['reply', 'article']) {
      const res = await call('post', '/v1/agent/handoffs/{id}/messages', on('/v1/agent/handoffs/{id}/messages'), example('/v1/agent/handoffs/{id}/messages', 'post', name), cookie);
      expect(res.status, `agentMessage example "${name}"`).toBe(201);
    }
    await call('post', '/v1/agent/handoffs/{id}/typing', on('/v1/agent/handoffs/{id}/typing'), example('/v1/agent/handoffs/{id}/typing', 'post', 'typing'), cookie);
    const agentFile = { ...cookie, 'content-type': 'application/octet-stream' };
    expect((await call('post', '/v1/agent/handoffs/{id}/attachments', `${on('/v1/agent/handoffs/{id}/attachments')}?clientMessageId=agent-file-01&name=label.pdf`, '%PDF-1.4\n% Return label\n%%EOF\n', agentFile)).status).toBe(201);
    const again = await call('post', '/v1/agent/handoffs/{id}/attachments', `${on('/v1/agent/handoffs/{id}/attachments')}?clientMessageId=agent-file-01&name=label.pdf`, '%PDF-1.4\n% Return label\n%%EOF\n', agentFile);
    expect(again.status, 'the same file again: stored before').toBe(200);
    const label = ((await again.json()) as { message: { attachments: Array<{ id: string }> } }).message.attachments[0]!.id;
    expect((await call('get', '/v1/agent/handoffs/{id}/attachments/{attachmentId}', on(`/v1/agent/handoffs/{id}/attachments/${label}`), undefined, cookie)).status).toBe(200);
    expect((await call('get', '/v1/agent/handoffs/{id}/attachments/{attachmentId}', on('/v1/agent/handoffs/{id}/attachments/nothing'), undefined, cookie)).status).toBe(404);
    await call('post', '/v1/agent/handoffs/{id}/callback', on('/v1/agent/handoffs/{id}/callback'), example('/v1/agent/handoffs/{id}/callback', 'post', 'called'), cookie);
    const resolved = await call('post', '/v1/agent/handoffs/{id}/resolve', on('/v1/agent/handoffs/{id}/resolve'), example('/v1/agent/handoffs/{id}/resolve', 'post', 'answered'), cookie);
    expect(resolved.status, 'the resolve example "answered"').toBe(200);
    expect((await call('put', '/v1/agent/push', '/v1/agent/push', example('/v1/agent/push', 'put', 'subscription'), cookie)).status).toBe(200);
    expect((await call('delete', '/v1/agent/push', '/v1/agent/push', example('/v1/agent/push', 'delete', 'endpoint'), cookie)).status).toBe(200);
    expect((await call('post', '/v1/agent/handoffs/{id}/claim', on('/v1/agent/handoffs/{id}/claim'), undefined, cookie)).status, '415: not JSON').toBe(415);

    // The agents' reading answers, each against its schema.
    const learning = await call('get', '/v1/agent/handoffs/{id}/learning', `${on('/v1/agent/handoffs/{id}/learning')}?articleId=refunds`, undefined, cookie);
    expect(learning.status).toBe(200);
    expect(((await learning.json()) as { candidates: unknown[] }).candidates.length, 'the handoff\'s search is a candidate').toBeGreaterThan(0);
    expect((await call('get', '/v1/agent/handoffs/{id}/learning', `${on('/v1/agent/handoffs/{id}/learning')}?articleId=`, undefined, cookie)).status, '400').toBe(400);
    expect((await call('get', '/v1/agent/handoffs/{id}/learning', '/v1/agent/handoffs/nobody/learning?articleId=refunds', undefined, cookie)).status).toBe(404);
    const chatForSeen = await createHandoff(app);
    await send(app, 'POST', `/v1/handoffs/${chatForSeen.id}/messages`, example('/v1/handoffs/{id}/messages', 'post', 'message'), bearer(chatForSeen.token));
    expect((await call('post', '/v1/agent/handoffs/{id}/seen', `/v1/agent/handoffs/${chatForSeen.id}/seen`, {}, cookie)).status).toBe(200);
    expect((await call('post', '/v1/agent/handoffs/{id}/seen', '/v1/agent/handoffs/nobody/seen', {}, cookie)).status).toBe(404);
    expect((await call('get', '/v1/agent/reports', '/v1/agent/reports?from=2025-02-01&to=2025-03-02', undefined, cookie)).status).toBe(200);
    expect((await call('get', '/v1/agent/reports', '/v1/agent/reports?from=March', undefined, cookie)).status, '400').toBe(400);
    await call('get', '/v1/agent/articles', '/v1/agent/articles', undefined, cookie);
    const learned = ((await (await call('get', '/v1/agent/phrasings', '/v1/agent/phrasings', undefined, cookie)).json()) as { phrasings: Array<{ id: string }> }).phrasings;
    expect(learned.length, 'resolving with an article taught a phrasing').toBeGreaterThan(0);
    expect((await call('get', '/v1/agent/phrasings', '/v1/agent/phrasings?articleId=', undefined, cookie)).status, '400').toBe(400);
    expect((await call('post', '/v1/agent/phrasings/{id}/confirm', `/v1/agent/phrasings/${learned[0]!.id}/confirm`, {}, cookie)).status).toBe(200);
    expect((await call('delete', '/v1/agent/phrasings/{id}', `/v1/agent/phrasings/${learned[0]!.id}`, {}, cookie)).status).toBe(200);
    expect((await call('post', '/v1/agent/phrasings/{id}/confirm', `/v1/agent/phrasings/${learned[0]!.id}/confirm`, {}, cookie)).status, 'confirming a removed phrasing').toBe(409);
    expect((await call('post', '/v1/agent/phrasings/{id}/confirm', '/v1/agent/phrasings/999999/confirm', {}, cookie)).status, '404').toBe(404);
    expect((await call('delete', '/v1/agent/phrasings/{id}', '/v1/agent/phrasings/not-a-number', {}, cookie)).status, '400').toBe(400);
    await call('get', '/v1/agent/webhooks', '/v1/agent/webhooks', undefined, cookie);
    await call('get', '/v1/agent/push', '/v1/agent/push', undefined, cookie);
    // A visitor's data: exported by the handoff, refused while open, erased once resolved, recorded.
    const zed = await createHandoff(app, { visitor: { name: 'Zed', email: 'Zed@example.com' } });
    await send(app, 'POST', `/v1/handoffs/${zed.id}/messages`, example('/v1/handoffs/{id}/messages', 'post', 'message'), bearer(zed.token));
    const exported = await call('get', '/v1/agent/visitor-data', `/v1/agent/visitor-data?handoff=${zed.id}`, undefined, cookie);
    expect(exported.status).toBe(200);
    expect(((await exported.json()) as { handoffs: Array<{ id: string }> }).handoffs.map((x) => x.id)).toContain(zed.id);
    expect((await call('get', '/v1/agent/visitor-data', '/v1/agent/visitor-data?email=ada@example.com&id=u-42', undefined, cookie)).status).toBe(400);
    expect((await call('get', '/v1/agent/visitor-data', '/v1/agent/visitor-data?handoff=nobody', undefined, cookie)).status).toBe(404);
    const byEmail = example('/v1/agent/visitor-data', 'delete', 'byEmail');
    expect((await call('delete', '/v1/agent/visitor-data', '/v1/agent/visitor-data', byEmail, cookie)).status, 'refused while a handoff of theirs is open').toBe(409);
    expect((await send(app, 'POST', `/v1/agent/handoffs/${zed.id}/resolve`, { outcome: 'answered' }, cookie)).status).toBe(200);
    expect((await call('delete', '/v1/agent/visitor-data', '/v1/agent/visitor-data', byEmail, cookie)).status).toBe(200);
    expect((await call('delete', '/v1/agent/visitor-data', '/v1/agent/visitor-data', { handoff: zed.id }, cookie)).status, 'the handoff is gone').toBe(404);
    expect((await call('delete', '/v1/agent/visitor-data', '/v1/agent/visitor-data', { email: 42 }, cookie)).status).toBe(400);
    const records = await call('get', '/v1/agent/deletions', '/v1/agent/deletions', undefined, cookie);
    expect(((await records.json()) as { deletions: unknown[] }).deletions).toHaveLength(1);
    // Without LIFELINE_ARTICLES or LIFELINE_IDENTITY_SECRET.
    expect((await call('get', '/v1/search', '/v1/search?q=refund', undefined)).status, 'search without LIFELINE_ARTICLES').toBe(503);
    expect((await call('get', '/v1/history', '/v1/history', undefined)).status, 'history without LIFELINE_IDENTITY_SECRET').toBe(404);

    expect((await call('post', '/v1/agent/logout', '/v1/agent/logout', {}, cookie)).status).toBe(204);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('its verified visitor, sent to a server with that identity secret, is verified and has a history', async () => {
    const verified = example('/v1/handoffs', 'post', 'verified') as { visitor: { token: string } };
    const withIdentity = await startTestServer({ identitySecret: 'the-site-and-lifeline-share-this-secret-0123456789' });
    const problems: string[] = [];
    const call = caller(withIdentity.app, problems);
    try {
      const made = await call('post', '/v1/handoffs', '/v1/handoffs', verified);
      expect(made.status, 'the verified example makes a handoff').toBe(201);
      const h = (await made.json()) as { id: string; token: string };
      expect((await call('post', '/v1/handoffs', '/v1/handoffs', { ...verified, clientId: 'another-client-id-0123456789', visitor: { token: 'not.a.jwt' } })).status, 'a refused token').toBe(401);
      const history = await call('get', '/v1/history', '/v1/history', undefined, bearer(verified.visitor.token));
      expect(((await history.json()) as { conversations: Array<{ id: string }> }).conversations.map((c) => c.id)).toEqual([h.id]);
      expect((await call('get', '/v1/history', '/v1/history', undefined)).status, 'history without a token').toBe(401);
      const older = await call('get', '/v1/history', `/v1/history?before=${h.id}`, undefined, bearer(verified.visitor.token));
      expect(await older.json(), 'the page after the only one').toEqual({ conversations: [], more: false });
      expect((await call('get', '/v1/history', '/v1/history?before=h_nobody', undefined, bearer(verified.visitor.token))).status, 'before, not theirs').toBe(400);
      const { cookie } = await signIn(withIdentity);
      const second = await call('post', '/v1/handoffs', '/v1/handoffs', { ...verified, clientId: 'a-second-client-id-0123456789' });
      const { id } = (await second.json()) as { id: string };
      const detail = await call('get', '/v1/agent/handoffs/{id}', `/v1/agent/handoffs/${id}`, undefined, cookie);
      expect((await detail.json()) as { verified: unknown; earlier: Array<{ id: string }> }).toMatchObject({ verified: { sub: 'cust-42' }, earlier: [{ id: h.id }] });
      await call('get', '/v1/agent/queue', '/v1/agent/queue', undefined, cookie);
    } finally {
      await withIdentity.close();
      await withIdentity.cleanup();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('its search and article answers, from a server told the site\'s articles, fit their schemas', async () => {
    const articles = catalogOf([
      { id: 'refunds', title: 'How do I get a refund?', url: 'https://shop.example/help/refunds', text: { title: 'How do I get a refund?', body: 'A refund reaches the card you paid with within 30 days.', lang: 'en' } },
      { id: 'shipping', title: 'Delivery times', text: { title: 'Delivery times', body: 'Parcels take 2 to 5 days to arrive.', lang: 'en' } },
    ]);
    const told = await startTestServer({ articles });
    const problems: string[] = [];
    const call = caller(told.app, problems);
    try {
      const found = await call('get', '/v1/search', '/v1/search?q=refund%20late');
      expect(found.status).toBe(200);
      expect(((await found.json()) as { results: Array<{ id: string }> }).results[0]?.id).toBe('refunds');
      expect((await call('get', '/v1/search', '/v1/search?q=')).status).toBe(400);
      expect((await call('get', '/v1/articles/{id}', '/v1/articles/refunds')).status).toBe(200);
      expect((await call('get', '/v1/articles/{id}', '/v1/articles/returns')).status).toBe(404);
      const { cookie } = await signIn(told);
      await call('get', '/v1/agent/articles', '/v1/agent/articles', undefined, cookie);
      const h = await createHandoff(told.app);
      await call('get', '/v1/agent/handoffs/{id}/learning', `/v1/agent/handoffs/${h.id}/learning?articleId=refunds`, undefined, cookie);
      expect((await call('get', '/v1/agent/handoffs/{id}/learning', `/v1/agent/handoffs/${h.id}/learning?articleId=refund`, undefined, cookie)).status, 'an unknown article').toBe(400);
      expect((await call('post', '/v1/agent/handoffs/{id}/resolve', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refund' }, cookie)).status).toBe(400);
    } finally {
      await told.close();
      await told.cleanup();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('its search and article refusals of an address that asked too much are the 429 it lists', async () => {
    const articles = catalogOf([{ id: 'refunds', title: 'How do I get a refund?', text: { title: 'How do I get a refund?', body: 'A refund reaches the card you paid with.', lang: 'en' } }]);
    const busy = await startTestServer({ articles, rateLimits: { search: { perMinute: 1, burst: 2 } } });
    const problems: string[] = [];
    const call = caller(busy.app, problems);
    try {
      expect((await call('get', '/v1/search', '/v1/search?q=refund')).status).toBe(200);
      expect((await call('get', '/v1/articles/{id}', '/v1/articles/refunds')).status).toBe(200);
      const search = await call('get', '/v1/search', '/v1/search?q=refund');
      expect(search.status).toBe(429);
      expect(search.headers.get('retry-after')).toBe('60');
      expect(((await search.json()) as { code: string }).code).toBe('rate_limited');
      expect((await call('get', '/v1/articles/{id}', '/v1/articles/refunds')).status).toBe(429);
    } finally {
      await busy.close();
      await busy.cleanup();
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('the checks are real: a wrong body is refused by each', () => {
    for (const [id, validate] of Object.entries(VALIDATORS)) {
      expect(validate([]).ok, `${id} refuses an array`).toBe(false);
    }
  });
});

/** The document's example `name` of the request body of `method path`. */
function example(path: string, method: string, name: string): unknown {
  const found = doc.paths[path]?.[method]?.requestBody?.content['application/json']?.examples?.[name];
  if (!found) throw new Error(`no example "${name}" for ${method.toUpperCase()} ${path}`);
  return found.value;
}

/**
 * Calls on `app` that check each answer against the operation `method path` of the document: a
 * status it lists, and a body that fits that status's schema; what does not goes in `problems`.
 */
function caller(app: StartedServer['app'], problems: string[]) {
  return async (method: string, path: string, concrete: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> => {
    const res = await send(app, method.toUpperCase(), concrete, body, headers);
    const answers = doc.paths[path]?.[method]?.responses as Record<string, { content?: Record<string, { schema?: unknown }> }> | undefined;
    const listed = answers?.[String(res.status)] as { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
    // A shared answer (components.responses: ServerError, Unavailable) is listed by reference.
    const answer = listed?.$ref ? (doc.components.responses?.[listed.$ref.replace('#/components/responses/', '')] as typeof listed) : listed;
    const key = `${method.toUpperCase()} ${path}`;
    if (!answer) problems.push(`${key} answered ${res.status}, which the document does not list (${await res.clone().text()})`);
    const schema = answer?.content?.['application/json']?.schema;
    if (schema) for (const wrong of shapeProblems(await res.clone().json(), schema, '')) problems.push(`${key} ${res.status}: ${wrong}`);
    return res;
  };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function documented(route: string): boolean {
  const [method, path] = route.split(' ') as [string, string];
  return Boolean(doc.paths[path]?.[method.toLowerCase()]);
}
