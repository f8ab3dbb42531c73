/**
 * A mail's body from plain blocks (headings, paragraphs, labelled fields, lists, quoted chat
 * lines, links), written twice: as plain text and as simple HTML, every text escaped there (a
 * visitor's words are never markup). Pure: alerts, the helpdesk ticket and replies to visitors
 * compose with it, and its tests read both parts.
 */

export type MailBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  /** Label: value rows (the channel, the reference, the callback time...). */
  | { type: 'fields'; rows: ReadonlyArray<readonly [label: string, value: string]> }
  | { type: 'list'; items: readonly string[] }
  /** Someone's words, as said: a chat message, a note. */
  | { type: 'quote'; by: string; at?: string; text: string }
  /** A button in HTML, the bare address in text. Only http(s) addresses are linked. */
  | { type: 'link'; label: string; href: string };

/** What the mail channel sends (and stores in its job until sent). */
export interface OutgoingMail {
  to: string[];
  /** Where a reply goes (the visitor, for a helpdesk ticket), when not to the sender. */
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** `<...@domain>`: stable, so a retry is the same mail and follow-ups can thread under it. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  /** Extra headers, like Auto-Submitted. */
  headers?: Record<string, string>;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside HTML text and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const isWebAddress = (href: string): boolean => {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** One line, for a subject or a header: controls and line breaks as spaces, runs of space as one, at most `max` characters. */
export function oneLine(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex -- every control character, line breaks included, must go
  const flat = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

export function renderText(blocks: readonly MailBlock[]): string {
  const parts = blocks.map((b): string => {
    switch (b.type) {
      case 'heading':
        return `${b.text}\n${'-'.repeat(Math.min(60, b.text.length))}`;
      case 'paragraph':
        return b.text;
      case 'fields':
        return b.rows.map(([label, value]) => `${label}: ${value}`).join('\n');
      case 'list':
        return b.items.map((item) => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
      case 'quote':
        return `${b.by}${b.at ? ` (${b.at})` : ''}:\n${b.text
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n')}`;
      case 'link':
        return `${b.label}: ${b.href}`;
    }
  });
  return `${parts.join('\n\n')}\n`;
}

const P = 'margin:0 0 16px;';
const multiline = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

/**
 * The HTML part. `lang` and `dir` head the document; a right-to-left mail mirrors its rules
 * (mail clients ignore logical CSS properties, so the sides are written out), and quoted words
 * take their own direction (dir="auto"): an English reply in an Arabic mail still reads right.
 */
export function renderHtml(blocks: readonly MailBlock[], title: string, language?: MailLanguage): string {
  const dir = language?.dir ?? 'ltr';
  const [start, end] = dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const body = blocks
    .map((b): string => {
      switch (b.type) {
        case 'heading':
          return `<h2 style="margin:24px 0 8px;font-size:16px;">${escapeHtml(b.text)}</h2>`;
        case 'paragraph':
          return `<p style="${P}">${multiline(b.text)}</p>`;
        case 'fields':
          return `<table role="presentation" style="${P}border-collapse:collapse;">${b.rows
            .map(([label, value]) => `<tr><th scope="row" style="text-align:${start};padding-${start}:0;padding-${end}:16px;padding-top:2px;padding-bottom:2px;font-weight:600;vertical-align:top;">${escapeHtml(label)}</th><td style="padding:2px 0;">${multiline(value)}</td></tr>`)
            .join('')}</table>`;
        case 'list':
          return `<ul style="${P}padding-${start}:20px;">${b.items.map((item) => `<li>${multiline(item)}</li>`).join('')}</ul>`;
        case 'quote':
          return `<p style="margin:0 0 4px;font-weight:600;"><bdi>${escapeHtml(b.by)}</bdi>${b.at ? ` <span style="font-weight:400;color:#555;">${escapeHtml(b.at)}</span>` : ''}</p><blockquote dir="auto" style="${P}margin-${start}:0;padding-${start}:12px;border-${start}:3px solid #ccc;">${multiline(b.text)}</blockquote>`;
        case 'link':
          return isWebAddress(b.href)
            ? `<p style="${P}"><a href="${escapeHtml(b.href)}" style="display:inline-block;padding:8px 14px;background:#1a56db;color:#fff;border-radius:6px;text-decoration:none;">${escapeHtml(b.label)}</a></p>`
            : `<p style="${P}">${escapeHtml(b.label)}: ${escapeHtml(b.href)}</p>`;
      }
    })
    .join('\n');
  return `<!doctype html>
<html${language ? ` lang="${escapeHtml(language.lang)}" dir="${dir}"` : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:14px;line-height:1.5;color:#111;">
${body}
</body></html>
`;
}

export interface MailDraft {
  to: string[];
  subject: string;
  blocks: readonly MailBlock[];
  messageId: string;
  replyTo?: string;
  /** The mail this one answers: In-Reply-To, and the start of References. */
  thread?: { inReplyTo: string; references: readonly string[] };
  headers?: Record<string, string>;
  /** The reader's language and its direction (the HTML part's lang and dir); left to right without it. */
  language?: MailLanguage;
}

export interface MailLanguage {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The mail the channel sends: both parts from the same blocks, the subject on one line. */
export function composeMail(draft: MailDraft): OutgoingMail {
  const subject = oneLine(draft.subject, 200);
  return {
    to: draft.to,
    ...(draft.replyTo !== undefined && { replyTo: draft.replyTo }),
    subject,
    text: renderText(draft.blocks),
    html: renderHtml(draft.blocks, subject, draft.language),
    messageId: draft.messageId,
    ...(draft.thread && { inReplyTo: draft.thread.inReplyTo, references: [...draft.thread.references] }),
    ...(draft.headers && { headers: draft.headers }),
  };
}

/**
 * Message-IDs of one handoff's mails, from the sender's domain: `root` heads the thread (the
 * first mail about it to that audience), `part(name)` any mail after it. Stable, so a mail
 * tried again is the same mail, and every later one can point at the root.
 */
export function handoffMessageIds(handoffId: string, audience: string, domain: string): { root: string; part(name: string): string } {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '-');
  const base = `lifeline.${safe(audience)}.${safe(handoffId)}`;
  return { root: `<${base}@${domain}>`, part: (name) => `<${base}.${safe(name)}@${domain}>` };
}
