/**
 * The JavaScript API (EMBED.md, "The command queue"): calls queued by the stub before the script
 * loads are replayed; afterwards `Lifeline(...)` drives the panel directly.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  DEMO_ATTRS,
  REFUND_TITLE,
  collectConsole,
  dialog,
  helpButton,
  hostPage,
  lifelineErrors,
  searchbox,
  viewHeading,
} from './fixtures';

type LifelineFn = (...args: unknown[]) => unknown;
interface TestWindow {
  Lifeline: LifelineFn & { q?: unknown[] };
  e2eEvents: string[];
}

const STUB = 'window.Lifeline=window.Lifeline||function(){(Lifeline.q=Lifeline.q||[]).push(arguments)};';

/** Runs `Lifeline(...args)` in the page; a returned function comes back as "function". */
const call = (page: Page, ...args: unknown[]): Promise<unknown> =>
  page.evaluate((a) => {
    const result = (window as unknown as TestWindow).Lifeline(...a);
    return typeof result === 'function' ? 'function' : result;
  }, args);

const events = (page: Page): Promise<string[]> => page.evaluate(() => [...(window as unknown as TestWindow).e2eEvents]);

/** A page whose inline script records events in window.e2eEvents (a test page's own global). */
async function apiPage(page: Page, queued = ''): Promise<void> {
  const { url } = await hostPage(page, {
    script: { ...DEMO_ATTRS, async: true },
    inlineBefore: `${STUB}
      window.e2eEvents = [];
      ${queued}`,
  });
  await page.goto(url);
}

test('queued calls made before the script loaded are replayed', async ({ page }) => {
  const messages = collectConsole(page);
  await apiPage(
    page,
    `Lifeline('identify', { name: 'Ada Lovelace', email: 'ada@example.com', id: 'u-1' });
     Lifeline('on', 'ready', function () { e2eEvents.push('ready'); });
     Lifeline('on', 'open', function () { e2eEvents.push('open'); });
     Lifeline('open');
     window.e2eQueued = Lifeline.q.length;`,
  );
  expect(await page.evaluate(() => (window as unknown as { e2eQueued: number }).e2eQueued)).toBe(4);

  await expect(dialog(page)).toBeVisible();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(searchbox(page)).toBeVisible();
  await expect.poll(() => events(page)).toEqual(['ready', 'open']);
  // The stub was replaced by the real API.
  expect(await page.evaluate(() => typeof (window as unknown as TestWindow).Lifeline.q)).toBe('undefined');
  expect(lifelineErrors(messages)).toEqual([]);
});

test('on() returns a function that unsubscribes', async ({ page }) => {
  await apiPage(page);
  await expect(helpButton(page)).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as TestWindow & { e2eOff: () => void };
    w.e2eOff = w.Lifeline('on', 'close', () => w.e2eEvents.push('close: unsubscribed listener')) as () => void;
    w.Lifeline('on', 'close', () => w.e2eEvents.push('close'));
    w.Lifeline('on', 'open', () => w.e2eEvents.push('open'));
  });
  expect(await page.evaluate(() => typeof (window as unknown as { e2eOff: unknown }).e2eOff)).toBe('function');
  await page.evaluate(() => (window as unknown as { e2eOff: () => void }).e2eOff());

  await call(page, 'open');
  await expect(dialog(page)).toBeVisible();
  await call(page, 'close');
  await expect(dialog(page)).toBeHidden();
  await expect.poll(() => events(page)).toEqual(['open', 'close']);
});

test('article, human, close and search commands', async ({ page }) => {
  await apiPage(page);
  await expect(helpButton(page)).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as TestWindow;
    w.Lifeline('on', 'article', (p: unknown) => w.e2eEvents.push(`article ${JSON.stringify(p)}`));
  });

  await call(page, 'article', 'refunds');
  await expect(dialog(page)).toBeVisible();
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await expect(dialog(page).getByText('Did this help?')).toBeVisible();
  await expect.poll(() => events(page)).toContain(`article {"id":"refunds","title":"${REFUND_TITLE}"}`);

  await call(page, 'human');
  await expect(viewHeading(page, 'Talk to a human')).toBeVisible();
  await expect(dialog(page).getByRole('region', { name: 'What you tried' }).getByRole('listitem').filter({ hasText: `Read "${REFUND_TITLE}"` })).toHaveCount(1);

  await call(page, 'close');
  await expect(dialog(page)).toBeHidden();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'false');

  await call(page, 'search', 'battery');
  await expect(dialog(page)).toBeVisible();
  await expect(searchbox(page)).toHaveValue('battery');
  await expect(dialog(page).getByRole('list').getByRole('link').first()).toBeVisible();
  await expect(dialog(page).getByRole('status').first()).toHaveText(/^\d+ articles? found$/);
});

test('the queue can open an article before the script has loaded', async ({ page }) => {
  await apiPage(page, `Lifeline('article', 'refunds');`);
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
});

test('a #lifeline-article= link opens that article', async ({ page }) => {
  await page.goto('/#lifeline-article=refunds');
  await expect(viewHeading(page, REFUND_TITLE)).toBeVisible();
  await expect(helpButton(page)).toHaveAttribute('aria-expanded', 'true');
});
