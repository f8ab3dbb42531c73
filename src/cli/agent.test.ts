import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openSqliteStore } from '../server/store/sqlite';
import { verifyPassword } from '../server/passwords';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));

/** The real bin, as `npx lifeline` runs it, on a fresh SQLite file. */
async function lifeline(args: string[], env: Record<string, string>, input?: string, cwd?: string) {
  const child = run(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, ...(cwd !== undefined && { cwd }) });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  return child;
}

describe('lifeline agent add', () => {
  it('creates an agent who can sign in, then updates the password and name', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'lifeline-cli-')), 'sub', 'lifeline.db');
    const first = await lifeline(['agent', 'add', 'ada.lovelace@example.com'], { LIFELINE_DB: db, LIFELINE_AGENT_PASSWORD: 'first-password' });
    expect(first.stdout).toContain('Added agent ada.lovelace@example.com (Ada Lovelace)');

    const second = await lifeline(['agent', 'add', 'Ada.Lovelace@example.com', '--name', 'Ada L.'], { LIFELINE_DB: db }, 'second-password\n');
    expect(second.stdout).toContain('Updated agent ada.lovelace@example.com (Ada L.)');

    const store = openSqliteStore(db);
    try {
      const agent = await store.findAgentByEmail('ada.lovelace@example.com');
      expect(agent?.name).toBe('Ada L.');
      expect(await verifyPassword('second-password', agent!.passwordHash, agent!.salt)).toBe(true);
      expect(await verifyPassword('first-password', agent!.passwordHash, agent!.salt)).toBe(false);
    } finally {
      await store.close();
    }
  }, 30_000);

  it('says a PostgreSQL address in LIFELINE_DB cannot be reached, without making a file of it or showing the password', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'lifeline-cli-'));
    const error = await lifeline(['agent', 'add', 'a@example.com'], { LIFELINE_DB: 'postgres://lifeline:hunter22@127.0.0.1:1/lifeline', LIFELINE_AGENT_PASSWORD: 'long-enough' }, undefined, cwd).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stderr).toContain('LIFELINE_DB: cannot reach the PostgreSQL database postgres://lifeline:***@127.0.0.1:1/lifeline: nothing answers at 127.0.0.1:1');
    expect(error?.stderr).not.toContain('hunter22');
    expect(await readdir(cwd)).toEqual([]);
  }, 30_000);

  it('refuses a bad e-mail or a short password with a clear message and exit code 2', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'lifeline-cli-')), 'lifeline.db');
    for (const [args, env, message] of [
      [['agent', 'add', 'not-an-email'], { LIFELINE_AGENT_PASSWORD: 'long-enough' }, 'expected an e-mail address'],
      [['agent', 'add', 'a@example.com'], { LIFELINE_AGENT_PASSWORD: 'short' }, 'at least 8 characters'],
      [['frobnicate'], {}, 'unknown command'],
    ] as const) {
      const error = await lifeline([...args], { LIFELINE_DB: db, ...env }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(error?.code).toBe(2);
      expect(error?.stderr).toContain(message);
    }
  }, 30_000);
});
