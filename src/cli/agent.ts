/**
 * `lifeline agent add <email> [--name "Sam Doe"]`: creates an agent, or sets the password (and
 * name) of an existing one, in the database of LIFELINE_DB (a SQLite file or a PostgreSQL address). The password comes from
 * LIFELINE_AGENT_PASSWORD, or is asked for (hidden) when a person is at the terminal, or read as
 * one line from standard input.
 */
import { ensureAgent } from '../server/agents';
import { DEFAULTS, nameFromEmail, readDatabase, SettingError, type DatabaseSetting } from '../server/config';
import { openStore, StoreUnavailable } from '../server/store/open';
import type { Store } from '../server/store/types';

export interface AgentAddInput {
  email: string;
  name?: string;
  password: string;
  database: DatabaseSetting;
}

export class UsageError extends Error {}

export function checkAgent(email: string | undefined, password: string, name?: string): void {
  if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new UsageError(`expected an e-mail address, got "${email ?? ''}"`);
  if (password.length < 8) throw new UsageError('the password must be at least 8 characters');
  if (name !== undefined && (name.trim() === '' || name.length > 100)) throw new UsageError('--name must be 1 to 100 characters');
}

export async function addAgent(input: AgentAddInput): Promise<{ email: string; name: string; created: boolean; shown: string }> {
  checkAgent(input.email, input.password, input.name);
  const { store, shown } = await openFor(input.database);
  try {
    const before = await store.findAgentByEmail(input.email.toLowerCase());
    const name = input.name?.trim() ?? before?.name ?? nameFromEmail(input.email);
    const agent = await ensureAgent(store, { email: input.email, password: input.password, name });
    return { email: agent.email, name: agent.name, created: !before, shown };
  } finally {
    await store.close();
  }
}

/** The store of LIFELINE_DB (a SQLite file, made when missing, or a PostgreSQL database); a reason it cannot be is a usage error. */
export async function openFor(database: DatabaseSetting): Promise<{ store: Store; shown: string }> {
  try {
    return await openStore(database);
  } catch (error) {
    if (error instanceof StoreUnavailable) throw new UsageError(error.message);
    throw error;
  }
}

/** LIFELINE_DB (or `text`): a SQLite file or a PostgreSQL address, as the server reads it. */
export function databaseFrom(env: NodeJS.ProcessEnv, text?: string): DatabaseSetting {
  try {
    return readDatabase(text ?? (env.LIFELINE_DB?.trim() || DEFAULTS.LIFELINE_DB));
  } catch (error) {
    if (error instanceof SettingError) throw new UsageError(error.message);
    throw error;
  }
}
