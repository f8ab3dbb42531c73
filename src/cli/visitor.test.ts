import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { VisitorExport } from '../protocol/visitor-data';
import { serviceOver } from '../server/service/over-store';
import { openSqliteStore } from '../server/store/sqlite';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));
const T = '2025-03-01T10:00:00.000Z';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x51, 0x55, 0x49, 0x4c, 0x4c]);

/** A database with Zed's two handoffs (one with a message and a file) and Ann's one. */
async function database(): Promise<{ db: string; folder: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'lifeline-cli-visitor-'));
  const db = join(folder, 'lifeline.db');
  const store = openSqliteStore(db);
  await store.upsertAgent({ id: 'a', email: 'ada@example.com', name: 'Ada', passwordHash: 'h', salt: 's', createdAt: T });
  const service = serviceOver(store, { now: () => Date.parse(T) });
  const make = async (clientId: string, visitor: object) => {
    const r = await service.create({ clientId, channel: 'chat', visitor, callback: null, context: null, transcript: [] });
    if (!r.ok) throw new Error(r.reason);
    return r.handoff;
  };
  const zed = await make('client-zed-1-of-the-cli-visitor-test', { name: 'Zed Quill', email: 'zed@example.com' });
  await service.message(zed.id, { clientMessageId: 'm1', text: 'quill words' });
  await service.attach(zed.id, { clientMessageId: 'f1', name: '../quill receipt.png', bytes: PNG });
  await service.cancel(zed.id);
  const again = await make('client-zed-2-of-the-cli-visitor-test', { email: 'ZED@example.com' });
  await service.cancel(again.id);
  const ann = await make('client-ann-1-of-the-cli-visitor-test', { name: 'Ann', email: 'ann@example.com' });
  await service.cancel(ann.id);
  await store.close();
  return { db, folder };
}

/** Runs the CLI with `input` on its standard input. */
function withInput(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('lifeline visitor', () => {
  it('exports everything kept about a visitor as JSON, their files saved with --files', async () => {
    const { db, folder } = await database();
    const files = join(folder, 'files');
    const { stdout } = await run(process.execPath, [bin, 'visitor', 'export', 'Zed@Example.com', '--db', db, '--files', files]);
    const exported = JSON.parse(stdout) as VisitorExport;
    expect(exported.format).toBe('lifeline.visitor-export.v1');
    expect(exported.handoffs).toHaveLength(2);
    const messages = exported.handoffs.flatMap((h) => h.messages);
    expect(messages.map((m) => m.text)).toContain('quill words');
    const attachment = messages.flatMap((m) => m.attachments ?? [])[0]!;
    expect(attachment).toMatchObject({ name: 'quill receipt.png', type: 'image/png', size: PNG.length, file: expect.stringContaining(files) });
    // Saved inside the folder, under the attachment's id and its name.
    expect(await readdir(files)).toEqual([expect.stringMatching(/^[\w-]+-quill_receipt\.png$/)]);
    expect([...(await readFile(attachment.file!))]).toEqual([...PNG]);
    expect(JSON.stringify(exported)).not.toContain('ann@example.com');
  }, 60_000);

  it('deletes it all after asking, says what went, and leaves no row that mentions them', async () => {
    const { db } = await database();
    // Asked, and not confirmed: nothing goes.
    const declined = await withInput(['visitor', 'delete', 'zed@example.com', '--db', db], 'no\n');
    expect(declined.code).toBe(1);
    expect(declined.stderr).toContain('Delete everything kept about zed@example.com?');
    expect(declined.stdout).toContain('Nothing was deleted.');
    // Confirmed.
    const confirmed = await withInput(['visitor', 'delete', 'zed@example.com', '--db', db], 'yes\n');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stdout).toMatch(/zed@example\.com: 2 handoffs \(#\d+ 2025-03-01, #\d+ 2025-03-01\)/);
    expect(confirmed.stdout).toContain('Deleted 2 handoffs, 2 messages, 1 attachment,');
    const raw = new Database(db, { readonly: true });
    const tables = raw.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    const everything = tables.map((t) => JSON.stringify(raw.prepare(`SELECT * FROM "${t.name}"`).all())).join('\n');
    expect(everything.toLowerCase()).not.toContain('zed');
    expect(everything).not.toContain('quill');
    expect(everything).toContain('ann@example.com');
    expect(raw.prepare('SELECT reason, actor FROM deletions').all()).toEqual([{ reason: 'visitor', actor: expect.stringMatching(/^lifeline visitor delete \(.+@.+\)$/) }]);
    raw.close();
    // With --yes, without asking; nothing left is no error.
    const again = await run(process.execPath, [bin, 'visitor', 'delete', 'zed@example.com', '--db', db, '--yes']);
    expect(again.stdout).toBe('Nothing is kept about zed@example.com.\n');
  }, 60_000);

  it('says what is wrong with the command', async () => {
    const { db } = await database();
    const missing = await run(process.execPath, [bin, 'visitor', 'export', '--db', db]).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining('visitor export needs one e-mail address or id') });
    const unknown = await run(process.execPath, [bin, 'visitor', 'erase', 'x']).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ code: 2, stderr: expect.stringContaining('visitor expects "export" or "delete", got "erase"') });
    const nodb = await run(process.execPath, [bin, 'visitor', 'export', 'x@example.com', '--db', join(tmpdir(), 'no-such-lifeline.db')]).catch((e: unknown) => e);
    expect(nodb).toMatchObject({ code: 2, stderr: expect.stringContaining('no such database') });
  }, 60_000);
});
