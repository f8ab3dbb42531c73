/** The command line on a PostgreSQL LIFELINE_DB: `agent add` and `phrasings` work as on a file. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { verifyPassword } from '../server/passwords';
import { createPool } from '../server/store/postgres/connect';
import { createPostgresStore } from '../server/store/postgres/store';
import { describeWithPostgres } from '../server/store/postgres/testing';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));

describeWithPostgres('the command line on PostgreSQL', (pg) => {
  it('adds an agent to a new database (migrating it) and reads its phrasings', async () => {
    const url = await pg.newDatabase();
    const env = { ...process.env, LIFELINE_DB: url, LIFELINE_AGENT_PASSWORD: 'first-password' };
    const added = await run(process.execPath, [bin, 'agent', 'add', 'ada.lovelace@example.com'], { env });
    expect(added.stdout).toContain('Added agent ada.lovelace@example.com (Ada Lovelace) in postgres://');
    expect(added.stdout).not.toContain(new URL(url).password);
    const again = await run(process.execPath, [bin, 'agent', 'add', 'ada.lovelace@example.com', '--name', 'Ada L.'], { env: { ...env, LIFELINE_AGENT_PASSWORD: 'second-password' } });
    expect(again.stdout).toContain('Updated agent ada.lovelace@example.com (Ada L.)');

    const store = createPostgresStore(createPool(url));
    try {
      const agent = await store.findAgentByEmail('ada.lovelace@example.com');
      expect(agent?.name).toBe('Ada L.');
      expect(await verifyPassword('second-password', agent!.passwordHash, agent!.salt)).toBe(true);
    } finally {
      await store.close();
    }
    const printed = await run(process.execPath, [bin, 'phrasings', '--pending'], { env });
    expect(JSON.parse(printed.stdout)).toEqual([]);
  }, 60_000);
});
