/**
 * A real webhook receiver for tests (not a test file): an HTTP server on a free loopback port
 * that checks every delivery's signature with the `standardwebhooks` package (the spec's own
 * verifier, not our code) and answers as the test tells it: 2xx, a status, or never.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { WebhookEvent } from '../../protocol/webhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  /** The body as the library verified and parsed it. */
  event: WebhookEvent;
  /** What this receiver answered. */
  answered: number | 'nothing';
}

export interface TestReceiver {
  url: string;
  /** Every request whose signature verified, in order. */
  received: ReceivedWebhook[];
  /** Requests that failed verification (with the library's words); a passing test has none. */
  rejected: string[];
  /** How to answer the next requests: a status for each, then `then` for the rest. */
  answer(statuses: Array<number | 'nothing'>, then?: number | 'nothing'): void;
  /** How to answer each request, told its id, type and how many times this id came before (0 the first time). */
  respond(decide: (hook: { id: string; type: string; seenBefore: number }) => number | 'nothing'): void;
  /** Resolves once `predicate` holds for some received webhook (checked on every arrival). */
  waitFor(predicate: (w: ReceivedWebhook) => boolean): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startTestReceiver(secret: string): Promise<TestReceiver> {
  const verifier = new Webhook(secret);
  const received: ReceivedWebhook[] = [];
  const rejected: string[] = [];
  let queue: Array<number | 'nothing'> = [];
  let rest: number | 'nothing' = 204;
  let decide: ((hook: { id: string; type: string; seenBefore: number }) => number | 'nothing') | null = null;
  const waiters = new Set<() => void>();
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      let event: WebhookEvent;
      try {
        event = verifier.verify(body, headers) as WebhookEvent;
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end('bad signature');
        return;
      }
      const id = headers['webhook-id']!;
      const seenBefore = received.filter((r) => r.id === id).length;
      const answered = queue.length ? queue.shift()! : decide ? decide({ id, type: event.type, seenBefore }) : rest;
      received.push({ id, timestamp: headers['webhook-timestamp']!, event, answered });
      for (const wake of waiters) wake();
      if (answered === 'nothing') {
        hanging.add(res); // never answered: the sender must give up by itself
        res.on('close', () => hanging.delete(res));
      } else {
        res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered >= 300 ? 'receiver says no' : '');
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    rejected,
    answer(statuses, then = 204) {
      queue = [...statuses];
      rest = then;
      decide = null;
    },
    respond(fn) {
      queue = [];
      decide = fn;
    },
    waitFor(predicate) {
      return new Promise((resolve) => {
        const check = (): void => {
          const hit = received.find(predicate);
          if (hit) {
            waiters.delete(check);
            resolve(hit);
          }
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
