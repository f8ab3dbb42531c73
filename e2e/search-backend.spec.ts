/**
 * A help centre too large to download (`lifeline index` wrote `"search": "backend"`): the widget
 * shows the file's popular articles, searches through the real server's GET /v1/search (the
 * demo's 38 articles, LIFELINE_ARTICLES), opens what it found through GET /v1/articles/{id}, and
 * when the server cannot be reached searches its own articles, says so and keeps the person.
 */
import { expect, test } from '@playwright/test';
import en from '../src/widget/panel/strings/lang-en';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  collectConsole,
  collectPolicyViolations,
  DEMO_ATTRS,
  dialog,
  hostPage,
  lifelineErrors,
  openPanel,
  ORIGIN,
  search,
  talkToHuman,
  viewHeading,
} from './fixtures';

const demo = JSON.parse(readFileSync(fileURLToPath(new URL('../dist/articles.json', import.meta.url)), 'utf8')) as { articles: Array<{ id: string; title: string }> };
/** The small file: three popular articles, without the one the test searches for. */
const SMALL = { search: 'backend', lang: 'en', total: demo.articles.length, articles: demo.articles.slice(0, 3) };
const WARRANTY = 'What does the warranty cover?';

test('searches through the server, opens what it found, and keeps the person when the server is away', async ({ page }) => {
  const messages = collectConsole(page);
  const violations = await collectPolicyViolations(page);
  await page.route(`${ORIGIN}/e2e/large-help.json`, (route) => route.fulfill({ json: SMALL }));
  const searches: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/v1/search?')) searches.push(new URL(r.url()).searchParams.get('q')!);
  });
  const { url } = await hostPage(page, { csp: true, script: { ...DEMO_ATTRS, 'data-articles': '/e2e/large-help.json', 'data-backend': '/' } });
  await page.goto(url);
  const panel = await openPanel(page);

  // Before typing: the popular articles the file holds.
  await expect(panel.getByRole('region', { name: 'Popular articles' }).getByRole('link')).toHaveText(SMALL.articles.map((a) => a.title));

  // Typed as a person types: the server is asked once the typing pauses, not at every key.
  await page.getByRole('searchbox', { name: 'Search help' }).pressSequentially('warranty cover', { delay: 20 });
  const result = panel.getByRole('link', { name: WARRANTY });
  await expect(result).toBeVisible();
  expect(searches.length).toBeLessThan('warranty cover'.length);
  expect(searches.at(-1)).toBe('warranty cover');
  await expect(panel.getByRole('status').filter({ hasText: /article(s)? found/ })).toHaveText(/\d+ articles? found/);

  // Opened in the panel: its body comes from GET /v1/articles/{id}.
  await result.click();
  await expect(viewHeading(page, WARRANTY)).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Did this help?' })).toBeVisible();
  await panel.getByRole('button', { name: 'Back' }).click();

  // The server cannot be reached: the file's own articles are searched, said so, and the person stays.
  await page.route('**/v1/search?*', (route) => route.abort('connectionrefused'));
  const first = SMALL.articles[0]!.title;
  await search(page, first);
  await expect(panel.getByText(en.searchFailed)).toBeVisible();
  await expect(panel.getByRole('link', { name: first })).toBeVisible();
  await expect(talkToHuman(page)).toBeVisible();
  await search(page, 'warranty cover');
  await expect(dialog(page).getByText(en.noResults('warranty cover'))).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: en.contactPerson })).toBeVisible();

  expect(lifelineErrors(messages)).toEqual([]);
  expect(violations).toEqual([]);
});

test('without data-backend, the site owner is told and the popular articles are still searched', async ({ page }) => {
  const messages = collectConsole(page);
  await page.route(`${ORIGIN}/e2e/large-help-2.json`, (route) => route.fulfill({ json: SMALL }));
  const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-articles': '/e2e/large-help-2.json' } });
  await page.goto(url);
  const panel = await openPanel(page);
  await search(page, SMALL.articles[1]!.title);
  await expect(panel.getByRole('link', { name: SMALL.articles[1]!.title })).toBeVisible();
  await expect.poll(() => lifelineErrors(messages)).toEqual([
    expect.stringContaining('/e2e/large-help-2.json is searched by the server ("search": "backend"); add data-backend, or only its 3 popular articles are searched'),
  ]);
});
