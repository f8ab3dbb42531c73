/**
 * The load generator's HTTP, on node:http rather than fetch: its sockets and pool are in plain
 * sight (an Agent we size and destroy), and it sends no Accept-Encoding, so nothing is
 * compressed and the server's work is the API's, not zlib's. Every request has a timeout.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface Target {
  port: number;
  /** Keep-alive pool for these requests; its maxSockets bounds the sockets they use. */
  agent: Agent;
}

export interface JsonAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/**
 * Idle keep-alive sockets are dropped after this long, well before the server's own 5 s
 * (Node's keepAliveTimeout): otherwise a request may go out on a socket the server is closing
 * at that very moment, and fail with ECONNRESET through no fault of either.
 */
const IDLE_MS = 2_000;

/** A pool of keep-alive sockets to loopback for short requests, at most `maxSockets` at once. */
export const pool = (maxSockets: number): Agent =>
  new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, timeout: IDLE_MS });

/** A pool for event streams: a socket each, never reused (a stream ends only when its socket does). */
export const streamPool = (maxSockets: number): Agent => new Agent({ keepAlive: false, maxSockets });

/** One request with a JSON body (if any) and a JSON (or empty) answer. */
export function requestJson(
  target: Target,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<JsonAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        agent: target.agent,
        method,
        path,
        headers: { ...(payload !== undefined && { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text === '' ? null : JSON.parse(text) });
          } catch (error) {
            reject(new Error(`${method} ${path} answered ${res.statusCode} with a body that is not JSON: ${(error as Error).message}`));
          }
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} got no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface SseConnection {
  /** Ends the stream from this side (as a visitor who leaves). */
  close(): void;
  /** True once the stream ended, by either side. */
  readonly ended: boolean;
}

/**
 * Opens an event stream. Resolves once the answer is 200 and its first bytes arrived (the
 * server writes `retry:` only after subscribing, so from then on nothing published is missed).
 * `onEvent` gets each event's type and raw data (parsing is left to the caller, which only
 * needs a few); comments (heartbeats) and blocks without data (`retry:`) are skipped. Blocks end with a blank
 * line; the reference server writes "\n" line ends, which is all this parser reads.
 */
export function openSse(
  target: Target,
  path: string,
  headers: Record<string, string>,
  onEvent: (type: string, data: string) => void,
  timeoutMs = 30_000,
): Promise<SseConnection> {
  return new Promise((resolve, reject) => {
    let ended = false;
    let opened = false;
    const connection: SseConnection = {
      close: () => req.destroy(),
      get ended() {
        return ended;
      },
    };
    const req = request(
      { host: '127.0.0.1', port: target.port, agent: target.agent, path, headers: { accept: 'text/event-stream', ...headers } },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          req.destroy();
          reject(new Error(`GET ${path} answered ${res.statusCode}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (text: string) => {
          if (!opened) {
            opened = true;
            req.setTimeout(0); // a live stream is quiet for long stretches: that is not a failure
            resolve(connection);
          }
          buffer += text;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            dispatch(block, onEvent);
          }
        });
        // A stream cut mid-way is an end, not a crash: the caller counts `ended` streams and reports them.
        res.on('error', () => (ended = true));
        res.on('close', () => (ended = true));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${path} did not start streaming within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      ended = true;
      if (!opened) reject(error); // after opening, an error is an end: the caller sees `ended`
    });
    req.on('close', () => (ended = true));
    req.end();
  });
}

function dispatch(block: string, onEvent: (type: string, data: string) => void): void {
  let type = 'message';
  let data: string | null = null;
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data = (data === null ? '' : data + '\n') + line.slice(5).replace(/^ /, '');
  }
  if (data !== null) onEvent(type, data);
}
