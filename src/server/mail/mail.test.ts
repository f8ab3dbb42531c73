/**
 * The mail channel against a real SMTP server in the test process (test-smtp.ts): what arrives
 * is parsed and checked, header by header. Mails go through the outbox on a real SQLite file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOutbox, type Outbox } from '../outbox/outbox';
import { readMailSettings } from './settings';
import { openSqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { composeMail, handoffMessageIds } from './compose';
import { enqueueMail, mailChannel, mailKey } from './channel';
import { createMailer } from './mailer';
import { SMTP_USER, startTestSmtp, type TestSmtp } from './test-smtp';

const FAST = { firstMs: 50, maxMs: 200, jitter: 0 };
const ids = handoffMessageIds('h1', 'helpdesk', 'example.com');
const ticket = (over: Partial<Parameters<typeof composeMail>[0]> = {}) =>
  composeMail({
    to: ['desk@example.com', 'sam@example.com'],
    subject: '[#4821] Where is my refund <late>?',
    blocks: [
      { type: 'paragraph', text: 'Ada asked for a person.' },
      { type: 'quote', by: 'Visitor', text: '<b>bold</b> & "quoted"' },
    ],
    messageId: ids.root,
    replyTo: 'ada@example.com',
    ...over,
  });

describe('mail through the outbox', () => {
  let smtp: TestSmtp;
  let dir: string;
  let store: Store;
  let outbox: Outbox | undefined;
  beforeEach(async () => {
    smtp = await startTestSmtp();
    dir = await mkdtemp(join(tmpdir(), 'lifeline-mail-'));
    store = openSqliteStore(join(dir, 'lifeline.db'));
  });
  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    await store.close();
    await smtp.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = () => {
    const mailer = createMailer(readMailSettings(smtp.url, 'Example Help <help@example.com>')!);
    outbox = startOutbox({ store, channels: [mailChannel(mailer, { policy: FAST })], pollMs: 100, onError: () => undefined });
    return outbox;
  };
  const queue = async (key: string, mail = ticket()) => {
    const at = new Date().toISOString();
    return store.transaction((tx) => enqueueMail(tx, key, mail, at));
  };

  it('sends both parts, the visitor’s words escaped, with its Message-ID, Reply-To and thread headers, over STARTTLS', async () => {
    start();
    expect(await queue('ticket:h1')).toBe(2);
    expect(await queue('ticket:h1')).toBe(0); // queued once
    const followUp = ticket({ to: ['desk@example.com'], subject: 'Re: [#4821] Where is my refund <late>?', messageId: ids.part('m1'), thread: { inReplyTo: ids.root, references: [ids.root] } });
    await queue('message:m1', followUp);
    await expect.poll(() => smtp.received.length).toBe(3);
    await outbox!.idle();
    // One mail per recipient, each addressed to them alone.
    const roots = smtp.received.filter((r) => r.mail.messageId === ids.root);
    expect(roots.map((r) => r.to).sort()).toEqual([['desk@example.com'], ['sam@example.com']]);
    expect(roots.map((r) => (r.mail.to as { text: string }).text).sort()).toEqual(['desk@example.com', 'sam@example.com']);
    const first = roots[0]!;
    const second = smtp.received.find((r) => r.mail.messageId === ids.part('m1'));
    expect(first.secure).toBe(true);
    expect(first.user).toBe(SMTP_USER);
    expect(first.from).toBe('help@example.com');
    const m = first.mail;
    expect(m.messageId).toBe(ids.root);
    expect(m.subject).toBe('[#4821] Where is my refund <late>?');
    expect(m.from!.value).toEqual([{ address: 'help@example.com', name: 'Example Help' }]);
    expect(m.replyTo!.value).toEqual([{ address: 'ada@example.com', name: '' }]);
    expect(m.text).toContain('> <b>bold</b> & "quoted"');
    expect(m.html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
    expect(m.html).not.toContain('<b>bold</b>');
    expect(m.inReplyTo).toBeUndefined();
    expect(second!.mail.messageId).toBe(ids.part('m1'));
    expect(second!.mail.inReplyTo).toBe(ids.root);
    expect(second!.mail.references).toBe(ids.root);
    expect(await store.findJob('mail', mailKey('ticket:h1', 'desk@example.com'))).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('speaks TLS from the first byte to an smtps:// address', async () => {
    const tls = await startTestSmtp({ tls: true });
    try {
      const mailer = createMailer(readMailSettings(tls.url, 'help@example.com')!);
      await mailer.send(ticket({ to: ['desk@example.com'] }));
      expect(tls.received.map((r) => [r.secure, r.user, r.to])).toEqual([[true, SMTP_USER, ['desk@example.com']]]);
    } finally {
      await tls.close();
    }
  });

  it('tries again when the server answers 451 to the first recipient, and delivers once', async () => {
    smtp.refuse(1, 451);
    start();
    await queue('ticket:h1', ticket({ to: ['desk@example.com'] }));
    const key = mailKey('ticket:h1', 'desk@example.com');
    await expect.poll(async () => (await store.findJob('mail', key))?.status).toBe('done');
    expect(smtp.refused).toBe(1);
    expect(smtp.received.map((r) => r.to)).toEqual([['desk@example.com']]);
    expect(await store.findJob('mail', key)).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/451/) });
  });

  it('keeps a mail while the server is down, across a restart, and sends it once the server is back', async () => {
    await smtp.down();
    start();
    await queue('ticket:h1', ticket({ to: ['desk@example.com'] }));
    const key = mailKey('ticket:h1', 'desk@example.com');
    await expect.poll(async () => (await store.findJob('mail', key))?.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    await outbox!.stop();
    await store.close();

    store = openSqliteStore(join(dir, 'lifeline.db'));
    await smtp.up();
    start();
    await expect.poll(async () => (await store.findJob('mail', key))?.status, { timeout: 5_000 }).toBe('done');
    expect(smtp.received.map((r) => r.mail.messageId)).toEqual([ids.root]);
  });

  it('does not try again a mail refused for good (550), and says why', async () => {
    smtp.refuse(1, 550);
    start();
    await queue('ticket:h1');
    await expect.poll(async () => (await store.listJobs({ kind: 'mail', status: 'done', limit: 10 })).length).toBe(1);
    await expect.poll(async () => (await store.listJobs({ kind: 'mail', status: 'failed', limit: 10 })).length).toBe(1);
    const [failed] = await store.listJobs({ kind: 'mail', status: 'failed', limit: 10 });
    expect(failed).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(smtp.received).toHaveLength(1);
  });
});
