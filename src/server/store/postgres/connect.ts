/**
 * The connection pool to PostgreSQL (node-postgres), from LIFELINE_DB's address, and the check
 * made at start: a database that cannot be reached stops the server with one line naming
 * LIFELINE_DB, the address without its password, and the reason in words.
 */
import pg from 'pg';
import { redactDatabaseUrl } from './url';

export interface PoolOptions {
  /** Connections this instance may hold at once. @default 10 */
  max?: number;
  /** A statement running longer is cancelled by the server (ms; 0: never). @default 30 000 */
  statementTimeoutMs?: number;
  /** How long to wait for a connection to open, the server's answer included (ms). @default 10 000 */
  connectTimeoutMs?: number;
  /** An idle connection is closed after this long (ms). @default 30 000 */
  idleTimeoutMs?: number;
  /**
   * Told when an idle connection breaks (the server restarted, the network dropped it): the pool
   * drops it and opens another when asked. Without a listener node-postgres would crash the process.
   * @default a line on stderr
   */
  onIdleError?: (error: Error) => void;
}

export const DEFAULT_POOL_MAX = 10;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** The oldest PostgreSQL the schema and the server are written for. */
export const MIN_SERVER_VERSION = 13;

/** A pool of connections to the database at `url`; nothing is opened until it is used. */
export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? DEFAULT_POOL_MAX,
    // Sent at connection start, so it holds for every statement; a migration lifts it (migrations.ts).
    statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    // A transaction left open by a bug would hold its locks (and a connection) forever.
    idle_in_transaction_session_timeout: 60_000,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    keepAlive: true,
    // What pg_stat_activity shows, so a database administrator knows whose connections these are.
    application_name: 'lifeline',
    types: ROW_TYPES,
  });
  const shown = redactDatabaseUrl(url);
  pool.on('error', options.onIdleError ?? ((error) => console.error(`Lifeline: a connection to ${shown} broke: ${reasonOf(error, url)}`)));
  return pool;
}

/** PostgreSQL's type ids (pg_type.oid) read differently from node-postgres's defaults. */
const INT8 = 20;
const TIMESTAMPTZ = 1184;
const readDate = pg.types.getTypeParser(TIMESTAMPTZ);

/**
 * Rows as the SQLite store has them: times as ISO strings (UTC, "Z", milliseconds), as the
 * protocol carries them, and bigints (bigserial ids, counts) as numbers. For this pool only:
 * node-postgres's global parsers are left alone.
 */
const ROW_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMPTZ && format !== 'binary') return (text: string) => (readDate(text) as Date).toISOString();
    if (oid === INT8 && format !== 'binary') {
      return (text: string) => {
        const n = Number(text);
        if (!Number.isSafeInteger(n)) throw new RangeError(`${text} is beyond the integers a number holds exactly`);
        return n;
      };
    }
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export class DatabaseUnreachable extends Error {}

/**
 * createPool, then one round trip: the server answers, the user may sign in, the database
 * exists, and PostgreSQL is recent enough. Otherwise the pool is closed and a DatabaseUnreachable
 * says why, naming LIFELINE_DB, without the password.
 */
export async function openPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  const pool = createPool(url, options);
  const shown = redactDatabaseUrl(url);
  try {
    const { rows } = await pool.query<{ version: string }>("SELECT current_setting('server_version_num') AS version");
    const major = Math.floor(Number(rows[0]?.version) / 10_000);
    if (!(major >= MIN_SERVER_VERSION)) {
      throw new DatabaseUnreachable(
        `LIFELINE_DB: the PostgreSQL at ${shown} is version ${major}; Lifeline needs ${MIN_SERVER_VERSION} or later`,
      );
    }
    return pool;
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof DatabaseUnreachable) throw error;
    throw new DatabaseUnreachable(`LIFELINE_DB: cannot reach the PostgreSQL database ${shown}: ${reasonOf(error, url)}`);
  }
}

/** The reason in words, from node-postgres's and Node's errors; never with the password in it. */
export function reasonOf(error: unknown, url: string): string {
  const e = firstCause(error);
  const code = typeof e.code === 'string' ? e.code : '';
  const where = serverOf(url);
  const reason =
    {
      ECONNREFUSED: `nothing answers at ${where} (is PostgreSQL running, on that port?)`,
      ENOTFOUND: `the host of ${where} is not known`,
      EAI_AGAIN: `the host of ${where} could not be looked up`,
      ETIMEDOUT: `${where} did not answer in time`,
      EHOSTUNREACH: `${where} cannot be reached from here`,
      ENOENT: `there is no PostgreSQL socket at ${where}`,
      '28P01': 'the password was refused', // invalid_password
      '28000': `the server refuses this user from here (pg_hba.conf): ${e.message}`, // invalid_authorization_specification
      '3D000': e.message, // invalid_catalog_name: database "x" does not exist
      '57P03': 'the server is starting up or shutting down; try again in a moment', // cannot_connect_now
      '53300': 'the server has no connection left (max_connections)', // too_many_connections
    }[code] ?? (e.message || String(error));
  return scrub(reason, url);
}

/** The cause worth telling: Node reports each address it tried (localhost is ::1 and 127.0.0.1) in an AggregateError. */
function firstCause(error: unknown): { code?: unknown; message: string } {
  if (error instanceof AggregateError && error.errors.length > 0) return firstCause(error.errors[0]);
  if (error instanceof Error) {
    const { code } = error as Error & { code?: unknown };
    if (/timeout/i.test(error.message) && code === undefined) return { code: 'ETIMEDOUT', message: error.message };
    return { code, message: error.message };
  }
  return { message: String(error) };
}

function serverOf(url: string): string {
  try {
    const parsed = new URL(url.replace('@/', '@localhost/'));
    const socket = parsed.searchParams.get('host');
    if (socket?.startsWith('/')) return `${socket}/.s.PGSQL.${parsed.port || parsed.searchParams.get('port') || '5432'}`;
    return `${parsed.hostname}:${parsed.port || '5432'}`;
  } catch {
    return 'the address';
  }
}

/** A message that quotes the password (no known one does, but a driver may change) loses it. */
function scrub(text: string, url: string): string {
  let password = '';
  try {
    const parsed = new URL(url.replace('@/', '@localhost/'));
    password = decodeURIComponent(parsed.password) || parsed.searchParams.get('password') || '';
  } catch {
    return text;
  }
  return password.length >= 4 ? text.replaceAll(password, '***') : text;
}
