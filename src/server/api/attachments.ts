/**
 * Files in the chat (docs/protocol.md, "Attachments"), for the visitor (behind their token) and
 * the agents (behind a session): upload one as a message of its own, and read one back.
 *
 * An upload is the file's bytes as the body (`Content-Type: application/octet-stream`, which no
 * cross-site form can send without a preflight), its name and the message's clientMessageId in
 * the query. What it is, is told by the service from its content (../service/handoffs.ts attach).
 *
 * A file is served so that it can never run as a page of this origin, whatever it holds: its
 * sniffed type only, `X-Content-Type-Options: nosniff`, `Content-Security-Policy: sandbox`, and
 * `Content-Disposition: attachment` for anything that is not an image.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { attachmentProblemText, isImageType, type AttachmentProblem } from '../../protocol/attachments';
import type { ErrorBody } from '../../protocol/types';
import { LIMITS } from '../../protocol/validate';
import type { AgentRef } from '../handoff/types';
import type { AttachAnswer } from '../service/handoffs';
import type { StoredAttachment } from '../store/types';
import type { ApiDeps, ApiEnv } from './deps';
import { problem, type ApiContext } from './http';
import { refused } from './refusals';
import { toMessage } from './views';

/** Uploads are the one place a body may pass the API's 64 KiB: up to LIFELINE_ATTACHMENT_MAX_MB. */
export const isUpload = (method: string, path: string): boolean => method === 'POST' && /\/handoffs\/[^/]+\/attachments$/.test(path);

const STATUS: Record<AttachmentProblem, 400 | 413 | 415> = { type: 415, too_big: 413, empty: 400 };

const refuseFile = (c: ApiContext, why: AttachmentProblem, maxBytes: number): Response =>
  c.json<ErrorBody>({ error: attachmentProblemText(why, maxBytes), code: 'attachment_refused', attachmentProblem: why }, STATUS[why]);

/** The body limit of an upload: a larger file is refused before it is read whole. */
export function uploadLimit(deps: Pick<ApiDeps, 'attachmentMaxBytes'>): MiddlewareHandler<ApiEnv> {
  return bodyLimit({ maxSize: deps.attachmentMaxBytes, onError: (c) => refuseFile(c as ApiContext, 'too_big', deps.attachmentMaxBytes) });
}

/** Reads an upload and hands it to the service; the answer is the message, as POST .../messages answers. */
export async function upload(c: ApiContext, deps: ApiDeps, handoffId: string, agent?: AgentRef): Promise<Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/octet-stream\s*(;|$)/i.test(type)) {
    return problem(c, 415, 'Send the file itself as the body, with `Content-Type: application/octet-stream`.');
  }
  const clientMessageId = c.req.query('clientMessageId') ?? '';
  if (!LIMITS.clientMessageIdPattern.test(clientMessageId)) {
    return problem(c, 400, 'clientMessageId must be 8 to 64 letters, digits, "-" or "_": made by the sender, the same on a retry.', 'clientMessageId');
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const result: AttachAnswer = await deps.service.attach(handoffId, { clientMessageId, name: c.req.query('name') ?? '', bytes, ...(agent && { agent }) });
  if (!result.ok) return result.reason === 'attachment' ? refuseFile(c, result.problem, deps.attachmentMaxBytes) : refused(c, result.reason);
  return c.json({ message: toMessage(result.message) }, result.created ? 201 : 200);
}

/** RFC 6266 / 5987: the name for any browser, non-ASCII included. */
const disposition = (kind: 'inline' | 'attachment', name: string): string =>
  `${kind}; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

/** One stored file, served so it can never act as a page of this origin. */
export function sendAttachment(c: ApiContext, a: StoredAttachment | null): Response {
  if (!a) return problem(c, 404, 'There is no such attachment in this handoff.');
  return c.body(a.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': a.type,
    'Content-Length': String(a.bytes.length),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': 'sandbox',
    'Content-Disposition': disposition(isImageType(a.type) ? 'inline' : 'attachment', a.name),
    // Never changes once stored; only the browser that was allowed to read it keeps it.
    'Cache-Control': 'private, max-age=86400, immutable',
    'Cross-Origin-Resource-Policy': 'same-site',
  });
}
