/**
 * `lifeline <command>`: the command line of the reference server (the package's bin, run as
 * `npx lifeline ...` from a clone after `npm ci`).
 *
 *   lifeline serve                               start the server (same as `npm start` without the build)
 *   lifeline agent add <email> [--name "Sam"]    create an agent, or set their password and name
 *   lifeline help                                this text
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { addAgent, dbPathFrom, UsageError } from './agent';

const HELP = `Usage:
  lifeline serve                              start the server (PORT, HOST, LIFELINE_DB, ... as for npm start)
  lifeline agent add <email> [--name "Sam"]   create an agent in LIFELINE_DB (default ./data/lifeline.db), or set
                                              the password (and name) of an existing one; the password comes from
                                              LIFELINE_AGENT_PASSWORD, else it is asked for (hidden), else read
                                              from standard input
  lifeline help                               this text`;

/** The password: from the environment, else asked for without echo on a terminal, else one line of stdin. */
async function readPassword(env: NodeJS.ProcessEnv): Promise<string> {
  if (env.LIFELINE_AGENT_PASSWORD) return env.LIFELINE_AGENT_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write('Password (8 characters or more): ');
    // Echo nothing of what is typed: the readline output is muted after the prompt.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (process.stdin.isTTY) process.stderr.write('\n');
  return line;
}

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return command ? 0 : 2;
  }
  if (command === 'serve') {
    await import('../server/main');
    return -1; // the server keeps the process alive
  }
  if (command === 'agent' && sub === 'add') {
    const email = rest.find((a) => !a.startsWith('--'));
    const nameAt = rest.indexOf('--name');
    const name = nameAt >= 0 ? rest[nameAt + 1] : undefined;
    if (nameAt >= 0 && name === undefined) throw new UsageError('--name needs a value');
    const dbPath = dbPathFrom(process.env);
    mkdirSync(dirname(dbPath), { recursive: true });
    const password = await readPassword(process.env);
    const agent = await addAgent({ email: email ?? '', password, dbPath, ...(name !== undefined && { name }) });
    console.log(`${agent.created ? 'Added' : 'Updated'} agent ${agent.email} (${agent.name}) in ${dbPath}; they can sign in at /console.`);
    return 0;
  }
  throw new UsageError(`unknown command "${argv.join(' ')}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`lifeline: ${error.message}\n\n${HELP}`);
      process.exitCode = 2;
    } else {
      console.error('lifeline:', error);
      process.exitCode = 1;
    }
  },
);
