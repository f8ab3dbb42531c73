/**
 * Browser notifications for agents (Web Push): the agents' API bodies for turning them on and
 * off (GET/PUT/DELETE /v1/agent/push), their validation, and the notice a push message carries
 * to the console's service worker. Shared by the server, which checks and sends them, and the
 * console, which subscribes and shows them. Pure: no Node APIs, no DOM.
 */
import type { Channel } from './transcript';
import type { Validation } from './validate';

/** GET /v1/agent/push: the server's VAPID public key (base64url, an uncompressed P-256 point). */
export interface AgentPushKey {
  publicKey: string;
  /** How many browsers (devices) the signed-in agent has notifications on in. */
  devices: number;
}

/**
 * PUT /v1/agent/push: turn notifications on in this browser, with what
 * `PushSubscription.toJSON()` gives (extra keys such as `expirationTime` are ignored).
 */
export interface PushSubscriptionBody {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** DELETE /v1/agent/push: turn notifications off in this browser. */
export interface PushUnsubscribeBody {
  endpoint: string;
}

export const PUSH_LIMITS = Object.freeze({
  /** Longest endpoint URL: push services' are about 200 to 500 characters. */
  endpoint: 2_000,
  /** Browsers (devices) one agent may have notifications on in; the one saved longest ago gives way. */
  devicesPerAgent: 10,
  /** Largest payload, in bytes of its JSON: well under the 4 KB every push service takes once encrypted. */
  payloadBytes: 3 * 1024,
  /** Longest question or message text in a notice, in characters, before "…". */
  text: 200,
  /** Longest visitor name in a notice. */
  name: 80,
});

/**
 * What a push message says, as JSON (the service worker reads it and words the notification):
 * a new handoff waiting, or a visitor's message on a handoff the agent has.
 */
export type PushNotice =
  | {
      v: 1;
      kind: 'handoff';
      handoffId: string;
      ref: string;
      channel: Channel;
      /** The visitor's name, when the site told it (Lifeline('identify')). */
      visitorName: string | null;
      /** What the visitor asked: a callback's note, else their last search, else the last article they read; shortened. */
      question: string | null;
      /** A callback's booked time (ISO), else null. */
      callbackAt: string | null;
    }
  | {
      v: 1;
      kind: 'message';
      handoffId: string;
      ref: string;
      visitorName: string | null;
      /** The message, shortened. */
      text: string;
    };

const B64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Bytes a base64url text decodes to, or null when it is not base64url. */
export function base64urlBytes(text: string): number | null {
  if (!B64URL.test(text)) return null;
  const bare = text.replace(/=+$/, '');
  if (bare.length % 4 === 1) return null;
  return Math.floor((bare.length * 3) / 4);
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `endpoint` may receive push messages: an https URL without credentials. Every push
 * service browsers use (Google, Mozilla, Apple, Microsoft) is https; with `allowLoopbackHttp`
 * (the server's tests, never a setting) an http URL on this machine is taken too, for a test push
 * service that needs no certificate.
 */
export function endpointProblem(endpoint: string, allowLoopbackHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'endpoint must be the push service URL the browser gave (PushSubscription.endpoint)';
  }
  if (url.username !== '' || url.password !== '') return 'endpoint must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return `endpoint must be an https URL, got ${url.protocol.slice(0, -1)}`;
}

export function validatePushSubscription(body: unknown, options: { allowLoopbackHttp: boolean }): Validation<PushSubscriptionBody> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('', 'The body must be a JSON object');
  const o = body as Record<string, unknown>;
  const endpoint = checkEndpoint(o.endpoint, options.allowLoopbackHttp);
  if (!endpoint.ok) return endpoint;
  if (typeof o.keys !== 'object' || o.keys === null || Array.isArray(o.keys)) {
    return fail('keys', 'keys must be an object with p256dh and auth (PushSubscription.toJSON().keys)');
  }
  const keys = o.keys as Record<string, unknown>;
  // p256dh: the browser's P-256 public key, uncompressed (65 bytes, the first 0x04, so "B...").
  if (typeof keys.p256dh !== 'string' || base64urlBytes(keys.p256dh) !== 65 || !keys.p256dh.startsWith('B')) {
    return fail('keys.p256dh', 'keys.p256dh must be the browser’s P-256 public key: 65 bytes, base64url');
  }
  if (typeof keys.auth !== 'string' || base64urlBytes(keys.auth) !== 16) {
    return fail('keys.auth', 'keys.auth must be the browser’s 16-byte authentication secret, base64url');
  }
  return { ok: true, value: { endpoint: endpoint.value, keys: { p256dh: keys.p256dh, auth: keys.auth } } };
}

export function validatePushUnsubscribe(body: unknown): Validation<PushUnsubscribeBody> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('', 'The body must be a JSON object');
  // Any URL may be turned off, even one that would no longer be taken.
  const endpoint = checkEndpoint((body as Record<string, unknown>).endpoint, true, false);
  return endpoint.ok ? { ok: true, value: { endpoint: endpoint.value } } : endpoint;
}

function checkEndpoint(value: unknown, allowLoopbackHttp: boolean, strict = true): Validation<string> {
  if (typeof value !== 'string' || value === '') return fail('endpoint', 'endpoint must be the push service URL the browser gave (PushSubscription.endpoint)');
  if (value.length > PUSH_LIMITS.endpoint) return fail('endpoint', `endpoint must be at most ${PUSH_LIMITS.endpoint} characters`);
  const problem = strict ? endpointProblem(value, allowLoopbackHttp) : null;
  return problem ? fail('endpoint', problem) : { ok: true, value };
}

const fail = (path: string, error: string): { ok: false; path: string; error: string } => ({ ok: false, path, error });

/** `text` on one line, at most `max` characters, "…" at the end when cut (never half an emoji). */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  if (chars.length <= max) return line;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
