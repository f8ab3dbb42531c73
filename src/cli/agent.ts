/**
 * `lifeline agent add <email> [--name "Sam Doe"]`: creates an agent, or sets the password (and
 * name) of an existing one, in the database of LIFELINE_DB. The password comes from
 * LIFELINE_AGENT_PASSWORD, or is asked for (hidden) when a person is at the terminal, or read as
 * one line from standard input.
 */
import { ensureAgent } from '../server/agents';
import { DEFAULTS, nameFromEmail, readDatabase, SettingError } from '../server/config';
import { openSqliteStore } from '../server/store/sqlite';

export interface AgentAddInput {
  email: string;
  name?: string;
  password: string;
  dbPath: string;
}

export class UsageError extends Error {}

export function checkAgent(email: string | undefined, password: string, name?: string): void {
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`expected an e-mail address, got "${email ?? ''}"`);
  if (password.length < 8) throw new UsageError('the password must be at least 8 characters');
  if (name !== undefined && (name.trim() === '' || name.length > 100)) throw new UsageError('--name must be 1 to 100 characters');
}

export async function addAgent(input: AgentAddInput): Promise<{ email: string; name: string; created: boolean }> {
  checkAgent(input.email, input.password, input.name);
  const store = openSqliteStore(input.dbPath);
  try {
    const before = await store.findAgentByEmail(input.email.toLowerCase());
    const name = input.name?.trim() ?? before?.name ?? nameFromEmail(input.email);
    const agent = await ensureAgent(store, { email: input.email, password: input.password, name });
    return { email: agent.email, name: agent.name, created: !before };
  } finally {
    await store.close();
  }
}

/** LIFELINE_DB's SQLite file; an address (the server's PostgreSQL setting) is refused, not taken as a file name. */
export function dbPathFrom(env: NodeJS.ProcessEnv): string {
  let database;
  try {
    database = readDatabase(env.LIFELINE_DB?.trim() || DEFAULTS.LIFELINE_DB);
  } catch (error) {
    if (error instanceof SettingError) throw new UsageError(error.message);
    throw error;
  }
  if (database.engine === 'postgres') {
    throw new UsageError(`LIFELINE_DB is the PostgreSQL address ${database.shown}: the command line works on SQLite files only`);
  }
  return database.path;
}
