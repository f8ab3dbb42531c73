/**
 * `npm run bench`: prints the widget's figures. Sizes against their budgets, then speed measured
 * in Chromium against the real server started in-process on a free loopback port.
 * BENCH_RUNS (default 7) and BENCH_LIGHTHOUSE_RUNS (default 3) set the number of runs.
 * Then the server under load (load.ts: handoffs per second, message delivery latency over many
 * open event streams), then search quality and speed (search.ts, also `npm run bench:search`).
 * BENCH_SIZES_ONLY=1 prints the sizes alone; BENCH_LOAD_ONLY=1 the load alone.
 */
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { BUDGETS, measureDist } from '../build/sizes';
import { benchWidget } from './widget';
import { benchLoad } from './load';
import { benchSearch } from './search';
import { buildTasks, plainArticles, type BuildTasks } from './widget-build';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;
const pct = (value: number, budget: number): string => `${((value / budget) * 100).toFixed(0)}% of ${kb(budget)}`;
const row = (label: string, value: string, note = ''): void => console.log(`  ${label.padEnd(44)} ${value.padStart(12)}  ${note}`);

async function sizes(): Promise<void> {
  const { files, loader, atLoad, live, hours, away, rating, attach, human, history, remote, whole, builder, withLive, all } = await measureDist(`${root}dist`);
  console.log('\nSizes (gzip, zlib default level; 1 KB = 1,024 bytes)');
  for (const f of files) row(f.file, kb(f.gzip), `(${kb(f.raw)} raw)`);
  row('loader, dist/lifeline.js', kb(loader.gzip), pct(loader.gzip, BUDGETS.loader));
  row('JavaScript fetched by the load event', kb(atLoad), pct(atLoad, BUDGETS.atLoad) + ' (the loader and one language\'s launcher words; checked in e2e/budgets.spec.ts)');
  row('whole widget to search and read', kb(whole), pct(whole, BUDGETS.whole) + ' (loader, panel, one language pack, one search language; articles from lifeline index)');
  row('  + index builder, for articles without a prebuilt index', kb(whole + builder), pct(whole + builder, BUDGETS.whole) + ` (+${kb(builder)})`);
  row('live chunk (chat, callback)', kb(live), pct(live, BUDGETS.live));
  row('hours chunk (availability, slots)', kb(hours), pct(hours, BUDGETS.hours));
  row('away chunk (the answer by e-mail)', kb(away), pct(away, BUDGETS.away));
  row('history chunk (a verified visitor’s conversations)', kb(history), pct(history, BUDGETS.history));
  row('human view (phone, e-mail, what you tried)', kb(human), pct(human, BUDGETS.human));
  row('remote search (a help centre the server searches)', kb(remote), pct(remote, BUDGETS.remote));
  row('rating chunk (after a chat ends)', kb(rating), pct(rating, BUDGETS.rating));
  row('attach chunk (files in the chat)', kb(attach), pct(attach, BUDGETS.attach));
  row('whole widget for a visitor who chats', kb(withLive), pct(withLive, BUDGETS.whole) + ' (over the budget: see README)');
  row('every file in dist/, all languages', kb(all), '(never all fetched by one page)');
}

async function speed(buildOnly = false): Promise<void> {
  // The demo page as it is, the same page without the widget's script tag, and with a plain array
  // of 1,000 long articles (no prebuilt index: the widget builds it).
  const app = new Hono();
  app.get('/bench/no-widget', async (c) => {
    const html = await readFile(`${root}demo/index.html`, 'utf8');
    return c.html(html.replace(/<script src="\/lifeline\.js"[\s\S]*?<\/script>/, ''));
  });
  // And with 20: the same clicks with next to nothing to build, so the long tasks the panel's own
  // start makes (its script compiled and run, the first render) are told from the build's.
  const plain = JSON.stringify(await plainArticles(1_000));
  const few = JSON.stringify(await plainArticles(20));
  app.get('/bench/plain-articles.json', (c) => c.body(plain, 200, { 'content-type': 'application/json' }));
  app.get('/bench/few-articles.json', (c) => c.body(few, 200, { 'content-type': 'application/json' }));
  app.get('/bench/plain', async (c) => {
    const html = await readFile(`${root}demo/index.html`, 'utf8');
    return c.html(html.replace(/data-articles="[^"]*"/, `data-articles="/bench/${c.req.query('few') ? 'few' : 'plain'}-articles.json"`));
  });
  app.route('/', createApp({ distDir: `${root}dist`, demoDir: `${root}demo` }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  try {
    // Long tasks from the pointer entering Help to the first results. After the load event the page
    // has usually gone idle and fetched the panel before the pointer moves (its long tasks then, if
    // any, are said apart as "before"); "arriving after the pointer" holds the panel's file back
    // until then, so its whole start is measured.
    const tasks = (runs: BuildTasks[]): string => {
      const list = (ms: number[]): string => ms.map((d) => d.toFixed(0)).join('/') || '0';
      const before = runs.some((b) => b.beforeTasks.length) ? `; before the pointer: ${runs.map((b) => list(b.beforeTasks)).join(', ')}` : '';
      return `(long tasks per run: ${runs.map((b) => list(b.longTasks)).join(', ')}; CPU time of the longest task per run: ${runs.map((b) => b.longestCpuMs.toFixed(0)).join(', ')} ms; panel here before the pointer in ${runs.filter((b) => b.panelEarly).length} of ${runs.length}${before})`;
    };
    const longest = (runs: BuildTasks[]): string => {
      const ms = Math.max(0, ...runs.map((b) => b.longTasks[0] ?? 0));
      return ms ? `${ms.toFixed(0)} ms` : 'none > 50 ms';
    };
    const n = Math.min(runs, 3);
    const builds = await buildTasks(`${base}/bench/plain`, 'card payment', n);
    console.log(`\nBuilding the index in the browser: 1,000 articles of 600–3,000 characters, a plain array (${builds.length} runs)`);
    row('longest task, pointer on Help -> first results', longest(builds), tasks(builds));
    row('pointer on Help -> first results', `${Math.min(...builds.map((b) => b.totalMs)).toFixed(0)} ms`, '(best run; the build in slices of ~8 ms)');
    const held = await buildTasks(`${base}/bench/plain`, 'card payment', n, { held: true });
    row('the same, the panel’s file arriving after the pointer', longest(held), tasks(held));
    console.log(`\nThe panel’s start: the same with 20 articles, next to nothing to build (${n} runs each)`);
    const few = await buildTasks(`${base}/bench/plain?few=1`, 'card payment', n);
    row('pointer on Help after the load event', longest(few), tasks(few));
    const fewHeld = await buildTasks(`${base}/bench/plain?few=1`, 'card payment', n, { held: true });
    row('the panel’s file arriving after the pointer', longest(fewHeld), tasks(fewHeld));
    const cold = await buildTasks(`${base}/bench/plain?few=1`, 'card payment', n, { held: true, intent: false });
    row('a click with no intent before it, at once', longest(cold), `${tasks(cold)}; as Lifeline('open') from the page`);
    if (buildOnly) return;
    console.log(`\nSpeed in Chromium (median of ${runs} runs; Lighthouse median of ${lighthouseRuns})`);
    const r = await benchWidget({ withWidget: `${base}/`, withoutWidget: `${base}/bench/no-widget`, runs, lighthouseRuns });
    row('loader main-thread script time at load', `${r.scriptMsWith!.toFixed(1)} ms`, `(page without widget: ${r.scriptMsWithout!.toFixed(1)} ms)`);
    row('all main-thread task time to load', `${r.taskMsWith!.toFixed(1)} ms`, `(without widget: ${r.taskMsWithout!.toFixed(1)} ms, +${(r.taskMsWith! - r.taskMsWithout!).toFixed(1)} ms)`);
    row('cumulative layout shift', r.clsWith!.toFixed(4), `(without widget: ${r.clsWithout!.toFixed(4)})`);
    row('click Help -> usable search box, cold', `${r.openColdMs!.toFixed(0)} ms`, '(panel fetched on the click)');
    row('click Help -> usable search box, warm', `${r.openWarmMs!.toFixed(0)} ms`, '(panel prefetched when idle)');
    row('Lighthouse Total Blocking Time, with widget', `${r.tbtWith!.toFixed(0)} ms`, `(without: ${r.tbtWithout!.toFixed(0)} ms)`);
  } finally {
    server.close();
  }
}

// BENCH_LOAD_ONLY=1 runs the load part alone: it needs no build (dist/) and no browser.
const loadOnly = process.env.BENCH_LOAD_ONLY === '1';
const sizesOnly = process.env.BENCH_SIZES_ONLY === '1';
if (process.env.BENCH_BUILD_ONLY === '1') {
  await speed(true);
  process.exit(0);
}
if (!loadOnly) await sizes();
if (!loadOnly && !sizesOnly) await speed();
if (!sizesOnly) await benchLoad();
if (!loadOnly && !sizesOnly) await benchSearch();
