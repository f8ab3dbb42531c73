/**
 * The console's language (issue 14): the browser's by default, the agent's choice in the header
 * after that, kept in this browser across a reload. Arabic and Hebrew lay the whole console out
 * right to left, while what a visitor wrote keeps its own direction.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ORIGIN, bubbles, collectPolicyViolations, pageViolations, signInConsole, startChat } from './fixtures';
import fr from '../src/console/strings/fr';
import de from '../src/console/strings/de';
import ar from '../src/console/strings/ar';
import he from '../src/console/strings/he';
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

/** Where a box sits across its container: 0 flush with the left edge, 1 flush with the right. */
async function across(box: Locator, container: Locator): Promise<number> {
  const [b, c] = [await box.boundingBox(), await container.boundingBox()];
  if (!b || !c) throw new Error('not laid out');
  const room = c.width - b.width;
  return room <= 0 ? 0.5 : (b.x - c.x) / room;
}

const direction = (locator: Locator): Promise<string> => locator.evaluate((el) => getComputedStyle(el).direction);
const documentDir = (page: Page): Promise<{ dir: string; lang: string }> =>
  page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));

test.describe('right to left', () => {
  // A visitor and an agent in two browsers, on a busy two-core machine.
  test.describe.configure({ timeout: 90_000 });

  test('in Arabic the console mirrors: the visitor’s bubble moves to the other side, an English message keeps its direction, the agent answers in Arabic', async ({ browser, page: visitor }) => {
    const question = 'Where is my order? It was due on Monday.';
    const ref = await startChat(visitor, ORIGIN, question);

    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = await collectPolicyViolations(page);
    await signInConsole(page, ORIGIN);
    await page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
    const log = page.getByRole('log', { name: 'Messages' });
    const asked = log.getByRole('listitem').filter({ hasText: question });
    await expect(asked).toBeVisible();
    const leftToRight = await across(asked, log);
    expect(leftToRight, 'in English the visitor’s bubble is on the left').toBeLessThan(0.2);

    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'العربية' });
    await expect(page.getByRole('heading', { name: ar.handoff.title(ar.channel.chat, ref), level: 1 })).toBeVisible();
    expect(await documentDir(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await expect(page.getByRole('combobox', { name: ar.shell.language })).toHaveValue('ar');

    const arabicLog = page.getByRole('log', { name: ar.chat.messages });
    const askedAr = arabicLog.getByRole('listitem').filter({ hasText: question });
    expect(await across(askedAr, arabicLog), 'in Arabic the visitor’s bubble is on the right').toBeGreaterThan(0.8);
    // The page mirrors around it: the back link on the right, the two columns swapped.
    const back = page.getByRole('link', { name: ar.handoff.back });
    expect(await across(back, page.locator('main')), 'the back link starts on the right').toBeGreaterThan(0.8);
    const tried = page.getByRole('region', { name: ar.handoff.tried });
    const chat = page.getByRole('region', { name: ar.chat.heading });
    expect((await tried.boundingBox())!.x, 'What they tried is the right-hand column').toBeGreaterThan((await chat.boundingBox())!.x);
    // The English question reads left to right inside its Arabic bubble: "?" at its end, not its start.
    expect(await direction(askedAr.getByRole('paragraph'))).toBe('ltr');

    await page.getByRole('button', { name: ar.handoff.claim }).click();
    await expect(page.getByText(ar.handoff.status.with(E2E_AGENT.name), { exact: true })).toBeVisible();
    const reply = 'طلبك في الطريق وسيصل غدًا.';
    await page.getByRole('textbox', { name: ar.chat.reply }).fill(reply);
    await page.getByRole('button', { name: ar.chat.send, exact: true }).click();
    await expect(page.getByRole('textbox', { name: ar.chat.reply })).toHaveValue('');
    const answered = arabicLog.getByRole('listitem').filter({ hasText: reply });
    await expect(answered).toBeVisible();
    expect(await across(answered, arabicLog), 'the agent’s own bubble is on the left').toBeLessThan(0.2);
    expect(await direction(answered.getByRole('paragraph'))).toBe('rtl');
    await expect(bubbles(visitor, reply)).toBeVisible();

    expect(await pageViolations(page), 'axe on the handoff page in Arabic').toEqual([]);
    await page.getByRole('link', { name: ar.handoff.back }).click();
    await expect(page.getByRole('heading', { name: ar.queue.heading, level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: new RegExp(ref) }).first()).toBeVisible();
    expect(await pageViolations(page), 'axe on the queue in Arabic').toEqual([]);
    expect(violations, 'CSP violations on the console').toEqual([]);
    await context.close();
  });
});

test.describe('in a Hebrew browser', () => {
  test.use({ locale: 'he-IL' });
  test('the sign-in page and the queue are Hebrew, right to left, without a choice; English is one choice away', async ({ page }) => {
    await page.goto(`${ORIGIN}/console`);
    await expect(page.getByRole('heading', { name: he.shell.brand, level: 1 })).toBeVisible();
    expect(await documentDir(page)).toEqual({ dir: 'rtl', lang: 'he' });
    expect(await pageViolations(page), 'axe on the sign-in page in Hebrew').toEqual([]);
    await page.getByLabel(he.signIn.email).fill(E2E_AGENT.email);
    await page.getByLabel(he.signIn.password).fill(E2E_AGENT.password);
    await page.getByRole('button', { name: he.signIn.submit }).click();
    await expect(page.getByRole('heading', { name: he.queue.heading, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: he.shell.reports })).toBeVisible();
    await expect(page.getByRole('button', { name: he.shell.signOut })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: he.queue.reference })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`${he.queue.heading} · ${he.shell.brand}$`));
    // The header mirrors: the brand on the right, sign-out towards the left.
    const brand = await page.getByRole('link', { name: he.shell.brand }).boundingBox();
    const signOut = await page.getByRole('button', { name: he.shell.signOut }).boundingBox();
    expect(brand!.x).toBeGreaterThan(signOut!.x);
    expect(await pageViolations(page), 'axe on the queue in Hebrew').toEqual([]);

    await page.getByRole('combobox', { name: he.shell.language }).selectOption({ label: 'English' });
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    expect(await documentDir(page)).toEqual({ dir: 'ltr', lang: 'en' });
  });
});
