/**
 * Strict runtime validation of the protocol's request bodies (docs/protocol.md, types.ts). Unlike the
 * widget's tolerant `parseTranscript`, these reject: the answer names the first bad field by its
 * path (`transcript[3].query`, `callback.from`, `visitor.attributes.plan`) so the developer who
 * sent it knows what to fix. Pure (no Node APIs, no DOM), so the widget may import bits of it.
 *
 * Unknown keys are ignored (a newer widget may send more) and left out of the returned value;
 * a known key with the wrong type is an error. Nothing is trimmed or cut silently, except message
 * text, which is trimmed (the protocol says "not empty", and whitespace is not a message).
 *
 * Half of a surrogate pair (half of an emoji: text.ts) is never let through, since it cannot be
 * stored or encoded. In free text (titles, queries, URLs, names, notes, messages) it is repaired
 * to U+FFFD: a host page's title cut in the middle of an emoji is no fault of the visitor's, and
 * their handoff must still reach a person. In an identifier (article ids, attribute keys) it is
 * refused, since a repaired id would name something else.
 */
import type {
  ArticleReadRequest,
  CallbackRequest,
  CreateHandoffRequest,
  HandoffContext,
  PostMessageRequest,
  MessageArticle,
  ResolveOutcome,
  ReopenRequest,
  RatingRequest,
  ResolveRequest,
  SetEmailRequest,
  TypingRequest,
  Visitor,
} from './types';
import type { Channel, TranscriptEntry } from './transcript';
import { isWellFormed, wellFormed } from './text';
import { checkEmail, EMAIL_MAX } from './email';

/** What the reference backend accepts; a site owner's backend may choose its own. */
export const LIMITS = Object.freeze({
  /** Largest request body, in bytes (64 KiB): a full transcript fits with room to spare. */
  bodyBytes: 64 * 1024,
  /** Most transcript entries, as many as the widget keeps (widget/transcript.ts DEFAULT_LIMITS). */
  transcriptEntries: 200,
  /** Largest transcript entry, in bytes of its JSON (4 KiB): a page entry at the widget's caps (2,000-character URL, 300-character title) fits. */
  entryBytes: 4 * 1024,
  /** Longest search query, in UTF-16 code units, as the widget caps it. */
  query: 500,
  /** Longest page or article title. */
  title: 300,
  /** Longest URL (page entries, context.pageUrl). */
  url: 2_000,
  /** Most article ids in a search entry's topIds. */
  topIds: 3,
  /** Longest id of an article (article, feedback, topIds, resolve's articleId). */
  articleId: 200,
  /** Shortest and longest chat message, after trimming. */
  messageMin: 1,
  messageMax: 4_000,
  /**
   * A handoff's clientId: whoever knows it is answered with the handoff's token (a resend), so it
   * must be unguessable: at least 22 characters (128 random bits as base64url; a UUID is 36).
   */
  clientIdPattern: /^[A-Za-z0-9_-]{22,64}$/,
  /** A message's clientMessageId: only makes a resend idempotent within one handoff, UUID-ish. */
  clientMessageIdPattern: /^[A-Za-z0-9_-]{8,64}$/,
  /** Longest visitor field (name, email, phone, id), attribute key and attribute string value. */
  visitorField: 200,
  /** Longest identity token (visitor.token, a JWT the site's server signed): a few claims take a few hundred. */
  identityToken: 4_096,
  /** Most visitor attributes. */
  attributes: 30,
  /** Callback phone: 3 to 40 characters of digits, spaces and + ( ) - . */
  phonePattern: /^[0-9 +().-]{3,40}$/,
  /** Longest callback note (a few sentences). */
  note: 1_000,
  /** Longest rating comment, after trimming (a few sentences, like a note). */
  comment: 1_000,
  /** Longest callback window (`to` minus `from`): 14 days. */
  callbackWindowMs: 14 * 24 * 60 * 60 * 1000,
  /** Longest context.userAgent: real ones reach 300 characters and more. */
  userAgent: 500,
  /** Longest context.locale and context.timezone. */
  contextField: 100,
  /**
   * Years a time may have. Every time in the protocol is about now (what the visitor did, when
   * to call back); one outside these years is a broken clock or a typo, and would sort and read
   * wrongly for the agent. A fixed range keeps validation pure (no clock) and deterministic.
   */
  firstYear: 2000,
  lastYear: 2099,
});

/** Keys that are not data in JavaScript: an object given them changes its prototype, or shadows it. */
const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type Validation<T> = { ok: true; value: T } | { ok: false; path: string; error: string };

export const CHANNELS: readonly Channel[] = ['chat', 'callback', 'phone'];
export const OUTCOMES: readonly ResolveOutcome[] = ['answered', 'no_answer', 'duplicate', 'other'];

/** ISO 8601 date and time with seconds optional and an offset required (Z or ±hh:mm); parts checked by isoTime. */
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

// ---------------------------------------------------------------------------------------------
// The bodies

export const validateCreateHandoff = (body: unknown): Validation<CreateHandoffRequest> =>
  run(() => {
    const o = object(body, '');
    const channel = oneOf(o.channel, 'channel', CHANNELS);
    const request: CreateHandoffRequest = {
      clientId: clientId(o.clientId, 'clientId'),
      channel,
      transcript: transcript(o.transcript, 'transcript'),
    };
    if (o.visitor !== undefined) request.visitor = visitor(o.visitor, 'visitor');
    // A callback is checked whenever it is sent (a bad one is a bug worth hearing about), and
    // required, and kept, only for the callback channel.
    const cb = o.callback === undefined ? undefined : callback(o.callback, 'callback');
    if (channel === 'callback') {
      if (cb === undefined) fail('callback', 'is required when channel is "callback"');
      request.callback = cb;
    }
    if (o.context !== undefined) request.context = context(o.context, 'context');
    return request;
  });

export const validatePostMessage = (body: unknown): Validation<PostMessageRequest> =>
  run(() => {
    const o = object(body, '');
    const id = clientMessageId(o.clientMessageId, 'clientMessageId');
    return { clientMessageId: id, text: messageText(o.text, 'text', false) };
  });

/**
 * An agent's message (the console's POST /v1/agent/handoffs/{id}/messages): a visitor's, plus an
 * optional `article` the agent points to. With an article the text is a note, and may be empty;
 * the article's title may be left out when the server knows the site's articles (it names it).
 */
export interface AgentMessageRequest extends PostMessageRequest {
  article?: { articleId: string; title?: string };
}

export const validateAgentMessage = (body: unknown): Validation<AgentMessageRequest> =>
  run(() => {
    const o = object(body, '');
    const request: AgentMessageRequest = { clientMessageId: clientMessageId(o.clientMessageId, 'clientMessageId'), text: '' };
    if (o.article !== undefined && o.article !== null) {
      const a = object(o.article, 'article');
      const article: { articleId: string; title?: string } = { articleId: id(a.articleId, 'article.articleId') };
      if (a.title !== undefined) {
        const title = string(a.title, 'article.title', LIMITS.title).trim();
        if (title) article.title = title;
      }
      request.article = article;
    }
    // With an article, the note may be left out altogether.
    request.text = o.text === undefined && request.article ? '' : messageText(o.text, 'text', request.article !== undefined);
    return request;
  });

/** The visitor opened an article an agent sent them. */
export const validateArticleRead = (body: unknown): Validation<ArticleReadRequest> =>
  run(() => ({ articleId: id(object(body, '').articleId, 'articleId') }));

/** The text a message is shown with where only text goes (mails, notices): the note, then the article's title. */
export const messageWithArticle = (m: { text: string; article?: MessageArticle | null }, label: (title: string) => string): string =>
  m.article ? [m.text, label(m.article.title)].filter(Boolean).join('\n\n') : m.text;

export const validateTyping = (body: unknown): Validation<TypingRequest> =>
  run(() => ({ typing: boolean(object(body, '').typing, 'typing') }));

export const validateSetEmail = (body: unknown): Validation<SetEmailRequest> =>
  run(() => {
    const o = object(body, '');
    if (typeof o.email !== 'string') fail('email', 'must be a string');
    const { email, problem } = checkEmail(wellFormed(o.email));
    if (problem === 'empty') fail('email', 'must not be empty');
    if (problem === 'long') fail('email', `must be at most ${EMAIL_MAX} characters`);
    if (problem === 'format') fail('email', 'must be one e-mail address, like name@example.com');
    return { email };
  });

/** A reopen link's value: its parts are checked by the server that signed it. */
export const validateReopen = (body: unknown): Validation<ReopenRequest> =>
  run(() => {
    const link = object(body, '').link;
    if (typeof link !== 'string' || !/^[\w.-]{1,400}$/.test(link)) fail('link', 'must be the lifeline-reopen value of the link in the e-mail');
    return { link };
  });

export const validateResolve = (body: unknown): Validation<ResolveRequest> =>
  run(() => {
    const o = object(body, '');
    const outcome = oneOf(o.outcome, 'outcome', OUTCOMES);
    const articleId = o.articleId === undefined || o.articleId === null ? null : id(o.articleId, 'articleId');
    const noArticle = o.noArticle === undefined ? false : boolean(o.noArticle, 'noArticle');
    if (noArticle && articleId !== null) fail('noArticle', 'cannot be true when articleId names the article that answered');
    const request: ResolveRequest = { outcome, articleId, noArticle };
    if (o.learn !== undefined) {
      if (articleId === null) fail('learn', 'needs articleId: searches are learned as phrasings of an article');
      if (!Array.isArray(o.learn)) fail('learn', 'must be an array of the searches to learn');
      if (o.learn.length > LIMITS.transcriptEntries) fail('learn', `must have at most ${LIMITS.transcriptEntries} searches`);
      request.learn = o.learn.map((q, i) => string(q, `learn[${i}]`, LIMITS.query));
    }
    if (o.closing !== undefined && o.closing !== null && o.closing !== '') {
      if (typeof o.closing !== 'string') fail('closing', 'must be a string');
      const closing = wellFormed(o.closing).trim();
      if (closing.length > LIMITS.messageMax) fail('closing', `must be at most ${LIMITS.messageMax} characters`);
      if (closing) request.closing = closing;
    }
    return request;
  });

/**
 * A visitor's rating: `good` is required (the first question), `repeated` may be left
 * unanswered (absent or null), and a comment of only white space is no comment.
 */
export const validateRating = (body: unknown): Validation<RatingRequest> =>
  run(() => {
    const o = object(body, '');
    const request: RatingRequest = { good: boolean(o.good, 'good') };
    if (o.repeated !== undefined && o.repeated !== null) request.repeated = boolean(o.repeated, 'repeated');
    if (o.comment !== undefined) {
      if (typeof o.comment !== 'string') fail('comment', 'must be a string');
      const comment = wellFormed(o.comment).trim();
      if (comment.length > LIMITS.comment) fail('comment', `must be at most ${LIMITS.comment} characters`);
      if (comment) request.comment = comment;
    }
    return request;
  });

// ---------------------------------------------------------------------------------------------
// Parts

function transcript(value: unknown, path: string): TranscriptEntry[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  if (value.length > LIMITS.transcriptEntries) fail(path, `must have at most ${LIMITS.transcriptEntries} entries`);
  return value.map((item, i) => entry(item, `${path}[${i}]`));
}

function entry(value: unknown, path: string): TranscriptEntry {
  const result = entryFields(object(value, path), path);
  // Checked after the fields, so that a field over its own limit is named as such.
  if (utf8Length(JSON.stringify(result)) > LIMITS.entryBytes) fail(path, `must be at most ${LIMITS.entryBytes} bytes of JSON`);
  return result;
}

function entryFields(o: Record<string, unknown>, path: string): TranscriptEntry {
  const at = isoTime(o.at, `${path}.at`);
  const type = o.type;
  switch (type) {
    case 'page':
      return { type, at, url: string(o.url, `${path}.url`, LIMITS.url), title: string(o.title, `${path}.title`, LIMITS.title) };
    case 'search': {
      const query = string(o.query, `${path}.query`, LIMITS.query);
      const resultCount = count(o.resultCount, `${path}.resultCount`);
      if (!Array.isArray(o.topIds)) fail(`${path}.topIds`, 'must be an array');
      if (o.topIds.length > LIMITS.topIds) fail(`${path}.topIds`, `must have at most ${LIMITS.topIds} ids`);
      const topIds = o.topIds.map((item, i) => id(item, `${path}.topIds[${i}]`));
      return { type, at, query, resultCount, topIds };
    }
    case 'article':
      return { type, at, articleId: id(o.articleId, `${path}.articleId`), title: string(o.title, `${path}.title`, LIMITS.title) };
    case 'feedback':
      return { type, at, articleId: id(o.articleId, `${path}.articleId`), helpful: boolean(o.helpful, `${path}.helpful`) };
    case 'handoff':
      return { type, at, channel: oneOf(o.channel, `${path}.channel`, CHANNELS) };
    default:
      return fail(`${path}.type`, 'must be one of "page", "search", "article", "feedback", "handoff"');
  }
}

/** A message's text, trimmed: empty only where `mayBeEmpty` (an article's note). */
function messageText(value: unknown, path: string, mayBeEmpty: boolean): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  const text = wellFormed(value).trim();
  if (text.length < LIMITS.messageMin && !mayBeEmpty) fail(path, 'must not be empty');
  if (text.length > LIMITS.messageMax) fail(path, `must be at most ${LIMITS.messageMax} characters`);
  return text;
}

function visitor(value: unknown, path: string): Visitor {
  const o = object(value, path);
  const result: Visitor = {};
  for (const key of ['name', 'email', 'phone', 'id'] as const) {
    if (o[key] !== undefined) result[key] = string(o[key], `${path}.${key}`, LIMITS.visitorField);
  }
  // Checked by the server that knows the secret (server/identity/); here only its size and alphabet.
  if (o.token !== undefined) {
    if (typeof o.token !== 'string' || o.token.length > LIMITS.identityToken || !/^[\w.-]+$/.test(o.token)) {
      fail(`${path}.token`, `must be the JWT the site's server signed (at most ${LIMITS.identityToken} letters, digits, dots, dashes and underscores)`);
    }
    result.token = o.token;
  }
  if (o.attributes !== undefined) {
    const attributes = object(o.attributes, `${path}.attributes`);
    const keys = Object.keys(attributes);
    if (keys.length > LIMITS.attributes) fail(`${path}.attributes`, `must have at most ${LIMITS.attributes} keys`);
    result.attributes = {};
    // Built without a prototype, so that no key, however named, can change what it is.
    const kept: Record<string, string | number | boolean | null> = Object.create(null);
    for (const key of keys) {
      const at = `${path}.attributes.${key}`;
      if (key.length === 0 || key.length > LIMITS.visitorField) fail(at, `key must be 1 to ${LIMITS.visitorField} characters`);
      if (RESERVED_KEYS.has(key)) fail(at, 'is a reserved name (__proto__, constructor and prototype are); give the attribute another key');
      if (!isWellFormed(key)) fail(at, 'key must be well-formed text (it holds half of an emoji or other character)');
      const v = attributes[key];
      if (typeof v === 'string') kept[key] = string(v, at, LIMITS.visitorField);
      else if (v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) kept[key] = v;
      else fail(at, 'must be a string, a number, true, false or null');
    }
    // A plain object again for the caller (JSON, equality in tests): no reserved key is left.
    result.attributes = { ...kept };
  }
  return result;
}

function callback(value: unknown, path: string): CallbackRequest {
  const o = object(value, path);
  const phone = string(o.phone, `${path}.phone`, 40);
  if (!LIMITS.phonePattern.test(phone) || !/\d/.test(phone)) {
    fail(`${path}.phone`, 'must be 3 to 40 characters of digits, spaces and + ( ) - .');
  }
  const from = isoTime(o.from, `${path}.from`);
  const to = isoTime(o.to, `${path}.to`);
  const span = Date.parse(to) - Date.parse(from);
  if (span <= 0) fail(`${path}.from`, 'must be before callback.to');
  if (span > LIMITS.callbackWindowMs) fail(`${path}.to`, 'must be at most 14 days after callback.from');
  const result: CallbackRequest = { phone, from, to };
  if (o.note !== undefined) result.note = string(o.note, `${path}.note`, LIMITS.note);
  return result;
}

function context(value: unknown, path: string): HandoffContext {
  const o = object(value, path);
  const result: HandoffContext = {};
  const max = { pageUrl: LIMITS.url, locale: LIMITS.contextField, userAgent: LIMITS.userAgent, timezone: LIMITS.contextField };
  for (const key of ['pageUrl', 'locale', 'userAgent', 'timezone'] as const) {
    if (o[key] !== undefined) result[key] = string(o[key], `${path}.${key}`, max[key]);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Primitives: each returns the value with its type, or throws Invalid naming the path.

class Invalid {
  constructor(
    readonly path: string,
    readonly error: string,
  ) {}
}

function fail(path: string, error: string): never {
  throw new Invalid(path, error);
}

function run<T>(read: () => T): Validation<T> {
  try {
    return { ok: true, value: read() };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e; // a bug of ours, not bad input: let it surface
    const where = e.path === '' ? 'The body' : e.path;
    return { ok: false, path: e.path, error: `${where} ${e.error}` };
  }
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be a JSON object');
  return value as Record<string, unknown>;
}

/** Free text: a lone surrogate is repaired to U+FFFD (the length stays the same). */
function string(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (value.length > max) fail(path, `must be at most ${max} characters`);
  return wellFormed(value);
}

/** An identifier: refused, not repaired, when malformed, since a repaired id names another thing. */
function id(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (value.length > LIMITS.articleId) fail(path, `must be at most ${LIMITS.articleId} characters`);
  if (value === '') fail(path, 'must not be empty');
  if (!isWellFormed(value)) fail(path, 'must be well-formed text (it holds half of an emoji or other character)');
  return value;
}

function clientId(value: unknown, path: string): string {
  if (typeof value !== 'string' || !LIMITS.clientIdPattern.test(value)) {
    fail(path, 'must be 22 to 64 letters, digits, dashes or underscores, made at random (a UUID): whoever knows it gets the handoff');
  }
  return value;
}

function clientMessageId(value: unknown, path: string): string {
  if (typeof value !== 'string' || !LIMITS.clientMessageIdPattern.test(value)) {
    fail(path, 'must be 8 to 64 letters, digits, dashes or underscores (a UUID)');
  }
  return value;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) fail(path, 'must be a whole number, 0 or more');
  return value;
}

/**
 * An ISO 8601 time with an offset, checked against the calendar: Date.parse alone takes
 * 2025-02-30 as 2 March, and any year from 0000 to 9999.
 */
function isoTime(value: unknown, path: string): string {
  const parts = typeof value === 'string' ? ISO_TIME.exec(value) : null;
  if (typeof value !== 'string' || parts === null) fail(path, 'must be an ISO time with an offset, like 2025-03-01T10:00:00Z');
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = parts
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  if (year! < LIMITS.firstYear || year! > LIMITS.lastYear) {
    fail(path, `must be a time in the years ${LIMITS.firstYear} to ${LIMITS.lastYear}, got the year ${parts[1]}`);
  }
  if (month! < 1 || month! > 12) fail(path, `has no month ${parts[2]} (months are 01 to 12)`);
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (day! < 1 || day! > days) fail(path, `has no day ${parts[3]}: ${parts[1]}-${parts[2]} has ${days} days`);
  if (hour! > 23 || minute! > 59 || second > 59) fail(path, 'must have a time of day from 00:00:00 to 23:59:59');
  if (offsetHours > 23 || offsetMinutes > 59) fail(path, 'must have an offset from -23:59 to +23:59');
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === value);
  if (found === undefined) fail(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return found;
}

/** UTF-8 length without TextEncoder allocations: surrogate pairs are 4 bytes, as two halves of 2. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdfff ? 2 : 3;
  }
  return bytes;
}
