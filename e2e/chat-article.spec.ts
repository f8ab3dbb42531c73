/**
 * An article sent in the chat (issue 13): an agent in the console sends one of the site's
 * articles by its title; the visitor sees a card named "Open article: <title>", opens the article
 * inside the panel, comes back to the chat with Back, and the agent's handoff page says it was
 * read, in "What they tried" and on the card. The card is checked with axe, light and dark, and
 * screenshots at 320 px and 1280 px are written to /tmp/cards-shots/ to be looked at.
 */
import { expect } from '@playwright/test';
import {
  followSystemTheme,
  DESKTOP,
  LIVE,
  ORIGIN,
  PHONE_VIEWPORT,
  agentTest as test,
  axeViolations,
  chatLog,
  collectPolicyViolations,
  dialog,
  pageViolations,
  signInConsole,
  startChat,
  viewHeading,
} from './fixtures';

test.describe.configure({ timeout: 90_000 });

const TITLE = 'How do I return an item?';
const SHOTS = '/tmp/cards-shots';

test('an agent sends an article by its title; the visitor reads it in the panel, and the agent sees it was read', async ({ browser, page: visitor }) => {
  await visitor.setViewportSize(DESKTOP);
  await visitor.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await followSystemTheme(visitor); // data-theme="auto": the card is checked in the dark scheme too
  const ref = await startChat(visitor, ORIGIN, 'Can I send back a helmet I never wore?');

  const context = await browser.newContext({ viewport: DESKTOP });
  const desk = await context.newPage();
  const violations = await collectPolicyViolations(desk);
  await signInConsole(desk, ORIGIN);
  await desk.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
  await expect(desk.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
  await desk.getByRole('button', { name: 'Claim' }).click();
  const messages = desk.getByRole('log', { name: 'Messages' });

  await test.step('the agent picks the article by its title and sends it with a note', async () => {
    await desk.getByRole('button', { name: 'Send an article' }).click();
    const field = desk.getByLabel('Article to send');
    await expect(field).toBeFocused();
    // A title that is not one of the site's is refused on the spot, saying why.
    await field.fill('How do I return a bike to the moon?');
    await desk.getByRole('button', { name: 'Send article' }).click();
    await expect(desk.getByText('Type the title of one of the site’s articles (the list offers them).')).toBeVisible();
    await field.fill(TITLE.toLowerCase());
    await expect(desk.getByText(`The visitor gets a card that opens “${TITLE}” in the help panel`, { exact: false })).toBeVisible();
    expect(await pageViolations(desk), 'axe on the console with Send an article open').toEqual([]);
    await desk.getByLabel('Reply').fill('This explains how returns work.');
    await desk.getByRole('button', { name: 'Send article' }).click();
    await expect(desk.getByLabel('Reply')).toHaveValue('');
    await expect(desk.getByRole('button', { name: 'Send an article' })).toBeFocused();
    await expect(messages.getByRole('listitem').filter({ hasText: TITLE })).toContainText('Not opened yet');
    await expect(messages).toContainText('This explains how returns work.');
  });

  const card = chatLog(visitor).getByRole('button', { name: `${LIVE.openArticle(TITLE)}`, exact: true });
  await test.step('the visitor sees the card in the agent’s message, light and dark, at 1280 and 320 px', async () => {
    await expect(card).toBeVisible();
    await expect(chatLog(visitor)).toContainText('This explains how returns work.');
    const backgrounds = new Set<string>();
    for (const colorScheme of ['light', 'dark'] as const) {
      await visitor.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      backgrounds.add(await card.evaluate((el) => getComputedStyle(el).backgroundColor));
      const found = await axeViolations(visitor);
      expect(found, `axe on the card, ${colorScheme}:\n${found.join('\n')}`).toEqual([]);
      await card.scrollIntoViewIfNeeded();
      await visitor.screenshot({ path: `${SHOTS}/card-1280-${colorScheme}.png` });
    }
    expect(backgrounds.size, 'the card is drawn differently in light and dark').toBe(2);
    await visitor.setViewportSize(PHONE_VIEWPORT);
    await card.scrollIntoViewIfNeeded();
    await visitor.screenshot({ path: `${SHOTS}/card-320-dark.png` });
    await visitor.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await visitor.screenshot({ path: `${SHOTS}/card-320-light.png` });
    await visitor.setViewportSize(DESKTOP);
  });

  await test.step('the card opens the article inside the panel; Back returns to the chat', async () => {
    await card.click();
    await expect(viewHeading(visitor, TITLE)).toBeVisible();
    await expect(dialog(visitor).getByRole('article')).toContainText('30 days from delivery');
    await visitor.screenshot({ path: `${SHOTS}/article-1280-light.png` });
    await dialog(visitor).getByRole('button', { name: 'Back', exact: true }).click();
    await expect(card).toBeVisible();
    await expect(chatLog(visitor)).toContainText('Can I send back a helmet I never wore?');
  });

  await test.step('the agent’s handoff page says the article was read, live', async () => {
    const tried = desk.getByRole('region', { name: 'What they tried' });
    await expect(tried.getByRole('listitem').filter({ hasText: 'Article' }).filter({ hasText: TITLE })).toBeVisible();
    await expect(messages.getByRole('listitem').filter({ hasText: TITLE })).toContainText('Read by the visitor');
    await desk.screenshot({ path: `${SHOTS}/console-1280-read.png`, fullPage: true });
    // Still there after a reload: it is stored in the handoff's transcript.
    await desk.reload();
    await expect(tried.getByRole('listitem').filter({ hasText: 'Article' }).filter({ hasText: TITLE })).toBeVisible();
  });
  expect(violations, 'policy violations in the console').toEqual([]);
  await context.close();
});
