/**
 * A server that limits searches per address (LIFELINE_SEARCHES_PER_MINUTE, low on a server of
 * this test's own) answers the widget 429 with Retry-After. The widget is not "away": with
 * nothing shown it says calmly that search is busy, shows the file's popular articles and the
 * person meanwhile; with results shown it keeps them; and it asks again as Retry-After says, so
 * the visitor gets the answer without doing anything; an article opened while refused comes the
 * same way. The phone and Talk to a human stay.
 */
import { expect, test, type Response } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import en from '../src/widget/panel/strings/lang-en';
import { DEMO_ATTRS, axeViolations, collectConsole, dialog, freePort, hostPage, lifelineErrors, openPanel, panelPhone, search, startServer, talkToHuman, viewHeading, type OwnServer } from './fixtures';

const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/articles.json', import.meta.url)), 'utf8')) as { articles: Array<{ id: string; title: string }> };
/** A help centre the server searches: the file holds three popular articles, the server all 38. */
const SMALL = { search: 'backend', lang: 'en', total: demo.articles.length, articles: demo.articles.slice(0, 3) };
const WARRANTY = 'What does the warranty cover?';

let dir: string;
let server: OwnServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Other visitors behind the same address (an office, a NAT) used the searches: asks until the
 * server refuses, so the widget's next search is refused too (a token comes back every 5 s).
 */
async function useUpSearches(origin: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const res = await fetch(`${origin}/v1/search?q=${encodeURIComponent(`someone else ${i}`)}`);
    if (res.status === 429) return;
    expect(res.status).toBe(200);
  }
  throw new Error('the server never refused');
}

test('a search refused with 429 keeps what is shown, falls back calmly when nothing is, and asks again as told; so does an article', async ({ page }) => {
  test.setTimeout(60_000);
  dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-searchlimit-'));
  // 12 a minute, 12 at once: then one every 5 s, per address (the test's and the browser's alike).
  server = await startServer(await freePort(), join(dir, 'lifeline.db'), { LIFELINE_SEARCHES_PER_MINUTE: '12' });
  const origin = server.origin;
  const messages = collectConsole(page);
  await page.route(`${origin}/e2e/large-help.json`, (route) => route.fulfill({ json: SMALL }));
  const answers: Array<{ q: string; status: number }> = [];
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/v1/search') answers.push({ q: url.searchParams.get('q')!, status: r.status() });
  });
  const refused = (q: string) => (r: Response) => r.url().includes('/v1/search?') && new URL(r.url()).searchParams.get('q') === q && r.status() === 429;
  const { url } = await hostPage(page, { origin, script: { ...DEMO_ATTRS, 'data-articles': '/e2e/large-help.json', 'data-backend': '/' } });
  await page.goto(url);
  const panel = await openPanel(page);
  // Watches the panel the whole time: a busy server is never called unreachable.
  await page.evaluate((failed) => {
    const root = document.querySelector('lifeline-widget')!.shadowRoot!;
    new MutationObserver(() => {
      if (root.textContent?.includes(failed)) document.documentElement.dataset.e2eSearchFailedSeen = 'yes';
    }).observe(root, { subtree: true, childList: true, characterData: true });
  }, en.searchFailed);

  // Nothing shown yet, and refused: the busy note, the file's articles and the person meanwhile.
  await useUpSearches(origin);
  const firstRefusal = page.waitForResponse(refused('warranty cover'));
  await search(page, 'warranty cover');
  await firstRefusal;
  await expect(panel.getByText(en.searchBusy)).toBeVisible();
  await expect(panel.getByRole('region', { name: en.popular }).getByRole('link'), 'the file\'s articles, as the note says').toHaveText(SMALL.articles.map((a) => a.title));
  expect(await axeViolations(page)).toEqual([]);
  await expect(panel.getByRole('status').filter({ hasText: en.searchBusy }), 'said to a screen reader too').toBeAttached();
  await expect(panel.getByRole('button', { name: en.contactPerson })).toBeVisible();
  await expect(panel.getByText(en.noResults('warranty cover')), 'not "no good answer": the answer is still to come').toBeHidden();
  await expect(talkToHuman(page)).toBeVisible();
  await expect(panelPhone(page)).toBeVisible();

  // Asked again as Retry-After said, the visitor doing nothing: the server's answer replaces it.
  const result = panel.getByRole('link', { name: WARRANTY });
  await expect(result).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByText(en.searchBusy)).toBeHidden();
  expect(answers.filter((a) => a.q === 'warranty cover').map((a) => a.status)).toEqual([429, 200]);

  // Results shown, and the next query refused: they stay, with no note, until its answer comes.
  await useUpSearches(origin);
  const secondRefusal = page.waitForResponse(refused('warranty claim'));
  await search(page, 'warranty claim');
  await secondRefusal;
  await expect(result, 'the results shown stay').toBeVisible();
  await expect(panel.getByText(en.searchBusy)).toBeHidden();
  await expect(talkToHuman(page)).toBeVisible();
  await expect(panelPhone(page)).toBeVisible();
  await expect.poll(() => answers.filter((a) => a.q === 'warranty claim').map((a) => a.status), { timeout: 15_000 }).toEqual([429, 200]);
  await expect(panel.getByRole('status').filter({ hasText: /articles? found/ })).toHaveText(/\d+ articles? found/);

  // Opening a result shares the limit: refused, the article comes once the server lets it.
  await useUpSearches(origin);
  const articleRefused = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/v1/articles/') && r.status() === 429);
  await result.click();
  await articleRefused;
  await expect(viewHeading(page, WARRANTY)).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByText(en.articleMissing)).toBeHidden();

  expect(await page.evaluate(() => document.documentElement.dataset.e2eSearchFailedSeen), 'never "search is not available"').toBeUndefined();
  expect(lifelineErrors(messages)).toEqual([]);
  await expect(dialog(page)).toBeVisible();
});
