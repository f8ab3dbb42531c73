/**
 * `lifeline <command>`: the command line of the reference server (the package's bin, run as
 * `npx lifeline ...` from a clone after `npm ci`).
 *
 *   lifeline serve [--demo]                      start the server (with --demo, as `npm start` does without the build)
 *   lifeline agent add <email> [--name "Sam"]    create an agent, or set their password and name
 *   lifeline index <folder|file.csv|file.json> [--out articles.json]
 *   lifeline search <articles.json> [query ...] [--history history.json] [--limit N]
 *   lifeline phrasings [--db <file|url>] [--pending] the learned phrasings, as history.json
 *   lifeline visitor export <email|id> [--db <file|url>] [--files <folder>]
 *   lifeline visitor delete <email|id> [--db <file|url>] [--yes]
 *   lifeline help                                this text
 */
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { readFile, writeFile } from 'node:fs/promises';
import { addAgent, databaseFrom, UsageError } from './agent';
import { gzipSync } from 'node:zlib';
import { backendFile, BACKEND_ABOVE_BYTES, buildArticles, indexFile, InputError, parseSynonymsFile } from '../search/cli-index';
import { parseHistory } from '../search/history';
import { SEARCH_LANGUAGES } from '../search/language';
import { loadSearchIndex, searchLine } from '../search/cli-search';
import { readPhrasings } from './phrasings';
import { keyFrom, visitorDelete, visitorExport } from './visitor';

const HELP = `Usage:
  lifeline serve [--demo]                     start the server (PORT, HOST, LIFELINE_DB, ...); --demo: the demo
                                              shop's articles and hours where they are not set, as npm start
  lifeline agent add <email> [--name "Sam"]   create an agent in LIFELINE_DB (a file, default ./data/lifeline.db,
                                              or a postgres:// address), or set
                                              the password (and name) of an existing one; the password comes from
                                              LIFELINE_AGENT_PASSWORD, else it is asked for (hidden), else read
                                              from standard input
  lifeline index <folder|file.csv|file.json> [--out articles.json] [--lang en|fr|de|es|it|pt|
                nl|pl|ar|he|ja|zh|zh-Hant]
                [--synonyms synonyms.txt] [--history history.json] [--no-index]
                [--no-thesaurus] [--search auto|browser|backend]
                                              build the articles JSON from Markdown files with front matter,
                                              a CSV (id,title,body,tags,keywords,url) or a JSON array, with the
                                              search index prebuilt (--no-index leaves it out); --synonyms: one
                                              group a line, comma-separated ("refund, money back"), or a JSON
                                              array of groups; --history: learned phrasings (history.json) baked
                                              in; English articles are also indexed by WordNet's other words
                                              for theirs (--no-thesaurus leaves them out); problems go to
                                              stderr, exit 1 when an article was left out.
                                              Over 300 KB gzip (about 240 articles of 2,000 characters), or
                                              with --search backend, the server searches: --out gets a small
                                              file for the widget ("search": "backend", the 20 most popular
                                              articles) and <out>.server.json the full one, for LIFELINE_ARTICLES;
                                              --search browser keeps one file whatever its size
  lifeline search <articles.json> [query ...] [--history history.json] [--limit N]
                                              one JSON line of results per query (queries from stdin, one a
                                              line, when none is given), best first, none when the index has no
                                              good answer; --history adds learned phrasings (history.json)
  lifeline phrasings [--db <file|url>] [--pending]
                                              print the phrasings learned from resolved handoffs that are served
                                              (in --db, else LIFELINE_DB, default ./data/lifeline.db; a file or a
                                              postgres:// address) as
                                              history.json, for lifeline search --history; --pending: also those
                                              taught by one handoff and not confirmed yet
  lifeline visitor export <email|id> [--db <file|url>] [--files <folder>]
                                              print everything kept about one visitor as JSON: their handoffs
                                              (messages, files' names and sizes, rating, callback steps, events),
                                              mails and deliveries about them, phrasings learned from them; an
                                              e-mail (any case) or the id the page gave identify() or a handoff's
                                              id; --files saves their files in the folder
  lifeline visitor delete <email|id> [--db <file|url>] [--yes]
                                              delete all of it, after asking (--yes: without); refused while one
                                              of their handoffs is open; prints what was deleted
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
    const database = databaseFrom(process.env);
    const password = await readPassword(process.env);
    const agent = await addAgent({ email: email ?? '', password, database, ...(name !== undefined && { name }) });
    console.log(`${agent.created ? 'Added' : 'Updated'} agent ${agent.email} (${agent.name}) in ${agent.shown}; they can sign in at /console.`);
    return 0;
  }
  if (command === 'index') return indexCommand(argv.slice(1));
  if (command === 'search') return searchCommand(argv.slice(1));
  if (command === 'phrasings') return phrasingsCommand(argv.slice(1));
  if (command === 'visitor') return visitorCommand(sub, rest);
  throw new UsageError(`unknown command "${argv.join(' ')}"`);
}

/** Positional arguments and `--name value` options; an unknown option or a missing value is a usage error. */
function parseOptions(args: string[], names: readonly string[], flags: readonly string[] = []): { positional: string[]; options: Map<string, string> } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (flags.includes(arg)) {
      options.set(arg, 'yes');
      continue;
    }
    if (arg.startsWith('--')) {
      if (!names.includes(arg)) throw new UsageError(`unknown option ${arg}`);
      const value = args[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a value`);
      options.set(arg, value);
    } else positional.push(arg);
  }
  return { positional, options };
}

/**
 * What `--lang` takes: a search language, or zh-Hant for articles in Traditional Chinese, which
 * are searched as Chinese (Intl.Segmenter reads both scripts; the file records "zh").
 */
const ARTICLE_LANGUAGES: readonly string[] = [...SEARCH_LANGUAGES, 'zh-Hant'];

async function indexCommand(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['--out', '--lang', '--synonyms', '--history', '--search'], ['--no-index', '--no-thesaurus']);
  const lang = options.get('--lang');
  const mode = options.get('--search') ?? 'auto';
  if (!['auto', 'browser', 'backend'].includes(mode)) throw new UsageError(`--search expects auto, browser or backend, got "${mode}"`);
  if (lang !== undefined && !ARTICLE_LANGUAGES.includes(lang)) {
    throw new UsageError(`--lang expects one of ${ARTICLE_LANGUAGES.join(', ')}, got "${lang}"`);
  }
  if (positional.length !== 1) throw new UsageError('index needs exactly one folder, .csv or .json file');
  let result;
  try {
    result = await buildArticles(positional[0]!);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new UsageError(`${positional[0]}: no such file or folder`);
    throw error;
  }
  const problems = [...result.problems];
  const synonymsPath = options.get('--synonyms');
  const synonyms = synonymsPath === undefined ? undefined : parseSynonymsFile(await readInput(synonymsPath), basename(synonymsPath));
  problems.push(...(synonyms?.problems ?? []));
  const historyPath = options.get('--history');
  const history = historyPath === undefined ? undefined : parseHistory(JSON.parse(await readInput(historyPath)) as unknown);
  problems.push(...(history?.problems.map((p) => `${basename(historyPath!)}: ${p}`) ?? []));
  for (const problem of problems) console.error(`lifeline index: ${problem}`);
  const withIndex = !options.has('--no-index');
  const thesaurus = !options.has('--no-thesaurus');
  const file = indexFile(result.articles, { lang, synonyms: synonyms?.groups, history: history?.entries, withIndex, thesaurus });
  // Pretty articles are for reading; an index is for machines and ten times smaller on one line.
  const json = `${withIndex ? JSON.stringify(file) : JSON.stringify(file, null, 2)}\n`;
  const out = options.get('--out');
  const gzip = gzipSync(json).length;
  const counted = `${result.articles.length} articles${result.dropped ? `, ${result.dropped} left out` : ''}`;
  if (mode === 'backend' || (mode === 'auto' && gzip > BACKEND_ABOVE_BYTES)) {
    // Too large for every visitor to download: the server searches the full file, the widget gets a small one.
    if (out === undefined) throw new UsageError(`these articles are ${kb(gzip)} gzip with their index, so the server searches them: give --out, and both files are written (--search browser keeps one file)`);
    const serverOut = out.replace(/(\.json)?$/i, '.server.json');
    const small = `${JSON.stringify(backendFile(result.articles, { lang, history: history?.entries, thesaurus }))}\n`;
    await writeFile(serverOut, withIndex ? json : `${JSON.stringify(indexFile(result.articles, { lang, synonyms: synonyms?.groups, history: history?.entries, withIndex: true, thesaurus }))}\n`);
    await writeFile(out, small);
    console.error(
      `lifeline index: ${counted}, ${kb(gzip)} gzip${mode === 'auto' ? ` (over ${kb(BACKEND_ABOVE_BYTES)})` : ''}: searched by the server.\n` +
        `  ${out}: for data-articles (${kb(gzipSync(small).length)} gzip, the most popular articles; data-backend is needed)\n` +
        `  ${serverOut}: the full articles and index, for LIFELINE_ARTICLES`,
    );
    return result.dropped > 0 ? 1 : 0;
  }
  if (out !== undefined) await writeFile(out, json);
  else process.stdout.write(json);
  console.error(`lifeline index: ${counted}${out ? ` written to ${out}` : ''} (${kb(gzip)} gzip)`);
  return result.dropped > 0 ? 1 : 0;
}

const kb = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

async function searchCommand(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['--history', '--limit']);
  const [articlesPath, ...queries] = positional;
  if (articlesPath === undefined) throw new UsageError('search needs an articles JSON file');
  const limitText = options.get('--limit') ?? '5';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit expects a whole number of 1 or more, got "${limitText}"`);
  let loaded;
  try {
    loaded = await loadSearchIndex(articlesPath, options.get('--history'));
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message);
    if ((error as { code?: unknown }).code === 'ENOENT') throw new UsageError(`${(error as { path?: string }).path ?? articlesPath}: no such file`);
    if (error instanceof SyntaxError) throw new UsageError(`not valid JSON (${error.message})`);
    throw error;
  }
  const { index, problems } = loaded;
  for (const problem of problems) console.error(`lifeline search: ${problem}`);
  const print = (query: string) => process.stdout.write(`${JSON.stringify(searchLine(index, query, limit))}\n`);
  if (queries.length > 0) {
    queries.forEach(print);
    return 0;
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    const query = line.trim();
    if (query) print(query);
  }
  return 0;
}

async function phrasingsCommand(args: string[]): Promise<number> {
  const { positional, options } = parseOptions(args, ['--db'], ['--pending']);
  if (positional.length > 0) throw new UsageError(`phrasings takes no arguments, got "${positional.join(' ')}"`);
  const history = await readPhrasings(databaseFrom(process.env, options.get('--db')), { pending: options.has('--pending') });
  process.stdout.write(`${JSON.stringify(history, null, 2)}\n`);
  return 0;
}

async function visitorCommand(sub: string | undefined, args: string[]): Promise<number> {
  if (sub === 'export') {
    const { positional, options } = parseOptions(args, ['--db', '--files']);
    if (positional.length !== 1) throw new UsageError('visitor export needs one e-mail address or id');
    const exported = await visitorExport(databaseFrom(process.env, options.get('--db')), keyFrom(positional[0]), options.get('--files'));
    process.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
    return 0;
  }
  if (sub === 'delete') {
    const { positional, options } = parseOptions(args, ['--db'], ['--yes']);
    if (positional.length !== 1) throw new UsageError('visitor delete needs one e-mail address or id');
    return visitorDelete(databaseFrom(process.env, options.get('--db')), keyFrom(positional[0]), options.has('--yes'), {
      say: (line) => console.log(line),
      ask: (question) => askLine(question),
    });
  }
  throw new UsageError(`visitor expects "export" or "delete", got "${sub ?? ''}"`);
}

/** One line of standard input, after the question on stderr (empty at the end of input). */
async function askLine(question: string): Promise<string> {
  process.stderr.write(question);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return line;
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

/** A file the user named; a missing one is a usage error naming it. */
async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    throw error;
  }
}
