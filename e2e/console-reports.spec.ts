/**
 * The console's Reports page against the real server: reached from the header, a period picked,
 * the four figures shown as tables, checked with axe and for policy violations. It makes no
 * handoff (the suite shares the server's per-address limit), so it asserts the shape, not counts
 * other tests' handoffs change; the route test (agent-reports.test.ts) checks every figure.
 */
import { expect } from '@playwright/test';
import type { AgentReport } from '../src/server/api/agent-types';
import { agentTest as test, collectPolicyViolations, pageViolations } from './fixtures';

test('the Reports page shows the period’s figures as accessible tables', async ({ browser, agent }) => {
  // The worker's signed-in agent lends its session: no extra sign-in against the login limit.
  const context = await browser.newContext({ storageState: await agent.api.storageState() });
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);

  await page.goto('/console');
  await page.getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/Reports · Lifeline console$/);
  await expect(page.getByRole('link', { name: 'Reports', exact: true })).toHaveAttribute('aria-current', 'page');

  const period = page.getByLabel('Period');
  await expect(period).toHaveValue('7d');
  for (const name of ['Searches with no results', 'Articles read last before asking for a person', 'Handoffs by channel', 'Resolved handoffs by outcome']) {
    await expect(page.getByRole('table', { name })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: /^Questions no article covers/ })).toBeVisible();
  const channels = page.getByRole('table', { name: 'Handoffs by channel' });
  for (const channel of ['Chat', 'Callback', 'Phone']) await expect(channels.getByRole('rowheader', { name: channel })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Median wait for a first reply' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeFocused();
  expect(await pageViolations(page), 'axe on the Reports page').toEqual([]);
  // The period in minutes, not seconds.
  await expect(page.getByText(/^Handoffs made from/)).not.toContainText(/\d:\d\d:\d\d/);
  const searches = page.getByRole('table', { name: 'Searches with no results' });
  await expect(searches.getByRole('columnheader')).toHaveText(['Search', 'Visitors', 'Searches']);

  // On a phone, with a long search in the table, every column header stays on one line.
  await page.route('**/v1/agent/reports?*', async (route) => {
    const response = await route.fetch();
    const long = 'where-is-my-order-number-1234-it-was-supposed-to-arrive-last-week-and-nobody-answers';
    const body = (await response.json()) as AgentReport;
    await route.fulfill({ response, json: { ...body, noResultSearches: [{ query: long, count: 12345, visitors: 678 }] } });
  });
  await page.setViewportSize({ width: 390, height: 800 });
  await period.selectOption('30d');
  await expect(searches.getByRole('rowheader')).toHaveText(/^where-is-my-order/);
  for (const name of ['Visitors', 'Searches']) {
    const header = searches.getByRole('columnheader', { name, exact: true });
    const oneLine = await header.evaluate((th) => {
      const text = document.createRange();
      text.selectNodeContents(th);
      return text.getClientRects().length === 1;
    });
    expect(oneLine, `the "${name}" header on one line`).toBe(true);
  }
  await page.unrouteAll({ behavior: 'wait' });

  const answer = page.waitForResponse((r) => r.url().includes('/v1/agent/reports?') && r.ok());
  await period.selectOption('24h');
  const { from, to } = (await (await answer).json()) as { from: string; to: string };
  expect(Date.parse(to) - Date.parse(from)).toBe(24 * 3_600_000);
  await expect(page.getByRole('table', { name: 'Handoffs by channel' })).toBeVisible();

  await page.getByRole('link', { name: 'Lifeline console' }).click();
  await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
});
