/**
 * A visitor's personal data, for agents (issue 16): GET /v1/agent/visitor-data?handoff= exports
 * everything kept about one visitor as JSON (a download), DELETE /v1/agent/visitor-data with
 * {"handoff": id} erases it and records who asked (../erasure/visitor.ts), and GET
 * /v1/agent/deletions lists those records. The visitor is named by exactly one of `handoff` (the
 * console: that handoff and every other with its visitor's e-mail or id), `email` or `id`.
 * Behind requireAgent, under /v1/agent.
 */
import { Hono } from 'hono';
import type { VisitorDeletion, VisitorKey, VisitorStillOpen } from '../../protocol/visitor-data';
import { deleteVisitor, exportVisitor } from '../erasure/visitor';
import type { DeletionRecord } from '../store/types';
import type { ApiDeps, ApiEnv } from './deps';
import { problem, type ApiContext } from './http';
import type { Validation } from '../../protocol/validate';

/** The longest e-mail or id taken (identify()'s limits are shorter). */
const MAX_KEY = 320;
const DELETIONS_LIMIT = 200;

/** GET /v1/agent/deletions. */
export interface AgentDeletions {
  deletions: DeletionRecord[];
}

/** The key in `fields` (the query of a GET, the JSON body of a DELETE), or what is wrong with it. */
function readKey(fields: (name: string) => unknown): Validation<VisitorKey> {
  const given = (['handoff', 'email', 'id'] as const).flatMap((name) => {
    const value = fields(name);
    if (value === undefined) return [];
    return [[name, typeof value === 'string' ? value.trim() : ''] as const];
  });
  if (given.length !== 1) return { ok: false, error: 'Name the visitor with exactly one of handoff, email or id.', path: given.length ? given[1]![0] : 'handoff' };
  const [name, value] = given[0]!;
  if (value === '' || value.length > MAX_KEY) return { ok: false, error: `${name} must be 1 to ${MAX_KEY} characters`, path: name };
  if (name === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) return { ok: false, error: `email must be an e-mail address, got "${value}"`, path: name };
  return { ok: true, value: name === 'handoff' ? { handoffId: value } : name === 'email' ? { email: value.toLowerCase() } : { id: value } };
}

/** The check of DELETE /v1/agent/visitor-data's body (exported for docs/openapi.json's test). */
export function validateVisitorKeyBody(body: unknown): Validation<VisitorKey> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, error: 'The body must be a JSON object naming the visitor: {"handoff": id}, {"email": address} or {"id": id}', path: '' };
  }
  return readKey((name) => (body as Record<string, unknown>)[name]);
}

function keyOf(c: ApiContext, read: Validation<VisitorKey>): VisitorKey | Response {
  return read.ok ? read.value : problem(c, 400, read.error, read.path);
}

export function agentVisitorDataRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.get('/visitor-data', async (c) => {
    const key = keyOf(c, readKey((name) => c.req.query(name)));
    if (key instanceof Response) return key;
    if ('handoffId' in key && !(await deps.store.findHandoff(key.handoffId))) return problem(c, 404, 'There is no such handoff.');
    const exported = await exportVisitor(deps.store, key, deps.now());
    c.header('Content-Disposition', `attachment; filename="lifeline-visitor-${exported.exportedAt.slice(0, 10)}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(exported);
  });

  // The key in a JSON body, as every write of the agents' API (a cross-site form cannot send one).
  routes.delete('/visitor-data', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch (error) {
      return problem(c, 400, `The body must be JSON, and ${(error as Error).message}`, '');
    }
    const key = keyOf(c, validateVisitorKeyBody(body));
    if (key instanceof Response) return key;
    if ('handoffId' in key && !(await deps.store.findHandoff(key.handoffId))) return problem(c, 404, 'There is no such handoff.');
    const agent = c.get('agent');
    const result = await deleteVisitor(deps.store, key, { agentId: agent.id, name: `${agent.name} (${agent.email})` }, deps.now());
    if (!result.ok) {
      const refs = result.open.map((r) => `#${r}`).join(', ');
      return c.json<VisitorStillOpen>(
        { error: `Nothing was deleted: ${refs} ${result.open.length === 1 ? 'is' : 'are'} still open. Resolve ${result.open.length === 1 ? 'it' : 'them'} first.`, code: 'conflict', open: result.open },
        409,
      );
    }
    return c.json<VisitorDeletion>({ deleted: result.deleted, refs: result.refs });
  });

  routes.get('/deletions', async (c) => c.json<AgentDeletions>({ deletions: await deps.store.deletions(DELETIONS_LIMIT) }));

  return routes;
}
