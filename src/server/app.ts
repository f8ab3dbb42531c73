/**
 * The reference server's HTTP app (Hono): the handoff API of docs/protocol.md under /v1, the widget,
 * and the demo site, all on one origin.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createHash, randomBytes } from 'node:crypto';
import { createApi } from './api';
import { createQueueAnnouncer, type QueueAnnouncer } from './api/queue';
import type { ApiDeps, BusMessage, EventBus } from './api/deps';
import { createBus } from './bus';
import { newSecret } from './crypto';
import { createIdentityCheck } from './identity';
import { DEFAULT_PHRASINGS_PER_ARTICLE } from './phrasings';
import { createPresence, type Presence } from './presence';
import { createVisitorStreams, type VisitorStreams } from './visitor-streams';
import { createHandoffService } from './service/handoffs';
import { DEFAULT_ATTACHMENT_MAX_MB, megabytes } from '../protocol/attachments';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limit';
import { consoleRoutes } from './console';
import { contentType, readInside } from './static';
import { openSqliteStore } from './store/sqlite';
import type { Store } from './store/types';
import { DEFAULT_HANDOFFS_PER_MINUTE, DEFAULT_MESSAGES_PER_MINUTE, DEFAULT_SEARCHES_PER_MINUTE, DEFAULT_SIGNINS_PER_MINUTE, systemZone, type BusinessHours, type CallbackPolicy } from './config';
import { ALWAYS_OPEN } from '../hours';
import { NO_CATALOG, type ArticleCatalog } from './article-catalog';
import { DEFAULT_VAPID_SUBJECT, vapidKeys, type VapidKeys } from './push/vapid';

/** Per client IP (login per IP and e-mail together); see rate-limit.ts. */
export interface RateLimits {
  /** POST /v1/handoffs. @default { perMinute: 10, burst: 5 } */
  createHandoff: RateLimit;
  /** POST /v1/handoffs/:id/messages. @default { perMinute: 60, burst: 20 } */
  postMessage: RateLimit;
  /** POST /v1/handoffs/:id/typing. @default { perMinute: 120, burst: 30 } */
  typing: RateLimit;
  /**
   * POST /v1/agent/login, per IP and e-mail together: a guesser is slowed on the addresses they
   * guess from, while the agent signs in from their own. @default { perMinute: 10, burst: 5 }
   */
  login: RateLimit;
  /** POST /v1/agent/login, per IP whatever the e-mail: one address trying many agents. @default { perMinute: 30, burst: 15 } */
  loginPerAddress: RateLimit;
  /**
   * GET /v1/search and GET /v1/articles/{id} together (a 304 counts: it is still a search run),
   * so one address cannot keep the search engine busy. @default { perMinute: 150, burst: 150 }
   */
  search: RateLimit;
}

/** LIFELINE_HANDOFFS_PER_MINUTE as a bucket: a visitor may start half a minute's worth at once. */
export const handoffLimit = (perMinute: number): RateLimit => ({ perMinute, burst: Math.max(1, Math.ceil(perMinute / 2)) });

/** LIFELINE_MESSAGES_PER_MINUTE as a bucket: a third of a minute's worth at once. */
export const messageLimit = (perMinute: number): RateLimit => ({ perMinute, burst: Math.max(1, Math.ceil(perMinute / 3)) });

/** LIFELINE_SIGNINS_PER_MINUTE as the two sign-in buckets: per address and e-mail, and three times that per address. */
export const signInLimits = (perMinute: number): Pick<RateLimits, 'login' | 'loginPerAddress'> => ({
  login: { perMinute, burst: Math.max(1, Math.ceil(perMinute / 2)) },
  loginPerAddress: { perMinute: perMinute * 3, burst: Math.max(1, Math.ceil((perMinute * 3) / 2)) },
});

/**
 * LIFELINE_SEARCHES_PER_MINUTE as a bucket: a whole minute's worth at once. Why the default (150)
 * is never met by a person typing: the widget asks the server only once typing pauses 150 ms
 * (SearchView's REMOTE_MS), so a question costs at most one search per key and one per 150 ms,
 * and a question is at most 200 characters (SEARCH_QUERY_MAX). The worst typist, who pauses just
 * over 150 ms after every key, asks 200 times in 30 s: the burst of 150 and 75 more in those 30 s
 * cover it, with room to open a few articles. Measured in Chromium, a 97-character question
 * typed key by key asked 3 times at 50 ms a key, 11 at 100 ms, 24 at a typist's varying pace
 * averaging 120 ms, 68 averaging 200 ms, and 88 at a steady 250 ms (every key once its leading
 * "how do I" was past): even two such questions in a minute stay within the default.
 */
export const searchLimit = (perMinute: number): RateLimit => ({ perMinute, burst: perMinute });

export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
  createHandoff: handoffLimit(DEFAULT_HANDOFFS_PER_MINUTE),
  postMessage: messageLimit(DEFAULT_MESSAGES_PER_MINUTE),
  typing: { perMinute: 120, burst: 30 },
  ...signInLimits(DEFAULT_SIGNINS_PER_MINUTE),
  search: searchLimit(DEFAULT_SEARCHES_PER_MINUTE),
});

export interface AppOptions {
  /** The build output: lifeline.js, its panel chunk and the demo's articles.json. */
  distDir: string;
  /** The demo site's pages and stylesheet. */
  demoDir: string;
  /** Where handoffs live. @default a fresh in-memory SQLite store, gone with the process */
  store?: Store;
  /** Carries events to the SSE streams; close it to end them all (shutdown). @default a new bus */
  bus?: EventBus;
  /** Which agents are online (their event streams open). @default in this process's memory */
  presence?: Presence;
  /** Records visitors' open event streams. @default one over the store, with a 30 s mark renewed every 10 s (visitor-streams.ts) */
  visitorStreams?: VisitorStreams;
  /** Tells queued visitors their new place when the queue moves. @default in this process's memory (api/queue.ts) */
  queue?: (deps: Omit<ApiDeps, 'queue' | 'service'>) => QueueAnnouncer;
  /** The key visitor tokens are derived from. @default one made once and kept in the store */
  secret?: string;
  /**
   * LIFELINE_IDENTITY_SECRET: the key the site's server signs identity tokens with (HS256).
   * @default null: tokens are ignored, with one warning, and every visitor is "Not verified"
   */
  identitySecret?: string | null;
  /** Origins, besides the server's own, whose pages may call the visitor API. @default none */
  allowedOrigins?: readonly string[];
  /**
   * The server's own origins (origins.ts): the only pages the agents' API answers. Read as the
   * requests come, so that a server listening on port 0 can add its own once it knows it.
   * @default none: only requests without an Origin header (not from a browser's page)
   */
  ownOrigins?: ReadonlySet<string>;
  /** Believe X-Forwarded-For, -Proto and -Host. @default false */
  trustProxy?: boolean;
  rateLimits?: Partial<RateLimits>;
  /**
   * Makes each rate limiter (one per limit, told its name: a shared one keeps the limits apart,
   * their keys being the same client addresses). @default a token bucket per key in this
   * process's memory (rate-limit.ts)
   */
  limiter?: (limit: RateLimit, now: () => number, name: keyof RateLimits) => RateLimiter;
  /** The clock, in milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** Milliseconds between SSE heartbeat comments. @default 15000 */
  heartbeatMs?: number;
  /** Live learned phrasings kept per article; 0 learns none. @default 200 (DEFAULT_PHRASINGS_PER_ARTICLE) */
  phrasingsPerArticle?: number;
  /** The largest file a chat message may carry, in bytes (LIFELINE_ATTACHMENT_MAX_MB). @default 10 MB */
  attachmentMaxBytes?: number;
  /** When the channels are open. @default always, in the process's zone */
  hours?: BusinessHours;
  /** Callback slots. @default 30 minutes, 2 callbacks each */
  callbacks?: CallbackPolicy;
  /** The site's articles, to check the article an agent names. @default none: any id is taken */
  articles?: ArticleCatalog;
  /** LIFELINE_WEBHOOK_URL, shown on the console's Webhooks page (the outbox sends them). @default none */
  webhookUrl?: string | null;
  /**
   * The domain of outgoing mails' Message-IDs (LIFELINE_MAIL_FROM's) when the server sends mail:
   * visitors are then offered their conversation by e-mail. @default null: no mail
   */
  mailDomain?: string | null;
  /** Browser notifications (Web Push). */
  push?: {
    /** The VAPID subject (vapid.ts vapidSubject). @default DEFAULT_VAPID_SUBJECT */
    subject?: string;
    /** Take http push endpoints on loopback, for a test push service. @default false */
    allowLoopbackHttp?: boolean;
  };
}

/** The demo runs under the strict policy a careful site would have (promise 3). */
export const demoPolicy = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');

export function createApp(options: AppOptions): Hono {
  const { distDir, demoDir } = options;
  const app = new Hono();
  app.use(compress());
  app.route('/v1', createApi(apiDeps(options)));
  // Before the demo's pages, whose pattern would take /console for demo/console.html.
  app.route('/console', consoleRoutes(distDir));

  // The loader keeps its name forever, so caches must check it; chunks' names carry a hash.
  app.get('/lifeline.js', (c) => sendFile(c, distDir, 'lifeline.js', 'no-cache'));
  app.get('/:file{lifeline-[\\w-]+\\.[\\w-]+\\.js}', (c) =>
    sendFile(c, distDir, c.req.param('file'), 'public, max-age=31536000, immutable'));
  app.get('/articles.json', (c) => sendFile(c, distDir, 'articles.json', 'no-cache'));

  app.get('/:page{[\\w-]*(\\.html)?}', async (c) => {
    const page = c.req.param('page') || 'index.html';
    const file = page.endsWith('.html') ? page : `${page}.html`;
    const html = await readInside(demoDir, file);
    if (!html) return c.notFound();
    const nonce = randomBytes(16).toString('base64');
    c.header('content-security-policy', demoPolicy(nonce));
    c.header('cache-control', 'no-store');
    return c.html(html.toString('utf8').replaceAll('{{NONCE}}', nonce));
  });
  app.get('/:file{[\\w-]+\\.(css|svg|ico|png|txt)}', (c) => sendFile(c, demoDir, c.req.param('file'), 'no-cache'));

  return app;
}

/**
 * A file with a strong ETag: `no-cache` files (the loader, whose name never changes, and the
 * articles, fetched on every page view) are then revalidated with a 304 of no body instead of
 * being sent whole again.
 */
async function sendFile(c: import('hono').Context, dir: string, file: string, cache: string): Promise<Response> {
  const body = await readInside(dir, file);
  if (!body) return c.notFound();
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'cache-control': cache, etag, 'x-content-type-options': 'nosniff' };
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  return c.body(new Uint8Array(body), 200, { ...headers, 'content-type': contentType(file) });
}

/** If-None-Match holds `etag` (weakly: a gzip step may have marked it W/), or is `*`. */
const matchesEtag = (header: string | undefined, etag: string): boolean =>
  header !== undefined && header.split(',').some((tag) => ['*', etag, `W/${etag}`].includes(tag.trim()));

function apiDeps(options: AppOptions): ApiDeps {
  const deps = baseDeps(options);
  const queue = options.queue?.(deps) ?? createQueueAnnouncer(deps);
  return { ...deps, queue, service: createHandoffService({ ...deps, queue }) };
}

function baseDeps(options: AppOptions): Omit<ApiDeps, 'queue' | 'service'> {
  const store = options.store ?? openSqliteStore(':memory:');
  const now = options.now ?? Date.now;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const limiter = options.limiter ?? createRateLimiter;
  let secret: Promise<string> | undefined;
  let keys: Promise<VapidKeys> | undefined;
  return {
    store,
    bus: options.bus ?? createBus<BusMessage>(),
    presence: options.presence ?? createPresence(now),
    visitorStreams: options.visitorStreams ?? createVisitorStreams(store, { now }),
    now,
    secret: () =>
      (secret ??= (options.secret !== undefined ? Promise.resolve(options.secret) : store.setting('token_secret', newSecret)).catch(
        (error: unknown) => {
          secret = undefined; // a failed read is tried again by the next request
          throw error;
        },
      )),
    limiters: {
      createHandoff: limiter(limits.createHandoff, now, 'createHandoff'),
      postMessage: limiter(limits.postMessage, now, 'postMessage'),
      typing: limiter(limits.typing, now, 'typing'),
      loginPerIp: limiter(limits.loginPerAddress, now, 'loginPerAddress'),
      loginPerIpAndEmail: limiter(limits.login, now, 'login'),
      search: limiter(limits.search, now, 'search'),
    },
    identity: createIdentityCheck(options.identitySecret ?? null, now),
    allowedOrigins: new Set(options.allowedOrigins ?? []),
    ownOrigins: options.ownOrigins ?? new Set(),
    trustProxy: options.trustProxy ?? false,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    phrasingsPerArticle: options.phrasingsPerArticle ?? DEFAULT_PHRASINGS_PER_ARTICLE,
    attachmentMaxBytes: options.attachmentMaxBytes ?? megabytes(DEFAULT_ATTACHMENT_MAX_MB),
    hours: options.hours ?? { schedule: ALWAYS_OPEN, zone: systemZone() },
    callbacks: options.callbacks ?? { slotMinutes: 30, perSlot: 2 },
    articles: options.articles ?? NO_CATALOG,
    webhookUrl: options.webhookUrl ?? null,
    mailDomain: options.mailDomain ?? null,
    push: {
      keys: () =>
        (keys ??= vapidKeys(store).catch((error: unknown) => {
          keys = undefined; // a failed read is tried again by the next request
          throw error;
        })),
      subject: options.push?.subject ?? DEFAULT_VAPID_SUBJECT,
      allowLoopbackHttp: options.push?.allowLoopbackHttp ?? false,
    },
  };
}
