/**
 * A callback from the visitor's request to the agent's "Done": the visitor asks to be called in
 * the widget, the agent opens it in the console by its reference, records a call nobody answered,
 * then the call that settled it, and it leaves the queue resolved as answered. One handoff only:
 * the suite shares the server's per-address handoff limit.
 */
import { expect } from '@playwright/test';
import { LIVE, agentTest as test, channelButton, collectPolicyViolations, dialog, openChannels, visitorRef, pageViolations } from './fixtures';

test.describe.configure({ timeout: 90_000 });

test('an agent works a callback through to done', async ({ browser, page: visitor, agent }) => {
  await test.step('the visitor requests a callback', async () => {
    await visitor.goto('/');
    await openChannels(visitor);
    await channelButton(visitor, LIVE.callback).click();
    await dialog(visitor).getByLabel(LIVE.yourPhone).fill('+1 555 0142');
    await dialog(visitor).getByRole('button', { name: LIVE.requestCall }).click();
  });
  const ref = await visitorRef(visitor);

  // The worker's signed-in agent lends its session: no extra sign-in against the login limit.
  const context = await browser.newContext({ storageState: await agent.api.storageState() });
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);
  const row = page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) });

  await test.step('the agent opens it by its reference', async () => {
    await page.goto('/console');
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    await expect(row).toBeVisible();
    await page.getByRole('searchbox', { name: 'Reference' }).fill(ref);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Callback · Ref ${ref}` })).toBeVisible();
    const card = page.getByRole('region', { name: 'Callback' });
    await expect(card.getByRole('link', { name: '+1 555 0142' })).toHaveAttribute('href', 'tel:+15550142');
    await expect(card.getByText('None yet.')).toBeVisible();
  });

  await test.step('no answer: claimed, and the attempt is listed', async () => {
    await page.getByRole('button', { name: 'No answer', exact: true }).click();
    const attempts = page.getByRole('list', { name: 'Attempts' });
    await expect(attempts.getByRole('listitem')).toHaveCount(1);
    await expect(attempts.getByRole('listitem')).toContainText(/: No answer$/);
    await expect(page.getByText(/^With /)).toBeVisible();
    expect(await pageViolations(page), 'axe on a callback handoff').toEqual([]);
  });

  await test.step('done: resolved, and it leaves the queue', async () => {
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  const resolved = (await agent.list('resolved')).find((h) => h.ref === ref);
  expect(resolved).toMatchObject({ status: 'resolved', callbackState: 'done' });
  const detail = await agent.get(resolved!.id);
  expect(detail.outcome).toBe('answered');
  expect(detail.callbackHistory.map((s) => s.state)).toEqual(['no_answer', 'done']);
  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
});
