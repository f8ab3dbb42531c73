/**
 * Search as a person uses it: a typo still finds the answer, the count is announced, the
 * article can be read and rated, and when it did not help, the human view already knows what
 * was tried, across a reload of the page.
 */
import { expect, test } from '@playwright/test';
import {
  DEMO_ATTRS,
  ORIGIN,
  REFUND_TITLE,
  hostPage,
  SORRY,
  dialog,
  helpButton,
  liveStatus,
  openPanel,
  searchbox,
  talkToHuman,
  triedList,
  viewHeading,
} from './fixtures';

test('a typo finds the refund article, and the person who helps sees what was tried', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);

  // Typed key by key, as a person does (typos included).
  await expect(searchbox(page)).toBeEnabled();
  await expect(searchbox(page)).toBeFocused();
  await searchbox(page).pressSequentially('refnud');

  const results = panel.getByRole('list').getByRole('link');
  await expect(results.first()).toHaveAccessibleName(REFUND_TITLE);
  await expect(results.first().locator('mark').first()).toBeVisible();
  await expect(results.first().locator('mark').first()).toHaveText(/\S/);

  // The polite live region announces the count (after typing pauses).
  const status = liveStatus(page);
  await expect(status).toHaveText(/^\d+ articles? found$/);
  const announced = Number((await status.textContent())?.match(/^(\d+)/)?.[1]);
  expect(announced).toBe(await results.count());

  await results.first().click();
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await expect(viewHeading(page, REFUND_TITLE)).toBeFocused();
  await expect(panel.getByText('Did this help?')).toBeVisible();

  await panel.getByRole('button', { name: 'No', exact: true }).click();
  await expect(panel.getByText(SORRY)).toBeVisible();
  await panel.getByRole('button', { name: 'Get help from a person' }).click();

  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  const searched = `Searched "refnud" — ${announced} ${announced === 1 ? 'result' : 'results'}`;
  const read = `Read "${REFUND_TITLE}"`;
  await expect(triedList(page).filter({ hasText: searched })).toHaveCount(1);
  await expect(triedList(page).filter({ hasText: read })).toHaveCount(1);
  // The search came before the article, and the page visit before both.
  const lines = await triedList(page).allTextContents();
  expect(lines.findIndex((l) => l.startsWith('Visited "Northwind Cycles'))).toBeGreaterThanOrEqual(0);
  expect(lines.indexOf(searched)).toBeLessThan(lines.indexOf(read));
  expect(lines.findIndex((l) => l.startsWith('Visited "Northwind Cycles'))).toBeLessThan(lines.indexOf(searched));
  // The e-mail is pre-filled with the same lines.
  const mail = panel.getByRole('link', { name: 'help@northwind-cycles.example' });
  await expect(mail).toHaveAttribute('href', /^mailto:help@northwind-cycles\.example\?/);
  expect(decodeURIComponent((await mail.getAttribute('href')) ?? '')).toContain(`- ${searched}`);

  // The transcript survives a reload of the page in the same tab.
  await page.reload();
  await openPanel(page);
  await talkToHuman(page).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(triedList(page).filter({ hasText: searched })).toHaveCount(1);
  await expect(triedList(page).filter({ hasText: read })).toHaveCount(1);

  // The API opens the panel on a query.
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await page.evaluate(() => (window as unknown as { Lifeline(...args: unknown[]): unknown }).Lifeline('search', 'refund'));
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toHaveValue('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  await expect(liveStatus(page)).toHaveText(/^\d+ articles? found$/);
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
});

test('a search with no match says so in the live region and offers a person', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).pressSequentially('xylophone quantum');
  await expect(liveStatus(page)).toHaveText('No good answer for “xylophone quantum”.');
  await expect(panel.getByRole('list').getByRole('link')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Get help from a person' }).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(triedList(page).filter({ hasText: 'Searched "xylophone quantum" — 0 results' })).toHaveCount(1);
});

test('two typos still find the article; a common word shows five results at most; an off-topic question none', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  await expect(searchbox(page)).toBeEnabled();
  const results = panel.getByRole('list').getByRole('link');

  await searchbox(page).pressSequentially('pasword resset');
  await expect(results.first()).toHaveAccessibleName('How do I reset my password or sign in to my account?');

  // "order" is in most of the demo's articles: the best five, not a long list.
  await searchbox(page).fill('');
  await searchbox(page).pressSequentially('where is my order');
  await expect(results.first()).toHaveAccessibleName('Where is my order?');
  await expect(liveStatus(page)).toHaveText(/^\d+ articles? found$/);
  expect(await results.count()).toBeLessThanOrEqual(5);

  await searchbox(page).fill('');
  await searchbox(page).pressSequentially('karaoke song lyrics');
  await expect(liveStatus(page)).toHaveText('No good answer for “karaoke song lyrics”.');
  await expect(results).toHaveCount(0);
});

test('an empty query shows the five popular articles', async ({ page }) => {
  await page.goto('/');
  const panel = await openPanel(page);
  const popular = panel.getByRole('region', { name: 'Popular articles' });
  await expect(popular.getByRole('link')).toHaveCount(5);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).fill('battery');
  await expect(popular).toBeHidden();
  await expect(panel.getByRole('list').getByRole('link').first()).toBeVisible();
  await searchbox(page).fill('');
  await expect(popular.getByRole('link')).toHaveCount(5);
});

test('a hand-written articles array in French is indexed in the browser, with French stems', async ({ page }) => {
  const articles = [
    { id: 'remboursements', title: 'Comment obtenir un remboursement ?', body: "Les remboursements arrivent sous cinq jours sur le moyen de paiement d'origine." },
    { id: 'livraison', title: 'Où en est ma livraison ?', body: 'Suivez votre colis avec le lien de confirmation.' },
    { id: 'batterie', title: 'Ma batterie ne charge plus', body: 'Vérifiez le chargeur.' },
  ];
  await page.route(`${ORIGIN}/e2e/articles-fr.json`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(articles) }),
  );
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const host = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-articles': '/e2e/articles-fr.json', 'data-locale': 'fr' } });
  await page.goto(host.url);
  await page.locator('lifeline-widget').getByRole('button', { name: 'Aide', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Aide' });
  const box = panel.getByRole('searchbox');
  await expect(box).toBeEnabled();
  // Plural, elision and accents: "remboursements" meets "remboursement", "l'état" and "où" fold away.
  await box.fill('mes remboursements');
  await expect(panel.getByRole('list').getByRole('link').first()).toHaveAccessibleName('Comment obtenir un remboursement ?');
  await box.fill('ou en est la livraison');
  await expect(panel.getByRole('list').getByRole('link').first()).toHaveAccessibleName('Où en est ma livraison ?');
  // Everyday words of the same meaning, from the French table: "dédommagé" for "remboursement",
  // "expédition" and "paquet" for "livraison" and "colis".
  await box.fill('être dédommagé');
  await expect(panel.getByRole('list').getByRole('link').first()).toHaveAccessibleName('Comment obtenir un remboursement ?');
  await box.fill('expédition de mon paquet');
  await expect(panel.getByRole('list').getByRole('link').first()).toHaveAccessibleName('Où en est ma livraison ?');
  await box.fill('recette de cuisine');
  await expect(panel.getByText('Pas de bonne réponse à « recette de cuisine ».')).toBeVisible();
  // No prebuilt index: the builder and the French table were fetched; no other language's table.
  expect(scripts.some((s) => /\/lifeline-build-index\.[\w-]+\.js$/.test(s))).toBe(true);
  expect(scripts.filter((s) => /\/lifeline-search-\w\w\./.test(s)).map((s) => s.match(/search-(\w\w)/)![1])).toEqual(['fr']);
});

test('the demo’s prebuilt index is loaded, not rebuilt, and filler words alone keep the popular articles', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  const panel = await openPanel(page);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).fill('how do I');
  await expect(panel.getByRole('region', { name: 'Popular articles' }).getByRole('link')).toHaveCount(5);
  await searchbox(page).fill('how do I get my money back');
  await expect(panel.getByRole('list').getByRole('link').first()).toHaveAccessibleName(REFUND_TITLE);
  expect(scripts.some((s) => s.includes('lifeline-build-index'))).toBe(false);
});
