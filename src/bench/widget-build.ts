/**
 * Part of `npm run bench`: building the search index in the browser. A site whose articles file
 * is a plain array (no prebuilt index) has the widget build it: 1,000 generated articles of
 * 600–3,000 characters, in Chromium, from the pointer entering Help (then a click) to the first
 * results, with a PerformanceObserver of long tasks (over 50 ms, the threshold of a task that
 * delays input), and a trace for the CPU time of the longest task (on a busy machine a task's
 * wall time also counts the time it waited for a core).
 * The builder works in slices (search/build-index.ts createSearchIndexInSlices), so none of them
 * should be the build's. Printed, never asserted. BENCH_BUILD_ONLY=1 runs this part alone.
 */
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CHROME_FLAGS, chromePath } from '../build/chrome';
import { generateArticles } from './search';
import type { Article } from '../search/types';

const DATA = process.env.BANKING77_DIR ?? fileURLToPath(new URL('../../../shared/data/banking77', import.meta.url));

/** `count` generated articles with words of Banking77 (as bench:search makes them). */
export async function plainArticles(count: number): Promise<Article[]> {
  const articles = JSON.parse(await readFile(`${DATA}/articles.json`, 'utf8')) as Article[];
  const dev = JSON.parse(await readFile(`${DATA}/dev-queries.json`, 'utf8')) as Array<{ query: string }>;
  const words = [...new Set([...articles.map((a) => `${a.title} ${a.body}`), ...dev.map((d) => d.query)].join(' ').toLowerCase().match(/[a-z][a-z']+/g) ?? [])];
  return generateArticles(count, words);
}

export interface BuildTasks {
  /** Long tasks (ms) from the pointer entering Help to the first results, longest first. */
  longTasks: number[];
  /** Long tasks (ms) from the launcher drawn to the pointer entering Help (the panel fetched when the page went idle). */
  beforeTasks: number[];
  /** From the pointer entering Help to the first results. */
  totalMs: number;
  /**
   * The most main-thread CPU time one task took in the same span (ms, from a Chromium trace):
   * what a task lasts on an idle machine, where the long tasks' wall time also counts the time
   * the renderer waited for a core that other work held.
   */
  longestCpuMs: number;
  /** Whether the panel's file had arrived before the pointer moved (fetched when the page went idle after its load event). */
  panelEarly: boolean;
}

export interface BuildTasksOptions {
  /** The pointer enters Help and presses it (true, the default); else a click by script with no sign of intent before it, as `Lifeline('open')` from the page. */
  intent?: boolean;
  /**
   * The panel's file reaches the page only once the pointer is on Help (as on a slow network, or
   * with a visitor quicker than the page's idle time), so compiling and starting it fall inside
   * the measured interaction; else the page, idle after its load event, has usually fetched it.
   */
  held?: boolean;
}

/** Opens `url` (a page whose widget reads a plain array), searches `query` and reports the long tasks. */
export async function buildTasks(url: string, query: string, runs: number, { intent = true, held = false }: BuildTasksOptions = {}): Promise<BuildTasks[]> {
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
  const out: BuildTasks[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
      await page.addInitScript(`window.__longTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
          .observe({ type: 'longtask', buffered: true });`);
      let release = (): void => undefined;
      if (held) {
        const pointer = new Promise<void>((resolve) => (release = resolve));
        await page.route(/lifeline-panel\.[^/]*\.js$/, (route) => pointer.then(() => route.continue()));
      }
      await page.goto(url, { waitUntil: 'load' });
      // Waits and input without Playwright's locators: their script (compiled in the page) and
      // their role queries run on the page's main thread and would count as its long tasks. The
      // page polls for itself once a frame; pointer and keys are the browser's own input.
      const until = (condition: string): Promise<unknown> =>
        page.evaluate(`new Promise((resolve, reject) => {
          const check = () => (${condition}) ? resolve(true) : requestAnimationFrame(check);
          setTimeout(() => reject(new Error(${JSON.stringify(`timed out waiting for ${condition}`)})), 60000);
          check();
        })`);
      await until(`document.querySelector('lifeline-widget')?.shadowRoot?.querySelector('.ll-launcher button')`);
      const drawn = await page.evaluate<number>('performance.now()');
      const help = await page.evaluate<{ x: number; y: number }>(`(() => {
        const r = document.querySelector('lifeline-widget').shadowRoot.querySelector('.ll-launcher button').getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      })()`);
      // As a visitor does it: the pointer enters Help (the loader starts fetching the panel on
      // that sign of intent) and presses it at once, the least head start intent gives. The long
      // tasks count from before the pointer moves: fetching and starting the panel, opening it,
      // the articles, the first results.
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
      const start = await page.evaluate<number>(`performance.mark('lifeline-bench-start').startTime`);
      release();
      if (intent) {
        await page.mouse.move(help.x, help.y);
        await page.mouse.down();
        await page.mouse.up();
      } else await page.evaluate(`document.querySelector('lifeline-widget').shadowRoot.querySelector('.ll-launcher button').click()`);
      // Focus lands in the search box (promise 4), so the visitor types at once.
      const shadow = `document.querySelector('lifeline-widget').shadowRoot`;
      await until(`${shadow}.activeElement?.matches('input[type="search"]')`);
      await until(`${shadow}.querySelector('section[aria-labelledby="ll-popular"] .ll-results a')`);
      await page.keyboard.type(query);
      await until(`${shadow}.querySelector('.ll-count')`);
      const end = await page.evaluate<number>('performance.now()');
      const trace = await browser.stopTracing();
      const longestCpuMs = longestCpu(trace, 'lifeline-bench-start');
      const tasks = await page.evaluate<Array<[number, number]>>('window.__longTasks');
      const panelAt = await page.evaluate<number>(`performance.getEntriesByType('resource').find((e) => /lifeline-panel\\./.test(e.name))?.responseEnd ?? Infinity`);
      const longest = (from: number, to: number): number[] => tasks.filter(([at, d]) => at + d >= from && at < to).map(([, d]) => d).sort((a, b) => b - a);
      out.push({ longTasks: longest(start, Infinity), beforeTasks: longest(drawn, start), totalMs: end - start, longestCpuMs, panelEarly: panelAt < start });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
}

/**
 * The most thread CPU time (ms) of one task on the thread that set the mark `from`, after it: a
 * task is a complete event there that no other contains (a task, or a microtask checkpoint that
 * the trace draws beside its task).
 */
function longestCpu(trace: Buffer, from: string): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mark = events.find((e) => e.name === from);
  if (!mark) return NaN;
  const onThread = events
    .filter((e) => e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts + (e.dur ?? 0) >= mark.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let longest = 0;
  let end = -Infinity;
  for (const e of onThread) {
    if (e.ts < end) continue; // inside the task before it
    end = e.ts + (e.dur ?? 0);
    longest = Math.max(longest, (e.tdur ?? 0) / 1000);
  }
  return longest;
}
