/**
 * Sends a composed mail (compose.ts) through the SMTP server of LIFELINE_SMTP_URL with
 * nodemailer: smtps:// is TLS from the start, smtp:// upgrades with STARTTLS when the server
 * offers it. One connection per mail (a handful of mails a minute), with timeouts well inside
 * the outbox's lease. mailOutcome() says whether a failure is worth another try.
 */
import nodemailer from 'nodemailer';
import type { JobOutcome } from '../outbox/types';
import type { OutgoingMail } from './compose';
import type { MailSettings } from './settings';

export interface Mailer {
  /** LIFELINE_MAIL_FROM as written. */
  readonly from: string;
  /** The sender's domain: Message-IDs are made under it. */
  readonly domain: string;
  /** Resolves once the SMTP server has taken the mail for every recipient; rejects with nodemailer's error, or when it refused one. */
  send(mail: OutgoingMail, signal?: AbortSignal): Promise<void>;
}

const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createMailer(settings: MailSettings): Mailer {
  const transport = nodemailer.createTransport({ url: settings.smtpUrl, ...TIMEOUTS });
  return {
    from: settings.from,
    domain: settings.fromAddress.split('@')[1]!,
    async send(mail, signal) {
      signal?.throwIfAborted();
      const sent = transport.sendMail({
        from: settings.from,
        to: mail.to,
        ...(mail.replyTo !== undefined && { replyTo: mail.replyTo }),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.inReplyTo !== undefined && { inReplyTo: mail.inReplyTo }),
        ...(mail.references !== undefined && { references: mail.references }),
        ...(mail.headers !== undefined && { headers: mail.headers }),
      });
      const info = signal
        ? await new Promise<Awaited<typeof sent>>((resolve, reject) => {
            const abort = () => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            signal.addEventListener('abort', abort, { once: true });
            sent.then(resolve, (error: unknown) => reject(error instanceof Error ? error : new Error(String(error)))).finally(() => signal.removeEventListener('abort', abort));
          })
        : await sent;
      // nodemailer resolves when the server took the mail for some recipients only.
      const rejected = (info.rejected ?? []).map(String);
      if (rejected.length > 0) {
        const first = (info as { rejectedErrors?: SmtpError[] }).rejectedErrors?.[0];
        throw Object.assign(new Error(`refused for ${rejected.join(', ')}`), { code: 'EENVELOPE', responseCode: first?.responseCode, response: first?.response });
      }
    },
  };
}

/** nodemailer's error, as much of it as says what happened. */
interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  rejected?: string[];
}

/**
 * A failed send as the outbox's outcome: a recipient or the mail refused for good (a 5xx
 * answer to RCPT or DATA) is not tried again; the server down, a 4xx (greylisting, "try
 * later"), a timeout or refused credentials (fixed with the settings and a restart) are.
 */
export function mailOutcome(error: unknown): JobOutcome {
  const e = error as SmtpError;
  const detail = e?.response ?? e?.message ?? String(error);
  const permanent = (e?.code === 'EENVELOPE' || e?.code === 'EMESSAGE') && typeof e.responseCode === 'number' && e.responseCode >= 500;
  return { ok: false, error: `${e?.code ? `${e.code}: ` : ''}${detail}`, retry: !permanent };
}
