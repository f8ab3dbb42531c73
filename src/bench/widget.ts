/**
 * Widget benchmarks, measured in Chromium (medians of several runs): the loader's main-thread
 * time at page load, layout shift, the time from a click on Help to a usable search box, and
 * Lighthouse's Total Blocking Time for the demo page with and without the widget.
 * Figures are printed, never asserted: this machine is shared and noisy.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROME_FLAGS, chromePath } from '../build/chrome';

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface LoadFigures {
  scriptMs: number;
  taskMs: number;
  cls: number;
}

/** Chrome's own counters after the load event: JS execution and all main-thread task time. */
async function loadFigures(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;
  const cls = await page.evaluate<number>(`new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 300);
  })`);
  await context.close();
  return { scriptMs: metric('ScriptDuration') * 1000, taskMs: metric('TaskDuration') * 1000, cls };
}

/**
 * Milliseconds from a click on Help to a focused search box with the articles loaded and listed. "cold": clicked before the idle prefetch; "warm": after it.
 */
async function openToSearchMs(browser: Browser, url: string, warm: boolean): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: warm ? 'load' : 'domcontentloaded' });
  await page.waitForFunction(() => !!document.querySelector('lifeline-widget')?.shadowRoot?.querySelector('button'));
  if (warm) {
    await page.waitForFunction(() =>
      performance.getEntriesByType('resource').some((r) => r.name.includes('lifeline-panel')),
    );
    await page.waitForTimeout(200);
  }
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  const ms = await page.evaluate<number>(`new Promise((resolve) => {
    const root = document.querySelector('lifeline-widget').shadowRoot;
    const start = performance.now();
    root.querySelector('.ll-launcher button').click();
    const poll = () => {
      const input = root.querySelector('input[type="search"]');
      const ready = root.querySelector('.ll-results'); // articles loaded and listed
      if (input && ready && root.activeElement === input) resolve(performance.now() - start);
      else requestAnimationFrame(poll);
    };
    poll();
  })`);
  await context.close();
  return ms;
}

async function lighthouseTbt(url: string): Promise<number> {
  const { launch } = await import('chrome-launcher');
  const lighthouse = (await import('lighthouse')).default;
  const chrome = await launch({
    chromePath: chromePath(),
    chromeFlags: ['--headless=new', ...CHROME_FLAGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyAudits: ['total-blocking-time'],
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'simulate',
    });
    return result?.lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN;
  } finally {
    await chrome.kill();
  }
}

export interface WidgetBenchOptions {
  /** The demo page with the widget, and the same page without it. */
  withWidget: string;
  withoutWidget: string;
  runs: number;
  lighthouseRuns: number;
}

export async function benchWidget(options: WidgetBenchOptions): Promise<Record<string, number>> {
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROME_FLAGS });
  const withW: LoadFigures[] = [];
  const withoutW: LoadFigures[] = [];
  const cold: number[] = [];
  const warm: number[] = [];
  try {
    // Warm the server and the browser's caches of unrelated things first.
    await loadFigures(browser, options.withWidget);
    for (let i = 0; i < options.runs; i++) {
      withW.push(await loadFigures(browser, options.withWidget));
      withoutW.push(await loadFigures(browser, options.withoutWidget));
      cold.push(await openToSearchMs(browser, options.withWidget, false));
      warm.push(await openToSearchMs(browser, options.withWidget, true));
    }
  } finally {
    await browser.close();
  }
  const tbtWith: number[] = [];
  const tbtWithout: number[] = [];
  for (let i = 0; i < options.lighthouseRuns; i++) {
    tbtWith.push(await lighthouseTbt(options.withWidget));
    tbtWithout.push(await lighthouseTbt(options.withoutWidget));
  }
  const pick = (list: LoadFigures[], key: keyof LoadFigures): number => median(list.map((f) => f[key]));
  return {
    scriptMsWith: pick(withW, 'scriptMs'),
    scriptMsWithout: pick(withoutW, 'scriptMs'),
    taskMsWith: pick(withW, 'taskMs'),
    taskMsWithout: pick(withoutW, 'taskMs'),
    clsWith: pick(withW, 'cls'),
    clsWithout: pick(withoutW, 'cls'),
    openColdMs: median(cold),
    openWarmMs: median(warm),
    tbtWith: median(tbtWith),
    tbtWithout: median(tbtWithout),
  };
}
