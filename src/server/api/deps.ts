/**
 * What the API routes are given: storage, the event bus, the clock and the limits. Built once
 * by createApp (app.ts); tests build it with their own clock and limits.
 */
import type { HttpBindings } from '@hono/node-server';
import type { ArticleCatalog } from '../article-catalog';
import type { SiteSearch } from '../site-search';
import type { BusinessHours, CallbackPolicy } from '../config';
import type { Presence } from '../presence';
import type { QueueAnnouncer } from './queue';
import type { RateLimiter } from '../rate-limit';
import type { HandoffService } from '../service/handoffs';
import type { EventBus } from '../service/publish';
import type { AgentRecord, HandoffRecord, Store } from '../store/types';
import type { VapidKeys } from '../push/vapid';
import type { VisitorStreams } from '../visitor-streams';
import type { IdentityCheck } from '../identity';

// The bus's vocabulary lives with the service that publishes on it.
export { AGENTS_TOPIC, handoffTopic, type BusMessage, type EventBus } from '../service/publish';

export interface ApiDeps {
  store: Store;
  bus: EventBus;
  presence: Presence;
  /** Until when each visitor last had an event stream open, shared through the store. */
  visitorStreams: VisitorStreams;
  /** Milliseconds since the epoch; injected so tests can expire sessions. */
  now: () => number;
  /** The key visitor tokens are derived from (crypto.ts deriveToken). */
  secret: () => Promise<string>;
  /** Verified visitors: checks identity tokens against LIFELINE_IDENTITY_SECRET (../identity/). */
  identity: IdentityCheck;
  limiters: {
    createHandoff: RateLimiter;
    postMessage: RateLimiter;
    typing: RateLimiter;
    /** Sign-ins from one address, whatever the e-mail. */
    loginPerIp: RateLimiter;
    /**
     * Sign-ins from one address for one e-mail. Never per e-mail alone: a guesser could then
     * lock the agent out from every address, theirs included.
     */
    loginPerIpAndEmail: RateLimiter;
    /** GET /v1/search and GET /v1/articles/{id} from one address. */
    search: RateLimiter;
  };
  /** The largest file a chat message may carry, in bytes (LIFELINE_ATTACHMENT_MAX_MB). */
  attachmentMaxBytes: number;
  /** Origins, besides the server's own, whose pages may call the visitor API. */
  allowedOrigins: ReadonlySet<string>;
  /** The server's own origins, from its settings (origins.ts), never from a request's Host header. */
  ownOrigins: ReadonlySet<string>;
  /** Believe X-Forwarded-For/-Proto/-Host (only behind a proxy that sets them). */
  trustProxy: boolean;
  /** Milliseconds between SSE heartbeats. */
  heartbeatMs: number;
  /** Live learned phrasings kept per article (LIFELINE_PHRASINGS_PER_ARTICLE); 0 learns none. */
  phrasingsPerArticle: number;
  /** When the channels are open (LIFELINE_HOURS in LIFELINE_TIMEZONE). */
  hours: BusinessHours;
  /** Callback slots: their length and how many callbacks each takes. */
  callbacks: CallbackPolicy;
  /** The site's article ids and titles (LIFELINE_ARTICLES), when the server was told them. */
  articles: ArticleCatalog;
  /** GET /v1/search over those articles; made from `articles` and the store when not given. */
  search?: SiteSearch;
  /** Tells queued visitors their new place when the queue moves (queue.ts). */
  queue: QueueAnnouncer;
  /** Every change to a handoff or a phrasing: one transaction, then the events told (../service/). */
  service: HandoffService;
  /** LIFELINE_WEBHOOK_URL, for the console's Webhooks page; null when webhooks are off. */
  webhookUrl: string | null;
  /** Browser notifications (Web Push, ../push/). */
  push: PushDeps;
  /** The domain of outgoing mails' Message-IDs when the server sends mail; null: it sends none (no transcript by e-mail). */
  mailDomain: string | null;
}

export interface PushDeps {
  /** The server's VAPID key pair, made once and kept in the database. */
  keys: () => Promise<VapidKeys>;
  /** Who runs the server, for push services (vapid.ts vapidSubject). */
  subject: string;
  /** Take http push endpoints on loopback (a test push service); never from a setting. */
  allowLoopbackHttp: boolean;
}

/** Hono's environment for the API: node-server's bindings (absent under app.request in tests). */
export interface ApiEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    handoff: HandoffRecord;
    agent: AgentRecord;
  };
}
