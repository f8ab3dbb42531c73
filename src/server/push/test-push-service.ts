/**
 * Vitest helper (not a test file): a push service of our own on loopback, playing the part of
 * Google's or Mozilla's, and the browser side of a subscription. It checks what a real push
 * service checks and reads what a real browser reads, with node:crypto only (never web-push,
 * which made what it checks):
 * - the VAPID header (RFC 8292): `Authorization: vapid t=<JWT>, k=<public key>`, the JWT signed
 *   ES256 by the key `k`, its `aud` the endpoint's origin, `exp` ahead but within 24 hours, `sub`
 *   a mailto: or https: contact;
 * - the payload, aes128gcm (RFC 8188) encrypted to the subscription's keys (RFC 8291): the
 *   browser's P-256 key pair and 16-byte auth secret are made here, as a browser makes them, and
 *   the message is decrypted with ECDH, HKDF and AES-128-GCM.
 * Each subscription may be told to answer one request with a status (410: gone; 500: down).
 */
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BrowserSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload, as text. */
  text: string;
  ttl: string | undefined;
  urgency: string | undefined;
  /** The JWT's claims, checked. */
  claims: { aud: string; exp: number; sub: string };
  /** The `k` of the VAPID header: the server's public key. */
  vapidKey: string;
}

export interface TestPushService {
  origin: string;
  /** A new subscription, as a browser makes one: its endpoint here, and its keys. */
  subscribe(): BrowserSubscription;
  /** The next request to `id` is answered `status` (and not delivered). */
  answerOnce(id: string, status: number): void;
  /** Messages delivered (decrypted and checked), in order. */
  received: ReceivedPush[];
  /** Requests refused, with why (a bad signature, a payload that does not decrypt...). */
  refused: Array<{ subscriptionId: string; status: number; why: string }>;
  /** Resolves once `n` messages have been delivered in all. */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedPush[]>;
  close(): Promise<void>;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');
const fromB64url = (text: string): Buffer => Buffer.from(text, 'base64url');

export async function startTestPushService(): Promise<TestPushService> {
  const subscriptions = new Map<string, { ecdh: ECDH; auth: Buffer; once: number[] }>();
  const received: ReceivedPush[] = [];
  const refused: TestPushService['refused'] = [];
  const waiters: Array<() => void> = [];
  let origin = '';

  const server: Server = createServer((req, res) => {
    void handle(req).then(
      ({ status, why }) => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(why ?? '');
      },
      (error: unknown) => {
        res.writeHead(500).end(String(error));
      },
    );
  });

  async function handle(req: IncomingMessage): Promise<{ status: number; why?: string }> {
    const body = await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
    const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
    const sub = id ? subscriptions.get(id) : undefined;
    if (!id || !sub || req.method !== 'POST') return { status: 404, why: 'no such subscription' };
    const forced = sub.once.shift();
    if (forced !== undefined) return { status: forced, why: 'told to answer so' };
    const refuse = (status: number, why: string) => {
      refused.push({ subscriptionId: id, status, why });
      return { status, why };
    };

    const vapid = checkVapid(req.headers.authorization, `${origin}`);
    if ('why' in vapid) return refuse(403, vapid.why);
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `content-encoding ${String(req.headers['content-encoding'])}`);
    if (req.headers.ttl === undefined) return refuse(400, 'no TTL header');
    let text: string;
    try {
      text = decrypt(body, sub.ecdh, sub.auth);
    } catch (error) {
      return refuse(400, `the payload does not decrypt: ${(error as Error).message}`);
    }
    received.push({
      subscriptionId: id,
      text,
      ttl: req.headers.ttl as string | undefined,
      urgency: req.headers.urgency as string | undefined,
      claims: vapid.claims,
      vapidKey: vapid.key,
    });
    for (const wake of waiters.splice(0)) wake();
    return { status: 201 };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    refused,
    subscribe() {
      const id = b64url(randomBytes(9));
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      subscriptions.set(id, { ecdh, auth, once: [] });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64url(ecdh.getPublicKey()), auth: b64url(auth) } };
    },
    answerOnce(id, status) {
      subscriptions.get(id)?.once.push(status);
    },
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the push service got ${received.length} of ${n} messages (refused: ${JSON.stringify(refused)})`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, n);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8292: `vapid t=<JWT>, k=<key>`; the JWT verified with `k` and its claims checked. */
function checkVapid(header: string | undefined, audience: string): { claims: ReceivedPush['claims']; key: string } | { why: string } {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  if (!match) return { why: `Authorization is not "vapid t=..., k=...": ${header}` };
  const [jwt, k] = [match[1]!, match[2]!];
  const [head, payload, signature] = jwt.split('.') as [string, string, string];
  const point = fromB64url(k);
  if (point.length !== 65 || point[0] !== 4) return { why: 'k is not an uncompressed P-256 point' };
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: b64url(point.subarray(1, 33)), y: b64url(point.subarray(33)) },
    format: 'jwk',
  });
  const header_ = JSON.parse(fromB64url(head).toString('utf8')) as { alg?: string; typ?: string };
  if (header_.alg !== 'ES256') return { why: `the JWT's alg is ${header_.alg}, not ES256` };
  // ES256 signatures are r || s, 64 bytes (JWS), not DER.
  const ok = verify('sha256', Buffer.from(`${head}.${payload}`), { key, dsaEncoding: 'ieee-p1363' }, fromB64url(signature));
  if (!ok) return { why: 'the JWT signature does not verify with k' };
  const claims = JSON.parse(fromB64url(payload).toString('utf8')) as { aud?: unknown; exp?: unknown; sub?: unknown };
  const now = Date.now() / 1000;
  if (claims.aud !== audience) return { why: `aud is ${String(claims.aud)}, not ${audience}` };
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 24 * 3600) return { why: `exp ${String(claims.exp)} is not within the next 24 hours` };
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) return { why: `sub ${String(claims.sub)} is not a mailto: or https: contact` };
  return { claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub }, key: k };
}

/** RFC 8291 over RFC 8188: the browser's side of aes128gcm. One record, as pushes of under 4 KB are. */
export function decrypt(body: Buffer, ecdh: ECDH, authSecret: Buffer): string {
  if (body.length < 21) throw new Error('too short for an aes128gcm header');
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const serverKey = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not the server's 65-byte public key`);
  if (ciphertext.length > rs) throw new Error('more than one record');
  const shared = ecdh.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('no last-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}
