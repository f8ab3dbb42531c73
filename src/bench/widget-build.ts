/**
 * Part of `npm run bench`: building the search index in the browser. A site whose articles file
 * is a plain array (no prebuilt index) has the widget build it: 1,000 generated articles of
 * 600–3,000 characters, in Chromium, from a click on Help to the first results, with a
 * PerformanceObserver of long tasks (over 50 ms, the threshold of a task that delays input).
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
  /** Long tasks (ms) from the click on Help to the first results, longest first. */
  longTasks: number[];
  /** From the click to the first results. */
  totalMs: number;
}

/** Opens `url` (a page whose widget reads a plain array), searches `query` and reports the long tasks. */
export async function buildTasks(url: string, query: string, runs: number): Promise<BuildTasks[]> {
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
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForFunction(() => !!document.querySelector('lifeline-widget')?.shadowRoot?.querySelector('button'));
      const start = await page.evaluate<number>(`(() => {
        document.querySelector('lifeline-widget').shadowRoot.querySelector('.ll-launcher button').click();
        return performance.now();
      })()`);
      const box = page.locator('lifeline-widget').getByRole('searchbox', { name: 'Search help' });
      await box.waitFor();
      await page.locator('lifeline-widget').getByRole('region', { name: 'Popular articles' }).waitFor({ timeout: 60_000 });
      await box.fill(query);
      await page.locator('lifeline-widget').locator('.ll-results a').first().waitFor({ timeout: 60_000 });
      const end = await page.evaluate<number>('performance.now()');
      const tasks = await page.evaluate<Array<[number, number]>>('window.__longTasks');
      out.push({ longTasks: tasks.filter(([at]) => at >= start).map(([, d]) => d).sort((a, b) => b - a), totalMs: end - start });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
