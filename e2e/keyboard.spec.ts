/**
 * Keyboard only, from a fresh page: Tab reaches Help, Enter opens the panel with focus in the
 * search box, typing works, Escape closes and gives focus back to Help. On a small screen the
 * full-screen panel is modal, so Tab stays inside it. Each change of view moves focus to it.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  DESKTOP,
  LIVE,
  ORIGIN,
  PHONE_VIEWPORT,
  REFUND_TITLE,
  animationsFinished,
  channelButton,
  chooseAnotherSlot,
  deepActiveElement,
  dialog,
  expectOnScreen,
  helpButton,
  openPanel,
  refLine,
  search,
  searchbox,
  viewHeading,
  visitorRef,
} from './fixtures';

/** Presses Tab until the focused element is our Help button; fails after `max` presses. */
async function tabToHelp(page: Page, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const active = await deepActiveElement(page);
    if (active.inWidget && active.tag === 'button' && active.name === 'Help') return presses;
  }
  throw new Error(`the Help button was not reached in ${max} presses of Tab`);
}

test('Tab reaches Help, Enter opens the panel, Escape closes it and focus returns', async ({ page }) => {
  await page.goto('/');
  await expect(helpButton(page)).toBeVisible();

  await tabToHelp(page);
  await expect(helpButton(page)).toBeFocused();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(searchbox(page)).toBeFocused();

  await page.keyboard.type('refund');
  await expect(searchbox(page)).toHaveValue('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(helpButton(page)).toBeFocused();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'false');

  // Enter again reopens on the same query, focus back in the search box.
  await page.keyboard.press('Enter');
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toBeFocused();
  await expect(searchbox(page)).toHaveValue('refund');
});

test('Enter in the search box opens the first result, and Escape still returns focus to Help', async ({ page }) => {
  await page.goto('/');
  await tabToHelp(page);
  await page.keyboard.press('Enter');
  await expect(searchbox(page)).toBeFocused();
  await page.keyboard.type('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog(page).getByRole('heading', { name: REFUND_TITLE })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(helpButton(page)).toBeFocused();
});

test.describe('on a 320px screen', () => {
  test.use({ viewport: PHONE_VIEWPORT });

  test('the full-screen panel is modal and keeps Tab inside', async ({ page }) => {
    await page.goto('/');
    await tabToHelp(page);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await expect(searchbox(page)).toBeFocused();

    // Full-screen: the dialog covers the viewport.
    await animationsFinished(dialog(page));
    const box = await dialog(page).boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: PHONE_VIEWPORT.width, height: PHONE_VIEWPORT.height });
    await expect(dialog(page)).toHaveAttribute('aria-modal', 'true');

    // More presses than there are controls in the panel, both ways round.
    const seen = new Set<string>();
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 14; i++) {
        await page.keyboard.press(key);
        const active = await deepActiveElement(page);
        expect(active.inDialog, `after ${i + 1} × ${key}, focus is on <${active.tag}> "${active.name}"`).toBe(true);
        seen.add(`${active.tag}:${active.name}`);
      }
    }
    // It cycled through the panel's controls, the way to a person included.
    expect([...seen]).toEqual(expect.arrayContaining(['button:Close help', 'button:Talk to a human']));
    expect([...seen].some((s) => s.startsWith('a:Call'))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(helpButton(page)).toBeFocused();
  });
});

test.describe('on a slow connection', () => {
  test.use({ viewport: PHONE_VIEWPORT });

  // The real server's articles, held back until the panel is open (as on a slow network).
  test('opening the panel while the articles still load puts focus in the dialog, then in the search box', async ({ page }) => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${ORIGIN}/articles.json`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    await tabToHelp(page);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByText('Loading articles…')).toBeVisible();

    // The full-screen panel is modal: focus must not stay on the launcher behind it.
    const whileLoading = await deepActiveElement(page);
    expect.soft(whileLoading.inDialog, `while loading, focus is on <${whileLoading.tag}> "${whileLoading.name}"`).toBe(true);

    release();
    await expect(searchbox(page)).toBeEnabled();
    await expect(searchbox(page)).toBeFocused({ timeout: 2000 });
    await page.keyboard.type('refund');
    await expect(searchbox(page)).toHaveValue('refund');
  });
});

/**
 * Every change of what the panel shows moves focus to the new part (its heading, its line or
 * its first control) and scrolls it into view: the button just pressed is gone, and focus must
 * not fall to the page's <body>.
 */
for (const [name, viewport] of [['a 320px screen', PHONE_VIEWPORT], ['a desktop', DESKTOP]] as const) {
  test.describe(`focus follows each change, on ${name}`, () => {
    test.use({ viewport });

    test('after "No", Talk to a human and Request the call, focus is on the new part, in view', async ({ page }) => {
      await page.goto('/');
      const panel = await openPanel(page);
      await search(page, 'refund');
      await panel.getByRole('link', { name: REFUND_TITLE }).click();
      await expect(viewHeading(page, REFUND_TITLE)).toBeFocused();

      await panel.getByRole('button', { name: 'No', exact: true }).click();
      const person = panel.getByRole('button', { name: 'Get help from a person' });
      await expect(person, 'after "No": the way to a person').toBeFocused();
      await expectOnScreen(person, '"Get help from a person" after "No" (not under the bar)');

      await person.click();
      await expect(viewHeading(page, 'Talk to a human'), 'after Get help from a person').toBeFocused();
      await expect(panel.getByRole('heading', { name: LIVE.choose })).toBeVisible();

      await channelButton(page, LIVE.callback).click();
      await expect(panel.getByRole('heading', { name: LIVE.callbackTitle }), 'the callback form').toBeFocused();
      const phone = '+1 555 010 7070';
      await panel.getByRole('textbox', { name: LIVE.yourPhone }).fill(phone);
      const { when } = await chooseAnotherSlot(page);
      await panel.getByRole('button', { name: LIVE.requestCall }).click();
      const confirmed = panel.getByText(LIVE.callbackConfirmed(phone, when));
      await expect(confirmed, 'the confirmation').toBeFocused();
      await visitorRef(page);
      await expectOnScreen(confirmed, 'the confirmed time');
      await expectOnScreen(refLine(page), 'the reference');
      expect((await deepActiveElement(page)).inDialog).toBe(true);
    });
  });
}
