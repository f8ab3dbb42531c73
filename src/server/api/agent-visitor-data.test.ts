import { describe, expect, it } from 'vitest';
import type { VisitorDeletion, VisitorExport, VisitorStillOpen } from '../../protocol/visitor-data';
import type { ErrorBody } from '../../protocol/types';
import { createHandoff, eachTestOnAFreshServer, send, signIn, visitorMessage, type StartedServer } from '../testing';
import type { AgentDeletions } from './agent-visitor-data';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s));

const zed = { name: 'Zed Quill', email: 'Zed@Example.com', id: 'cust-9' };

describe('a visitor’s data for agents (/v1/agent/visitor-data)', () => {
  it('exports by handoff, e-mail or id, and deletes after the open handoff is resolved, recording who', async () => {
    const { cookie, agentId } = await signIn(server);
    const first = await createHandoff(server.app, { visitor: zed });
    expect((await visitorMessage(server.app, first, 'quill words')).status).toBe(201);
    const second = await createHandoff(server.app, { visitor: { email: 'zed@example.com' } });
    const other = await createHandoff(server.app, { visitor: { name: 'Ann', email: 'ann@example.com' } });

    const exported = await send(server.app, 'GET', `/v1/agent/visitor-data?handoff=${first.id}`, undefined, cookie);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toMatch(/^attachment; filename="lifeline-visitor-\d{4}-\d\d-\d\d\.json"$/);
    const body = (await exported.json()) as VisitorExport;
    expect(body.handoffs.map((h) => h.id).sort()).toEqual([first.id, second.id].sort());
    expect(body.handoffs.flatMap((h) => h.messages.map((m) => m.text))).toEqual(['quill words']);
    const byEmail = (await (await send(server.app, 'GET', '/v1/agent/visitor-data?email=ZED%40example.com', undefined, cookie)).json()) as VisitorExport;
    expect(byEmail.handoffs).toHaveLength(2);
    const byId = (await (await send(server.app, 'GET', '/v1/agent/visitor-data?id=cust-9', undefined, cookie)).json()) as VisitorExport;
    expect(byId.handoffs.map((h) => h.id)).toEqual([first.id]);

    // Both are open: nothing goes.
    const refused = await send(server.app, 'DELETE', '/v1/agent/visitor-data', { handoff: first.id }, cookie);
    expect(refused.status).toBe(409);
    const why = (await refused.json()) as VisitorStillOpen;
    expect(why.open.sort()).toEqual([first.ref, second.ref].sort());
    expect(why.code).toBe('conflict');
    expect(why.error).toMatch(/^Nothing was deleted: #\d+, #\d+ are still open\. Resolve them first\.$/);

    for (const h of [first, second]) {
      await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, cookie);
      await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered' }, cookie);
    }
    const deleted = await send(server.app, 'DELETE', '/v1/agent/visitor-data', { handoff: first.id }, cookie);
    expect(deleted.status).toBe(200);
    expect((await deleted.json()) as VisitorDeletion).toMatchObject({ deleted: { handoffs: 2, messages: 1 }, refs: expect.arrayContaining([first.ref, second.ref]) });
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${first.id}`, undefined, cookie)).status).toBe(404);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${other.id}`, undefined, cookie)).status).toBe(200);
    // The handoff is gone: asked by it again, 404.
    expect((await send(server.app, 'DELETE', '/v1/agent/visitor-data', { handoff: first.id }, cookie)).status).toBe(404);

    const records = (await (await send(server.app, 'GET', '/v1/agent/deletions', undefined, cookie)).json()) as AgentDeletions;
    expect(records.deletions).toEqual([
      { id: expect.any(String), at: expect.any(String), reason: 'visitor', agentId, actor: 'Ada (ada@example.com)', counts: expect.objectContaining({ handoffs: 2 }) },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/zed|quill|cust-9/i);
  });

  it('says what is wrong with the question, and answers agents only', async () => {
    const { cookie } = await signIn(server);
    const ask = async (query: string) => {
      const res = await send(server.app, 'GET', `/v1/agent/visitor-data${query}`, undefined, cookie);
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };
    expect(await ask('')).toEqual({ status: 400, body: { error: 'Name the visitor with exactly one of handoff, email or id.', code: 'invalid', path: 'handoff' } });
    expect(await ask('?email=a@b.c&id=x')).toEqual({ status: 400, body: { error: 'Name the visitor with exactly one of handoff, email or id.', code: 'invalid', path: 'id' } });
    expect(await ask('?email=nobody')).toEqual({ status: 400, body: { error: 'email must be an e-mail address, got "nobody"', code: 'invalid', path: 'email' } });
    expect(await ask('?id=')).toEqual({ status: 400, body: { error: 'id must be 1 to 320 characters', code: 'invalid', path: 'id' } });
    expect(await ask('?handoff=no-such')).toEqual({ status: 404, body: { error: 'There is no such handoff.', code: 'not_found' } });
    expect((await send(server.app, 'GET', '/v1/agent/visitor-data?email=a@b.c')).status).toBe(401);
    expect((await send(server.app, 'DELETE', '/v1/agent/visitor-data', { email: 'a@b.c' })).status).toBe(401);
    const del = async (body: unknown) => {
      const res = await send(server.app, 'DELETE', '/v1/agent/visitor-data', body, cookie);
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };
    expect(await del([])).toEqual({ status: 400, body: { error: expect.stringMatching(/^The body must be a JSON object naming the visitor/), code: 'invalid', path: '' } });
    expect(await del({ email: 42 })).toEqual({ status: 400, body: { error: 'email must be 1 to 320 characters', code: 'invalid', path: 'email' } });
  });
});
