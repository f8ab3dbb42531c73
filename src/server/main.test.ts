/**
 * The server as `npm start` runs it (main.ts in a child process): what it says when it cannot
 * start, and how it treats a client that sends its request slowly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPool } from './store/postgres/connect';
import { migrate, MIGRATIONS } from './store/postgres/migrations';
import { describeWithPostgres } from './store/postgres/testing';
import { openSqliteStore } from './store/sqlite';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'lifeline-main-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  for (const child of children) child.kill('SIGKILL'); // a test that timed out leaves none behind
  rmSync(dir, { recursive: true, force: true });
});
const AGENT = { LIFELINE_AGENT_EMAIL: 'sam@example.com', LIFELINE_AGENT_PASSWORD: 'a long password' };

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

/** Runs main.ts to its end: its exit code and everything it printed. */
async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const run = start(env);
  const code = await run.exit;
  return { code, output: run.output() };
}

/** A database whose agents table is damaged: it opens, and fails when the agent is saved. */
function damagedDatabase(): string {
  const file = join(dir, 'damaged.db');
  openSqliteStore(file).close(); // better-sqlite3 closes at once; the promise is the Store interface
  const db = new Database(file);
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'agents'").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(file);
  bytes.fill(0xa5, (rootpage - 1) * pageSize, rootpage * pageSize);
  writeFileSync(file, bytes);
  return file;
}

const oneClearLine = (output: string) => {
  expect(output.trim().split('\n')).toHaveLength(1);
  expect(output).not.toMatch(/^\s+at /m); // no stack trace
};

describe('a start that cannot be', () => {
  it('stops on a PostgreSQL address where nothing answers, naming LIFELINE_DB and the address without the password', async () => {
    const { code, output } = await refusedStart({ LIFELINE_DB: 'postgres://lifeline:hunter22@127.0.0.1:1/lifeline', ...AGENT });
    expect(code).toBe(2);
    expect(output).toMatch(/^Lifeline cannot start: LIFELINE_DB: cannot reach the PostgreSQL database postgres:\/\/lifeline:\*\*\*@127\.0\.0\.1:1\/lifeline: nothing answers at 127\.0\.0\.1:1/);
    expect(output).not.toContain('hunter22');
    expect(output.trim().split('\n')).toHaveLength(1);
  });

  it('refuses a malformed PostgreSQL address in LIFELINE_DB naming it, without the password', async () => {
    const { code, output } = await refusedStart({ LIFELINE_DB: 'postgresql://lifeline:hunter22@db.example.com:99999/lifeline' });
    expect(code).toBe(2);
    expect(output).toMatch(/^Lifeline cannot start: LIFELINE_DB is not a valid URL/);
    expect(output).not.toContain('hunter22');
  });

  it('says that LIFELINE_DB is damaged in one line, without a stack trace, when the agent cannot be saved', async () => {
    const { code, output } = await refusedStart({ LIFELINE_DB: damagedDatabase(), ...AGENT });
    expect(code).not.toBe(0);
    expect(output).toMatch(/^Lifeline cannot start: LIFELINE_DB: .*damaged\.db.*malformed/);
    oneClearLine(output);
  });

  // Root writes any file whatever its mode; the same refusal is seen there with `chattr +i`.
  it.skipIf(process.getuid?.() === 0)('says that LIFELINE_DB cannot be written, with or without an agent', async () => {
    const file = join(dir, 'read-only.db');
    await openSqliteStore(file).close();
    chmodSync(file, 0o444);
    const { code, output } = await refusedStart({ LIFELINE_DB: file, ...AGENT });
    expect(code).not.toBe(0);
    expect(output).toMatch(/^Lifeline cannot start: LIFELINE_DB: .*read-only\.db: it cannot be written/);
    oneClearLine(output);
  });

  it('names LIFELINE_SMTP_URL when it is malformed, without the password, and LIFELINE_MAIL_FROM when it is missing', async () => {
    const bad = await refusedStart({ LIFELINE_DB: join(dir, 'mail.db'), LIFELINE_SMTP_URL: 'smtp://help:hunter22@mail.example.com:99999', LIFELINE_MAIL_FROM: 'help@example.com' });
    expect(bad.code).toBe(2);
    expect(bad.output).toMatch(/^Lifeline cannot start: LIFELINE_SMTP_URL must be an address like smtp:\/\/.*"smtp:\/\/help:\*\*\*@mail\.example\.com:99999"/);
    expect(bad.output).not.toContain('hunter22');
    oneClearLine(bad.output);
    const missing = await refusedStart({ LIFELINE_DB: join(dir, 'mail.db'), LIFELINE_SMTP_URL: 'smtps://mail.example.com' });
    expect(missing.output).toMatch(/^Lifeline cannot start: LIFELINE_MAIL_FROM must be set with LIFELINE_SMTP_URL/);
  }, 30_000); // two starts of the real server, each compiling TypeScript: slow on a loaded machine

  it.each([
    ['999.1.1.1', /^Lifeline cannot start: HOST must be an IP address of this machine .*"999\.1\.1\.1"/],
    ['192.0.2.77', /^Lifeline cannot start: HOST 192\.0\.2\.77 is not an address of this machine/],
  ])('names HOST when it is %s', async (host, message) => {
    const { code, output } = await refusedStart({ HOST: host, LIFELINE_DB: join(dir, 'host.db') });
    expect(code).not.toBe(0);
    expect(output).toMatch(message);
    oneClearLine(output);
  });
});

describe('a slow client', () => {
  /** Sends `parts` one after another, a moment apart, until the server closes the connection. */
  async function dripUntilClosed(port: number, first: string, next: () => string): Promise<string> {
    const socket: Socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined); // a write racing the server's close
    socket.write(first);
    const drip = setInterval(() => socket.writable && socket.write(next()), 100);
    await closed;
    clearInterval(drip);
    return answer;
  }

  it('is cut off once LIFELINE_REQUEST_TIMEOUT_SECONDS have passed, headers or body, while event streams stay open', async () => {
    const server = start({ LIFELINE_DB: join(dir, 'slow.db'), LIFELINE_REQUEST_TIMEOUT_SECONDS: '1' });
    try {
      while (!/Lifeline on http:\/\/127\.0\.0\.1:(\d+)\//.test(server.output())) await new Promise((r) => setTimeout(r, 50));
      const port = Number(/Lifeline on http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.output())![1]);
      const base = `http://127.0.0.1:${port}`;

      // An event stream, opened first, outlives both cut-offs below.
      const created = await fetch(`${base}/v1/handoffs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: crypto.randomUUID(), channel: 'chat', transcript: [] }),
      });
      const handoff = (await created.json()) as { id: string; token: string };
      const auth = { authorization: `Bearer ${handoff.token}` };
      const stream = await fetch(`${base}/v1/handoffs/${handoff.id}/events`, { headers: auth });
      const reader = stream.body!.getReader();

      // Headers that never end: one more header line every 100 ms.
      let n = 0;
      const headers = await dripUntilClosed(port, 'GET /v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n', () => `X-Slow-${n++}: 1\r\n`);
      expect(headers).toMatch(/^HTTP\/1\.1 408 /);
      // A body that never ends: one byte every 100 ms of the 60 announced.
      const body = await dripUntilClosed(
        port,
        `POST /v1/handoffs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60\r\n\r\n{`,
        () => ' ',
      );
      expect(body).toMatch(/^HTTP\/1\.1 408 /);

      // The stream, open for longer than the request timeout, still carries what happens.
      await fetch(`${base}/v1/handoffs/${handoff.id}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ clientMessageId: 'message-0001', text: 'Still there?' }),
      });
      let received = '';
      while (!received.includes('Still there?')) received += new TextDecoder().decode((await reader.read()).value);
      await reader.cancel();
    } finally {
      server.child.kill('SIGTERM');
      await server.exit;
    }
  }, 30_000);
});

describeWithPostgres('a start on PostgreSQL', (pg) => {
  it('migrates a new database, saves the agent and says where the data is, without the password', async () => {
    const url = await pg.newDatabase();
    const server = start({ LIFELINE_DB: url, ...AGENT });
    try {
      await expect.poll(server.output, { timeout: 30_000 }).toMatch(/Lifeline on http:\/\/127\.0\.0\.1:\d+\/ \(API under \/v1, database postgres:\/\/[^:]+:\*\*\*@/);
      expect(server.output()).toContain(`Lifeline agent ${AGENT.LIFELINE_AGENT_EMAIL} (`);
      expect(server.output()).not.toContain(new URL(url).password);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exit).toBe(0);
    }
  }, 60_000);

  it('refuses a database of a newer Lifeline, naming LIFELINE_DB', async () => {
    const url = await pg.newDatabase();
    const pool = createPool(url, { max: 1 });
    await migrate(pool, [...MIGRATIONS, 'SELECT 1']);
    await pool.end();
    const { code, output } = await refusedStart({ LIFELINE_DB: url });
    expect(code).toBe(2);
    expect(output).toMatch(/^Lifeline cannot start: LIFELINE_DB: cannot bring the database postgres:\/\/\S+ up to date: the database is at schema version \d+, newer than this Lifeline knows/);
    oneClearLine(output);
  }, 60_000);
});

describe('retention at start', () => {
  it('deletes closed handoffs older than LIFELINE_RETENTION_DAYS when it starts, and keeps the rest', async () => {
    const file = join(dir, 'retention.db');
    const store = openSqliteStore(file);
    const { serviceOver } = await import('./service/over-store');
    const days = (n: number) => Date.now() - n * 86_400_000;
    const make = async (when: number, clientId: string, close: boolean) => {
      const service = serviceOver(store, { now: () => when });
      const made = await service.create({ clientId, channel: 'chat', visitor: { email: `${clientId}@example.com` }, callback: null, context: null, transcript: [] });
      if (!made.ok) throw new Error(made.reason);
      if (close) await service.cancel(made.handoff.id);
      return made.handoff.id;
    };
    const old = await make(days(40), 'old-closed-handoff-of-the-main-test', true);
    const recent = await make(days(5), 'recent-closed-handoff-of-the-main-test', true);
    const waiting = await make(days(40), 'old-waiting-handoff-of-the-main-test', false);
    await store.close();

    const bad = await refusedStart({ LIFELINE_DB: file, LIFELINE_RETENTION_DAYS: 'a month' });
    expect(bad.output).toMatch(/^Lifeline cannot start: LIFELINE_RETENTION_DAYS must be a whole number of days from 1 to 36500 .*"a month"/);

    const run = start({ LIFELINE_DB: file, LIFELINE_RETENTION_DAYS: '30' });
    await expect.poll(run.output, { timeout: 20_000 }).toContain('Lifeline retention: deleted 1 handoff closed more than 30 days ago, with everything about them.');
    run.child.kill('SIGTERM');
    await run.exit;
    const after = openSqliteStore(file);
    expect(await after.findHandoff(old)).toBeNull();
    expect(await after.findHandoff(recent)).not.toBeNull();
    expect(await after.findHandoff(waiting)).not.toBeNull();
    await after.close();
  }, 40_000);
});
