/**
 * The console's language (issue 14): the browser's by default, the agent's choice in the header
 * after that, kept in this browser across a reload.
 */
import { expect, test } from '@playwright/test';
import { ORIGIN, signInConsole } from './fixtures';
import fr from '../src/console/strings/fr';
import de from '../src/console/strings/de';
import { E2E_AGENT } from './playwright.config';

test('an agent picks French in the header; the console speaks it and keeps it after a reload', async ({ page }) => {
  await signInConsole(page, ORIGIN); // English: the browser's language (en-US)
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Français' });
  await expect(page.getByRole('heading', { name: fr.queue.heading, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: fr.shell.reports })).toBeVisible();
  await expect(page.getByRole('button', { name: fr.shell.signOut })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`${fr.queue.heading} · ${fr.shell.brand}$`));
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');

  await page.reload();
  await expect(page.getByRole('heading', { name: fr.queue.heading, exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: fr.shell.language })).toHaveValue('fr');
});

test.describe('in a German browser', () => {
  test.use({ locale: 'de-DE' });
  test('the sign-in page and the queue are German without a choice', async ({ page }) => {
    await page.goto(`${ORIGIN}/console`);
    await expect(page.getByText(de.signIn.intro)).toBeVisible();
    await page.getByLabel(de.signIn.email).fill(E2E_AGENT.email);
    await page.getByLabel(de.signIn.password).fill(E2E_AGENT.password);
    await page.getByRole('button', { name: de.signIn.submit }).click();
    await expect(page.getByRole('heading', { name: de.queue.heading, exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: new RegExp(`^${de.queue.chats}`) })).toBeVisible();
  });
});

test.describe('in a German browser, the pages beyond the queue', () => {
  test.use({ locale: 'de-DE' });
  test('Reports, Learned phrasings and Webhooks speak German, with German dates and no English left', async ({ page }) => {
    await page.goto(`${ORIGIN}/console`);
    await page.getByLabel(de.signIn.email).fill(E2E_AGENT.email);
    await page.getByLabel(de.signIn.password).fill(E2E_AGENT.password);
    await page.getByRole('button', { name: de.signIn.submit }).click();

    await page.getByRole('link', { name: de.shell.reports }).click();
    await expect(page.getByRole('heading', { name: de.reports.heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: de.reports.period })).toHaveValue('7d');
    await expect(page.getByRole('heading', { name: de.reports.wait })).toBeVisible();
    await expect(page.getByRole('table', { name: de.reports.noResults })).toBeVisible();
    await expect(page.getByRole('table', { name: de.reports.byChannel }).getByRole('columnheader', { name: de.reports.col.channel })).toBeVisible();
    // The period's dates in German ("Sa., 28. Nov., 10:00"), not the browser-default English.
    const range = page.getByText(de.reports.range[0].trim());
    await expect(range).toContainText(/\d+\. \S+/);
    await expect(page.getByText('Handoffs made from')).toHaveCount(0);

    await page.getByRole('link', { name: de.shell.phrasings }).click();
    await expect(page.getByRole('heading', { name: de.phrasings.heading, level: 1 })).toBeVisible();
    await expect(page.getByText(de.phrasings.lead)).toBeVisible();

    await page.getByRole('link', { name: de.shell.webhooks }).click();
    await expect(page.getByRole('button', { name: de.webhooks.refresh })).toBeVisible();
    await expect(page.getByRole('heading', { name: new RegExp(`^${de.webhooks.recent}`) })).toBeVisible();
  });
});
