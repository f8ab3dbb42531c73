/**
 * PostgreSQL addresses as LIFELINE_DB takes them: `postgres://` or `postgresql://` URLs, in the
 * form node-postgres reads (user, password, host, port, database; query parameters such as
 * `sslmode` or `host=/var/run/postgresql` for a Unix socket). Pure: no connection is made here.
 *
 * Whatever is shown of an address (a refused setting, a database that does not answer) goes
 * through redactDatabaseUrl, so a password never reaches a log.
 */

/** A scheme followed by `//`: meant as an address, not as a file path (`C:\db` is a path). */
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** `postgres://` or `postgresql://`, in any case. */
export function isPostgresUrl(text: string): boolean {
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  return scheme === 'postgres' || scheme === 'postgresql';
}

/** Whether the text starts like an address (`scheme://`), whatever the scheme. */
export function looksLikeUrl(text: string): boolean {
  return SCHEME.test(text);
}

const HIDDEN = '***';

/**
 * The address with its password (in the user part or as a `password=` query parameter) replaced
 * by ***. Works on text that is not a valid URL too: everything up to the last `@` of the part
 * before the path is then hidden, since where the password ends cannot be known.
 */
export function redactDatabaseUrl(text: string): string {
  const parsed = parse(text);
  // An @ that did not end a user part (a password with an unescaped # or / in it makes the
  // rest a fragment or a path) may follow a password: hidden as text below.
  const strayAt = parsed !== null && parsed.url.username === '' && parsed.url.password === '' && text.includes('@');
  if (parsed && !strayAt) {
    const { url } = parsed;
    if (url.password !== '') url.password = HIDDEN;
    for (const name of [...url.searchParams.keys()]) {
      if (/pass/i.test(name)) url.searchParams.set(name, HIDDEN);
    }
    return parsed.hostless ? url.href.replace(`@${STAND_IN}/`, '@/') : url.href;
  }
  const scheme = SCHEME.exec(text);
  if (!scheme) return text.includes('@') ? HIDDEN : text;
  const rest = text.slice(scheme[0].length);
  const at = rest.lastIndexOf('@');
  const shown = at < 0 ? rest : `${HIDDEN}@${rest.slice(at + 1)}`;
  // A password given as a query parameter of an address URL cannot read.
  return `${scheme[0]}${shown.replace(/([?&][^=&]*pass[^=&]*=)[^&#]*/gi, `$1${HIDDEN}`)}`;
}

/**
 * What is wrong with a postgres:// address, in words for whoever set it; null when it is one
 * node-postgres can use. Only the form is checked: whether the server answers is connect.ts's.
 */
export function postgresUrlProblem(text: string): string | null {
  if (!isPostgresUrl(text)) return 'must start with postgres:// or postgresql://';
  const parsed = parse(text);
  if (!parsed) return 'is not a valid URL (a port is a number up to 65535; a password with @, :, / or # in it must be percent-encoded)';
  const { url } = parsed;
  const socket = url.searchParams.get('host');
  if ((parsed.hostless || url.hostname === '') && (socket === null || socket === '')) {
    return 'names no host (postgres://user:password@host:5432/database, or ?host=/path/of/the/socket)';
  }
  if (url.hash !== '') return 'has a #fragment, which a database address cannot have';
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
    decodeURI(url.pathname);
  } catch {
    return 'has a malformed %-escape in its user, password or database name';
  }
  if (url.pathname.slice(1).includes('/')) return `names the database "${url.pathname.slice(1)}", which cannot hold a /`;
  return null;
}

const STAND_IN = 'lifeline-no-host.invalid';

function parse(text: string): { url: URL; hostless: boolean } | null {
  try {
    return { url: new URL(text), hostless: false };
  } catch {
    // node-postgres also takes an empty host after the user (`postgres://user@/db?host=/socket`),
    // which URL refuses: read it with a stand-in host, as node-postgres does.
    try {
      return { url: new URL(text.replace('@/', `@${STAND_IN}/`)), hostless: true };
    } catch {
      return null;
    }
  }
}
