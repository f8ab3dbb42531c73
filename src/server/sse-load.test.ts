/**
 * 1,000 visitors with an event stream open at once, over real HTTP on loopback: every stream
 * gets its replay, then a live reply, and every subscription is gone once they disconnect.
 */
import { serve, type ServerType } from '@hono/node-server';
import { request, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CreateHandoffResponse } from '../protocol/types';
import { createHandoff, send, signIn, startTestServer } from './testing';

const VISITORS = 1_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let http: ServerType;
let port: number;
beforeAll(async () => {
  server = await startTestServer();
  http = serve({ fetch: server.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => http.once('listening', resolve));
  port = (http.address() as AddressInfo).port;
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => http.close(resolve));
  await server.cleanup();
});

/** Opens a stream and calls back with each chunk of text; a plain socket per visitor. */
function connect(h: CreateHandoffResponse, onText: (text: string) => void): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/v1/handoffs/${h.id}/events`, agent: false, headers: { authorization: `Bearer ${h.token}` } },
      (res) => {
        if (res.statusCode !== 200) reject(new Error(`events answered ${res.statusCode}`));
        res.setEncoding('utf8');
        res.on('data', onText);
        resolve(req);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

it(`holds ${VISITORS} concurrent event streams and reaches every one`, { timeout: 60_000 }, async () => {
  const handoffs: CreateHandoffResponse[] = [];
  for (let i = 0; i < VISITORS; i++) handoffs.push(await createHandoff(server.app));

  const seen = handoffs.map(() => '');
  const waitFor = async (pattern: string) => {
    const deadline = Date.now() + 30_000;
    while (seen.some((text) => !text.includes(pattern))) {
      if (Date.now() > deadline) throw new Error(`${seen.filter((t) => !t.includes(pattern)).length} streams never got ${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // The server's own subscriptions (the queue announcer's, api/queue.ts), beside the streams'.
  const idle = server.bus.size;
  const requests = await Promise.all(handoffs.map((h, i) => connect(h, (text) => (seen[i] += text))));
  await waitFor('id: 1\n');
  expect(server.bus.size).toBe(idle + VISITORS);

  const agent = await signIn(server);
  for (const h of handoffs) {
    const res = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'reply-0001', text: 'Hello!' }, agent.cookie);
    expect(res.status).toBe(201);
  }
  await waitFor('id: 4\n'); // agent_joined (2), status active (3), the message (4)
  expect(seen.every((text) => text.includes('"text":"Hello!"'))).toBe(true);

  for (const req of requests) req.destroy();
  const deadline = Date.now() + 10_000;
  while (server.bus.size > idle && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(server.bus.size).toBe(idle);
});
