import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseHistory } from '../search/history';
import { serviceOver } from '../server/service/over-store';
import { openSqliteStore } from '../server/store/sqlite';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));
const T = '2025-03-01T10:00:00.000Z';

describe('lifeline phrasings', () => {
  it('prints the served phrasings as history.json, and with --pending the pending ones too', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'lifeline-cli-')), 'lifeline.db');
    const store = openSqliteStore(db);
    await store.upsertAgent({ id: 'a', email: 'ada@example.com', name: 'Ada', passwordHash: 'h', salt: 's', createdAt: T });
    const service = serviceOver(store, { now: () => Date.parse(T) });
    const created = await service.create({
      clientId: 'client-1-of-the-cli-phrasings-test',
      channel: 'chat',
      visitor: null,
      callback: null,
      context: null,
      transcript: ['where is my card', 'card delivery', 'card late'].map((query) => ({ type: 'search', at: T, query, resultCount: 0, topIds: [] })),
    });
    const learn = ['where is my card', 'card delivery', 'card late'];
    const agent = { id: 'a', name: 'Ada' };
    await service.resolve(created.ok ? created.handoff.id : '', agent, { outcome: 'answered', articleId: 'card-arrival', noArticle: false, learn });
    const byText = new Map((await store.listPhrasings()).map((p) => [p.text, p]));
    await service.removePhrasing(byText.get('card late')!.id, 'a');
    await service.confirmPhrasing(byText.get('card delivery')!.id, 'a');
    await store.close();

    const print = async (...flags: string[]) => {
      const parsed = parseHistory(JSON.parse((await run(process.execPath, [bin, 'phrasings', '--db', db, ...flags])).stdout));
      expect(parsed.problems).toEqual([]);
      return parsed.entries;
    };
    expect(await print()).toEqual([{ articleId: 'card-arrival', queries: ['card delivery'] }]);
    expect([...(await print('--pending'))[0]!.queries].sort()).toEqual(['card delivery', 'where is my card']);
  });

  it('says so when the database is not there, and makes none', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'lifeline-cli-')), 'missing.db');
    const failed = await run(process.execPath, [bin, 'phrasings'], { env: { ...process.env, LIFELINE_DB: db } }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining(`${db}: no such database`) });
    expect(existsSync(db)).toBe(false);
  });
});
