/**
 * Learning from a resolved handoff, end to end on the real server and SQLite: a visitor searches
 * in the widget and asks for a chat; the agent resolves it in the console with the article that
 * answered; the search shows under "Learned phrasings" and GET /v1/phrasings serves it; the agent
 * removes it and it is gone from both. One handoff only (the suite shares the per-address limit).
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
} from './fixtures';

// Several people and pages in one test, on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

const ARTICLE = 'track-order';
const TITLE = 'Where is my order?';

test('a resolved handoff teaches its search as a phrasing, which an agent can remove', async ({ browser, page: visitor, agent }) => {
  // Letters only: other tests' handoffs teach phrasings too, and digits would be skipped as personal data.
  const letters = Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
  const query = `where is my parcel ${letters}`;
  const served = async (): Promise<string[]> => {
    const res = await agent.api.get('/v1/phrasings');
    expect(res.status()).toBe(200);
    const feed = (await res.json()) as PhrasingsFeed;
    return feed.phrasings.find((p) => p.articleId === ARTICLE)?.queries ?? [];
  };

  await test.step('the visitor searches, then asks for a chat', async () => {
    await visitor.goto('/');
    await openPanel(visitor);
    await search(visitor, query);
    await openChannels(visitor);
    await expect(triedList(visitor).filter({ hasText: query })).toHaveCount(1);
    await chooseChat(visitor);
    await sendMessage(visitor, 'My parcel has not come.');
  });
  const ref = await visitorRef(visitor);

  // The worker's signed-in agent lends its session: no extra sign-in against the login limit.
  const context = await browser.newContext({ storageState: await agent.api.storageState() });
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);

  await test.step('the agent resolves it with the article that answered', async () => {
    await page.goto('/console');
    await page.getByRole('searchbox', { name: 'Reference' }).fill(ref);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
    await page.getByLabel('Outcome').selectOption('answered');
    const articleField = page.getByLabel('The article that answered (optional)');
    // The site's articles are offered, and a typo is caught before it teaches a phrasing to nothing.
    await expect(page.locator(`datalist#article-options option[value="${ARTICLE}"]`)).toHaveAttribute('label', TITLE);
    await articleField.fill('track-ordr');
    await expect(articleField).toHaveAccessibleDescription('Not one of the site’s articles.');
    expect(await pageViolations(page), 'axe on the resolve form, an unknown article typed').toEqual([]);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByRole('alert')).toHaveText(
      `Could not resolve it: There is no article "track-ordr" in the site's articles; did you mean "${ARTICLE}" (${TITLE})?`,
    );
    await articleField.fill(ARTICLE);
    await expect(articleField).toHaveAccessibleDescription(`“${TITLE}”`);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'learned as' })).toContainText(`1 search learned as a phrasing of “${TITLE}”.`);
    await expect(page.getByText(/^Resolved/)).toBeVisible();
  });

  const removeButton = page.getByRole('button', { name: `Remove "${query}"`, exact: true });
  await test.step('the phrasing shows under Learned phrasings, and the server serves it', async () => {
    await page.getByRole('link', { name: 'Learned phrasings', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Learned phrasings', level: 1 })).toBeVisible();
    await expect(page).toHaveTitle(/Learned phrasings · Lifeline console$/);
    await expect(page.getByRole('link', { name: 'Learned phrasings', exact: true })).toHaveAttribute('aria-current', 'page');
    const group = page.getByRole('region', { name: new RegExp(`^Where is my order\\? ${ARTICLE} · \\d+ phrasings?$`) });
    const item = group.getByRole('listitem').filter({ hasText: query });
    await expect(item).toContainText('learned once');
    await expect(item.getByRole('link', { name: `Ref ${ref}` })).toBeVisible();
    await expect(removeButton).toBeVisible();
    expect(await served()).toContain(query);
    expect(await pageViolations(page), 'axe on Learned phrasings').toEqual([]);
    if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: process.env.E2E_SCREENSHOTS, fullPage: true });
  });

  // A visitor who asks the same way (here: the one made-up word) now finds the article, though
  // no article has that word; each look is a fresh browser, so nothing is cached.
  const nextVisitorFinds = async (): Promise<Locator> => {
    const context = await browser.newContext();
    const next = await context.newPage();
    await next.goto('/');
    await openPanel(next);
    await search(next, `${letters}?`);
    const first = dialog(next).getByRole('list').getByRole('link').first();
    await expect(dialog(next).getByText(/^(No good answer|\d+ articles? found)/).first()).toBeVisible();
    cleanups.push(() => context.close());
    return first;
  };
  const cleanups: Array<() => Promise<void>> = [];

  await test.step('the next visitor who asks that way finds the article in the widget', async () => {
    await expect(await nextVisitorFinds()).toHaveText(TITLE);
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
    await expect(await nextVisitorFinds()).toHaveCount(0);
  });
  for (const cleanup of cleanups) await cleanup();

  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
});
