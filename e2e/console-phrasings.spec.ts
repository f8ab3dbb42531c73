/**
 * Learning from a resolved handoff, end to end on the real server and SQLite: a visitor searches
 * in the widget (on topic, off topic, and with an order number) and asks for a chat; the agent
 * resolves it in the console with the article that answered, seeing which searches would be
 * learned; the on-topic one shows under "Learned phrasings" as pending, and GET /v1/phrasings
 * serves it only once the agent confirms it; the agent removes it and it is gone from both. One
 * handoff only (the suite shares the per-address limit); two handoffs are tested in
 * src/server/api/phrasings.test.ts.
 */
import { expect, type Locator } from '@playwright/test';
import type { PhrasingsFeed } from '../src/protocol/phrasings';
import {
  agentTest as test,
  chooseChat,
  collectPolicyViolations,
  dialog,
  openChannels,
  openPanel,
  search,
  sendMessage,
  triedList,
  visitorRef,
  pageViolations,
  REFUND_TITLE,
} from './fixtures';

// Several people and pages in one test, on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const ARTICLE = 'refunds';
const TITLE = REFUND_TITLE;
const KARAOKE = 'karaoke song lyrics';
const ORDER = 'where is order 482913';

test('only a search about the article is learned, never personal data, and served only once confirmed; an agent can remove it', async ({ browser, page: visitor, agent }) => {
  // A made-up word no article has, so only the learned phrasing can find the article by it.
  // Letters only: digits would make it personal data.
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const query = `money back refund ${letters}`;
  const served = async (): Promise<string[]> => {
    const res = await agent.api.get('/v1/phrasings');
    expect(res.status()).toBe(200);
    const feed = (await res.json()) as PhrasingsFeed;
    return feed.phrasings.find((p) => p.articleId === ARTICLE)?.queries ?? [];
  };

  await test.step('the visitor searches on topic, off topic and with an order number, then asks for a chat', async () => {
    await visitor.goto('/');
    await openPanel(visitor);
    for (const q of [query, KARAOKE, ORDER]) {
      await search(visitor, q);
      // Settled (kept in the tab's transcript) before the next one replaces it in the box.
      await expect.poll(() => visitor.evaluate(() => JSON.stringify(Object.values(sessionStorage)))).toContain(q);
    }
    await openChannels(visitor);
    for (const q of [query, KARAOKE, ORDER]) await expect(triedList(visitor).filter({ hasText: q })).toHaveCount(1);
    await chooseChat(visitor);
    await sendMessage(visitor, 'I want my money back.');
  });
  const ref = await visitorRef(visitor);

  // The worker's signed-in agent lends its session: no extra sign-in against the login limit.
  const context = await browser.newContext({ storageState: await agent.api.storageState() });
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);

  await test.step('the resolve form shows what would be learned: on topic ticked, off topic not, the order number never', async () => {
    await page.goto('/console');
    await page.getByRole('searchbox', { name: 'Reference' }).fill(ref);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
    await page.getByLabel('Outcome').selectOption('answered');
    const articleField = page.getByLabel('The article that answered (optional)');
    // The site's articles are offered, and a typo is caught before it teaches a phrasing to nothing.
    await expect(page.locator(`datalist#article-options option[value="${ARTICLE}"]`)).toHaveAttribute('label', TITLE);
    await articleField.fill('refnds');
    await expect(articleField).toHaveAccessibleDescription('Not one of the site’s articles.');
    expect(await pageViolations(page), 'axe on the resolve form, an unknown article typed').toEqual([]);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `Could not resolve it: There is no article "refnds" in the site's articles; did you mean "${ARTICLE}" (${TITLE})?`,
    );
    await articleField.fill(ARTICLE);
    await expect(articleField).toHaveAccessibleDescription(`“${TITLE}”`);

    const choices = page.getByRole('group', { name: `Searches to learn as phrasings of “${TITLE}”` });
    const onTopic = choices.getByRole('checkbox', { name: query, exact: true });
    const karaoke = choices.getByRole('checkbox', { name: KARAOKE, exact: true });
    await expect(onTopic).toBeChecked();
    await expect(onTopic).toHaveAccessibleDescription('About the article.');
    await expect(karaoke).not.toBeChecked();
    await expect(karaoke).toHaveAccessibleDescription('Shares few words with the article: learned only if you tick it.');
    await expect(choices.getByRole('checkbox', { name: ORDER })).toHaveCount(0);
    await expect(choices.getByRole('list', { name: 'Never learned' }).getByRole('listitem')).toHaveText([
      `${ORDER} Looks like personal data (an order or reference number): never learned.`,
    ]);
    expect(await pageViolations(page), 'axe on the resolve form with its searches to learn').toEqual([]);
    if (process.env.E2E_SHOTS) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await choices.scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${process.env.E2E_SHOTS}/resolve-${width}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'learned as' })).toHaveText(
      `1 search learned as a phrasing of “${TITLE}”: it is served to visitors once another handoff teaches it or you confirm it. See the learned phrasings`,
    );
    await expect(page.getByText(/^Resolved/)).toBeVisible();
    // One handoff is not enough for visitors to be served it.
    expect(await served()).not.toContain(query);
    expect(await served()).not.toContain(KARAOKE);
  });

  // A visitor who searches `words` in a fresh browser (nothing cached): the first article listed.
  const cleanups: Array<() => Promise<void>> = [];
  const nextVisitorFinds = async (words: string): Promise<Locator> => {
    const context = await browser.newContext();
    cleanups.push(() => context.close());
    const next = await context.newPage();
    await next.goto('/');
    await openPanel(next);
    await search(next, words);
    await expect(dialog(next).getByText(/^(No good answer|\d+ articles? found)/).first()).toBeVisible();
    return dialog(next).getByRole('list').getByRole('link').first();
  };

  const confirmButton = page.getByRole('button', { name: `Confirm "${query}"`, exact: true });
  const removeButton = page.getByRole('button', { name: `Remove "${query}"`, exact: true });
  await test.step('it shows as pending under Learned phrasings; confirmed, the server serves it', async () => {
    await page.getByRole('link', { name: 'Learned phrasings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Learned phrasings', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Learned phrasings · Lifeline console$/);
    await expect(page.getByRole('link', { name: 'Learned phrasings', exact: true })).toHaveAttribute('aria-current', 'page');
    const group = page.getByRole('region', { name: new RegExp(`^How do I get a refund\\? ${ARTICLE} · \\d+ phrasings?$`) });
    const item = group.getByRole('listitem').filter({ hasText: query });
    await expect(item).toContainText('Pending · learned once');
    await expect(item.getByRole('link', { name: `Ref ${ref}` })).toBeVisible();
    await expect(group.getByText(KARAOKE)).toHaveCount(0);
    await expect(page.getByText('482913')).toHaveCount(0);
    expect(await pageViolations(page), 'axe on Learned phrasings').toEqual([]);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: process.env.E2E_SCREENSHOTS, fullPage: true });
    // Not served: the next visitor who asks that way does not find the article by the made-up word.
    await expect(await nextVisitorFinds(`${letters}?`)).toHaveCount(0);

    await confirmButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'Confirmed' })).toHaveText(`Confirmed “${query}”: visitors are served it from now on.`);
    await expect(item).toContainText('Served (confirmed) · learned once');
    await expect(confirmButton).toHaveCount(0);
    await expect(removeButton).toBeFocused();
    expect(await served()).toContain(query);
    if (process.env.E2E_SHOTS) {
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${process.env.E2E_SHOTS}/phrasings-${width}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  await test.step('the next visitor who asks that way finds the article; karaoke never does', async () => {
    await expect(await nextVisitorFinds(`${letters}?`)).toHaveText(TITLE);
    const karaoke = await nextVisitorFinds(KARAOKE);
    await expect(dialog(karaoke.page()).getByRole('link', { name: TITLE })).toHaveCount(0);
  });

  await test.step('the agent removes it: gone from the list and from what the widget fetches', async () => {
    await removeButton.click();
    await expect(page.getByRole('status').filter({ hasText: 'Removed' })).toHaveText(
      `Removed “${query}” from ${ARTICLE}. It will not be learned again for this article.`,
    );
    await expect(removeButton).toHaveCount(0);
    // The keyboard is not thrown back to the top of the page.
    await expect(page.locator(':focus')).toHaveCount(1);
    expect(await served()).not.toContain(query);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Learned phrasings', level: 1 })).toBeVisible();
    await expect(page.getByText(query)).toHaveCount(0);
    // And the next visitor gets "no good answer" again.
    await expect(await nextVisitorFinds(`${letters}?`)).toHaveCount(0);
  });
  for (const cleanup of cleanups) await cleanup();

  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
});
