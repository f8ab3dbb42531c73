import { isIP } from 'node:net';
import { parseHours, isTimeZone, type Schedule } from '../hours';

/**
 * The server's settings, read from the environment (main.ts). A bad value stops the start with
 * a message naming the variable, so whoever deploys it knows what to fix.
 */
import { DEFAULT_PHRASINGS_PER_ARTICLE, MAX_PHRASINGS_PER_ARTICLE } from './phrasings';
import { isPostgresUrl, looksLikeUrl, postgresUrlProblem, redactDatabaseUrl } from './store/postgres/url';
import { parseWebhookSecret } from './webhooks/sign';
import { vapidSubject } from './push/vapid';
import { isEmailAddress, MailSettingProblem, readAddressList, readMailSettings, type MailSettings } from './mail/settings';
import { DEFAULT_ATTACHMENT_MAX_MB, MAX_ATTACHMENT_MAX_MB, megabytes } from '../protocol/attachments';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS } from './erasure/decide';

export interface Settings {
  port: number;
  /** An IP address (0.0.0.0 or :: for every address) or a host name. */
  host: string;
  /**
   * LIFELINE_PUBLIC_URL's origin: where visitors and agents reach this server. The agents' API
   * answers only pages of this origin; null: the origins of the address it listens on (origins.ts).
   */
  publicOrigin: string | null;
  /**
   * LIFELINE_REQUEST_TIMEOUT_SECONDS: how long a client may take to send a whole request (its
   * headers within at most 10 s of it); a slower one is cut off. Answers (event streams) are not
   * limited by it.
   */
  requestTimeoutSeconds: number;
  /** LIFELINE_DB: where the data lives. */
  database: DatabaseSetting;
  allowedOrigins: string[];
  /** An agent to create, or whose password to set, at start. */
  agent: { email: string; password: string; name: string } | null;
  /** The key visitor tokens are derived from; undefined: made once and kept in the database. */
  secret: string | undefined;
  /**
   * LIFELINE_IDENTITY_SECRET: the key the site's server signs its customers' identity tokens
   * with (HS256, ./identity/); null: tokens are ignored and every visitor is "Not verified".
   */
  identitySecret: string | null;
  trustProxy: boolean;
  /** Live learned phrasings kept per article (phrasings.ts); 0 learns none. */
  phrasingsPerArticle: number;
  /** LIFELINE_HOURS in LIFELINE_TIMEZONE: when chat, callbacks and the phone are open. */
  hours: BusinessHours;
  /** LIFELINE_CALLBACK_SLOT_MINUTES and LIFELINE_CALLBACKS_PER_SLOT. */
  callbacks: CallbackPolicy;
  /**
   * LIFELINE_HANDOFFS_PER_MINUTE: new handoffs one IP address may start, with a burst of half
   * as many at once. Raise it where many visitors share one address (an office, a campus NAT).
   */
  handoffsPerMinute: number;
  /**
   * LIFELINE_MESSAGES_PER_MINUTE: chat messages one IP address may send, a third of them at once;
   * LIFELINE_SIGNINS_PER_MINUTE: agent sign-ins one address may try for one e-mail (half at once;
   * three times as many whatever the e-mail). Raise them where many share one address.
   */
  messagesPerMinute: number;
  signInsPerMinute: number;
  /**
   * LIFELINE_SEARCHES_PER_MINUTE: GET /v1/search and GET /v1/articles/{id} one IP address may
   * ask, a whole minute's worth at once (searchLimit in app.ts says why that is plenty for a
   * person typing). Raise it where many visitors share one address.
   */
  searchesPerMinute: number;
  /** LIFELINE_ARTICLES: the site's articles file, a path or an http(s) address; null: none. */
  articles: string | null;
  /** LIFELINE_WEBHOOK_URL and LIFELINE_WEBHOOK_SECRET: where Standard Webhooks go; null: none are sent. */
  webhook: WebhookSetting | null;
  /**
   * The VAPID subject of browser notifications (push/vapid.ts): mailto: LIFELINE_MAIL_FROM's
   * address, else LIFELINE_PUBLIC_URL when https, else a placeholder.
   */
  pushSubject: string;
  /** LIFELINE_SMTP_URL and LIFELINE_MAIL_FROM: how mail goes out; null: no mail is sent. */
  mail: MailSettings | null;
  /** Who is told of new handoffs nobody has answered (alerts/). */
  alerts: AlertSettings;
  /** LIFELINE_HANDOFF_EMAIL: every handoff is also sent there as a ticket (a helpdesk's address); null: none. */
  handoffEmail: string | null;
  /** Agents' replies a visitor misses are e-mailed to them (../away/). */
  away: AwaySettings;
  /** LIFELINE_ATTACHMENT_MAX_MB in bytes: the largest file a chat may carry (../protocol/attachments.ts). */
  attachmentMaxBytes: number;
  /** LIFELINE_RETENTION_DAYS: closed handoffs older than this many days are deleted (erasure/retention.ts); 0: kept for ever. */
  retentionDays: number;
}

/** A webhook receiver and the key deliveries to it are signed with (webhooks/sign.ts). */
export interface WebhookSetting {
  url: string;
  key: Uint8Array;
}

export interface AwaySettings {
  /** LIFELINE_VISITOR_AWAY_SECONDS: how long a visitor must have had no event stream open before a reply they missed is mailed. */
  awaySeconds: number;
  /** LIFELINE_VISITOR_MAIL_BATCH_SECONDS: replies written within this of the first unanswered one go in one e-mail. */
  batchSeconds: number;
}

/** Seconds without an open event stream before a visitor counts as away (LIFELINE_VISITOR_AWAY_SECONDS). */
export const DEFAULT_VISITOR_AWAY_SECONDS = 60;
/** Replies within this many seconds go in one e-mail (LIFELINE_VISITOR_MAIL_BATCH_SECONDS). */
export const DEFAULT_VISITOR_MAIL_BATCH_SECONDS = 60;

export interface AlertSettings {
  /** LIFELINE_ALERT_EMAILS: the team's addresses, lower case, each once. */
  emails: string[];
  /** LIFELINE_ALERT_AFTER_SECONDS: how long a new handoff may wait unanswered while an agent is online before the alert. */
  afterSeconds: number;
  /** LIFELINE_CHAT_WEBHOOK_URL: a Slack-compatible incoming webhook; null: none. */
  chatWebhookUrl: string | null;
}

/** Seconds a handoff may wait unanswered, agents online, before the team is alerted. */
export const DEFAULT_ALERT_AFTER_SECONDS = 120;

/**
 * LIFELINE_DB: a file path (SQLite), or a postgres:// / postgresql:// address. `shown` is the
 * address with its password replaced by ***, for messages and logs.
 */
export type DatabaseSetting = { engine: 'sqlite'; path: string } | { engine: 'postgres'; url: string; shown: string };

/** Seconds a client may take to send a request, unless LIFELINE_REQUEST_TIMEOUT_SECONDS says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 30;

/** New handoffs per minute per IP address, unless LIFELINE_HANDOFFS_PER_MINUTE says otherwise. */
export const DEFAULT_HANDOFFS_PER_MINUTE = 10;
/** Chat messages per minute per IP address (LIFELINE_MESSAGES_PER_MINUTE). */
export const DEFAULT_MESSAGES_PER_MINUTE = 60;
/** Agent sign-ins per minute per IP address and e-mail (LIFELINE_SIGNINS_PER_MINUTE). */
export const DEFAULT_SIGNINS_PER_MINUTE = 10;
/** Searches and articles per minute per IP address (LIFELINE_SEARCHES_PER_MINUTE); why 150: searchLimit in app.ts. */
export const DEFAULT_SEARCHES_PER_MINUTE = 150;

export interface BusinessHours {
  schedule: Schedule;
  /** IANA zone the hours are written in. */
  zone: string;
}

export interface CallbackPolicy {
  /** Length of a callback slot, in minutes. @default 30 */
  slotMinutes: number;
  /** How many callbacks one slot takes (agents who can call at once). @default 2 */
  perSlot: number;
}

/** The process's own zone: where hours are read when LIFELINE_TIMEZONE is not set. */
export const systemZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export class SettingError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
  }
}

/** The documented variables, with their defaults. */
export const DEFAULTS = Object.freeze({ PORT: '8787', HOST: '127.0.0.1', LIFELINE_DB: './data/lifeline.db' });

export function readSettings(env: Record<string, string | undefined>): Settings {
  const value = (name: string): string | undefined => {
    const v = env[name]?.trim();
    return v === '' ? undefined : v;
  };

  const portText = value('PORT') ?? DEFAULTS.PORT;
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new SettingError('PORT', `must be a port number from 0 to 65535, got "${portText}"`);

  const allowedOrigins = (value('LIFELINE_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const origin of allowedOrigins) {
    if (!isOrigin(origin)) {
      throw new SettingError(
        'LIFELINE_ALLOWED_ORIGINS',
        `must list origins like https://shop.example.com (scheme, host and port only, no path or trailing slash), got "${origin}"`,
      );
    }
  }

  const email = value('LIFELINE_AGENT_EMAIL');
  const password = env.LIFELINE_AGENT_PASSWORD; // spaces may be part of a password
  let agent: Settings['agent'] = null;
  if (email !== undefined || (password !== undefined && password !== '')) {
    if (email === undefined) throw new SettingError('LIFELINE_AGENT_EMAIL', 'must be set together with LIFELINE_AGENT_PASSWORD');
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new SettingError('LIFELINE_AGENT_EMAIL', `must be an email address, got "${email}"`);
    if (password === undefined || password.length < 8) {
      throw new SettingError('LIFELINE_AGENT_PASSWORD', 'must be set, at least 8 characters, together with LIFELINE_AGENT_EMAIL');
    }
    agent = { email, password, name: value('LIFELINE_AGENT_NAME') ?? nameFromEmail(email) };
    if (agent.name.length > 100) throw new SettingError('LIFELINE_AGENT_NAME', 'must be at most 100 characters');
  }

  const identitySecret = value('LIFELINE_IDENTITY_SECRET') ?? null;
  // HS256 is only as strong as its key: a short one can be guessed offline from one token.
  if (identitySecret !== null && identitySecret.length < 32) {
    throw new SettingError('LIFELINE_IDENTITY_SECRET', 'must be at least 32 random characters (openssl rand -base64 32), the same your site signs identity tokens with, or unset');
  }
  const secret = value('LIFELINE_SECRET');
  if (secret !== undefined && secret.length < 32) {
    throw new SettingError('LIFELINE_SECRET', 'must be at least 32 random characters (openssl rand -base64 32), or unset');
  }

  const trust = value('LIFELINE_TRUST_PROXY') ?? '0';
  if (trust !== '0' && trust !== '1') throw new SettingError('LIFELINE_TRUST_PROXY', `must be 1 (behind a proxy) or 0, got "${trust}"`);

  const host = value('HOST') ?? DEFAULTS.HOST;
  if (!isHost(host)) {
    throw new SettingError('HOST', `must be an IP address of this machine (127.0.0.1; 0.0.0.0 or :: for every address) or a host name, got "${host}"`);
  }
  const publicOrigin = publicUrlOrigin(value('LIFELINE_PUBLIC_URL'));
  // Behind a proxy the request's Host (and X-Forwarded-Host) is what the client chose to send:
  // the origin the agents' API trusts must come from the one who deploys it.
  if (trust === '1' && publicOrigin === null) {
    throw new SettingError('LIFELINE_PUBLIC_URL', 'must be set behind a proxy (LIFELINE_TRUST_PROXY=1): the address people reach the server at, like https://help.example.com');
  }

  const capText = value('LIFELINE_PHRASINGS_PER_ARTICLE') ?? String(DEFAULT_PHRASINGS_PER_ARTICLE);
  const phrasingsPerArticle = Number(capText);
  if (!/^\d+$/.test(capText) || phrasingsPerArticle > MAX_PHRASINGS_PER_ARTICLE) {
    throw new SettingError(
      'LIFELINE_PHRASINGS_PER_ARTICLE',
      `must be a whole number from 0 (learn none) to ${MAX_PHRASINGS_PER_ARTICLE}, got "${capText}"`,
    );
  }
  const zone = value('LIFELINE_TIMEZONE') ?? systemZone();
  if (!isTimeZone(zone)) throw new SettingError('LIFELINE_TIMEZONE', `must be an IANA time zone like "America/New_York", got "${zone}"`);
  const { schedule, problems } = parseHours(value('LIFELINE_HOURS') ?? '');
  if (problems.length) {
    throw new SettingError('LIFELINE_HOURS', `has ${problems.length === 1 ? 'a problem' : 'problems'}: ${problems.join('; ')} (expected rules like "Mo-Fr 09:00-17:00; Sa 10:00-14:00; 2026-12-25 off")`);
  }
  const whole = (name: string, fallback: number, min: number, max: number): number => {
    const text = value(name) ?? String(fallback);
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < min || n > max) throw new SettingError(name, `must be a whole number from ${min} to ${max}, got "${text}"`);
    return n;
  };

  let mail: MailSettings | null;
  let alertEmails: string[];
  try {
    mail = readMailSettings(value('LIFELINE_SMTP_URL'), value('LIFELINE_MAIL_FROM'));
    alertEmails = readAddressList('LIFELINE_ALERT_EMAILS', value('LIFELINE_ALERT_EMAILS'));
  } catch (error) {
    if (error instanceof MailSettingProblem) throw new SettingError(error.variable, error.message);
    throw error;
  }
  const handoffEmail = value('LIFELINE_HANDOFF_EMAIL') ?? null;
  if (handoffEmail !== null && !isEmailAddress(handoffEmail)) {
    throw new SettingError('LIFELINE_HANDOFF_EMAIL', `must be one e-mail address (a helpdesk's, like support@example.zendesk.com), got "${handoffEmail}"`);
  }
  for (const [name, set] of [['LIFELINE_ALERT_EMAILS', alertEmails.length > 0], ['LIFELINE_HANDOFF_EMAIL', handoffEmail !== null]] as const) {
    if (set && !mail) throw new SettingError('LIFELINE_SMTP_URL', `must be set for ${name} to be used (the SMTP server mail goes out through)`);
  }
  const chatWebhookUrl = webhookUrl('LIFELINE_CHAT_WEBHOOK_URL', value('LIFELINE_CHAT_WEBHOOK_URL'));

  return {
    port,
    host,
    publicOrigin,
    requestTimeoutSeconds: whole('LIFELINE_REQUEST_TIMEOUT_SECONDS', DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 300),
    database: readDatabase(value('LIFELINE_DB') ?? DEFAULTS.LIFELINE_DB),
    allowedOrigins,
    agent,
    secret,
    identitySecret,
    trustProxy: trust === '1',
    phrasingsPerArticle,
    hours: { schedule, zone },
    callbacks: {
      slotMinutes: whole('LIFELINE_CALLBACK_SLOT_MINUTES', 30, 5, 240),
      perSlot: whole('LIFELINE_CALLBACKS_PER_SLOT', 2, 1, 1000),
    },
    articles: articlesSource(value('LIFELINE_ARTICLES')),
    handoffsPerMinute: whole('LIFELINE_HANDOFFS_PER_MINUTE', DEFAULT_HANDOFFS_PER_MINUTE, 1, 100_000),
    messagesPerMinute: whole('LIFELINE_MESSAGES_PER_MINUTE', DEFAULT_MESSAGES_PER_MINUTE, 1, 100_000),
    signInsPerMinute: whole('LIFELINE_SIGNINS_PER_MINUTE', DEFAULT_SIGNINS_PER_MINUTE, 1, 10_000),
    searchesPerMinute: whole('LIFELINE_SEARCHES_PER_MINUTE', DEFAULT_SEARCHES_PER_MINUTE, 1, 100_000),
    webhook: readWebhook(value('LIFELINE_WEBHOOK_URL'), value('LIFELINE_WEBHOOK_SECRET')),
    pushSubject: vapidSubject({ mailFrom: mail?.fromAddress ?? null, publicUrl: value('LIFELINE_PUBLIC_URL') ?? null }),
    mail,
    alerts: {
      emails: alertEmails,
      afterSeconds: whole('LIFELINE_ALERT_AFTER_SECONDS', DEFAULT_ALERT_AFTER_SECONDS, 0, 86_400),
      chatWebhookUrl,
    },
    handoffEmail,
    away: {
      awaySeconds: whole('LIFELINE_VISITOR_AWAY_SECONDS', DEFAULT_VISITOR_AWAY_SECONDS, 1, 86_400),
      batchSeconds: whole('LIFELINE_VISITOR_MAIL_BATCH_SECONDS', DEFAULT_VISITOR_MAIL_BATCH_SECONDS, 0, 3_600),
    },
    attachmentMaxBytes: attachmentMaxBytes(value('LIFELINE_ATTACHMENT_MAX_MB')),
    retentionDays: retentionDays(value('LIFELINE_RETENTION_DAYS')),
  };
}

/** Megabytes, a decimal allowed (0.5), above 0 and at most MAX_ATTACHMENT_MAX_MB: the bytes live in the database. */
function attachmentMaxBytes(text: string | undefined): number {
  if (text === undefined) return megabytes(DEFAULT_ATTACHMENT_MAX_MB);
  const mb = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || mb <= 0 || mb > MAX_ATTACHMENT_MAX_MB) {
    throw new SettingError('LIFELINE_ATTACHMENT_MAX_MB', `must be a number of megabytes above 0 and at most ${MAX_ATTACHMENT_MAX_MB} (the largest file a chat may carry, default ${DEFAULT_ATTACHMENT_MAX_MB}), got "${text}"`);
  }
  return Math.floor(megabytes(mb));
}

/** Whole days, 0 (keep for ever) to MAX_RETENTION_DAYS. */
function retentionDays(text: string | undefined): number {
  if (text === undefined) return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  if (!/^\d+$/.test(text) || days > MAX_RETENTION_DAYS) {
    throw new SettingError(
      'LIFELINE_RETENTION_DAYS',
      `must be a whole number of days from 1 to ${MAX_RETENTION_DAYS} after which resolved handoffs are deleted (default ${DEFAULT_RETENTION_DAYS}), or 0 to keep them for ever, got "${text}"`,
    );
  }
  return days;
}

/** Both or neither; the secret is never printed, not even in part. */
function readWebhook(urlText: string | undefined, secret: string | undefined): WebhookSetting | null {
  if (urlText === undefined && secret === undefined) return null;
  if (urlText === undefined) throw new SettingError('LIFELINE_WEBHOOK_URL', 'must be set together with LIFELINE_WEBHOOK_SECRET: the http(s) address webhooks are posted to');
  const url = httpUrl(urlText);
  if (!url) {
    throw new SettingError('LIFELINE_WEBHOOK_URL', `must be the http(s) address webhooks are posted to, like https://example.com/hooks/lifeline, got "${urlText}"`);
  }
  if (secret === undefined) {
    throw new SettingError('LIFELINE_WEBHOOK_SECRET', 'must be set with LIFELINE_WEBHOOK_URL: "whsec_" and the base64 of 24 to 64 random bytes (echo "whsec_$(openssl rand -base64 32)")');
  }
  const parsed = parseWebhookSecret(secret);
  if (!parsed.ok) throw new SettingError('LIFELINE_WEBHOOK_SECRET', `${parsed.problem} (make one with: echo "whsec_$(openssl rand -base64 32)")`);
  return { url: url.href, key: parsed.key };
}

/** `text` as an http(s) URL; null when it is not one (the caller says which setting, and how). */
function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** An http(s) address to POST to; null when unset. */
function webhookUrl(variable: string, text: string | undefined): string | null {
  if (text === undefined) return null;
  const url = httpUrl(text);
  if (!url) {
    // The path of an incoming webhook is its secret: only the start of it is repeated.
    throw new SettingError(variable, `must be the http(s) address of an incoming webhook, like https://hooks.slack.com/services/..., got "${text.slice(0, 24)}${text.length > 24 ? '…' : ''}"`);
  }
  return url.href;
}

/** An IP address (IPv4 with each part up to 255: 999.1.1.1 is not one), or a DNS host name. */
function isHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  if (/^[\d.]+$/.test(host)) return false; // only digits and dots: meant as an IPv4 address, and not one
  return host.length <= 253 && /^[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/i.test(host);
}

function publicUrlOrigin(text: string | undefined): string | null {
  if (text === undefined) return null;
  const url = httpUrl(text);
  if (!url) {
    throw new SettingError('LIFELINE_PUBLIC_URL', `must be the http(s) address people reach the server at, like https://help.example.com, got "${text}"`);
  }
  return url.origin;
}

/** A file path is SQLite's; an address must be a PostgreSQL one that can be read. */
export function readDatabase(text: string): DatabaseSetting {
  if (isPostgresUrl(text)) {
    const problem = postgresUrlProblem(text);
    if (problem) throw new SettingError('LIFELINE_DB', `${problem}, got "${redactDatabaseUrl(text)}"`);
    return { engine: 'postgres', url: text, shown: redactDatabaseUrl(text) };
  }
  if (looksLikeUrl(text)) {
    throw new SettingError(
      'LIFELINE_DB',
      `must be a file path (SQLite) or a postgres:// or postgresql:// address, got "${redactDatabaseUrl(text)}"`,
    );
  }
  return { engine: 'sqlite', path: text };
}

function articlesSource(source: string | undefined): string | null {
  if (source === undefined) return null;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    let url: URL | null = null;
    try {
      url = new URL(source);
    } catch {
      // named below
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new SettingError('LIFELINE_ARTICLES', `must be a file path or an http(s) address of the articles file, got "${source}"`);
    }
  }
  return source;
}

function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false; // not a URL at all: the caller names the variable
  }
}

/** "ada.lovelace@example.com" → "Ada Lovelace": what visitors see until the agent has a name. */
export function nameFromEmail(email: string): string {
  return email
    .split('@')[0]!
    .split(/[._-]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}
