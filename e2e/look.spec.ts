/**
 * The site's own look (issue 13, item 5) and phones (item 6): data-title and data-greeting, a
 * light widget unless the site asks for dark or for the visitor's system (`auto`), a header
 * that says where the visitor is; on a 320 px phone a launcher that keeps to its corner, a bottom
 * bar of one row, 16 px fields (no iOS zoom), and a panel that stays above the on-screen keyboard.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import {
  CALL_AT,
  DEMO_ATTRS,
  LIVE,
  PHONE,
  PHONE_VIEWPORT,
  REFUND_TITLE,
  WCAG_TAGS,
  agentTest as test,
  axeViolations,
  bubbles,
  channelButton,
  chooseChat,
  collapsedPhone,
  collectConsole,
  dialog,
  expectOnScreen,
  helpButton,
  hostPage,
  lifelineErrors,
  messageBox,
  openChannels,
  openPanel,
  panelPhone,
  search,
  sendMessage,
  talkToHuman,
  viewHeading,
  visitorRef,
  widget,
} from './fixtures';

const TITLE = 'Northwind help';
const GREETING = 'Hi! Ask us anything about your bike.';

/**
 * The words sighted visitors read in the header. They are hidden from screen readers (who hear
 * the view's own heading, and the dialog's name), so they are found by their place: the one
 * aria-hidden line of the dialog.
 */
const headerWords = (page: Page, name = 'Help'): Locator =>
  page.getByRole('dialog', { name }).locator('p[aria-hidden="true"]');

/** The panel's background colour: white when light, near-black when dark. */
const LIGHT_BG = 'rgb(255, 255, 255)';
const DARK_BG = 'rgb(23, 25, 30)';
const background = (locator: Locator): Promise<string> => locator.evaluate((el) => getComputedStyle(el).backgroundColor);

test.describe('the site’s own look', () => {
  test('data-title names the panel and data-greeting greets above the popular articles; axe light and dark', async ({ page }) => {
    const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-title': TITLE, 'data-greeting': GREETING } });
    await page.goto(url);
    // The launcher keeps its contract name; the panel it opens is the site's.
    await helpButton(page).click();
    const panel = page.getByRole('dialog', { name: TITLE });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: TITLE, level: 2 })).toBeAttached();
    await expect(headerWords(page, TITLE)).toHaveText(TITLE);
    const greeting = panel.getByText(GREETING, { exact: true });
    await expect(greeting).toBeVisible();
    const popular = panel.getByRole('heading', { name: 'Popular articles' });
    await expect(popular).toBeVisible();
    expect((await greeting.boundingBox())!.y, 'the greeting is above the popular articles').toBeLessThan((await popular.boundingBox())!.y);
    expect(await axeViolations(page, [...WCAG_TAGS, 'best-practice']), 'axe, light').toEqual([]);

    // The greeting is the search view's: an article does not repeat it.
    await search(page, 'refund');
    await panel.getByRole('link', { name: REFUND_TITLE }).click();
    await expect(panel.getByRole('heading', { name: REFUND_TITLE })).toBeVisible();
    await expect(greeting).toBeHidden();
  });

  test('the same, dark (data-theme="dark"), passes axe', async ({ page }) => {
    const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-title': TITLE, 'data-greeting': GREETING, 'data-theme': 'dark' } });
    await page.goto(url);
    await helpButton(page).click();
    const panel = page.getByRole('dialog', { name: TITLE });
    await expect(panel.getByText(GREETING, { exact: true })).toBeVisible();
    expect(await background(panel)).toBe(DARK_BG);
    expect(await axeViolations(page, [...WCAG_TAGS, 'best-practice']), 'axe, dark').toEqual([]);
  });

  test('a bad title or greeting is named in the console, and the defaults are used', async ({ page }) => {
    const messages = collectConsole(page);
    const { url } = await hostPage(page, {
      script: { ...DEMO_ATTRS, 'data-title': 'A heading far too long to fit in any panel header', 'data-greeting': ' ' },
    });
    await page.goto(url);
    await openPanel(page); // named "Help"
    await expect(headerWords(page)).toHaveText('Help');
    await expect.poll(() => lifelineErrors(messages, 'data-title')).toEqual([
      '[Lifeline] data-title: expected one line of at most 40 characters, got "A heading far too long to fit in any panel header"',
    ]);
    // An empty greeting is no greeting, and no problem.
    expect(lifelineErrors(messages, 'data-greeting')).toEqual([]);
  });

  test('light by default, even when the visitor’s system is dark', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const { url } = await hostPage(page, { script: DEMO_ATTRS });
    await page.goto(url);
    expect(await background(collapsedPhone(page))).toBe(LIGHT_BG);
    await openPanel(page);
    expect(await background(dialog(page))).toBe(LIGHT_BG);
  });

  test('data-theme="auto" follows the visitor’s system, as it changes', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-theme': 'auto' } });
    await page.goto(url);
    await openPanel(page);
    expect(await background(dialog(page))).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(dialog(page))).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(dialog(page))).toBe(DARK_BG);
  });

  test('the header says where the visitor is: Help, the article, Talk to a human, Chat with Sam', async ({ page, agent }) => {
    await page.goto('/');
    await openPanel(page);
    await expect(headerWords(page)).toHaveText('Help');
    await search(page, 'refund');
    await dialog(page).getByRole('link', { name: REFUND_TITLE }).click();
    await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
    await expect(headerWords(page)).toHaveText(REFUND_TITLE);
    await openChannels(page);
    await expect(headerWords(page)).toHaveText('Talk to a human');
    await chooseChat(page);
    await sendMessage(page, 'Where is my order?');
    const { id } = await agent.byRef(await visitorRef(page));
    await expect(headerWords(page)).toHaveText('Talk to a human'); // nobody has joined yet
    await agent.claim(id);
    await expect(headerWords(page)).toHaveText('Chat with Sam');
    // Back to the search: the header follows.
    await dialog(page).getByRole('button', { name: 'Back' }).click();
    await expect(headerWords(page)).toHaveText(REFUND_TITLE);
  });
});

test.describe('the human view is a chunk of its own: when it cannot load, a person is still one tap away', () => {
  test('without a backend: the view says to call, and the phone is in the bar', async ({ page }) => {
    const messages = collectConsole(page);
    await page.route('**/lifeline-HumanView.*.js', (route) => route.abort());
    const { url } = await hostPage(page, { script: DEMO_ATTRS });
    await page.goto(url);
    await openPanel(page);
    await talkToHuman(page).click();
    await expect(viewHeading(page, 'Talk to a human')).toBeFocused();
    await expect(dialog(page).getByText(CALL_AT, { exact: true })).toBeVisible();
    await expectOnScreen(panelPhone(page), 'the phone link');
    await expect.poll(() => lifelineErrors(messages, 'the ways to a person could not be loaded')).toHaveLength(1);
  });

  test('with a backend whose live chunk cannot load: the phone and e-mail view', async ({ page }) => {
    const messages = collectConsole(page);
    await page.route('**/lifeline-LiveHuman.*.js', (route) => route.abort());
    await page.goto('/');
    await openPanel(page);
    await talkToHuman(page).click();
    await expect(dialog(page).getByRole('heading', { name: 'Call us', exact: true })).toBeVisible();
    await expect(dialog(page).getByText(CALL_AT, { exact: true })).toBeVisible();
    await expect(viewHeading(page, 'Talk to a human')).toBeFocused();
    await expect.poll(() => lifelineErrors(messages, 'the chat could not be loaded')).toHaveLength(1);
  });
});

test.describe('on a 320 px phone', () => {
  test.use({ viewport: PHONE_VIEWPORT });

  test('the launcher keeps to its corner: at most 136 px wide, the site’s own buttons beside it still work', async ({ page }) => {
    // A site with buttons along the bottom of the screen (a cart, a chat of its own, a menu).
    const body = `<main><h1>A shop</h1></main>
      <nav style="position:fixed;left:0;right:0;bottom:0;height:64px;display:flex;gap:8px;padding:8px;background:#eee">
        <button id="menu" style="width:80px">Menu</button><button id="cart" style="width:80px">Cart</button>
      </nav>`;
    const { url } = await hostPage(page, { script: DEMO_ATTRS, body });
    await page.goto(url);
    await expect(helpButton(page)).toBeVisible();
    // The accessible names of the contract: "Help", and the number in the phone link's.
    await expect(collapsedPhone(page)).toHaveAccessibleName(`Call ${PHONE}`);
    await expect(collapsedPhone(page)).toHaveAttribute('href', /^tel:\+18005550199/);
    const launcher = await helpButton(page).evaluate((el) => {
      const r = el.parentElement!.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const help = (await helpButton(page).boundingBox())!;
    const phone = (await collapsedPhone(page).boundingBox())!;
    expect(launcher.width, JSON.stringify(launcher)).toBeLessThanOrEqual(136);
    expect(launcher.height, JSON.stringify(launcher)).toBeLessThanOrEqual(64);
    // In the bottom-right corner, and each button a comfortable touch target.
    expect(launcher.x).toBeGreaterThanOrEqual(PHONE_VIEWPORT.width - 136 - 16);
    expect(launcher.y + launcher.height).toBeGreaterThan(PHONE_VIEWPORT.height - 72);
    for (const box of [help, phone]) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.x).toBeGreaterThanOrEqual(launcher.x);
    }
    await expectOnScreen(helpButton(page), 'the Help button');
    await expectOnScreen(collapsedPhone(page), 'the phone button');
    // Outside its corner the widget covers nothing: the site's buttons take their taps.
    await page.locator('#menu').click({ trial: true });
    await page.locator('#cart').click({ trial: true });
    const covered = await page.evaluate(() => {
      const hits: string[] = [];
      for (let x = 4; x < 320 - 140; x += 8) {
        for (const y of [600, 620, 636]) {
          const hit = document.elementFromPoint(x, y);
          if (hit?.closest('lifeline-widget')) hits.push(`${x},${y}`);
        }
      }
      return hits;
    });
    expect(covered, 'points left of the corner that the widget covers').toEqual([]);
    expect(await axeViolations(page), 'axe, the round launcher').toEqual([]);
  });

  test('on a right-to-left page the widget stays left-to-right (its languages are), in its corner', async ({ page }) => {
    const { url } = await hostPage(page, { script: DEMO_ATTRS, inlineBefore: "document.documentElement.dir = 'rtl'" });
    await page.goto(url);
    const help = (await helpButton(page).boundingBox())!;
    const phone = (await collapsedPhone(page).boundingBox())!;
    expect(phone.x, 'the phone, then Help in the corner').toBeLessThan(help.x);
    expect(help.x + help.width).toBeGreaterThan(PHONE_VIEWPORT.width - 24);
    await openPanel(page);
    expect(await dialog(page).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });

  test('the open panel’s bottom bar is one row, at most 72 px of 640 (English and German)', async ({ page }) => {
    for (const lang of ['en', 'de']) {
      const { url } = await hostPage(page, { lang, script: DEMO_ATTRS });
      await page.goto(url);
      const name = lang === 'en' ? 'Help' : 'Hilfe';
      await widget(page).getByRole('button', { name, exact: true }).click();
      const panel = page.getByRole('dialog', { name });
      await expect(panel).toBeVisible();
      const human = panel.getByRole('button', { name: lang === 'en' ? 'Talk to a human' : 'Mit einem Menschen sprechen' });
      const bar = await human.evaluate((el) => el.parentElement!.getBoundingClientRect().height);
      expect(bar, `${lang}: the bar's height`).toBeLessThanOrEqual(72);
      await expectOnScreen(human, `${lang}: the person button`);
      await expectOnScreen(panel.getByRole('link', { name: new RegExp(PHONE.replace(/\+/g, '\\+')) }), `${lang}: the phone link`);
    }
  });

  test('every field is 16 px, so iOS does not zoom into it', async ({ page }) => {
    await page.goto('/');
    await openPanel(page);
    const sizes = async (): Promise<string[]> =>
      dialog(page).evaluate((panel) => [...panel.querySelectorAll('input, textarea, select')].map((f) => `${f.tagName} ${getComputedStyle(f).fontSize}`));
    expect(await sizes()).toEqual(['INPUT 16px']); // the search box
    await openChannels(page);
    await channelButton(page, LIVE.callback).click();
    await expect(dialog(page).getByRole('button', { name: LIVE.requestCall })).toBeVisible();
    const form = await sizes();
    expect(form.length).toBeGreaterThan(2);
    for (const size of form) expect(size).toMatch(/ 16px$/);
    await dialog(page).getByRole('button', { name: 'Back' }).click();
    await openChannels(page);
    await chooseChat(page);
    expect(await messageBox(page).evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
  });

  test('with the on-screen keyboard open (a shorter viewport), the composer and the phone stay on screen', async ({ page, agent }) => {
    await page.goto('/');
    await openChannels(page);
    await chooseChat(page);
    await sendMessage(page, 'My chain keeps slipping.');
    const { id } = await agent.byRef(await visitorRef(page));
    await agent.claim(id);
    await agent.reply(id, 'Which gear is it in when it slips?');
    await expect(bubbles(page, 'Which gear')).toHaveCount(1);
    await expect(headerWords(page)).toHaveText('Chat with Sam');
    await messageBox(page).focus();
    // What a phone's keyboard leaves of a 640 px screen.
    await page.setViewportSize({ width: 320, height: 330 });
    await expect.poll(async () => (await dialog(page).boundingBox())!.height).toBe(330);
    await expectOnScreen(messageBox(page), 'the message box');
    await expectOnScreen(panelPhone(page), 'the phone link');
    await expect(messageBox(page)).toBeFocused();
  });

  test('the panel follows the visual viewport (zoomed or panned under a keyboard), and lets go when it closes', async ({ page }) => {
    await page.goto('/');
    await openPanel(page);
    // A visual viewport smaller than the layout one, then panned: what iOS's keyboard does to
    // it (here by zooming the page, through Chromium's protocol, and scrolling).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    const rects = (): Promise<{ panel: number[]; viewport: number[] }> =>
      dialog(page).evaluate((panel) => {
        const r = panel.getBoundingClientRect();
        const v = window.visualViewport!;
        return {
          panel: [r.top, r.left, r.width, r.height].map(Math.round),
          viewport: [v.offsetTop, v.offsetLeft, v.width, v.height].map(Math.round),
        };
      });
    const follows = async (): Promise<string> => {
      const { panel, viewport } = await rects();
      return panel.join(',') === viewport.join(',') ? 'follows' : JSON.stringify({ panel, viewport });
    };
    await expect.poll(async () => (await rects()).viewport[3]).toBe(320);
    await expect.poll(follows).toBe('follows');
    await page.mouse.move(160, 20); // over the panel's header, which does not scroll: the page pans
    await page.mouse.wheel(0, 200);
    await expect.poll(async () => (await rects()).viewport[0]).toBeGreaterThan(0);
    await expect.poll(follows).toBe('follows');
    // From the keyboard: under a CDP page zoom, a pointer click's coordinates can land on the
    // page behind the panel (seen once in CI), which is not what this test is about.
    const close = dialog(page).getByRole('button', { name: 'Close help' });
    await close.focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeHidden();
    // Closed (hidden, so found by its role attribute), it keeps no size of the visual viewport.
    expect(await widget(page).locator('[role="dialog"]').evaluate((panel) => panel.getAttribute('style') ?? '')).not.toMatch(/height/);
  });

  test('the search view with the keyboard open keeps the search box and the phone on screen', async ({ page }) => {
    await page.goto('/');
    await openPanel(page);
    await search(page, 'refund');
    await page.setViewportSize({ width: 320, height: 330 });
    await expect.poll(async () => (await dialog(page).boundingBox())!.height).toBe(330);
    await expectOnScreen(dialog(page).getByRole('searchbox', { name: 'Search help' }), 'the search box');
    await expectOnScreen(panelPhone(page), 'the phone link');
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
  });
});
