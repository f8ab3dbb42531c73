/**
 * A throwaway PostgreSQL server for tests and benchmarks: initdb into a fresh temp folder, then
 * `pg_ctl start` on a free loopback port with its socket in that folder, so it never meets the
 * machine's own clusters (Debian's `main` on 5432 may well be running: it does not matter).
 * `stop()` stops it and removes the folder. Not a test file, and free of Vitest: e2e and the
 * load benchmark can start one too.
 *
 * initdb and the server refuse to run as root: as root, they run as the `postgres` system user
 * (Debian's package makes it), else as `nobody`, through runuser, in a folder chowned to them.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where the server's programs may be, best first; the first holding initdb and pg_ctl is used. */
export function candidateBinDirs(env: NodeJS.ProcessEnv = process.env, debian = '/usr/lib/postgresql'): string[] {
  const dirs: string[] = [];
  if (env.LIFELINE_TEST_PG_BIN) dirs.push(env.LIFELINE_TEST_PG_BIN);
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', env });
  if (pgConfig.status === 0 && pgConfig.stdout.trim() !== '') dirs.push(pgConfig.stdout.trim());
  // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin, newest first.
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((name) => /^\d+$/.test(name));
    for (const major of majors.sort((a, b) => Number(b) - Number(a))) dirs.push(join(debian, major, 'bin'));
  }
  for (const dir of (env.PATH ?? '').split(':')) if (dir !== '') dirs.push(dir);
  return [...new Set(dirs)];
}

/** The folder of initdb and pg_ctl, or null (with where it looked) when PostgreSQL is not installed. */
export function findServerBinaries(env: NodeJS.ProcessEnv = process.env, debian?: string): { dir: string } | { dir: null; looked: string[] } {
  const looked = candidateBinDirs(env, debian);
  const dir = looked.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  return dir ? { dir } : { dir: null, looked };
}

export interface TestCluster {
  /** The superuser's address on the `postgres` database, password included. */
  readonly adminUrl: string;
  readonly port: number;
  /** The temp folder: data in `data/`, the socket and the server's log beside it. */
  readonly folder: string;
  /** A new empty database; its address (the same superuser). */
  createDatabase(name?: string): Promise<string>;
  /** pg_ctl restart: every connection is cut, the data stays (fault tests). */
  restart(): Promise<void>;
  /** Stops the server (fast), keeping its data and port, until `resume()` (an outage, for fault tests). */
  halt(): Promise<void>;
  /** Starts a halted server again, on the same port. */
  resume(): Promise<void>;
  /** Stops the server (immediately: nothing here is worth a checkpoint) and removes the folder. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The folder of initdb and pg_ctl; default: findServerBinaries(). */
  binDir?: string;
  /** Server settings (`-c name=value`) on top of the test ones. */
  settings?: Record<string, string>;
}

/** Startup timings, for whoever wonders where a suite's first seconds go. */
export interface StartTimings {
  initdbMs: number;
  startMs: number;
}

const SUPERUSER = 'postgres';
/** No durability: a test cluster lives for one run, and a crash loses nothing of value. */
const FAST = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export async function startTestCluster(options: StartOptions = {}): Promise<TestCluster & { timings: StartTimings }> {
  const found = options.binDir !== undefined ? { dir: options.binDir } : findServerBinaries();
  if (found.dir === null) throw new Error(`PostgreSQL's initdb and pg_ctl were not found in ${found.looked.join(', ')}`);
  const bin = found.dir;
  const runAs = systemUser();
  const folder = await mkdtemp(join(tmpdir(), 'lifeline-pg-'));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(folder, 'password');
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) {
    await chown(folder, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  await chmod(folder, 0o700);
  const run = (program: string, args: string[]): Promise<string> => runProgram(join(bin, program), args, folder, runAs?.name);

  let started = false;
  const stop = async (): Promise<void> => {
    if (started) {
      started = false;
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    }
    await rm(folder, { recursive: true, force: true });
  };
  try {
    const t0 = performance.now();
    // Local (socket) connections are trusted, TCP ones need the password: the address a test
    // uses carries one, as a deployed LIFELINE_DB does.
    await run('initdb', ['-D', data, '-U', SUPERUSER, `--pwfile=${passwordFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const t1 = performance.now();
    let port = 0;
    let serverOptions = '';
    // The free port may be taken between finding it and the server binding it: try again.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const settings = { listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: folder, ...FAST, ...options.settings };
      serverOptions = Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`).join(' ');
      try {
        await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start']);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    started = true;
    const t2 = performance.now();
    const base = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    const adminUrl = `${base}/postgres`;
    await query(adminUrl, 'SELECT 1'); // pg_ctl -w saw it accept connections; check ours work
    let made = 0;
    const cleanup = (): void => {
      // A worker that ends without afterAll (a crash, a timeout) must not leave a server behind.
      if (started) spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { stdio: 'ignore' });
    };
    process.once('exit', cleanup);
    return {
      adminUrl,
      port,
      folder,
      timings: { initdbMs: Math.round(t1 - t0), startMs: Math.round(t2 - t1) },
      async createDatabase(name = `test_${process.pid}_${++made}`) {
        if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database names here are plain identifiers, got "${name}"`);
        await query(adminUrl, `CREATE DATABASE ${name}`);
        return `${base}/${name}`;
      },
      async restart() {
        await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-m', 'fast', 'restart']);
      },
      async halt() {
        await run('pg_ctl', ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop']);
      },
      async resume() {
        await run('pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', '-o', serverOptions, 'start']);
      },
      async stop() {
        process.off('exit', cleanup);
        await stop();
      },
    };
  } catch (error) {
    const tail = await readTail(log);
    await stop();
    throw new Error(`the test PostgreSQL did not start: ${(error as Error).message}${tail ? `\nserver log:\n${tail}` : ''}`);
  }
}

/** As root: the user the server runs as (initdb refuses root). Not root: null, run as oneself. */
function systemUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

function runProgram(program: string, args: string[], cwd: string, user: string | undefined): Promise<string> {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', program, ...args]] : [program, args];
  return new Promise((resolve, reject) => {
    // The server is started in the background by pg_ctl; its output goes to the log file, so
    // the pipes here close when pg_ctl returns.
    execFile(file, argv, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[program, ...args].join(' ')}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}

async function query(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function readTail(file: string): Promise<string> {
  try {
    const text = execFileSync('tail', ['-n', '20', file], { encoding: 'utf8' });
    return text.trim();
  } catch {
    return '';
  }
}
