/**
 * The console's calls to /v1/agent/* (same origin, session cookie). Every failure becomes an
 * ApiError carrying the server's own words, so screens can show them as they are.
 */
import type {
  AgentArticles,
  AgentHandoffDetail,
  AgentHandoffSummary,
  AgentLearning,
  AgentMe,
  AgentPhrasing,
  AgentQueue,
  AgentReport,
  AgentResolveAnswer,
  AgentWebhooks,
  CallbackState,
} from '../server/api/agent-types';
import type { Message, MessageArticle, ResolveOutcome } from '../protocol/types';
import type { AgentPushKey } from '../protocol/push';
import type { VisitorDeletion, VisitorExport } from '../protocol/visitor-data';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Seconds, from Retry-After on a 429. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  // A file goes as itself (attachments), everything else as JSON.
  const file = body instanceof Blob;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': file ? 'application/octet-stream' : 'application/json' },
      body: body === undefined ? null : file ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null; // a proxy's HTML error page, say: reported below by status
  }
  if (!response.ok) {
    const said = typeof json === 'object' && json !== null && typeof (json as { error?: unknown }).error === 'string' ? (json as { error: string }).error : null;
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, said ?? `The server answered ${response.status}.`, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return json as T;
}

const handoffPath = (id: string): string => `/v1/agent/handoffs/${encodeURIComponent(id)}`;

let articles: Promise<ReadonlyMap<string, string> | null> | undefined;

export const api = {
  /** The server's VAPID key, and in how many browsers the agent has notifications on. */
  pushKey: () => call<AgentPushKey>('GET', '/v1/agent/push'),
  /** Saves this browser's push subscription (PushSubscription.toJSON()) for the agent. */
  pushSave: (subscription: PushSubscriptionJSON) => call<AgentPushKey>('PUT', '/v1/agent/push', subscription),
  pushRemove: (endpoint: string) => call<AgentPushKey>('DELETE', '/v1/agent/push', { endpoint }),
  me: () => call<AgentMe>('GET', '/v1/agent/me'),
  login: (email: string, password: string) => call<AgentMe>('POST', '/v1/agent/login', { email, password }),
  logout: () => call<void>('POST', '/v1/agent/logout', {}),
  /** The queue in sections, each listing at most `limit` (the server's 500 unless told). */
  queue: (limit?: number) => call<AgentQueue>('GET', `/v1/agent/queue${limit === undefined ? '' : `?limit=${limit}`}`),
  handoff: (id: string) => call<AgentHandoffDetail>('GET', handoffPath(id)),
  byRef: (ref: string) => call<AgentHandoffDetail>('GET', `/v1/agent/handoffs/by-ref/${encodeURIComponent(ref)}`),
  claim: (id: string) => call<AgentHandoffDetail>('POST', `${handoffPath(id)}/claim`, {}),
  /** Sending again with the same `clientMessageId` is safe: the server keeps one. */
  /** A reply; with `article`, one of the site's articles the visitor gets as a card (`text` is its note, maybe empty). */
  reply: async (id: string, text: string, clientMessageId: string, article?: MessageArticle) =>
    (await call<{ message: Message }>('POST', `${handoffPath(id)}/messages`, { clientMessageId, text, ...(article && { article }) })).message,
  /** A file as a message of its own; the same `clientMessageId` again answers the stored one. */
  upload: async (id: string, file: Blob, name: string, clientMessageId: string) =>
    (await call<{ message: Message }>('POST', `${handoffPath(id)}/attachments?clientMessageId=${encodeURIComponent(clientMessageId)}&name=${encodeURIComponent(name)}`, file)).message,
  /** Where a file of the handoff is read (the session cookie goes with it: same origin). */
  attachmentUrl: (id: string, attachmentId: string) => `${handoffPath(id)}/attachments/${encodeURIComponent(attachmentId)}`,
  typing: (id: string, typing: boolean) => call<void>('POST', `${handoffPath(id)}/typing`, { typing }),
  /** `learn`: the searches ticked to learn as phrasings of the article; undefined lets the server choose those about it. */
  /** `closing`: a last line to the visitor, sent as the agent's message before the chat closes. */
  resolve: (id: string, outcome: ResolveOutcome, articleId: string | null, noArticle = false, learn?: string[], closing?: string) =>
    call<AgentResolveAnswer>('POST', `${handoffPath(id)}/resolve`, { outcome, articleId, noArticle, ...(articleId !== null && learn && { learn }), ...(closing && { closing }) }),
  /** The agent has the chat on screen: the visitor's latest message is seen (their "Seen"). */
  seen: (id: string) => call<{ messageId: string | null }>('POST', `${handoffPath(id)}/seen`, {}),
  /** What resolving with `articleId` would teach: each of the visitor's searches, ticked or not, and why. */
  learning: (id: string, articleId: string) =>
    call<AgentLearning>('GET', `${handoffPath(id)}/learning?articleId=${encodeURIComponent(articleId)}`),
  report: (from: string, to: string) =>
    call<AgentReport>('GET', `/v1/agent/reports?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  callback: (id: string, state: CallbackState) => call<AgentHandoffDetail>('POST', `${handoffPath(id)}/callback`, { state }),
  /** The site's articles (id → title), asked once per console; null when the server was not told them. */
  articles: (): Promise<ReadonlyMap<string, string> | null> =>
    (articles ??= call<AgentArticles>('GET', '/v1/agent/articles').then(
      (answer) => answer.articles && new Map(answer.articles.map((a) => [a.id, a.title])),
      (error: unknown) => {
        articles = undefined; // asked again next time
        throw error;
      },
    )),
  /** Where webhooks go, the deliveries retrying or failed, and the latest ones. */
  webhooks: () => call<AgentWebhooks>('GET', '/v1/agent/webhooks'),
  phrasings: async () => (await call<{ phrasings: AgentPhrasing[] }>('GET', '/v1/agent/phrasings')).phrasings,
  // A body, so that the JSON content type the agent API asks of every write is sent.
  confirmPhrasing: async (id: string) =>
    (await call<{ phrasing: AgentPhrasing }>('POST', `/v1/agent/phrasings/${encodeURIComponent(id)}/confirm`, {})).phrasing,
  /** Everything kept about the visitor of handoff `id` (and their other handoffs), as JSON. */
  visitorExport: (id: string) => call<VisitorExport>('GET', `/v1/agent/visitor-data?handoff=${encodeURIComponent(id)}`),
  /** Erases it all; refused (409) while one of their handoffs is open. */
  visitorDelete: (id: string) => call<VisitorDeletion>('DELETE', '/v1/agent/visitor-data', { handoff: id }),
  removePhrasing: async (id: string) =>
    (await call<{ phrasing: AgentPhrasing }>('DELETE', `/v1/agent/phrasings/${encodeURIComponent(id)}`, {})).phrasing,
};
