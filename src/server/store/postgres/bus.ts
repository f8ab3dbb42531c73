/**
 * The event bus shared by every instance on one PostgreSQL (the Bus of ../../bus.ts, carrying
 * the BusMessages of ../../service/publish.ts), over LISTEN/NOTIFY.
 *
 * Stored events never travel in a notification (payloads are capped at 8 KB, and a notification
 * sent while an instance was not listening is lost): what is published is only "the log has
 * grown up to id n". Each instance reads the `events` table after the last id it delivered, in
 * id order, and hands each event to its own subscribers on the handoff's topic and the agents'
 * (as announce() does in one process). Event ids become visible in commit order (the event-log
 * lock, locks.ts), so reading `id > last` never skips one; an instance that missed
 * notifications (its listening connection dropped, the server restarted) reads what it missed
 * when it listens again, so nothing is lost and, `last` only growing, nothing is doubled. It
 * also reads the log every second or so, for the events whose notification never came (their
 * instance died between the commit and the notification).
 *
 * Ephemeral messages (typing, a queue's news: seq null) are not stored: they travel in the
 * notification itself, and are delivered at once to this instance's own subscribers. What each
 * instance works out for its own streams (queue positions) goes out with publishLocal, never
 * through a notification.
 *
 * One dedicated connection LISTENs (a pooled one would be handed to others); it reconnects by
 * itself, with a growing pause, after it breaks.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { StoredHandoffEvent } from '../../handoff/types';
import { createBus } from '../../bus';
import { AGENTS_TOPIC, handoffTopic, type BusMessage, type EventBus } from '../../service/publish';

/** The channel every instance LISTENs on. */
export const EVENTS_CHANNEL = 'lifeline_events';
/** PostgreSQL refuses a payload of 8000 bytes or more. */
export const MAX_PAYLOAD_BYTES = 7_999;

/** What a notification carries: the log's new end, or an ephemeral message for a topic. */
type Notice = { from: string; upTo: number } | { from: string; topic: string; message: BusMessage };

export interface PostgresBusOptions {
  /** Events read from the log per query while catching up. @default 500 */
  batch?: number;
  /** The first pause before listening again after the connection broke (ms); it doubles up to maxReconnectMs. @default 100 */
  reconnectMs?: number;
  /** @default 5 000 */
  maxReconnectMs?: number;
  /**
   * How often the log is read even without a notification (ms; 0: never): what an instance
   * killed between its commit and its notification appended still reaches every stream.
   * @default 1 000
   */
  pollMs?: number;
  /** Told of what goes wrong underneath (a broken connection, a failed read). @default a line on stderr */
  onError?: (error: Error) => void;
}

export interface PostgresBus extends EventBus {
  /** Resolves once this instance listens and knows where the log ends (it delivers what comes after). */
  readonly ready: Promise<void>;
  /** The backend pid of the listening connection, null while it is down (for tests and diagnostics). */
  readonly listenerPid: number | null;
  /** The last event-log id delivered here. */
  readonly lastId: number;
  /** close(), and resolves once the listening connection has ended. */
  end(): Promise<void>;
}

interface EventLogRow {
  id: number;
  handoff_id: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

const READ = 'SELECT id, handoff_id, seq, type, data FROM events WHERE id > $1 ORDER BY id LIMIT $2';

/** The event as the store wrote it: the whole event in data (its type too, or beside it in `type`). */
const toMessage = (r: EventLogRow): BusMessage => ({
  handoffId: r.handoff_id,
  seq: r.seq,
  id: Number(r.id), // a string from a pool without connect.ts's parsers
  event: ('type' in r.data ? r.data : { ...r.data, type: r.type }) as unknown as StoredHandoffEvent,
});

export function createPostgresBus(pool: pg.Pool, options: PostgresBusOptions = {}): PostgresBus {
  const batch = options.batch ?? 500;
  const firstPause = options.reconnectMs ?? 100;
  const maxPause = options.maxReconnectMs ?? 5_000;
  const onError = options.onError ?? ((error) => console.error(`Lifeline: the PostgreSQL event bus: ${error.message}`));
  const instance = randomUUID();
  const local = createBus<BusMessage>();

  let closed = false;
  let client: pg.Client | null = null;
  let listenerPid: number | null = null;
  let lastId = -1; // unknown until the first listen
  let pause = firstPause;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ended: Promise<void> = Promise.resolve();
  let markReady = () => undefined as void;
  // Ready once listening for the first time (until then the attempts go on as after a break).
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  // ---- reading the log: one catch-up at a time; a request during one runs another after it.
  let pump: Promise<void> = Promise.resolve();
  let waiting = false;
  const catchUp = (): Promise<void> => {
    if (waiting) return pump;
    waiting = true;
    pump = pump.then(async () => {
      waiting = false;
      if (lastId < 0 || closed) return;
      try {
        for (;;) {
          const { rows } = await pool.query<EventLogRow>(READ, [lastId, batch]);
          for (const row of rows) {
            if (closed) return;
            lastId = Number(row.id); // a string from a pool without connect.ts's parsers
            const message = toMessage(row);
            local.publish(handoffTopic(row.handoff_id), message);
            local.publish(AGENTS_TOPIC, message);
          }
          if (rows.length < batch) return;
        }
      } catch (error) {
        // The database is away: the listener's reconnection catches up once it is back.
        if (!closed) onError(error as Error);
      }
    });
    return pump;
  };

  // ---- telling the others: a stored event wakes them with the log's end (once per tick).
  let wakePending = false;
  const notify = (notice: Notice) => {
    const payload = JSON.stringify(notice);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      onError(new Error(`a message for ${'topic' in notice ? notice.topic : 'the log'} is too big for a notification; other instances miss it`));
      return;
    }
    pool.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]).catch((error: unknown) => {
      // The others catch up when they next hear of the log, or when they listen again.
      if (!closed) onError(error as Error);
    });
  };
  const wake = () => {
    if (wakePending) return;
    wakePending = true;
    queueMicrotask(() => {
      wakePending = false;
      void catchUp().then(() => {
        if (!closed && lastId > 0) notify({ from: instance, upTo: lastId });
      });
    });
  };

  const heard = (payload: string | undefined) => {
    let notice: Notice;
    try {
      notice = JSON.parse(payload ?? '') as Notice;
    } catch {
      return; // not ours
    }
    if (notice.from === instance) return;
    if ('upTo' in notice) {
      if (lastId >= 0 && notice.upTo > lastId) void catchUp();
    } else if (typeof notice.topic === 'string') local.publish(notice.topic, notice.message);
  };

  // ---- the listening connection, and its reconnection.
  const listen = async () => {
    retry = undefined;
    if (closed) return;
    const c = new pg.Client(pool.options);
    client = c;
    let broken = false;
    const lost = (error?: Error) => {
      if (broken) return;
      broken = true;
      if (client === c) {
        client = null;
        listenerPid = null;
      }
      c.removeAllListeners('notification');
      c.end().catch(() => undefined);
      if (closed) return;
      if (error) onError(new Error(`the listening connection broke (${error.message}); listening again`));
      retry = setTimeout(() => void listen(), pause);
      retry.unref?.();
      pause = Math.min(maxPause, pause * 2);
    };
    c.on('error', lost);
    c.on('end', () => lost(new Error('the connection ended')));
    c.on('notification', (n) => {
      if (n.channel === EVENTS_CHANNEL) heard(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
      const { rows } = await c.query<{ pid: number; last: number | null }>('SELECT pg_backend_pid() AS pid, (SELECT max(id) FROM events) AS last');
      if (closed || broken) return;
      listenerPid = rows[0]!.pid;
      pause = firstPause;
      // The first time: deliver what comes after the log's end now. Later: what was missed.
      if (lastId < 0) {
        lastId = Number(rows[0]!.last ?? 0);
        markReady();
      } else await catchUp();
    } catch (error) {
      lost(error as Error);
    }
  };

  void listen();
  const pollMs = options.pollMs ?? 1_000;
  const poll = pollMs > 0 ? setInterval(() => void catchUp(), pollMs) : undefined;
  poll?.unref?.();

  return {
    ready,
    get listenerPid() {
      return listenerPid;
    },
    get lastId() {
      return lastId;
    },
    subscribe: (topic, listener) => local.subscribe(topic, listener),
    publish(topic, message) {
      if (closed) return;
      if (message.seq !== null) {
        // Stored: it is in the log (published after the commit); every instance reads it there.
        wake();
        return;
      }
      local.publish(topic, message);
      notify({ from: instance, topic, message });
    },
    publishLocal(topic, message) {
      if (!closed) local.publish(topic, message);
    },
    onClose: (listener) => local.onClose(listener),
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(retry);
      clearInterval(poll);
      const c = client;
      client = null;
      listenerPid = null;
      markReady();
      ended = c ? c.end().catch(() => undefined) : Promise.resolve();
      local.close();
    },
    async end() {
      this.close();
      await ended;
      await pump;
    },
    get size() {
      return local.size;
    },
  };
}
