/**
 * Search as a person uses it: a typo still finds the answer, the count is announced, the
 * article can be read and rated, and when it did not help, the human view already knows what
 * was tried, across a reload of the page.
 */
import { expect, test } from '@playwright/test';
import {
  REFUND_TITLE,
  SORRY,
  dialog,
  helpButton,
  liveStatus,
  openPanel,
  searchbox,
  talkToHuman,
  triedList,
  viewHeading,
} from './fixtures';

test('a typo finds the refund article, and the person who helps sees what was tried', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);

  // Typed key by key, as a person does (typos included).
  await expect(searchbox(page)).toBeEnabled();
  await expect(searchbox(page)).toBeFocused();
  await searchbox(page).pressSequentially('refnud');

  const results = panel.getByRole('list').getByRole('link');
  await expect(results.first()).toHaveAccessibleName(REFUND_TITLE);
  await expect(results.first().locator('mark').first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/\S/);

  // The polite live region announces the count (after typing pauses).
  const status = liveStatus(page);
  await expect(status).toHaveText(/^\d+ articles? found$/);
  const announced = Number((await status.textContent())?.match(/^(\d+)/)?.[1]);
  expect(announced).toBe(await results.count());

  await results.first().click();
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await expect(viewHeading(page, REFUND_TITLE)).toBeFocused();
  await expect(panel.getByText('Did this help?')).toBeVisible();

  await panel.getByRole('button', { name: 'No', exact: true }).click();
  await expect(panel.getByText(SORRY)).toBeVisible();
  await panel.getByRole('button', { name: 'Get help from a person' }).click();

  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  const searched = `Searched "refnud" — ${announced} ${announced === 1 ? 'result' : 'results'}`;
  const read = `Read "${REFUND_TITLE}"`;
  await expect(triedList(page).filter({ hasText: searched })).toHaveCount(1);
  await expect(triedList(page).filter({ hasText: read })).toHaveCount(1);
  // The search came before the article, and the page visit before both.
  const lines = await triedList(page).allTextContents();
  expect(lines.findIndex((l) => l.startsWith('Visited "Northwind Cycles'))).toBeGreaterThanOrEqual(0);
  expect(lines.indexOf(searched)).toBeLessThan(lines.indexOf(read));
  expect(lines.findIndex((l) => l.startsWith('Visited "Northwind Cycles'))).toBeLessThan(lines.indexOf(searched));
  // The e-mail is pre-filled with the same lines.
  const mail = panel.getByRole('link', { name: 'help@northwind-cycles.example' });
  await expect(mail).toHaveAttribute('href', /^mailto:help@northwind-cycles\.example\?/);
  expect(decodeURIComponent((await mail.getAttribute('href')) ?? '')).toContain(`- ${searched}`);

  // The transcript survives a reload of the page in the same tab.
  await page.reload();
  await openPanel(page);
  await talkToHuman(page).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(triedList(page).filter({ hasText: searched })).toHaveCount(1);
  await expect(triedList(page).filter({ hasText: read })).toHaveCount(1);

  // The API opens the panel on a query.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.evaluate(() => (window as unknown as { Lifeline(...args: unknown[]): unknown }).Lifeline('search', 'refund'));
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toHaveValue('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  await expect(liveStatus(page)).toHaveText(/^\d+ articles? found$/);
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
});

test('a search with no match says so in the live region and offers a person', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).pressSequentially('xylophone quantum');
  await expect(liveStatus(page)).toHaveText('No good answer for “xylophone quantum”.');
  await expect(panel.getByRole('list').getByRole('link')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Get help from a person' }).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(triedList(page).filter({ hasText: 'Searched "xylophone quantum" — 0 results' })).toHaveCount(1);
});

test('an empty query shows the five popular articles', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  const popular = panel.getByRole('region', { name: 'Popular articles' });
  await expect(popular.getByRole('link')).toHaveCount(5);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).fill('battery');
  await expect(popular).toBeHidden();
  await expect(panel.getByRole('list').getByRole('link').first()).toBeVisible();
  await searchbox(page).fill('');
  await expect(popular.getByRole('link')).toHaveCount(5);
});
