/**
 * Attachments (docs/protocol.md, "Attachments"): which files a chat may carry, told by their
 * content (magic bytes), never by their name or the type a browser guessed. Shared by the
 * widget (to refuse at once, in the visitor's language) and the server (which decides).
 * SVG and HTML are refused on purpose: both can carry script.
 */

/** The types a chat accepts; everything else is refused. */
export type AttachmentType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | 'application/pdf';

/** An attachment as messages carry it: what to show, and the id to fetch its bytes with. */
export interface AttachmentInfo {
  id: string;
  /** The file's name as given, cleaned (cleanFileName). */
  name: string;
  type: AttachmentType;
  /** Bytes, as stored (after EXIF location data was removed from a JPEG). */
  size: number;
}

/** LIFELINE_ATTACHMENT_MAX_MB when unset: 10 MB (10 × 1024 × 1024 bytes) per file. */
export const DEFAULT_ATTACHMENT_MAX_MB = 10;
/** The largest LIFELINE_ATTACHMENT_MAX_MB allowed: the bytes live in the database. */
export const MAX_ATTACHMENT_MAX_MB = 50;
export const megabytes = (mb: number): number => mb * 1024 * 1024;

/** Bytes a sniff needs from the start of a file. */
export const SNIFF_BYTES = 12;

/** Longest file name kept, in UTF-16 code units (longer ones keep their end: the extension). */
export const FILE_NAME_MAX = 120;

const starts = (b: Uint8Array, sig: readonly number[], at = 0): boolean => sig.every((v, i) => b[at + i] === v);
const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

/**
 * The type of a file from its first bytes (at least SNIFF_BYTES of them, when the file has
 * that many); null for anything not accepted: SVG, HTML, text, archives, executables...
 */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts(head, ascii('RIFF')) && starts(head, ascii('WEBP'), 8)) return 'image/webp';
  if (starts(head, ascii('GIF87a')) || starts(head, ascii('GIF89a'))) return 'image/gif';
  if (starts(head, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** Images are shown inline (as thumbnails); anything else is only ever downloaded. */
export const isImageType = (type: AttachmentType): boolean => type.startsWith('image/');

const EXTENSIONS: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
};

/**
 * A file name safe to show and to put in a Content-Disposition: no path, no control
 * characters, no quotes or backslashes, at most FILE_NAME_MAX characters; an empty one becomes
 * "attachment.<ext>" after its type (a pasted screenshot has no name).
 */
export function cleanFileName(name: string, type: AttachmentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[\u0000-\u001f\u007f"\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const kept = base.length > FILE_NAME_MAX ? base.slice(base.length - FILE_NAME_MAX) : base;
  return kept || `attachment.${EXTENSIONS[type]}`;
}

/** Why a file is refused, the same words on both sides (the widget says them in the visitor's language). */
export type AttachmentProblem = 'type' | 'too_big' | 'empty';

/**
 * Checks a file before it is sent or stored: its first bytes (the type) and its size against
 * `maxBytes`. The type is returned when it is accepted.
 */
export function checkAttachment(head: Uint8Array, size: number, maxBytes: number): { ok: true; type: AttachmentType } | { ok: false; problem: AttachmentProblem } {
  if (size === 0) return { ok: false, problem: 'empty' };
  if (size > maxBytes) return { ok: false, problem: 'too_big' };
  const type = sniffType(head);
  return type ? { ok: true, type } : { ok: false, problem: 'type' };
}

/** The server's English words for a refusal (the widget has its own in four languages). */
export function attachmentProblemText(problem: AttachmentProblem, maxBytes: number): string {
  switch (problem) {
    case 'type':
      return 'Only PNG, JPEG, WebP or GIF images and PDF files can be attached (told by their content, not their name).';
    case 'too_big':
      return `The file is larger than ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB (LIFELINE_ATTACHMENT_MAX_MB).`;
    case 'empty':
      return 'The file is empty.';
  }
}
