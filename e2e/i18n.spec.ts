/**
 * Issue 14: the site's own words (LifelineSettings.strings) and a page in a language other than
 * the first four, with no English string of the widget's anywhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEMO_ATTRS, DESKTOP, PHONE_VIEWPORT, dialog, hostPage, searchbox } from './fixtures';
import en from '../src/widget/panel/strings/lang-en';
import liveEn from '../src/widget/panel/live/strings/live-en';
import { ENGLISH_LAUNCHER } from '../src/widget/i18n/launcher-strings';
import { HOURS_WORDS } from '../src/hours/lang';

/** The text and accessible names inside the widget's shadow root, as a person and a screen reader meet them. */
const widgetWords = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const root = document.querySelector('lifeline-widget')!.shadowRoot!;
    const named = [...root.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) =>
      ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [(root as unknown as HTMLElement).textContent ?? '', ...named].join('\n');
  });

/** Every fixed English sentence or label of the launcher, panel, human view and hours (not one-word names of things). */
const ENGLISH = [
  ...Object.values(ENGLISH_LAUNCHER),
  ...Object.values(en).filter((v): v is string => typeof v === 'string'),
  en.results(3),
  ...Object.values(HOURS_WORDS.en).filter((v): v is string => typeof v === 'string'),
  liveEn.choose,
].filter((s) => s.length > 3 && !['Help', 'Call'].includes(s));

test('the site replaces a string in its own words, for the language it names, and hears once of a key that does not exist', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  const host = await hostPage(page, {
    inlineBefore: `window.LifelineSettings = { strings: {
      en: { 'launcher.help': 'Questions?', 'human.talk': 'Speak to our team', 'search.results': { one: '{n} answer', other: '{n} answers' }, 'human.tlak': 'typo' },
      fr: { 'human.talk': 'Parler à un conseiller' }
    } };`,
  });
  await page.goto(host.url);
  const launcher = page.locator('lifeline-widget').getByRole('button', { name: 'Questions?', exact: true });
  await launcher.click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Speak to our team', exact: true })).toBeVisible();
  await expect(dialog(page).getByRole('button', { name: 'Talk to a human' })).toHaveCount(0);
  await expect(searchbox(page)).toBeEnabled();
  await searchbox(page).fill('refund');
  await expect(dialog(page).getByRole('status').first()).toHaveText(/^\d+ answers?$/);
  await expect.poll(() => errors.filter((e) => e.includes('human.tlak'))).toEqual([
    '[Lifeline] window.LifelineSettings.strings.en["human.tlak"]: unknown key; the keys are listed in the README ("The site\'s own words")',
  ]);
  // One message for the one mistake: nothing about the good keys, nothing twice.
  expect(errors.filter((e) => e.includes('LifelineSettings'))).toHaveLength(1);
});

for (const { lang, viewport, help, title, talk, phoneTitle, results } of [
  { lang: 'pl', viewport: PHONE_VIEWPORT, help: 'Pomoc', title: 'Pomoc', talk: 'Zapytaj konsultanta', phoneTitle: 'Zadzwoń do nas', results: /^Znaleziono \d+ artykuł(y|ów)?$/ },
  { lang: 'it', viewport: DESKTOP, help: 'Aiuto', title: 'Aiuto', talk: 'Parla con una persona', phoneTitle: 'Ci chiami', results: /^\d+ articol[oi] trovat[oi]$/ },
  { lang: 'zh-TW', viewport: DESKTOP, help: '說明', title: '說明', talk: '聯絡真人客服', phoneTitle: '電話聯絡', results: /^找到 \d+ 篇文章$/ },
]) {
  test(`a page in ${lang} gets the widget in ${lang}, with no English string of the widget's`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const host = await hostPage(page, { lang, script: { ...DEMO_ATTRS, 'data-hours': 'Mo-Su 00:00-24:00' } });
    await page.goto(host.url);
    await page.locator('lifeline-widget').getByRole('button', { name: help, exact: true }).click();
    const panel = page.getByRole('dialog', { name: title });
    await expect(panel).toBeVisible();
    const box = panel.getByRole('searchbox');
    await expect(box).toBeEnabled();
    await box.fill('refund');
    await expect(panel.getByRole('status').first()).toHaveText(results);
    let words = await widgetWords(page);
    expect(words).toContain(talk); // the widget's words are read, in its language
    expect(ENGLISH.filter((s) => words.includes(s))).toEqual([]);
    // The human view: phone, e-mail, hours, what was tried.
    await panel.getByRole('button', { name: talk, exact: true }).click();
    await expect(panel.getByText(phoneTitle, { exact: true })).toBeVisible();
    words = await widgetWords(page);
    expect(ENGLISH.filter((s) => words.includes(s))).toEqual([]);
    if (process.env.I18N_SHOTS) await page.screenshot({ path: `${process.env.I18N_SHOTS}/${lang}-${page.viewportSize()!.width}.png` });
  });
}
