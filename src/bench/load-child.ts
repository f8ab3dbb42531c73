/**
 * The generator's side of load-server.ts: starts it in a child process, waits for its port,
 * asks for its counters, and stops it (SIGTERM, then SIGKILL if it lingers). A backstop on the
 * generator's own exit kills the child too, so no run leaves a server behind.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { capCpu, type CpuCap } from './load-cpu-cap';
import type { ReadyLine, StatsReply, StatsRequest } from './load-shared';

/** tsx, loading the server's TypeScript, and the agent's password hash take a moment. */
const READY_TIMEOUT_MS = 30_000;
const STATS_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 5_000;

export interface LoadServer {
  port: number;
  pid: number;
  /** The server process's counters, read inside it; `resetLoop` starts its event-loop figures afresh. */
  stats(options?: { resetLoop?: boolean }): Promise<StatsReply>;
  /** The share of a core the process is capped at (load-cpu-cap.ts), null when it is not. */
  capped: number | null;
  /** Of the scheduler periods the capped process ran in, the share it was held back in; null when not capped. */
  throttledShare(): Promise<number | null>;
  /** Stops the server; resolves once the process is gone. Safe to call twice. */
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `env`: added to this process's environment for the server (BENCH_DB, BENCH_AGENT_SKIP:
 * load-server.ts). `cpu`: a share of one core to cap the server at once it listens (its start,
 * compiling TypeScript, is not what is measured); when it cannot be capped, `onProblem` hears why.
 */
export async function startLoadServer(
  env: Record<string, string> = {},
  options: { cpu?: number; onProblem?: (problem: string) => void } = {},
): Promise<LoadServer> {
  const child = fork(fileURLToPath(new URL('./load-server.ts', import.meta.url)), [], {
    cwd: root, // `--import tsx` resolves from here
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const backstop = () => void child.kill('SIGKILL');
  process.once('exit', backstop);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

  let cap: CpuCap | null = null;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    process.off('exit', backstop);
    await cap?.remove();
    cap = null;
  };

  try {
    const port = await readPort(child);
    if (options.cpu !== undefined && options.cpu > 0) {
      const made = await capCpu(child.pid!, options.cpu, `lifeline-bench-${process.pid}-${child.pid}`);
      if ('problem' in made) options.onProblem?.(made.problem);
      else cap = made;
    }
    return {
      port,
      pid: child.pid!,
      capped: cap ? options.cpu! : null,
      throttledShare: async () => (cap ? cap.throttledShare() : null),
      stats: statsReader(child),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the port from the child's first stdout line; fails if it exits or says nothing. */
function readPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (error: Error | null, port?: number) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      // Later output (an error the server logs) still shows up, instead of filling a pipe nobody reads.
      child.stdout!.pipe(process.stdout, { end: false });
      if (error) reject(error);
      else resolve(port!);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const newline = text.indexOf('\n');
      if (newline < 0) return;
      try {
        const ready = JSON.parse(text.slice(0, newline)) as ReadyLine;
        done(null, ready.port);
      } catch {
        done(new Error(`The load server printed ${JSON.stringify(text.slice(0, newline))}, not {"port": n}`));
      }
    };
    const onExit = (code: number | null) => done(new Error(`The load server exited (code ${code}) before it listened`));
    const timer = setTimeout(() => done(new Error(`The load server did not listen within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

function statsReader(child: ChildProcess): LoadServer['stats'] {
  let next = 0;
  return ({ resetLoop = false } = {}) =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error('The load server is gone (its IPC channel closed)'));
      const id = ++next;
      const onMessage = (message: unknown) => {
        const reply = message as Partial<StatsReply> | null; // IPC messages are untyped JSON
        if (reply?.type !== 'stats' || reply.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(reply as StatsReply);
      };
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`The load server did not answer a stats request within ${STATS_TIMEOUT_MS / 1000} s`));
      }, STATS_TIMEOUT_MS);
      child.on('message', onMessage);
      // With a callback, a send to a child that just died is reported here instead of as an
      // 'error' event on the ChildProcess, which nothing would catch.
      child.send({ type: 'stats', id, resetLoop } satisfies StatsRequest, (error) => {
        if (!error) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        reject(error);
      });
    });
}
