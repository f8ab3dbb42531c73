/**
 * A throwaway nginx for the e2e tests: the repository's example config (docs/nginx.conf) with its
 * upstream servers and listen port replaced, run in the foreground as a child process with its
 * logs, pid and temp folders in a folder of its own (never the system's nginx service).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXAMPLE = fileURLToPath(new URL('../docs/nginx.conf', import.meta.url));

/** nginx's program: on PATH, or where Debian puts it (/usr/sbin is not on every user's PATH). */
export function findNginx(): string | undefined {
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  const found = which.status === 0 ? which.stdout.trim() : '';
  if (found) return found;
  return ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
}

/**
 * docs/nginx.conf for `upstreams` (ports on 127.0.0.1) listening on 127.0.0.1:`port`, with the
 * access log and the temp folders in `dir`. Throws when the example no longer has what it replaces.
 */
export function proxyConfig(port: number, upstreams: readonly number[], dir: string): string {
  const example = readFileSync(EXAMPLE, 'utf8');
  const servers = upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n');
  const replaced = example
    .replace(/(upstream lifeline \{\n(?:\s*#.*\n)*)(?:\s*server .*\n)+/, (_, head: string) => `${head}${servers}\n`)
    .replace(/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`)
    .replace(
      /^http \{$/m,
      [
        'http {',
        `  log_format lifeline_e2e '$status $request_method $uri $upstream_addr';`,
        `  access_log ${join(dir, 'access.log')} lifeline_e2e;`,
        // Which instance answered: the test reads it off the visitor's event stream.
        '  add_header X-E2E-Upstream $upstream_addr always;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`),
      ].join('\n'),
    );
  for (const port of upstreams) if (!replaced.includes(`server 127.0.0.1:${port} `)) throw new Error('docs/nginx.conf: no `upstream lifeline { server … }` to replace');
  if (!replaced.includes(`listen 127.0.0.1:${port};`)) throw new Error('docs/nginx.conf: no `listen 80;` to replace');
  return replaced;
}

/** A request as the proxy logged it (when it ended): its status, method, path and the instances tried. */
export interface ProxiedRequest {
  status: number;
  method: string;
  path: string;
  /** "127.0.0.1:3001", or several ("a, b") when nginx went on to the next instance. */
  upstream: string;
}

export interface Proxy {
  readonly origin: string;
  /** Every request that has ended so far, in order. */
  requests(): ProxiedRequest[];
  /** The upstream ports nginx has an open connection to now (an event stream: no keepalive pool). */
  openUpstreamConnections(upstreams: readonly number[]): Map<number, number>;
  stop(): Promise<void>;
}

/** Starts nginx on 127.0.0.1:`port` in front of `upstreams`; resolves once it answers. */
export async function startProxy(nginx: string, port: number, upstreams: readonly number[]): Promise<Proxy> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeline-nginx-'));
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, proxyConfig(port, upstreams, dir));
  // One process (master_process off): no workers to switch to another user as root, one pid
  // whose sockets are the proxy's.
  const globals = `daemon off; master_process off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} info;`;
  const child = spawn(nginx, ['-e', join(dir, 'error.log'), '-p', dir, '-c', config, '-g', globals], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (running()) child.kill('SIGQUIT');
    const killer = setTimeout(() => running() && child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    rmSync(dir, { recursive: true, force: true });
  };
  const errorLog = (): string => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (!running()) throw new Error(`nginx exited at start:\n${output}\n${errorLog()}`);
    try {
      if ((await fetch(`${origin}/lifeline.js`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not answer in 10 s:\n${output}\n${errorLog()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const openUpstreamConnections = (ports: readonly number[]): Map<number, number> => {
    const pid = child.pid;
    const counts = new Map<number, number>(ports.map((p) => [p, 0]));
    if (pid === undefined) return counts;
    // The socket inodes nginx holds, then its established TCP connections to an upstream port.
    const inodes = new Set<string>();
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) inodes.add(match[1]!);
      } catch {
        // closed meanwhile
      }
    }
    for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10 || fields[3] !== '01' || !inodes.has(fields[9]!)) continue;
      const remotePort = parseInt(fields[2]!.split(':')[1]!, 16);
      if (counts.has(remotePort)) counts.set(remotePort, counts.get(remotePort)! + 1);
    }
    return counts;
  };
  const requests = (): ProxiedRequest[] => {
    const file = join(dir, 'access.log');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [status, method, path, ...upstream] = line.split(' ');
        return { status: Number(status), method: method!, path: path!, upstream: upstream.join(' ') };
      });
  };
  return { origin, requests, openUpstreamConnections, stop };
}
