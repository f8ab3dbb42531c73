/**
 * The visitor's personal data in the browser (issue 16): with data-consent="required" the widget
 * stores nothing until the visitor opens the panel themselves (or the page consents), and
 * Lifeline('consent', false) clears it; "What you tried" lets the visitor take out single entries
 * before handing off, and what goes to the team no longer has them.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ATTRS, ORIGIN, dialog, helpButton, hostPage, liveStatus, openChannels, search, searchbox, talkToHuman, triedList, viewHeading } from './fixtures';

type LifelineFn = (...args: unknown[]) => unknown;
const lifeline = (page: Page, ...args: unknown[]): Promise<void> =>
  page.evaluate((a) => void (window as unknown as { Lifeline: LifelineFn }).Lifeline(...a), args);

/** Everything a page can store in the browser, as text (empty when nothing). */
const stored = (page: Page) =>
  page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
  }));

test.describe('data-consent="required"', () => {
  test('stores nothing while the page opens the panel and the visitor searches; the visitor opening it starts storage; consent withdrawn clears it', async ({ page }) => {
    const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-consent': 'required' } });
    await page.goto(url);
    await expect(helpButton(page)).toBeVisible();
    await lifeline(page, 'identify', { name: 'Zed Quill', email: 'zed@example.com' });

    // The page opens the panel on a search (not the visitor's own choice), and the visitor searches again.
    await lifeline(page, 'search', 'refund');
    await expect(liveStatus(page)).toHaveText(/\d+ articles? found/);
    await search(page, 'delivery times');
    await expect(liveStatus(page)).toHaveText(/\d+ articles? found|No good answer/);
    await talkToHuman(page).click();
    await expect(triedList(page).filter({ hasText: 'delivery times' })).toHaveCount(1);
    // The panel has loaded (which writes what the loader kept, when it may): still nothing stored.
    expect(await stored(page)).toEqual({ local: [], session: [], cookies: '', indexedDB: [] });

    // The visitor opens the panel themselves: from then on the tab keeps it, what was done before included.
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await helpButton(page).click();
    await expect(dialog(page)).toBeVisible();
    await expect.poll(async () => (await stored(page)).session.sort()).toEqual(expect.arrayContaining(['lifeline:consent', 'lifeline:transcript']));
    const transcript = await page.evaluate(() => sessionStorage.getItem('lifeline:transcript') ?? '');
    // What the visitor searched before (kept in memory until now) went in with it.
    expect(transcript).toContain('delivery times');

    // Withdrawn: every key of the widget goes, and nothing is stored after.
    await lifeline(page, 'consent', false);
    await expect.poll(async () => (await stored(page)).session).toEqual([]);
    await expect(searchbox(page).or(talkToHuman(page)).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await lifeline(page, 'search', 'warranty');
    await expect(liveStatus(page)).toHaveText(/\d+ articles? found|No good answer/);
    // The page said no: the visitor opening the panel again does not overrule it.
    await page.keyboard.press('Escape');
    await helpButton(page).click();
    await expect(dialog(page)).toBeVisible();
    await search(page, 'brakes');
    await expect(liveStatus(page)).toHaveText(/\d+ articles? found|No good answer/);
    expect((await stored(page)).session).toEqual([]);
  });

  test('the page’s consent starts storage without the panel opening', async ({ page }) => {
    const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-consent': 'required' } });
    await page.goto(url);
    await expect(helpButton(page)).toBeVisible();
    await lifeline(page, 'consent', true);
    // The page view the loader kept goes in (pending, or already in the panel's transcript).
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('lifeline:consent'))).toBe('1');
    await expect.poll(() => page.evaluate(() => Object.values(sessionStorage).join(' '))).toContain('A site owner’s page');
    await expect(dialog(page)).toBeHidden();
  });
});

test('the visitor takes single entries out of "What you tried"; they are gone from storage and from the handoff', async ({ page }) => {
  await page.goto(`${ORIGIN}/`);
  await helpButton(page).click();
  await search(page, 'refund policy');
  await expect(liveStatus(page)).toHaveText(/\d+ articles? found/);
  // Settled (typing paused) before the next: two entries.
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('lifeline:transcript') ?? '')).toContain('refund policy');
  await search(page, 'my order 55123 is late');
  await expect(liveStatus(page)).toHaveText(/\d+ articles? found|No good answer/);
  await openChannels(page);

  const remove = (what: string) => dialog(page).getByRole('button', { name: `Remove “${what}”`, exact: true });
  await expect(remove('my order 55123 is late')).toBeVisible();
  const before = await triedList(page).count();
  await remove('my order 55123 is late').click();
  await expect(triedList(page)).toHaveCount(before - 1);
  await expect(triedList(page).filter({ hasText: '55123' })).toHaveCount(0);
  // Focus stays in the list: on the entry that took its place, or the one before when it was the last.
  const focused = await page.evaluate(() => document.querySelector('lifeline-widget')!.shadowRoot!.activeElement?.getAttribute('aria-label') ?? '');
  expect(focused).toMatch(/^Remove “/);
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('lifeline:transcript') ?? '')).not.toContain('55123');
  expect(await page.evaluate(() => sessionStorage.getItem('lifeline:transcript'))).toContain('refund policy');

  // What goes to the team: the handoff's transcript has no trace of it.
  const created = page.waitForRequest((r) => r.url().endsWith('/v1/handoffs') && r.method() === 'POST');
  await dialog(page).getByRole('button', { name: /^Chat with a person\b/ }).click();
  const body = (await created).postData() ?? '';
  expect(body).toContain('refund policy');
  expect(body).not.toContain('55123');
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
});
