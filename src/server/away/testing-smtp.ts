/**
 * Test helper (not a test file): a real SMTP server on a free loopback port (smtp-server) that
 * parses every mail it receives (mailparser), and a nodemailer transport to it. Nothing mocked.
 */
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { MailMessage } from './mail';

export interface SmtpCatcher {
  port: number;
  mails: ParsedMail[];
  /** Resolves once `count` mails have arrived (fails after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Sends as the server would (the From is fixed). */
  send(mail: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: ParsedMail[] = [];
  const waiting = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          for (const check of [...waiting]) check();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    port,
    mails,
    received(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mails.length < count) return;
          waiting.delete(check);
          clearTimeout(timer);
          resolve(mails.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`expected ${count} mails, got ${mails.length}`));
        }, timeoutMs);
        waiting.add(check);
        check();
      });
    },
    async send(mail) {
      await transport.sendMail({
        from: 'Northwind Support <help@shop.example.com>',
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
        ...(mail.references && { references: mail.references }),
      });
    },
    close: () => new Promise<void>((resolve) => {
      transport.close();
      server.close(() => resolve());
    }),
  };
}
