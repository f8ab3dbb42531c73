/**
 * axe (WCAG 2.0/2.1 A and AA, 2.2 AA, and its best practices: no banner or contentinfo
 * landmark beside the page's own) finds nothing in any state of the widget, in the light and
 * the dark colour scheme. Each scheme walks through the states in one tab; every state is
 * checked (soft assertions) so one report lists them all.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ARTICLES_FAILED,
  CALL_AT,
  DEMO_ATTRS,
  LIVE,
  MISSING_ARTICLES,
  PHONE,
  REFUND_TITLE,
  SORRY,
  axeViolations,
  dialog,
  followSystemTheme,
  helpButton,
  hostPage,
  openPanel,
  search,
  talkToHuman,
  viewHeading,
  WCAG_TAGS,
} from './fixtures';

/** The page's own header and footer, as a site has them: the widget must not add a second of either. */
const SITE_BODY = '<header><p>A site owner’s header</p></header><main><h1>A site owner’s page</h1><p>Some content.</p></main><footer><p>A site owner’s footer</p></footer>';

async function expectNoViolations(page: Page, state: string): Promise<void> {
  await test.step(`axe: ${state}`, async () => {
    const violations = await axeViolations(page, [...WCAG_TAGS, 'best-practice']);
    expect.soft(violations, `axe violations when ${state}:\n${violations.join('\n')}`).toEqual([]);
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} colour scheme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await followSystemTheme(page); // data-theme="auto": the widget is dark in the dark scheme
    });

    test('every state of the panel on the demo page', async ({ page }) => {
      await page.goto('/');
      await expect(helpButton(page)).toBeVisible();
      await expectNoViolations(page, 'collapsed');

      const panel = await openPanel(page);
      await expect(panel.getByRole('heading', { name: 'Popular articles' })).toBeVisible();
      await expectNoViolations(page, 'showing popular articles');

      await search(page, 'refund');
      await expect(panel.getByRole('link', { name: REFUND_TITLE })).toBeVisible();
      await expect(panel.getByRole('status').first()).toHaveText(/articles? found/);
      await expectNoViolations(page, 'showing results for "refund"');

      await search(page, 'xylophone quantum');
      await expect(panel.getByRole('button', { name: 'Get help from a person' })).toBeVisible();
      await expectNoViolations(page, 'showing no results');

      await search(page, 'refund');
      await panel.getByRole('link', { name: REFUND_TITLE }).click();
      await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
      await expectNoViolations(page, 'showing an article');

      await panel.getByRole('button', { name: 'No', exact: true }).click();
      await expect(panel.getByText(SORRY)).toBeVisible();
      await expectNoViolations(page, 'after "Did this help? No"');

      // The demo has a backend: the live channels (their other states: handoff.spec.ts).
      await panel.getByRole('button', { name: 'Get help from a person' }).click();
      await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
      await expect(panel.getByRole('heading', { name: LIVE.choose })).toBeVisible();
      await expectNoViolations(page, 'showing the human view (live channels)');
    });

    test('the human view without a backend (phone and e-mail)', async ({ page }) => {
      const { url } = await hostPage(page, { script: DEMO_ATTRS, body: SITE_BODY });
      await page.goto(url);
      await openPanel(page);
      await talkToHuman(page).click();
      await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
      await expect(dialog(page).getByText(CALL_AT)).toBeVisible();
      await expectNoViolations(page, 'showing the human view without a backend');
    });

    test('articles that failed to load', async ({ page }) => {
      const { url } = await hostPage(page, { script: { 'data-phone': PHONE, 'data-articles': MISSING_ARTICLES }, body: SITE_BODY });
      await page.goto(url);
      await openPanel(page);
      await expect(dialog(page).getByText(ARTICLES_FAILED)).toBeVisible();
      await expectNoViolations(page, 'the articles failed to load');
    });
  });
}
