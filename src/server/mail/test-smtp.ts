/**
 * Test helper (not a test file): a real SMTP server in the test process (smtp-server), which
 * receives every mail, parses it with mailparser, and keeps it with its envelope; it offers
 * STARTTLS (with smtp-server's own self-signed certificate: the client's address says
 * ?tls.rejectUnauthorized=false), takes one user and password, and can refuse recipients with
 * 4xx or 5xx, or be down and come back on the same port.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  mail: ParsedMail;
  /** The envelope: MAIL FROM and RCPT TO, as the client said them. */
  from: string;
  to: string[];
  /** Whether the connection was TLS (STARTTLS) when the mail came. */
  secure: boolean;
  user: string | undefined;
}

export interface TestSmtp {
  readonly port: number;
  /** smtp://USER:PASS@127.0.0.1:port with the test certificate accepted. */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The next `n` recipients are answered `code` (451: try later; 550: no such user). */
  refuse(n: number, code?: number): void;
  /** Recipients answered with a refusal so far. */
  readonly refused: number;
  /** Closes the port: connections are refused until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export const SMTP_USER = 'lifeline';
export const SMTP_PASSWORD = 'p@ss:word';

/** `tls`: TLS from the first byte (smtps://) instead of STARTTLS. */
export async function startTestSmtp(options: { tls?: boolean } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusals: { n: number; code: number } = { n: 0, code: 451 };
  let refused = 0;
  const make = () =>
    new SMTPServer({
      logger: false,
      secure: options.tls === true,
      // Without it smtp-server would refuse AUTH over a connection that is not TLS yet: the
      // client must have upgraded with STARTTLS first, which is what is tested.
      onAuth(auth, _session, callback) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
      },
      onRcptTo(_address, _session, callback) {
        if (refusals.n > 0) {
          refusals = { ...refusals, n: refusals.n - 1 };
          refused++;
          const message = refusals.code >= 500 ? 'No such user here' : 'Try again later';
          callback(Object.assign(new Error(message), { responseCode: refusals.code }));
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              mail,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              secure: session.secure,
              user: session.user as string | undefined,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  let server = make();
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const net = server.listen(port, '127.0.0.1', () => resolve((net.address() as AddressInfo).port));
      net.once('error', reject);
    });
  const port = await listen(0);
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    port,
    url: `${options.tls ? 'smtps' : 'smtp'}://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}/?tls.rejectUnauthorized=false`,
    received,
    refuse(n, code = 451) {
      refusals = { n, code };
    },
    get refused() {
      return refused;
    },
    down: stop,
    async up() {
      server = make();
      await listen(port);
    },
    close: stop,
  };
}
