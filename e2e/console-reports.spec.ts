/**
 * The console's Reports page against the real server: reached from the header, a period picked,
 * the four figures shown as tables, checked with axe and for policy violations. It makes no
 * handoff (the suite shares the server's per-address limit), so it asserts the shape, not counts
 * other tests' handoffs change; the route test (agent-reports.test.ts) checks every figure.
 */
import { expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
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
  for (const name of [
    'Searches with no results',
    'Articles read last before asking for a person',
    'Articles read before asking for a person anyway',
    'Searches before asking for a person, by wording',
    'Handoffs by channel',
    'Resolved handoffs by outcome',
  ]) {
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

test('Reports say where self-help fails: questions no article covers grouped by wording, articles read before asking anyway', async ({ browser, agent }) => {
  // A word of this run's own, so other tests' handoffs on the shared server never join its group.
  const word = `zorbex${randomUUID().slice(0, 6).replace(/\d/g, 'q')}`;
  const asks = [
    { email: `a-${word}@example.com`, query: `can I ${word} my bike`, read: true },
    { email: `b-${word}@example.com`, query: `${word} my bike`, read: true },
    { email: `c-${word}@example.com`, query: `${word} bike?`, read: false },
  ];
  // Three visitors ask through the visitor API, as the widget does; the agent marks each "no article covers this".
  for (const { email, query, read } of asks) {
    const at = new Date().toISOString();
    const created = await agent.api.post('/v1/handoffs', {
      data: {
        clientId: randomUUID(),
        channel: 'chat',
        visitor: { email },
        transcript: [
          { type: 'search', at, query, resultCount: 1, topIds: ['refunds'] },
          ...(read
            ? [
                { type: 'article', at, articleId: 'refunds', title: 'How do I get a refund?' },
                { type: 'feedback', at, articleId: 'refunds', helpful: false },
              ]
            : []),
          { type: 'handoff', at, channel: 'chat' },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await agent.api.post(`/v1/agent/handoffs/${id}/resolve`, { data: { outcome: 'answered', noArticle: true } })).status()).toBe(200);
  }

  const context = await browser.newContext({ storageState: await agent.api.storageState() });
  const page = await context.newPage();
  await page.goto('/console');
  await page.getByRole('link', { name: 'Reports', exact: true }).click();

  // One row for the three wordings, with the three visitors: the article to write first.
  const questions = page.getByRole('table', { name: /^Questions no article covers .*by wording: the articles to write first$/ });
  const row = questions.getByRole('row').filter({ hasText: word });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('rowheader')).toContainText(`can i ${word} my bike`);
  await expect(row.getByRole('rowheader')).toContainText(`also “${word} bike?”, “${word} my bike”`);
  await expect(row.getByRole('cell')).toHaveText(['3', '3']);
  await expect(page.getByRole('table', { name: 'Searches before asking for a person, by wording' }).getByRole('row').filter({ hasText: word })).toHaveCount(1);

  // The refund article was read, and said not to help, by two of them before they asked anyway.
  const read = page.getByRole('table', { name: 'Articles read before asking for a person anyway' });
  await expect(read.getByRole('columnheader')).toHaveText(['Article', 'Visitors', 'Said No']);
  const refunds = read.getByRole('row').filter({ hasText: '(refunds)' });
  await expect(refunds).toHaveCount(1);
  const [visitors, saidNo] = (await refunds.getByRole('cell').allTextContents()).map(Number);
  expect(visitors).toBeGreaterThanOrEqual(2);
  expect(saidNo).toBeGreaterThanOrEqual(2);
  expect(await pageViolations(page), 'axe on the Reports page with groups').toEqual([]);
  await context.close();
});
