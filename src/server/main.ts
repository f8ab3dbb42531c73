/**
 * `npm start`: the API, the widget and the demo on http://HOST:PORT (default 127.0.0.1:8787).
 * Every setting comes from the environment (config.ts); with `--demo` (npm start) the demo shop's
 * articles and hours fill what it leaves unset (demo.ts). SIGINT/SIGTERM end the event streams,
 * let requests finish, and close the database.
 */
import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import type pg from 'pg';
import { fileURLToPath } from 'node:url';
import { ensureAgent } from './agents';
import { isUrl, NO_CATALOG, readCatalogFile, watchCatalog, type WatchedCatalog } from './article-catalog';
import { createApp, handoffLimit, messageLimit, searchLimit, signInLimits } from './app';
import type { BusMessage } from './api/deps';
import { createBus } from './bus';
import { deliveryChannels } from './deliveries';
import { newSecret } from './crypto';
import { startOutbox } from './outbox/outbox';
import { startRetention } from './erasure/retention';
import { createPresence } from './presence';
import { withDemoDefaults } from './demo';
import { readSettings, SettingError, type Settings } from './config';
import { ownOrigins } from './origins';
import { openStore, StoreUnavailable } from './store/open';
import { postgresShared } from './store/postgres/shared';
import type { Store } from './store/types';
import { createVisitorStreams } from './visitor-streams';

/** How long shutdown waits for open connections before cutting them. */
const SHUTDOWN_GRACE_MS = 5_000;
/** The longest a client may take to send its headers, within the whole request's time. */
const HEADERS_TIMEOUT_MS = 10_000;

function fatal(message: string): never {
  console.error(`Lifeline cannot start: ${message}`);
  process.exit(2);
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = process.argv.includes('--demo');
let settings: Settings;
try {
  settings = readSettings(demo ? withDemoDefaults(process.env, root) : process.env);
} catch (error) {
  if (error instanceof SettingError) fatal(error.message);
  throw error;
}

let store: Store;
let shownDb: string;
let pool: pg.Pool | undefined;
try {
  ({ store, shown: shownDb, pool } = await openStore(settings.database));
} catch (error) {
  if (error instanceof StoreUnavailable) fatal(error.message);
  throw error;
}
if (settings.agent) {
  try {
    const agent = await ensureAgent(store, settings.agent);
    console.log(`Lifeline agent ${agent.email} (${agent.name}) can sign in.`);
  } catch (error) {
    // A database that opened but cannot take the agent (damaged pages, say): said, not a stack trace.
    fatal(`LIFELINE_DB: cannot save the agent of LIFELINE_AGENT_EMAIL in the database ${shownDb}: ${(error as Error).message}`);
  }
}

// A file that cannot be read is a bad setting; an address that does not answer may be a site
// that is down for a moment, which must not keep the way to a person down too.
let articles: WatchedCatalog | null = null;
if (settings.articles) {
  const source = isUrl(settings.articles) ? settings.articles : resolve(settings.articles);
  try {
    const first = (await readCatalogFile(source))!;
    console.log(`Lifeline knows ${first.articles.length} articles from ${source}.`);
    articles = watchCatalog(source, first);
  } catch (error) {
    if (!isUrl(source)) fatal(`LIFELINE_ARTICLES: ${(error as Error).message}`);
    console.warn(`LIFELINE_ARTICLES: ${(error as Error).message}; any article id is taken until it can be read (tried again every 5 minutes)`);
    articles = watchCatalog(source, null);
  }
}

// On PostgreSQL every instance shares the event bus (LISTEN/NOTIFY over the event log), who is
// online and the rate limits, so any number of instances behind any load balancer act as one.
// On SQLite, one process: they live in its memory.
const shared = pool ? postgresShared(pool) : null;
if (shared) await shared.ready;
const bus = shared?.bus ?? createBus<BusMessage>();
// The app and the alerts must see the same agents online: one presence for both.
const presence = shared?.presence ?? createPresence();
// Until when each visitor last had an event stream open, in the database every instance shares.
const visitorStreams = createVisitorStreams(store);
// Port 0 (any free port) is known once listening: its origins are added then.
const origins = new Set(settings.port === 0 ? [] : ownOrigins(settings));
const app = createApp({
  distDir: `${root}dist`,
  demoDir: `${root}demo`,
  store,
  bus,
  visitorStreams,
  secret: settings.secret,
  identitySecret: settings.identitySecret,
  allowedOrigins: settings.allowedOrigins,
  ownOrigins: origins,
  trustProxy: settings.trustProxy,
  phrasingsPerArticle: settings.phrasingsPerArticle,
  attachmentMaxBytes: settings.attachmentMaxBytes,
  hours: settings.hours,
  callbacks: settings.callbacks,
  rateLimits: {
    createHandoff: handoffLimit(settings.handoffsPerMinute),
    postMessage: messageLimit(settings.messagesPerMinute),
    ...signInLimits(settings.signInsPerMinute),
    search: searchLimit(settings.searchesPerMinute),
  },
  articles: articles ?? NO_CATALOG,
  webhookUrl: settings.webhook?.url ?? null,
  mailDomain: settings.mail ? settings.mail.fromAddress.split('@')[1]! : null,
  push: { subject: settings.pushSubject },
  presence,
  ...(shared && { limiter: shared.limiter }),
});

// Deliveries (mail, alerts, webhooks...): planned from the event log, durable, retried; woken
// by the bus for each stored event. On PostgreSQL every instance runs one; they share the jobs.
const publicOrigin = () => settings.publicOrigin ?? [...origins][0] ?? `http://${settings.host}:${settings.port}`;
const outbox = startOutbox({
  store,
  bus,
  channels: deliveryChannels(settings, {
    store,
    presence,
    now: Date.now,
    publicOrigin,
    secret: () => (settings.secret !== undefined ? Promise.resolve(settings.secret) : store.setting('token_secret', newSecret)),
    linkable: (origin) => settings.allowedOrigins.includes(origin) || origins.has(origin),
  }),
});

// Closed handoffs older than LIFELINE_RETENTION_DAYS are deleted now and every day after; on
// PostgreSQL every instance runs it, one at a time (the others find the turn taken).
const stopRetention = startRetention({ store, days: settings.retentionDays });

// A client that sends its request slowly holds a connection: it is cut off (408) once
// LIFELINE_REQUEST_TIMEOUT_SECONDS have passed, or 10 s without its headers. These count only
// while the request comes in, so event streams, long answers, stay open. Node checks at an
// interval, so the check runs often enough for the limits to mean what they say.
const requestTimeout = settings.requestTimeoutSeconds * 1000;
const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeout);
const serverOptions = { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(5_000, Math.max(250, headersTimeout / 4)) };
const server = serve({ fetch: app.fetch, port: settings.port, hostname: settings.host, serverOptions }, (info) => {
  if (settings.port === 0) for (const origin of ownOrigins({ ...settings, port: info.port })) origins.add(origin);
  console.log(`Lifeline on http://${settings.host}:${info.port}/ (API under /v1, database ${shownDb})`);
  if (settings.mail) console.log(`Mail goes out through ${settings.mail.shown} from ${settings.mail.from}.`);
  if (demo) console.log('Demo shop: its articles and hours unless LIFELINE_ARTICLES, LIFELINE_HOURS or LIFELINE_TIMEZONE say otherwise.');
});
server.on('error', (error: NodeJS.ErrnoException) => {
  fatal(listenProblem(error));
});

/** Why the server could not listen, naming the setting to change. */
function listenProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `PORT ${settings.port} is already in use on ${settings.host}`;
    case 'EACCES':
      return `PORT ${settings.port} needs privileges this process does not have (use a port above 1023)`;
    case 'EADDRNOTAVAIL':
      return `HOST ${settings.host} is not an address of this machine (127.0.0.1 for this machine only, 0.0.0.0 for every address)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `HOST ${settings.host} is not a name this machine can resolve to an address`;
    default:
      return `cannot listen on HOST ${settings.host}, PORT ${settings.port}: ${error.message}`;
  }
}

let stopping = false;
// While stopping, no connection is kept alive for a next request: a client's next request then
// reaches the server that replaces this one (or finds none and knows it is offline), instead of
// a process about to exit.
server.prependListener('request', (_request, response) => {
  if (stopping && 'setHeader' in response && !response.headersSent) response.setHeader('connection', 'close');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    articles?.stop();
    // No new delivery starts; running ones finish (or are tried again later) before the database closes.
    const outboxStopped = Promise.all([outbox.stop(), stopRetention()]);
    bus.close(); // ends every event stream, so their connections can close
    // The streams end a moment later and leave their connections idle: close those as they come.
    const idle = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 100);
    idle.unref();
    const force = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void outboxStopped
        .then(() => shared?.end())
        .catch((error: unknown) => console.error('Lifeline: leaving the shared bus and presence failed', error))
        // The streams just ended: when each visitor was last seen is written before the store closes.
        .then(() => visitorStreams.end())
        .then(() => store.close())
        .then(() => process.exit(0));
    });
  });
}
