import { test, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { BUDGETS, measureDist } from '../src/build/sizes';

/** Size budgets are exact, so they are checked here; speed is only measured (npm run bench). */
const dist = fileURLToPath(new URL('../dist', import.meta.url));

test('the loader, the widget to search and read, and the human view, live, hours, away, rating, attach, history and remote search chunks fit their gzip budgets', async () => {
  const { loader, whole, live, hours, away, rating, attach, human, history, remote, files } = await measureDist(dist);
  const report = files.map((f) => `${f.file} ${f.gzip} B gzip`).join(', ');
  expect(loader.gzip, `loader: ${report}`).toBeLessThanOrEqual(BUDGETS.loader);
  expect(whole, `whole widget: ${report}`).toBeLessThanOrEqual(BUDGETS.whole);
  expect(live, `live chunk: ${report}`).toBeGreaterThan(0);
  expect(live, `live chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.live);
  expect(hours, `hours chunk: ${report}`).toBeGreaterThan(0);
  expect(hours, `hours chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.hours);
  expect(human, `human view chunk: ${report}`).toBeGreaterThan(0);
  expect(human, `human view chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.human);
  expect(away, `away chunk: ${report}`).toBeGreaterThan(0);
  expect(away, `away chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.away);
  expect(history, `history chunk: ${report}`).toBeGreaterThan(0);
  expect(history, `history chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.history);
  expect(rating, `rating chunk: ${report}`).toBeGreaterThan(0);
  expect(rating, `rating chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.rating);
  expect(attach, `attach chunk: ${report}`).toBeGreaterThan(0);
  expect(attach, `attach chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.attach);
  expect(remote, `remote search chunk: ${report}`).toBeGreaterThan(0);
  expect(remote, `remote search chunk: ${report}`).toBeLessThanOrEqual(BUDGETS.remote);
});

test('the page fetches at most 8 KB of widget JavaScript by its load event, and no panel', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => document.readyState === 'complete');
  const scripts = await page.evaluate(() => {
    const loadAt = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.name.endsWith('.js'))
      .filter((r) => r.responseEnd <= loadAt.loadEventStart)
      .map((r) => ({ name: new URL(r.name).pathname, bytes: r.encodedBodySize }));
  });
  expect(scripts.map((s) => s.name)).toEqual(['/lifeline.js']);
  const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
  expect(total).toBeGreaterThan(0);
  expect(total, JSON.stringify(scripts)).toBeLessThanOrEqual(BUDGETS.atLoad);
});
