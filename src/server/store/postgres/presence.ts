/**
 * Which agents are online, the same from every instance (the Presence of ../../presence.ts):
 * an agent is online while they have an agents' event stream open on any instance, or made a
 * request in the last two minutes. Counted once, whichever instances they are on.
 *
 * Rows of `agent_presence`, each alive `until` a time on the database's clock:
 * - (agent, this instance's id) while the agent has a stream open here, renewed by this
 *   instance's heartbeat; an instance that dies stops renewing, and its rows expire;
 * - (agent, '') when the agent made a request (on any instance), or closed their last stream
 *   here (they were there until just now), alive for two minutes.
 *
 * seen() and connect() answer at once, as the in-memory one does: their writes go out in order
 * behind them, and online() waits for this instance's own before counting.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { RECENT_MS, type Presence } from '../../presence';

export interface PostgresPresenceOptions {
  /** How long a stream's row lives without a heartbeat (ms); the heartbeat comes every third of it. @default 60 000 */
  streamTtlMs?: number;
  /** How long a request keeps an agent online (ms). @default RECENT_MS, two minutes */
  recentMs?: number;
  /** Told when a write fails (the database is away): the next heartbeat writes the streams again. @default a line on stderr */
  onError?: (error: Error) => void;
}

export interface PostgresPresence extends Presence {
  online(): Promise<number>;
  /** Resolves once this instance's writes so far are done. */
  flush(): Promise<void>;
  /** Stops the heartbeat and removes this instance's streams (their agents stay online for two minutes). */
  end(): Promise<void>;
}

const SEEN = `
  INSERT INTO agent_presence (agent_id, instance_id, until) VALUES ($1, '', clock_timestamp() + make_interval(secs => $2::float8))
  ON CONFLICT (agent_id, instance_id) DO UPDATE SET until = greatest(agent_presence.until, excluded.until)`;

const STREAMS = `
  INSERT INTO agent_presence (agent_id, instance_id, until)
  SELECT agent_id, $2, clock_timestamp() + make_interval(secs => $3::float8) FROM unnest($1::text[]) AS agent_id
  ON CONFLICT (agent_id, instance_id) DO UPDATE SET until = excluded.until`;

const ONLINE = 'SELECT count(DISTINCT agent_id)::int AS n FROM agent_presence WHERE until > clock_timestamp()';

export function createPostgresPresence(pool: pg.Pool, options: PostgresPresenceOptions = {}): PostgresPresence {
  const ttl = (options.streamTtlMs ?? 60_000) / 1000;
  const recent = (options.recentMs ?? RECENT_MS) / 1000;
  const onError = options.onError ?? ((error) => console.error(`Lifeline: could not record agents' presence: ${error.message}`));
  const instance = randomUUID();
  const streams = new Map<string, number>();
  let ended = false;

  let writes: Promise<void> = Promise.resolve();
  const write = (sql: string, params: unknown[]) => {
    writes = writes.then(
      () =>
        pool.query(sql, params).then(
          () => undefined,
          (error: unknown) => onError(error as Error),
        ),
    );
  };
  const seen = (agentId: string) => write(SEEN, [agentId, recent]);

  // Renews this instance's streams (and writes them again after the database lost them), and
  // clears rows long expired, whoever left them.
  const heartbeat = setInterval(() => {
    if (streams.size > 0) write(STREAMS, [[...streams.keys()], instance, ttl]);
    write("DELETE FROM agent_presence WHERE until < clock_timestamp() - interval '1 hour'", []);
  }, (ttl * 1000) / 3);
  heartbeat.unref?.();

  return {
    seen(agentId) {
      if (!ended) seen(agentId);
    },
    connect(agentId) {
      const count = (streams.get(agentId) ?? 0) + 1;
      streams.set(agentId, count);
      if (count === 1 && !ended) write(STREAMS, [[agentId], instance, ttl]);
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        const left = (streams.get(agentId) ?? 1) - 1;
        if (left > 0) {
          streams.set(agentId, left);
          return;
        }
        streams.delete(agentId);
        if (ended) return;
        seen(agentId); // they were there until just now
        write('DELETE FROM agent_presence WHERE agent_id = $1 AND instance_id = $2', [agentId, instance]);
      };
    },
    async online() {
      await writes;
      const { rows } = await pool.query<{ n: number }>(ONLINE);
      return rows[0]!.n;
    },
    flush: () => writes,
    async end() {
      if (ended) return writes;
      ended = true;
      clearInterval(heartbeat);
      for (const agentId of streams.keys()) seen(agentId); // their streams reopen on another instance
      write('DELETE FROM agent_presence WHERE instance_id = $1', [instance]);
      await writes;
    },
  };
}
