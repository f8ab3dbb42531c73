/**
 * The widget is a guest on someone else's page: the page's CSS cannot hide or restyle it, a
 * strict Content-Security-Policy with Trusted Types needs nothing relaxed, it leaves nothing
 * behind, it loads however the tag is written, it reports bad settings without breaking, it
 * follows a single-page app's navigation, and it works with the site's own help button.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_ATTRS,
  ORIGIN,
  PHONE,
  REFUND_TITLE,
  collapsedPhone,
  collectConsole,
  collectPolicyViolations,
  dialog,
  expectOnScreen,
  helpButton,
  hostPage,
  lifelineErrors,
  openPanel,
  panelPhone,
  search,
  talkToHuman,
  triedList,
  viewHeading,
  widget,
} from './fixtures';

type LifelineFn = (...args: unknown[]) => unknown;
const callLifeline = (page: Page, ...args: unknown[]): Promise<unknown> =>
  page.evaluate((a) => {
    const api = (window as unknown as { Lifeline?: LifelineFn }).Lifeline;
    if (!api) throw new Error('window.Lifeline is missing');
    const result = api(...a);
    return typeof result === 'function' ? 'function' : result;
  }, args);

// ---------------------------------------------------------------------------------------------
// (a) Hostile CSS

const HOSTILE_CSS = `
* { all: unset !important; font-size: 40px !important; color: red !important; position: static !important;
    display: inline !important; z-index: 0 !important }
html { font-size: 4px !important }
/* !important here too: without it, the "all: unset !important" above would cancel these. */
body { transform: translateX(0) !important; filter: blur(0) !important }
/* What the host's :host { all: initial !important } wins back, whether said again there or not. */
lifeline-widget { display: none !important; visibility: hidden !important; opacity: 0 !important;
    pointer-events: none !important; overflow: hidden !important }
button, a { display: none !important }`;

/** Opaque, over everything; its own inline !important wins over the page's `*` rule above. */
const OVERLAY =
  '<div id="overlay" style="display:block !important; position:fixed !important; inset:0 !important; ' +
  'z-index:2147483647 !important; background:#fff !important; color:#000 !important">An opaque overlay over the whole page</div>';

test.describe('(a) the page’s CSS cannot hide or restyle the widget', () => {
  test('hostile global CSS and a full-viewport overlay', async ({ page, context }) => {
    const hostile = await hostPage(page, { head: `<style>${HOSTILE_CSS}</style>`, body: `<main><h1>Hostile</h1></main>${OVERLAY}` });
    await page.goto(hostile.url);
    await expect(helpButton(page)).toBeVisible();
    // The body's filter makes it the containing block of fixed elements inside it, so a site
    // that wants a real full-viewport overlay puts it outside <body>, as here.
    await page.evaluate(() => document.documentElement.append(document.getElementById('overlay')!));

    // The hostile page really is hostile: the overlay covers the viewport and the body
    // transform applies (so a plain `position: fixed` host would be positioned by the body).
    const setup = await page.evaluate(() => ({
      centre: document.elementFromPoint(innerWidth / 2, innerHeight / 2)?.id,
      corner: document.elementFromPoint(innerWidth - 2, 2)?.id,
      transform: getComputedStyle(document.body).transform,
    }));
    expect(setup).toEqual({ centre: 'overlay', corner: 'overlay', transform: 'matrix(1, 0, 0, 1, 0, 0)' });

    await expectOnScreen(helpButton(page), 'the Help button');
    await expectOnScreen(collapsedPhone(page), 'the collapsed phone link');

    // Same size and place, same font size, as on a page without the hostile CSS.
    const plainPage = await context.newPage();
    const plain = await hostPage(plainPage, {});
    await plainPage.goto(plain.url);
    await expect(helpButton(plainPage)).toBeVisible();
    const measure = async (p: Page): Promise<unknown> => ({
      help: await helpButton(p).boundingBox(),
      phone: await collapsedPhone(p).boundingBox(),
      helpFont: await helpButton(p).evaluate((el) => getComputedStyle(el).fontSize),
      helpColor: await helpButton(p).evaluate((el) => getComputedStyle(el).color),
      phoneFont: await collapsedPhone(p).evaluate((el) => getComputedStyle(el).fontSize),
    });
    expect(await measure(page)).toEqual(await measure(plainPage));
    await plainPage.close();

    // Normal clicks: Playwright checks that the element itself would receive them.
    await collapsedPhone(page).click({ trial: true });
    await openPanel(page);
    await expectOnScreen(panelPhone(page), 'the phone link in the panel');
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
    await search(page, 'refund');
    await dialog(page).getByRole('link', { name: REFUND_TITLE }).click();
    await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
    await talkToHuman(page).click();
    await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
    await panelPhone(page).click({ trial: true });
    await dialog(page).getByRole('button', { name: 'Close help' }).click();
    await expect(dialog(page)).toBeHidden();
    await expect(helpButton(page)).toBeFocused();

    // Last (headless Chromium swallows the next clicks after launching a tel: link): a real
    // tap on the phone link reaches the widget, which records the handoff.
    const handoffs: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('e2e handoff')) handoffs.push(m.text());
    });
    await page.evaluate(() =>
      (window as unknown as { Lifeline: LifelineFn }).Lifeline('on', 'handoff', (p: unknown) => console.log(`e2e handoff ${JSON.stringify(p)}`)),
    );
    await collapsedPhone(page).click();
    await expect.poll(() => handoffs).toEqual(['e2e handoff {"channel":"phone"}']);
  });
});

// ---------------------------------------------------------------------------------------------
// (b) Content-Security-Policy and Trusted Types

/** Open, search, read an article, say it did not help, reach the human view. */
async function useEverything(page: Page): Promise<void> {
  const panel = await openPanel(page);
  await search(page, 'refund');
  await panel.getByRole('link', { name: REFUND_TITLE }).click();
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await panel.getByRole('button', { name: 'No', exact: true }).click();
  await panel.getByRole('button', { name: 'Get help from a person' }).click();
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(triedList(page).filter({ hasText: `Read "${REFUND_TITLE}"` })).toHaveCount(1);
  // The styles were applied (not blocked): the launcher keeps its 44px touch target.
  expect((await helpButton(page).boundingBox())?.height).toBeGreaterThanOrEqual(44);
}

test.describe('(b) a strict Content-Security-Policy with Trusted Types', () => {
  test('a site owner’s page with a nonce: no violations', async ({ page }) => {
    const violations = await collectPolicyViolations(page);
    const { url } = await hostPage(page, { csp: true });
    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    await useEverything(page);
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect(violations).toEqual([]);
  });

  test('the demo page, under the server’s own policy: no violations', async ({ page }) => {
    const violations = await collectPolicyViolations(page);
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    await useEverything(page);
    expect(violations).toEqual([]);
  });

  test('control: the collector does see a Trusted Types violation', async ({ page }) => {
    const violations = await collectPolicyViolations(page);
    const { url } = await hostPage(page, { csp: true });
    await page.goto(url);
    await expect(helpButton(page)).toBeVisible();
    await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch {
        // blocked, as it should be
      }
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// (c) Nothing leaks into the page

interface PageState {
  keys: string[];
  styleSheets: number;
  adoptedStyleSheets: number;
  elements: string[];
  head: string;
  html: string;
}

/** The page as seen from outside, without the <script> tag the test itself added. */
const pageState = (page: Page): Promise<PageState> =>
  page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script[data-e2e-injected]').forEach((s) => s.remove());
    return {
      keys: Object.keys(window),
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: document.adoptedStyleSheets.length,
      elements: [...copy.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()),
      head: copy.querySelector('head')?.outerHTML ?? '',
      html: copy.outerHTML,
    };
  });

test.describe('(c) nothing leaks into the page', () => {
  test('only window.Lifeline and one <lifeline-widget>; destroy removes both', async ({ page }) => {
    const { url } = await hostPage(page, {
      script: null,
      head: '<link rel="stylesheet" href="/site.css">',
      body: '<main><h1>Leaks</h1><p>Text.</p><button type="button">A page button</button></main>',
    });
    await page.goto(url);
    const before = await pageState(page);

    await page.evaluate((attrs) => {
      const s = document.createElement('script');
      s.src = '/lifeline.js';
      s.dataset.e2eInjected = '';
      for (const [name, value] of Object.entries(attrs)) if (typeof value === 'string') s.setAttribute(name, value);
      document.body.append(s);
    }, DEMO_ATTRS);
    await expect(helpButton(page)).toBeVisible();

    const check = async (when: string): Promise<void> => {
      const now = await pageState(page);
      expect(now.keys.filter((k) => !before.keys.includes(k)), `new globals ${when}`).toEqual(['Lifeline']);
      expect(before.keys.filter((k) => !now.keys.includes(k)), `globals gone ${when}`).toEqual([]);
      expect(now.styleSheets, `document.styleSheets ${when}`).toBe(before.styleSheets);
      expect(now.adoptedStyleSheets, `document.adoptedStyleSheets ${when}`).toBe(before.adoptedStyleSheets);
      expect(now.head, `<head> ${when}`).toBe(before.head);
      const added = [...now.elements];
      for (const tag of before.elements) added.splice(added.indexOf(tag), 1);
      expect(added, `new light-DOM elements ${when}`).toEqual(['lifeline-widget']);
      expect(now.elements.length, `light-DOM element count ${when}`).toBe(before.elements.length + 1);
    };
    await check('after the script ran');

    await openPanel(page);
    await search(page, 'refund');
    await dialog(page).getByRole('link', { name: REFUND_TITLE }).click();
    await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
    await check('after the panel opened');

    await callLifeline(page, 'destroy');
    await expect(widget(page)).toHaveCount(0);
    expect(await page.evaluate(() => 'Lifeline' in window)).toBe(false);
    const after = await pageState(page);
    expect(after).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// (d) However the tag is written

const injectAttrs = JSON.stringify(DEMO_ATTRS);
const inject = (event: string): string =>
  `addEventListener(${JSON.stringify(event)}, function () {
     var s = document.createElement('script');
     s.src = '/lifeline.js';
     var attrs = ${injectAttrs};
     for (var name in attrs) s.setAttribute(name, attrs[name]);
     document.body.appendChild(s);
   });`;

const LOADING: Array<{ name: string; options: Parameters<typeof hostPage>[1] }> = [
  { name: 'async', options: { script: { ...DEMO_ATTRS, async: true } } },
  { name: 'defer', options: { script: { ...DEMO_ATTRS, defer: true } } },
  { name: 'injected after DOMContentLoaded', options: { script: null, inlineBefore: inject('DOMContentLoaded') } },
  { name: 'injected after the load event', options: { script: null, inlineBefore: inject('load') } },
  { name: 'in <head> without async or defer (no body yet)', options: { placement: 'head' } },
];

test.describe('(d) the script works however it is included', () => {
  for (const { name, options } of LOADING) {
    test(name, async ({ page }) => {
      const messages = collectConsole(page);
      const { url } = await hostPage(page, options);
      await page.goto(url);
      await expectOnScreen(helpButton(page), 'the Help button');
      await expectOnScreen(collapsedPhone(page), 'the collapsed phone link');
      await openPanel(page);
      await search(page, 'refund');
      await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
      await expect(widget(page)).toHaveCount(1);
      expect(lifelineErrors(messages)).toEqual([]);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// (e) Bad settings

test.describe('(e) bad settings are reported, and the widget still runs', () => {
  test('bad position and accent, phone given: one error each, Help and the phone shown', async ({ page }) => {
    const messages = collectConsole(page);
    const { url } = await hostPage(page, {
      script: { ...DEMO_ATTRS, 'data-position': 'middle', 'data-accent': 'not-a-colour' },
    });
    await page.goto(url);
    await expectOnScreen(helpButton(page), 'the Help button');
    await expectOnScreen(collapsedPhone(page), 'the collapsed phone link');
    await expect.poll(() => lifelineErrors(messages).length).toBeGreaterThanOrEqual(2);
    const position = lifelineErrors(messages, 'data-position:');
    const accent = lifelineErrors(messages, 'data-accent:');
    expect(position).toHaveLength(1);
    expect(position[0]).toContain('"middle"');
    expect(accent).toHaveLength(1);
    expect(accent[0]).toContain('"not-a-colour"');
    expect(lifelineErrors(messages)).toHaveLength(2);
    // The default position (bottom-right) is used instead.
    const box = await helpButton(page).boundingBox();
    const viewport = page.viewportSize();
    expect(box && viewport && box.x + box.width).toBeGreaterThan((viewport?.width ?? 0) - 40);
    await openPanel(page);
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
  });

  test('bad position and accent, no phone: one error per bad attribute, Help still shown', async ({ page }) => {
    const messages = collectConsole(page);
    const { url } = await hostPage(page, {
      script: { 'data-articles': '/articles.json', 'data-position': 'middle', 'data-accent': 'not-a-colour' },
    });
    await page.goto(url);
    await expectOnScreen(helpButton(page), 'the Help button');
    await expect.poll(() => lifelineErrors(messages).length).toBeGreaterThanOrEqual(3);
    for (const attribute of ['data-position', 'data-accent', 'data-phone']) {
      expect(lifelineErrors(messages, `${attribute}:`), attribute).toHaveLength(1);
    }
    expect(lifelineErrors(messages)).toHaveLength(3);
    await expect(widget(page).locator('a[href^="tel:"]')).toHaveCount(0);
    await openPanel(page);
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
    await search(page, 'refund');
    await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  });
});

// ---------------------------------------------------------------------------------------------
// (f) Single-page apps

test.describe('(f) a single-page app', () => {
  test('history.pushState with a new title adds a visit to "What you tried"', async ({ page }) => {
    const { url } = await hostPage(page, { title: 'Shop home' });
    await page.goto(url);
    await expect(helpButton(page)).toBeVisible();

    await page.evaluate(() => {
      history.pushState({}, '', '/e2e/spa/orders?token=secret');
      document.title = 'Your orders';
    });
    await openPanel(page);

    const firstVisit = `Visited "Shop home" (${url})`;
    const spaVisit = `Visited "Your orders" (${ORIGIN}/e2e/spa/orders)`;
    // The visit is recorded a moment after the route changes; the human view reads the
    // transcript when it is shown, so show it again until the visit is there.
    await expect(async () => {
      const back = dialog(page).getByRole('button', { name: 'Back' });
      if (await back.isVisible()) await back.click();
      await talkToHuman(page).click();
      await expect(triedList(page).filter({ hasText: spaVisit })).toHaveCount(1, { timeout: 1000 });
    }).toPass();
    const lines = await triedList(page).allTextContents();
    expect(lines.indexOf(firstVisit)).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf(firstVisit)).toBeLessThan(lines.indexOf(spaVisit));
    // The query string (which may hold tokens) is not kept.
    expect(lines.join('\n')).not.toContain('secret');
  });
});

// ---------------------------------------------------------------------------------------------
// (g) The site's own help button

test.describe('(g) data-launcher: the site’s own help button', () => {
  test('on /help.html, "Open help" opens the panel and there is no launcher of ours', async ({ page }) => {
    await page.goto('/help.html');
    await expectOnScreen(collapsedPhone(page), 'the collapsed phone link');
    await expect(collapsedPhone(page)).toContainText(PHONE);
    await expect(page.getByRole('button', { name: 'Help', exact: true })).toHaveCount(0);

    const siteButton = page.getByRole('button', { name: 'Open help', exact: true });
    await siteButton.click();
    await expect(dialog(page)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Help', exact: true })).toHaveCount(0);
    await expectOnScreen(panelPhone(page), 'the phone link in the panel');
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
    await search(page, 'refund');
    await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(siteButton).toBeFocused();
    await expect(collapsedPhone(page)).toBeVisible();
  });

  test('the panel floats by the site’s button where there is room, and takes its corner where there is not', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/help.html');
    const siteButton = page.getByRole('button', { name: 'Open help', exact: true });

    // Mid-window, with less than a comfortable panel's height above or below it: the corner.
    await siteButton.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 380));
    await siteButton.click();
    const corner = await dialog(page).boundingBox();
    expect(corner!.height, 'the corner panel at its full height').toBeGreaterThanOrEqual(560);
    expect(corner!.x + corner!.width, 'at the right edge').toBeGreaterThan(1200);
    await page.keyboard.press('Escape');

    // Near the top of the window: beside the button, below it, tall enough to read.
    await siteButton.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 60));
    await siteButton.click();
    const button = (await siteButton.boundingBox())!;
    await expect.poll(async () => (await dialog(page).boundingBox())!.y, 'below the button').toBeGreaterThan(button.y + button.height);
    const beside = (await dialog(page).boundingBox())!;
    expect(Math.abs(beside.x - button.x), 'aligned with the button').toBeLessThan(16);
    expect(beside.height).toBeGreaterThanOrEqual(460);
    await expectOnScreen(panelPhone(page), 'the phone link in the panel');
    await expectOnScreen(talkToHuman(page), '"Talk to a human"');
  });
});
