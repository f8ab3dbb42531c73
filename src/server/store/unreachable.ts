/**
 * Whether an error means the database cannot be reached right now (PostgreSQL restarting, a
 * connection cut, a failover), as opposed to a bug or a refused statement: the request that met
 * it may succeed in a moment, so it is answered 503 with Retry-After, not 500. node-postgres's
 * pool drops the broken connections and opens new ones by itself once the server is back.
 *
 * SQLite has no such state (a busy file waits, busy_timeout): none of its errors match.
 */

/** Node's socket errors: nothing listens, or the connection was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** SQLSTATEs: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down). */
const SHUTDOWN_STATES = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres throws, without a code, for a connection that ended or never opened. */
const CLIENT_MESSAGES = [
  'Connection terminated',
  'connection timeout',
  'Client has encountered a connection error',
  'Client was closed and is not queryable',
];

export function isDatabaseUnreachable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (SOCKET_CODES.has(code) || SHUTDOWN_STATES.has(code)) return true;
    // Class 08: connection exception (08000, 08003, 08006 connection_failure, 08001, 08004...).
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (CLIENT_MESSAGES.some((m) => error.message.includes(m))) return true;
  // An AggregateError (several addresses refused, as for localhost on IPv4 and IPv6).
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnreachable);
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isDatabaseUnreachable(cause);
}
