/** The agent named by LIFELINE_AGENT_EMAIL and LIFELINE_AGENT_PASSWORD, made or updated at start. */
import { newId } from './crypto';
import { hashPassword } from './passwords';
import type { AgentRecord, Store } from './store/types';

export async function ensureAgent(
  store: Store,
  agent: { email: string; password: string; name: string },
  now: () => number = Date.now,
): Promise<AgentRecord> {
  const { passwordHash, salt } = await hashPassword(agent.password);
  // An existing agent keeps its id (and so its handoffs and sessions); name and password change.
  return store.upsertAgent({
    id: newId(),
    email: agent.email.toLowerCase(),
    name: agent.name,
    passwordHash,
    salt,
    createdAt: new Date(now()).toISOString(),
  });
}
