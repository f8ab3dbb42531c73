/**
 * Promise 1: a person is always one tap away. In every state of the widget, on a desktop and on
 * a small phone, the phone link (and, in the panel, "Talk to a human") is visible, fully inside
 * the viewport and not covered by anything.
 */
import { expect, test, type Page } from '@playwright/test';
import en from '../src/widget/panel/strings/lang-en';
import {
  ARTICLES_FAILED,
  DEMO_ATTRS,
  CALL_AT,
  LIVE,
  DESKTOP,
  MISSING_ARTICLES,
  NO_ARTICLES,
  PHONE,
  PHONE_VIEWPORT,
  REFUND_TITLE,
  SORRY,
  animationsFinished,
  channelButton,
  collapsedPhone,
  collectConsole,
  dialog,
  expectOnScreen,
  helpButton,
  hostPage,
  lifelineErrors,
  messageBox,
  openPanel,
  panelPhone,
  routeMalformedArticles,
  search,
  searchbox,
  talkToHuman,
  triedList,
  viewHeading,
} from './fixtures';

/** Checks the way to a person: in the panel when it is open, else the collapsed launcher. */
async function expectOneTapAway(page: Page, open: boolean, chatting = false): Promise<void> {
  if (open) {
    const phone = panelPhone(page);
    await expect(phone).toHaveAttribute('href', /^tel:/);
    await expect(phone).toContainText(PHONE);
    await expectOnScreen(phone, 'the phone link in the panel');
    // While chatting the chat is the person (issue 13): its message box, not a repeated "Talk to a human".
    if (chatting) {
      await expectOnScreen(messageBox(page), 'the message box to the person');
      await expect(talkToHuman(page)).toBeHidden();
    } else await expectOnScreen(talkToHuman(page), '"Talk to a human"');
  } else {
    const phone = collapsedPhone(page);
    await expect(phone).toHaveAttribute('href', /^tel:/);
    await expect(phone).toContainText(PHONE);
    await expectOnScreen(phone, 'the collapsed phone link');
    await expectOnScreen(helpButton(page), 'the Help button');
  }
}

/**
 * The states of the demo page, in the order a visitor meets them: each step goes on from the
 * previous one (one page load for all) and returns whether the panel is open.
 */
const DEMO_WALK: Array<[name: string, step: (page: Page) => Promise<boolean>]> = [
  ['collapsed', async (page) => {
    await page.goto('/');
    await expect(helpButton(page)).toBeVisible();
    return false;
  }],
  ['open, popular articles', async (page) => {
    await openPanel(page);
    await expect(dialog(page).getByRole('heading', { name: 'Popular articles' })).toBeVisible();
    return true;
  }],
  ['results for "refund"', async (page) => {
    await search(page, 'refund');
    await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
    return true;
  }],
  ['no results for "xylophone quantum"', async (page) => {
    await search(page, 'xylophone quantum');
    await expect(dialog(page).getByText('No good answer for “xylophone quantum”.').first()).toBeVisible();
    await expect(dialog(page).getByRole('button', { name: 'Get help from a person' })).toBeVisible();
    return true;
  }],
  ['article open', async (page) => {
    await search(page, 'refund');
    await dialog(page).getByRole('link', { name: REFUND_TITLE }).click();
    await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
    return true;
  }],
  ['article, after "Did this help? No"', async (page) => {
    await dialog(page).getByRole('button', { name: 'No', exact: true }).click();
    await expect(dialog(page).getByText(SORRY)).toBeVisible();
    await expect(dialog(page).getByRole('button', { name: 'Get help from a person' })).toBeVisible();
    return true;
  }],
  // The demo has a backend (data-backend="/"), so this is the choice of live channels.
  ['human view', async (page) => {
    await dialog(page).getByRole('button', { name: 'Get help from a person' }).click();
    await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
    await expect(channelButton(page, LIVE.chat)).toBeVisible();
    return true;
  }],
  ['chatting with a person', async (page) => {
    await channelButton(page, LIVE.chat).click();
    await expect(messageBox(page)).toBeVisible();
    return true;
  }],
];

/** A site owner's page whose articles fail to load; the panel is opened. */
const failedArticles = async (page: Page, articles: string): Promise<void> => {
  const { url } = await hostPage(page, { script: { 'data-phone': PHONE, 'data-articles': articles } });
  await page.goto(url);
  await openPanel(page);
  await expect(dialog(page).getByText(ARTICLES_FAILED)).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Get help from a person' })).toBeVisible();
};

for (const [label, viewport] of [
  ['desktop 1280×800', DESKTOP],
  ['phone 320×640', PHONE_VIEWPORT],
  ['short landscape 740×400', { width: 740, height: 400 }],
] as const) {
  test.describe(`a person is one tap away (${label})`, () => {
    test.use({ viewport });
    const fullScreen = viewport.width <= 480 || viewport.height <= 460;

    test('every state of the demo page', async ({ page }) => {
      for (const [name, step] of DEMO_WALK) {
        await test.step(name, async () => {
          const open = await step(page);
          if (open && fullScreen) {
            await animationsFinished(dialog(page));
            expect.soft(await dialog(page).boundingBox(), 'the panel is full-screen').toEqual({ x: 0, y: 0, ...viewport });
          }
          await expectOneTapAway(page, open, name === 'chatting with a person');
        });
      }
    });

    if (label.startsWith('short')) return; // the host-page states below: desktop and phone only

    test('articles 404 (and the site owner is told)', async ({ page }) => {
      const messages = collectConsole(page);
      await failedArticles(page, MISSING_ARTICLES);
      await expectOneTapAway(page, true);
      await expect.poll(() => lifelineErrors(messages, 'data-articles')).toHaveLength(1);
      expect(lifelineErrors(messages, 'data-articles')[0]).toContain(MISSING_ARTICLES);
      expect(lifelineErrors(messages, 'data-articles')[0]).toContain('404');
    });

    test('malformed articles JSON (and the site owner is told)', async ({ page }) => {
      const messages = collectConsole(page);
      await failedArticles(page, await routeMalformedArticles(page));
      await expectOneTapAway(page, true);
      await expect.poll(() => lifelineErrors(messages, 'data-articles')).toHaveLength(1);
      expect(lifelineErrors(messages, 'data-articles')[0]).toMatch(/malformed\.json.*JSON/);
    });

    test('no data-articles at all', async ({ page }) => {
      const messages = collectConsole(page);
      const { url } = await hostPage(page, { script: { 'data-phone': PHONE } });
      await page.goto(url);
      await expectOneTapAway(page, false);
      await openPanel(page);
      await expect(dialog(page).getByText(NO_ARTICLES)).toBeVisible();
      await expect(dialog(page).getByRole('button', { name: 'Get help from a person' })).toBeVisible();
      await expectOneTapAway(page, true);
      expect(lifelineErrors(messages)).toEqual([]); // leaving it out is not a mistake
    });

    test('backend-less human view (phone only)', async ({ page }) => {
      const { url } = await hostPage(page, { script: { 'data-phone': PHONE, 'data-articles': '/articles.json' } });
      await page.goto(url);
      await openPanel(page);
      await talkToHuman(page).click();
      await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
      await expect(dialog(page).getByText(CALL_AT)).toBeVisible();
      await expectOneTapAway(page, true);
    });
  });
}

test('articles that could not be loaded: Retry fetches them again, and search works', async ({ page }) => {
  const messages = collectConsole(page);
  let requests = 0;
  // The first fetch of the articles fails (a network blip); the next one reaches the server.
  await page.route(/\/articles\.json$/, (route) => (++requests === 1 ? route.abort('connectionreset') : route.continue()));
  const { url } = await hostPage(page, { script: DEMO_ATTRS });
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByText(ARTICLES_FAILED)).toBeVisible();
  await expect.poll(() => lifelineErrors(messages, 'data-articles')).toHaveLength(1);
  await panel.getByRole('button', { name: en.retryArticles, exact: true }).click();
  await expect(searchbox(page), 'the button is gone: focus on the view’s first control').toBeFocused();
  await expect(panel.getByText(ARTICLES_FAILED)).toHaveCount(0);
  await search(page, 'refund');
  await expect(panel.getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  expect(requests).toBe(2);
});

test('what the visitor typed while the articles could not be loaded is in what they tried', async ({ page }) => {
  await page.route(/\/articles\.json$/, (route) => route.abort('connectionreset'));
  const { url } = await hostPage(page, { script: DEMO_ATTRS });
  await page.goto(url);
  const panel = await openPanel(page);
  await expect(panel.getByText(ARTICLES_FAILED)).toBeVisible();
  await searchbox(page).fill('my bike light flickers');
  await talkToHuman(page).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  // The person who answers sees it, so the visitor is not asked again.
  await expect(triedList(page).filter({ hasText: 'my bike light flickers' })).toHaveCount(1);
});
