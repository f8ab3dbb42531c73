/**
 * The handoff API (docs/protocol.md), mounted by createApp under /v1. Cross-cutting rules live here:
 * the body limit, CORS for the visitor API, same-origin and JSON-only for the agent API, JSON
 * errors for everything, including routes that do not exist.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { LIMITS } from '../../protocol/validate';
import { agentAuthRoutes, requireAgent } from './agent-auth';
import { agentHandoffRoutes } from './agent-handoffs';
import { agentQueueRoutes } from './agent-queue';
import { agentPhrasingRoutes } from './agent-phrasings';
import { agentPushRoutes } from './agent-push';
import { agentReportRoutes } from './agent-reports';
import { agentWebhookRoutes } from './agent-webhooks';
import { agentVisitorDataRoutes } from './agent-visitor-data';
import type { ApiDeps, ApiEnv } from './deps';
import { handoffRoutes } from './handoffs';
import { problem } from './http';
import { phrasingRoutes } from './phrasings';
import { reopenRoutes } from './reopen';
import { searchRoutes } from './search';
import { historyRoutes } from './history';
import { statusRoutes } from './status';
import { visitorRoutes } from './visitor';
import { isUpload, uploadLimit } from './attachments';
import { isDatabaseUnreachable } from '../store/unreachable';

/** What a client is told to wait before trying again while the database is away. */
const UNREACHABLE_RETRY_SECONDS = 2;

export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();

  api.onError((error, c) => {
    // PostgreSQL restarting or out of reach: worth trying again soon (the pool reconnects by itself).
    if (isDatabaseUnreachable(error)) {
      console.error(`Lifeline: the database cannot be reached (${error.message}); answered 503`, c.req.method, c.req.path);
      c.header('Retry-After', String(UNREACHABLE_RETRY_SECONDS));
      return problem(c, 503, 'The database cannot be reached right now; try again in a moment.');
    }
    console.error('Lifeline: a request failed', c.req.method, c.req.path, error);
    return problem(c, 500, 'Something went wrong on our side; try again in a moment.');
  });

  const visitorCors = corsFor(deps);
  api.use('/handoffs', visitorCors);
  api.use('/handoffs/*', visitorCors);
  api.use('/status', visitorCors);
  api.use('/phrasings', visitorCors);
  api.use('/reopen', visitorCors);
  api.use('/search', visitorCors);
  api.use('/articles/*', visitorCors);
  api.use('/history', visitorCors);

  api.use('/agent/*', sameOriginOnly(deps), jsonOnlyWrites());

  const jsonLimit = bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: (c) => problem(c, 413, `The body is larger than ${LIMITS.bodyBytes / 1024} KiB.`),
  });
  const fileLimit = uploadLimit(deps);
  api.use('*', (c, next) => (isUpload(c.req.method, c.req.path) ? fileLimit(c, next) : jsonLimit(c, next)));

  api.route('/', statusRoutes(deps));
  api.route('/', handoffRoutes(deps));
  api.route('/', visitorRoutes(deps));
  api.route('/', phrasingRoutes(deps));
  api.route('/', reopenRoutes(deps));
  api.route('/', searchRoutes(deps));
  api.route('/', historyRoutes(deps));
  api.route('/agent', agentAuthRoutes(deps));
  api.use('/agent/*', requireAgent(deps));
  api.route('/agent', agentHandoffRoutes(deps));
  api.route('/agent', agentQueueRoutes(deps));
  api.route('/agent', agentReportRoutes(deps));
  api.route('/agent', agentPhrasingRoutes(deps));
  api.route('/agent', agentWebhookRoutes(deps));
  api.route('/agent', agentPushRoutes(deps));
  api.route('/agent', agentVisitorDataRoutes(deps));

  api.all('*', (c) => problem(c, 404, `There is no ${c.req.method} ${c.req.path} in the Lifeline API.`));
  return api;
}

/**
 * CORS for the pages of LIFELINE_ALLOWED_ORIGINS and the server's own. A request from any other
 * origin is refused outright (403): a browser would not let its page read the answer anyway,
 * and a form post without a preflight must not create handoffs either.
 */
function corsFor(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  const allowed = (origin: string) => deps.allowedOrigins.has(origin) || deps.ownOrigins.has(origin);
  const headers = cors({
    origin: (origin) => (allowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !allowed(origin)) {
      return problem(c, 403, `Pages of ${origin} may not call this Lifeline server; add the origin to LIFELINE_ALLOWED_ORIGINS.`);
    }
    return headers(c, next);
  };
}

/**
 * The console is served by this server, so its API answers only its own origin (no CORS). Its
 * origins come from the settings: the request's Host header is the client's to write.
 */
function sameOriginOnly(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin !== undefined && !deps.ownOrigins.has(origin)) {
      return problem(c, 403, `The agent API answers only pages of its own origin, not ${origin}; set LIFELINE_PUBLIC_URL to the address the console is opened at.`);
    }
    await next();
  };
}

/**
 * Writes must say `Content-Type: application/json`: a cross-site form cannot send that without
 * a preflight, so together with SameSite=Strict cookies it shuts out CSRF.
 */
function jsonOnlyWrites(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    // An upload is application/octet-stream (attachments.ts), which needs a preflight just the same.
    if (isUpload(c.req.method, c.req.path)) return next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && !/^application\/json\s*(;|$)/i.test(type)) {
      return problem(c, 415, 'Send the request with `Content-Type: application/json`.');
    }
    await next();
  };
}
