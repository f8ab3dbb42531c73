/** Small helpers every route uses: error answers, JSON bodies, the client's address and origin. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, IdentityErrorCode } from '../../protocol/types';
import type { Validation } from '../../protocol/validate';
import type { RateLimiter } from '../rate-limit';
import type { ApiEnv } from './deps';

export type ApiContext = Context<ApiEnv>;

export const problem = (c: Context, status: ContentfulStatusCode, error: string, path?: string): Response =>
  c.json<ErrorBody>(path === undefined ? { error } : { error, path }, status);

/** 401 for an identity token that was refused: the reason in `error`, its `code` for programs. */
export function identityRefused(c: Context, refusal: { code: IdentityErrorCode; error: string }, path?: string): Response {
  c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
  return c.json<ErrorBody>({ error: refusal.error, code: refusal.code, ...(path !== undefined && { path }) }, 401);
}

/**
 * Reads and validates a JSON body. The answer is the value, or the 400 to send: a parse error
 * with path "", a validation error with the path of the first bad field.
 */
export async function readJson<T>(
  c: Context,
  validate: (body: unknown) => Validation<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    const reason = text.trim() === '' ? 'it is empty' : (e as Error).message; // JSON.parse throws SyntaxError
    return { ok: false, response: problem(c, 400, `The body must be JSON, and ${reason}`, '') };
  }
  const result = validate(body);
  return result.ok ? result : { ok: false, response: problem(c, 400, result.error, result.path) };
}

/** Takes a token for `key`, or answers 429 with Retry-After. */
export async function rateLimited(c: Context, limiter: RateLimiter, key: string): Promise<Response | null> {
  const take = await limiter.take(key);
  if (take.ok) return null;
  c.header('Retry-After', String(take.retryAfterSeconds));
  return problem(c, 429, `Too many requests; try again in ${take.retryAfterSeconds} seconds.`);
}

/**
 * The client's IP: the socket's peer, or, behind a trusted proxy, the last X-Forwarded-For entry
 * (the address that proxy saw; earlier entries are whatever the client chose to send).
 */
export function clientIp(c: ApiContext, trustProxy: boolean): string {
  if (trustProxy) {
    const last = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  // c.env is undefined under app.request without bindings (tests), hence the optional chain.
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}

/**
 * The origin the request says it was sent to, e.g. "http://127.0.0.1:8787": only for the
 * session cookie's Secure flag. It is built from headers the client writes, so no check of
 * who may call trusts it (the server's own origins are settings: origins.ts).
 */
function requestOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (!trustProxy) return url.origin;
  const first = (name: string) => c.req.header(name)?.split(',')[0]?.trim();
  const proto = first('x-forwarded-proto') ?? url.protocol.slice(0, -1);
  const host = first('x-forwarded-host') ?? url.host;
  return `${proto}://${host}`;
}

export const isHttps = (c: Context, trustProxy: boolean): boolean => requestOrigin(c, trustProxy).startsWith('https:');

export const iso = (ms: number): string => new Date(ms).toISOString();
