/**
 * How the panel starts (issue 15: no long task on opening Help): its file comes on the visitor's
 * first sign of intent, once, and never on the page's load; a fetch that failed is tried again by
 * the click; the panel opens with focus in its search box, whatever the order in which its
 * staged start and the click come.
 */
import { test, expect, type Page, type Request } from '@playwright/test';
import { PHONE, collapsedPhone, collectConsole, dialog, helpButton, hostPage, lifelineErrors, panelPhone, searchbox, talkToHuman, widget } from './fixtures';
import { ENGLISH_LAUNCHER } from '../src/widget/i18n/launcher-strings';

const PANEL = /\/lifeline-panel\.[^/]+\.js$/;

/**
 * A page whose load event waits for an image the test releases: until then the page is not idle,
 * so only intent can fetch the panel (the loader also fetches it once the page is idle after load).
 */
async function pageHeldBeforeLoad(page: Page): Promise<{ url: string; release(): void }> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/e2e/held-image.svg', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' });
  });
  const { url } = await hostPage(page, { body: '<main><h1>A site owner’s page</h1><img src="/e2e/held-image.svg" alt=""></main>' });
  return { url, release };
}

function panelRequests(page: Page): Request[] {
  const requests: Request[] = [];
  page.on('request', (request) => PANEL.test(request.url()) && requests.push(request));
  return requests;
}

test('the panel is fetched once, when the pointer enters Help, not before the page’s load event; the click opens it with focus in the search box', async ({ page }) => {
  const requests = panelRequests(page);
  const { url, release } = await pageHeldBeforeLoad(page);
  await page.goto(url, { waitUntil: 'commit' });
  await expect(helpButton(page)).toBeVisible();
  // The launcher is drawn and the loader has run: nothing of the panel yet.
  expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
  expect(requests).toHaveLength(0);

  await helpButton(page).hover();
  await expect.poll(() => requests.length).toBe(1);
  await page.mouse.move(0, 0);
  await helpButton(page).hover(); // a second sign of intent fetches nothing more
  await helpButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  await expect(panelPhone(page)).toBeVisible();
  await expect(talkToHuman(page)).toBeVisible();

  release();
  await page.waitForFunction(() => document.readyState === 'complete');
  await helpButton(page).click(); // closes
  await expect(dialog(page)).toBeHidden();
  await helpButton(page).click(); // opens again, from the same panel
  await expect(searchbox(page)).toBeFocused();
  expect(requests).toHaveLength(1);
});

test('focus on Help is intent too: Enter then opens the panel with focus in the search box', async ({ page }) => {
  const requests = panelRequests(page);
  const { url, release } = await pageHeldBeforeLoad(page);
  await page.goto(url, { waitUntil: 'commit' });
  await expect(helpButton(page)).toBeVisible();
  expect(requests).toHaveLength(0);
  await helpButton(page).focus();
  await expect.poll(() => requests.length).toBe(1);
  await page.keyboard.press('Enter');
  await expect(searchbox(page)).toBeFocused();
  await expect(dialog(page).getByRole('link', { name: `Call ${PHONE}`, exact: true })).toBeVisible();
  release();
});

test('a click at once, with the panel still on its way, opens it when it is there, with focus in the search box', async ({ page }) => {
  // The panel's file waits until the click has happened: its start (compiled, first render,
  // opened) then runs after the click, in stages, and the click's open() is not lost among them.
  let clicked = (): void => undefined;
  const afterClick = new Promise<void>((resolve) => (clicked = resolve));
  await page.route(PANEL, async (route) => {
    await afterClick;
    await route.continue();
  });
  const { url } = await hostPage(page);
  await page.goto(url);
  await helpButton(page).click();
  clicked();
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
});

test('a prefetch that failed (the network dropped it) is tried again by the click, which opens the panel', async ({ page }) => {
  const messages = collectConsole(page);
  let failures = 0;
  await page.route(PANEL, (route) => (failures++ === 0 ? route.abort('connectionreset') : route.continue()));
  const { url, release } = await pageHeldBeforeLoad(page);
  await page.goto(url, { waitUntil: 'commit' });
  await helpButton(page).hover();
  await expect.poll(() => lifelineErrors(messages, 'the help panel could not be loaded')).toHaveLength(1);
  // Only hovered: nothing to tell the visitor yet.
  await expect(widget(page).getByText(ENGLISH_LAUNCHER.panelFailed)).toHaveCount(0);
  await helpButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  expect(failures).toBe(2);
  await expect(widget(page).getByText(ENGLISH_LAUNCHER.panelFailed)).toHaveCount(0);
  release();
});

test('a panel that cannot be had at all: the click says so, and the phone stays', async ({ page }) => {
  await page.route(PANEL, (route) => route.abort('connectionreset'));
  const { url } = await hostPage(page);
  await page.goto(url);
  await helpButton(page).click();
  await expect(widget(page).getByRole('status')).toHaveText(ENGLISH_LAUNCHER.panelFailed);
  await expect(collapsedPhone(page)).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
});
