/**
 * Agents sign in with email and password and get a session cookie (HttpOnly, SameSite=Strict,
 * Secure over https). Sessions last 8 hours from the last request. Login attempts are limited
 * per IP, and per IP and e-mail together: a guesser is slowed down (429 with Retry-After) on the
 * address they guess from, and the agent still signs in from theirs. There is no limit per e-mail
 * alone, which anyone could use up to lock the agent out everywhere. Every other /v1/agent route goes through `requireAgent`; a visitor
 * token never opens them.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newSecret, sha256 } from '../crypto';
import { dummyPassword, verifyPassword } from '../passwords';
import type { AgentMe } from './agent-types';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, isHttps, iso, problem, rateLimited, readJson } from './http';
import type { AgentRecord } from '../store/types';

export const SESSION_COOKIE = 'lifeline_session';
export const SESSION_MS = 8 * 60 * 60_000;
/** A sliding session is pushed back at most this often, not on every request. */
const EXTEND_EVERY_MS = 60_000;

const me = (agent: AgentRecord): AgentMe => ({ id: agent.id, email: agent.email, name: agent.name });

export function requireAgent(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const value = getCookie(c, SESSION_COOKIE);
    const now = deps.now();
    const found = value ? await deps.store.findSession(sha256(value), iso(now)) : null;
    if (!found) return problem(c, 401, 'Sign in first: POST /v1/agent/login with your email and password.');
    if (Date.parse(found.session.expiresAt) - now < SESSION_MS - EXTEND_EVERY_MS) {
      await deps.store.extendSession(found.session.idHash, iso(now + SESSION_MS));
    }
    deps.presence.seen(found.agent.id);
    c.set('agent', found.agent);
    await next();
  };
}

export function agentAuthRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.post('/login', async (c) => {
    const body = await readJson(c, validateLogin);
    if (!body.ok) return body.response;
    const { email, password } = body.value;
    const ip = clientIp(c, deps.trustProxy);
    const limited =
      (await rateLimited(c, deps.limiters.loginPerIpAndEmail, `${ip} ${email.toLowerCase()}`)) ??
      (await rateLimited(c, deps.limiters.loginPerIp, ip));
    if (limited) return limited;

    const agent = await deps.store.findAgentByEmail(email);
    const check = agent ?? (await dummyPassword());
    const valid = await verifyPassword(password, check.passwordHash, check.salt);
    if (!agent || !valid) return problem(c, 401, 'Wrong email or password.');

    const now = deps.now();
    await deps.store.deleteExpiredSessions(iso(now));
    const session = newSecret();
    await deps.store.createSession({ idHash: sha256(session), agentId: agent.id, expiresAt: iso(now + SESSION_MS) });
    setCookie(c, SESSION_COOKIE, session, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: isHttps(c, deps.trustProxy),
    });
    deps.presence.seen(agent.id);
    return c.json(me(agent));
  });

  routes.post('/logout', async (c) => {
    const value = getCookie(c, SESSION_COOKIE);
    if (value) await deps.store.deleteSession(sha256(value));
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, deps.trustProxy) });
    return c.body(null, 204);
  });

  routes.get('/me', requireAgent(deps), (c) => c.json(me(c.get('agent'))));

  return routes;
}

/** The login body; server-only, so it lives here rather than in protocol/validate.ts. */
export function validateLogin(body: unknown) {
  type Login = { email: string; password: string };
  const o = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  if (o === null) return { ok: false as const, path: '', error: 'The body must be a JSON object' };
  if (typeof o.email !== 'string' || o.email.length === 0 || o.email.length > 200) {
    return { ok: false as const, path: 'email', error: 'email must be a string of 1 to 200 characters' };
  }
  if (typeof o.password !== 'string' || o.password.length === 0 || o.password.length > 1000) {
    return { ok: false as const, path: 'password', error: 'password must be a string of 1 to 1000 characters' };
  }
  return { ok: true as const, value: { email: o.email, password: o.password } satisfies Login };
}
