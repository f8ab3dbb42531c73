import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readSettings, systemZone } from './config';
import { ALWAYS_OPEN } from '../hours';

const WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe('readSettings', () => {
  it('has defaults for everything', () => {
    expect(readSettings({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      publicOrigin: null,
      requestTimeoutSeconds: 30,
      database: { engine: 'sqlite', path: './data/lifeline.db' },
      allowedOrigins: [],
      agent: null,
      secret: undefined,
      identitySecret: null,
      trustProxy: false,
      phrasingsPerArticle: 200,
      hours: { schedule: ALWAYS_OPEN, zone: systemZone() },
      callbacks: { slotMinutes: 30, perSlot: 2 },
      handoffsPerMinute: 10,
      messagesPerMinute: 60,
      signInsPerMinute: 10,
      searchesPerMinute: 150,
      articles: null,
      webhook: null,
      pushSubject: 'mailto:lifeline@localhost',
      mail: null,
      alerts: { emails: [], afterSeconds: 120, chatWebhookUrl: null },
      handoffEmail: null,
      away: { awaySeconds: 60, batchSeconds: 60 },
      attachmentMaxBytes: 10 * 1024 * 1024,
      retentionDays: 365,
    });
  });

  it('reads every variable', () => {
    const settings = readSettings({
      PORT: '9000',
      HOST: '0.0.0.0',
      LIFELINE_DB: '/var/lib/lifeline/db.sqlite',
      LIFELINE_ALLOWED_ORIGINS: 'https://shop.example.com, http://localhost:5173',
      LIFELINE_AGENT_EMAIL: 'ada.lovelace@example.com',
      LIFELINE_AGENT_PASSWORD: 'correct horse',
      LIFELINE_SECRET: 's'.repeat(32),
      LIFELINE_IDENTITY_SECRET: 'i'.repeat(32),
      LIFELINE_TRUST_PROXY: '1',
      LIFELINE_PUBLIC_URL: 'https://help.example.com/',
      LIFELINE_REQUEST_TIMEOUT_SECONDS: '20',
      LIFELINE_PHRASINGS_PER_ARTICLE: '50',
      LIFELINE_HOURS: 'Mo-Fr 09:00-17:00; phone: Mo-Sa 08:00-20:00',
      LIFELINE_TIMEZONE: 'Europe/Paris',
      LIFELINE_CALLBACK_SLOT_MINUTES: '15',
      LIFELINE_CALLBACKS_PER_SLOT: '3',
      LIFELINE_HANDOFFS_PER_MINUTE: '120',
      LIFELINE_MESSAGES_PER_MINUTE: '600',
      LIFELINE_SIGNINS_PER_MINUTE: '20',
      LIFELINE_SEARCHES_PER_MINUTE: '1000',
      LIFELINE_ARTICLES: 'https://shop.example.com/help/articles.json',
      LIFELINE_WEBHOOK_URL: 'https://crm.example.com/hooks?from=lifeline',
      LIFELINE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      LIFELINE_SMTP_URL: 'smtps://help%40example.com:p%40ss@mail.example.com:465',
      LIFELINE_MAIL_FROM: 'Example Help <help@example.com>',
      LIFELINE_ALERT_EMAILS: 'Ada@example.com, sam@example.com,ada@example.com',
      LIFELINE_ALERT_AFTER_SECONDS: '300',
      LIFELINE_CHAT_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/XYZ',
      LIFELINE_HANDOFF_EMAIL: 'support@example.zendesk.com',
      LIFELINE_VISITOR_AWAY_SECONDS: '120',
      LIFELINE_VISITOR_MAIL_BATCH_SECONDS: '0',
      LIFELINE_ATTACHMENT_MAX_MB: '2.5',
      LIFELINE_RETENTION_DAYS: '0',
    });
    expect(settings).toEqual({
      port: 9000,
      host: '0.0.0.0',
      publicOrigin: 'https://help.example.com',
      requestTimeoutSeconds: 20,
      database: { engine: 'sqlite', path: '/var/lib/lifeline/db.sqlite' },
      allowedOrigins: ['https://shop.example.com', 'http://localhost:5173'],
      agent: { email: 'ada.lovelace@example.com', password: 'correct horse', name: 'Ada Lovelace' },
      secret: 's'.repeat(32),
      identitySecret: 'i'.repeat(32),
      trustProxy: true,
      phrasingsPerArticle: 50,
      hours: { schedule: expect.objectContaining({ phone: expect.objectContaining({ dates: {} }) }), zone: 'Europe/Paris' },
      callbacks: { slotMinutes: 15, perSlot: 3 },
      handoffsPerMinute: 120,
      messagesPerMinute: 600,
      signInsPerMinute: 20,
      searchesPerMinute: 1000,
      articles: 'https://shop.example.com/help/articles.json',
      webhook: { url: 'https://crm.example.com/hooks?from=lifeline', key: Buffer.alloc(32, 1) },
      pushSubject: 'mailto:help@example.com',
      mail: {
        smtpUrl: 'smtps://help%40example.com:p%40ss@mail.example.com:465',
        shown: 'smtps://help%40example.com:***@mail.example.com:465',
        from: 'Example Help <help@example.com>',
        fromAddress: 'help@example.com',
      },
      alerts: { emails: ['ada@example.com', 'sam@example.com'], afterSeconds: 300, chatWebhookUrl: 'https://hooks.slack.com/services/T0/B0/XYZ' },
      handoffEmail: 'support@example.zendesk.com',
      away: { awaySeconds: 120, batchSeconds: 0 },
      attachmentMaxBytes: 2.5 * 1024 * 1024,
      retentionDays: 0,
    });
    expect(settings.hours.schedule.chat!.week[1]).toEqual([{ start: 540, end: 1020 }]);
    expect(settings.hours.schedule.phone!.week[6]).toEqual([{ start: 480, end: 1200 }]);
  });

  it('signs browser notifications as the mail sender when there is one', () => {
    const env = { LIFELINE_SMTP_URL: 'smtp://mail.example.com:587', LIFELINE_MAIL_FROM: 'Northwind Help <help@northwind.example>' };
    expect(readSettings({ ...env, LIFELINE_PUBLIC_URL: 'https://help.example.com' }).pushSubject).toBe('mailto:help@northwind.example');
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', 'help.internal', '10.255.0.1'])('takes HOST=%s', (host) => {
    expect(readSettings({ HOST: host }).host).toBe(host);
  });

  it.each([
    [{ PORT: 'http' }, /^PORT must be a port number/],
    [{ PORT: '70000' }, /^PORT /],
    [{ HOST: '999.1.1.1' }, /^HOST must be an IP address of this machine .*"999.1.1.1"/],
    [{ HOST: 'bad host' }, /^HOST .*"bad host"/],
    [{ LIFELINE_PUBLIC_URL: 'help.example.com' }, /^LIFELINE_PUBLIC_URL must be the http\(s\) address .*"help.example.com"/],
    [{ LIFELINE_TRUST_PROXY: '1' }, /^LIFELINE_PUBLIC_URL must be set behind a proxy/],
    [{ LIFELINE_REQUEST_TIMEOUT_SECONDS: '0' }, /^LIFELINE_REQUEST_TIMEOUT_SECONDS must be a whole number from 1 to 300/],
    [{ LIFELINE_VISITOR_AWAY_SECONDS: '0' }, /^LIFELINE_VISITOR_AWAY_SECONDS must be a whole number from 1 to 86400, got "0"/],
    [{ LIFELINE_VISITOR_MAIL_BATCH_SECONDS: 'a minute' }, /^LIFELINE_VISITOR_MAIL_BATCH_SECONDS must be a whole number from 0 to 3600/],
    [{ LIFELINE_ALLOWED_ORIGINS: 'https://shop.example.com/' }, /^LIFELINE_ALLOWED_ORIGINS .*"https:\/\/shop.example.com\/"/],
    [{ LIFELINE_ALLOWED_ORIGINS: 'shop.example.com' }, /^LIFELINE_ALLOWED_ORIGINS /],
    [{ LIFELINE_AGENT_EMAIL: 'ada@example.com' }, /^LIFELINE_AGENT_PASSWORD /],
    [{ LIFELINE_AGENT_PASSWORD: 'correct horse' }, /^LIFELINE_AGENT_EMAIL /],
    [{ LIFELINE_AGENT_EMAIL: 'ada', LIFELINE_AGENT_PASSWORD: 'correct horse' }, /^LIFELINE_AGENT_EMAIL must be an email/],
    [{ LIFELINE_AGENT_EMAIL: 'ada@example.com', LIFELINE_AGENT_PASSWORD: 'short' }, /^LIFELINE_AGENT_PASSWORD .*8 characters/],
    [{ LIFELINE_SECRET: 'guessable' }, /^LIFELINE_SECRET /],
    [{ LIFELINE_IDENTITY_SECRET: 'short' }, /^LIFELINE_IDENTITY_SECRET .*32/],
    [{ LIFELINE_TRUST_PROXY: 'yes' }, /^LIFELINE_TRUST_PROXY /],
    [{ LIFELINE_ATTACHMENT_MAX_MB: '0' }, /^LIFELINE_ATTACHMENT_MAX_MB must be a number of megabytes above 0 and at most 50 .*got "0"/],
    [{ LIFELINE_ATTACHMENT_MAX_MB: '10MB' }, /^LIFELINE_ATTACHMENT_MAX_MB .*"10MB"/],
    [{ LIFELINE_ATTACHMENT_MAX_MB: '51' }, /^LIFELINE_ATTACHMENT_MAX_MB .*"51"/],
    [{ LIFELINE_RETENTION_DAYS: '1y' }, /^LIFELINE_RETENTION_DAYS must be a whole number of days from 1 to 36500 .* or 0 to keep them for ever, got "1y"/],
    [{ LIFELINE_RETENTION_DAYS: '-30' }, /^LIFELINE_RETENTION_DAYS .*"-30"/],
    [{ LIFELINE_RETENTION_DAYS: '36501' }, /^LIFELINE_RETENTION_DAYS .*"36501"/],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '-1' }, /^LIFELINE_PHRASINGS_PER_ARTICLE must be a whole number/],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '1e3' }, /^LIFELINE_PHRASINGS_PER_ARTICLE /],
    [{ LIFELINE_PHRASINGS_PER_ARTICLE: '10001' }, /^LIFELINE_PHRASINGS_PER_ARTICLE .*"10001"/],
    [{ LIFELINE_HOURS: 'Mo-Fx 09:00-17:00' }, /^LIFELINE_HOURS has a problem: "Mo-Fx 09:00-17:00": unknown day "Fx"/],
    [{ LIFELINE_TIMEZONE: 'Mars/Olympus' }, /^LIFELINE_TIMEZONE must be an IANA time zone.*"Mars\/Olympus"/],
    [{ LIFELINE_CALLBACK_SLOT_MINUTES: '0' }, /^LIFELINE_CALLBACK_SLOT_MINUTES must be a whole number from 5 to 240/],
    [{ LIFELINE_CALLBACKS_PER_SLOT: 'two' }, /^LIFELINE_CALLBACKS_PER_SLOT /],
    [{ LIFELINE_ARTICLES: 'ftp://shop.example.com/articles.json' }, /^LIFELINE_ARTICLES must be a file path or an http\(s\) address.*"ftp:/],
    [{ LIFELINE_HANDOFFS_PER_MINUTE: '0' }, /^LIFELINE_HANDOFFS_PER_MINUTE must be a whole number from 1 to 100000, got "0"/],
    [{ LIFELINE_SEARCHES_PER_MINUTE: '0' }, /^LIFELINE_SEARCHES_PER_MINUTE must be a whole number from 1 to 100000, got "0"/],
    [{ LIFELINE_SEARCHES_PER_MINUTE: '2.5' }, /^LIFELINE_SEARCHES_PER_MINUTE .*"2.5"/],
    [{ LIFELINE_SEARCHES_PER_MINUTE: 'lots' }, /^LIFELINE_SEARCHES_PER_MINUTE .*"lots"/],
    [{ LIFELINE_SEARCHES_PER_MINUTE: '100001' }, /^LIFELINE_SEARCHES_PER_MINUTE .*"100001"/],
    [{ LIFELINE_WEBHOOK_URL: 'https://example.com/hooks' }, /^LIFELINE_WEBHOOK_SECRET must be set with LIFELINE_WEBHOOK_URL/],
    [{ LIFELINE_WEBHOOK_SECRET: WEBHOOK_SECRET }, /^LIFELINE_WEBHOOK_URL must be set together with LIFELINE_WEBHOOK_SECRET/],
    [{ LIFELINE_WEBHOOK_URL: 'ftp://example.com/hooks', LIFELINE_WEBHOOK_SECRET: WEBHOOK_SECRET }, /^LIFELINE_WEBHOOK_URL must be the http\(s\) address .*"ftp:/],
    [{ LIFELINE_WEBHOOK_URL: 'example.com/hooks', LIFELINE_WEBHOOK_SECRET: WEBHOOK_SECRET }, /^LIFELINE_WEBHOOK_URL must be the http\(s\) address/],
    [{ LIFELINE_WEBHOOK_URL: 'https://example.com/hooks', LIFELINE_WEBHOOK_SECRET: 'hunter2' }, /^LIFELINE_WEBHOOK_SECRET must start with "whsec_"/],
    [{ LIFELINE_WEBHOOK_URL: 'https://example.com/hooks', LIFELINE_WEBHOOK_SECRET: `whsec_${Buffer.alloc(16, 7).toString('base64')}` }, /^LIFELINE_WEBHOOK_SECRET must hold 24 to 64 random bytes, this one holds 16/],
    [{ LIFELINE_SMTP_URL: 'mail.example.com', LIFELINE_MAIL_FROM: 'a@example.com' }, /^LIFELINE_SMTP_URL must be an address like smtp:\/\/.*"mail.example.com"/],
    [{ LIFELINE_SMTP_URL: 'http://mail.example.com', LIFELINE_MAIL_FROM: 'a@example.com' }, /^LIFELINE_SMTP_URL must be an address/],
    [{ LIFELINE_SMTP_URL: 'smtp://u:hunter22@mail.example.com:99999', LIFELINE_MAIL_FROM: 'a@example.com' }, /^LIFELINE_SMTP_URL must be .*"smtp:\/\/u:\*\*\*@mail.example.com:99999"/],
    [{ LIFELINE_SMTP_URL: 'smtp://mail.example.com/inbox', LIFELINE_MAIL_FROM: 'a@example.com' }, /^LIFELINE_SMTP_URL must have no path/],
    [{ LIFELINE_SMTP_URL: 'smtp://mail.example.com' }, /^LIFELINE_MAIL_FROM must be set with LIFELINE_SMTP_URL/],
    [{ LIFELINE_SMTP_URL: 'smtp://mail.example.com', LIFELINE_MAIL_FROM: 'help' }, /^LIFELINE_MAIL_FROM must be an e-mail address.*"help"/],
    [{ LIFELINE_SMTP_URL: 'smtp://mail.example.com', LIFELINE_MAIL_FROM: 'Help <help>' }, /^LIFELINE_MAIL_FROM /],
    [{ LIFELINE_MAIL_FROM: 'help@example.com' }, /^LIFELINE_SMTP_URL must be set for LIFELINE_MAIL_FROM/],
    [{ LIFELINE_ALERT_EMAILS: 'ada@example.com' }, /^LIFELINE_SMTP_URL must be set for LIFELINE_ALERT_EMAILS/],
    [{ LIFELINE_HANDOFF_EMAIL: 'desk@example.com' }, /^LIFELINE_SMTP_URL must be set for LIFELINE_HANDOFF_EMAIL/],
    [{ LIFELINE_ALERT_EMAILS: 'ada@example.com; sam@example.com' }, /^LIFELINE_ALERT_EMAILS must be e-mail addresses separated by commas.*"ada@example.com; sam@example.com" is not one/],
    [{ LIFELINE_HANDOFF_EMAIL: 'a@example.com, b@example.com' }, /^LIFELINE_HANDOFF_EMAIL must be one e-mail address/],
    [{ LIFELINE_ALERT_AFTER_SECONDS: '2m' }, /^LIFELINE_ALERT_AFTER_SECONDS must be a whole number from 0 to 86400/],
    [{ LIFELINE_CHAT_WEBHOOK_URL: 'hooks.slack.com/services/T0/B0/SECRETSECRETSECRET' }, /^LIFELINE_CHAT_WEBHOOK_URL must be the http\(s\) address of an incoming webhook.*"hooks.slack.com\/services…"$/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});

describe('LIFELINE_WEBHOOK_URL and LIFELINE_WEBHOOK_SECRET', () => {
  it('read the receiver and the key its deliveries are signed with', () => {
    const { webhook } = readSettings({ LIFELINE_WEBHOOK_URL: 'https://example.com/hooks/lifeline', LIFELINE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    expect(webhook).toEqual({ url: 'https://example.com/hooks/lifeline', key: Buffer.alloc(32, 1) });
  });

  it('never print the secret when it is refused', () => {
    const secret = `whsec_${Buffer.alloc(70, 9).toString('base64')}`;
    expect(() => readSettings({ LIFELINE_WEBHOOK_URL: 'https://example.com/h', LIFELINE_WEBHOOK_SECRET: secret })).toThrow(/holds 70/);
    try {
      readSettings({ LIFELINE_WEBHOOK_URL: 'https://example.com/h', LIFELINE_WEBHOOK_SECRET: secret });
    } catch (error) {
      expect(String(error)).not.toContain(secret.slice(6, 20));
    }
  });
});

describe('LIFELINE_DB', () => {
  it('takes a file path as SQLite, and a postgres:// or postgresql:// address as PostgreSQL, shown without its password', () => {
    expect(readSettings({ LIFELINE_DB: 'data/shop.db' }).database).toEqual({ engine: 'sqlite', path: 'data/shop.db' });
    expect(readSettings({ LIFELINE_DB: 'C:\\lifeline\\shop.db' }).database).toEqual({ engine: 'sqlite', path: 'C:\\lifeline\\shop.db' });
    const url = 'postgres://lifeline:s3cr%40t@db.example.com:5432/lifeline?sslmode=require';
    expect(readSettings({ LIFELINE_DB: url }).database).toEqual({
      engine: 'postgres',
      url,
      shown: 'postgres://lifeline:***@db.example.com:5432/lifeline?sslmode=require',
    });
    const socket = 'POSTGRESQL://lifeline@/lifeline?host=/var/run/postgresql';
    expect(readSettings({ LIFELINE_DB: socket }).database).toMatchObject({ engine: 'postgres', url: socket });
    const query = 'postgres://lifeline@db/lifeline?password=hunter22';
    expect(readSettings({ LIFELINE_DB: query }).database).toMatchObject({ shown: 'postgres://lifeline@db/lifeline?password=***' });
  });

  it.each([
    ['postgres://lifeline:hunter22@db.example.com:99999/lifeline', /^LIFELINE_DB is not a valid URL.*"postgres:\/\/\*\*\*@db\.example\.com:99999\/lifeline"/],
    ['postgres://lifeline:hunter22@/lifeline', /^LIFELINE_DB names no host.*"postgres:\/\/lifeline:\*\*\*@\/lifeline"/],
    ['mysql://lifeline:hunter22@db/lifeline', /^LIFELINE_DB must be a file path \(SQLite\) or a postgres:\/\/ or postgresql:\/\/ address, got "mysql:\/\/lifeline:\*\*\*@db\/lifeline"/],
    ['postgres://lifeline:hunter22@db/life/line', /^LIFELINE_DB names the database "life\/line"/],
  ])('refuses %s naming LIFELINE_DB, without the password', (text, message) => {
    let error: Error | undefined;
    try {
      readSettings({ LIFELINE_DB: text });
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('hunter22');
  });
});

describe('the README', () => {
  it('documents every variable the server reads, in its table of settings', async () => {
    const source = await readFile(new URL('./config.ts', import.meta.url), 'utf8');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const read = [...new Set([...source.matchAll(/'((?:LIFELINE_[A-Z_]+)|PORT|HOST)'/g)].map((m) => m[1]!))];
    expect(read.length).toBeGreaterThan(10);
    // A row of a README table that starts with the variable's name (or a pair of names).
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    const undocumented = read.filter((name) => !rows.some((row) => row.split(' | ')[0]!.includes(`\`${name}\``)));
    expect(undocumented).toEqual([]);
  });
});
