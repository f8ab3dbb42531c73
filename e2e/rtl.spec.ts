/**
 * Right to left (issue 14): an Arabic page (<html lang="ar" dir="rtl">) and a Hebrew one, at
 * 1280 and 320 px. The panel reads right to left (its computed direction), no English string of
 * the widget shows (its visible text against the English packs, and no stray Latin word), a
 * callback time reads in order in the slot picker and in the booked confirmation, the phone
 * number reads left to right inside the sentence, nothing overflows sideways, and axe finds
 * nothing. A visitor's English question in an Arabic chat keeps its question mark at its end,
 * and the agents' console shows an Arabic message right to left.
 *
 * RTL_SHOTS=1 also writes screenshots (light and dark) into /tmp/rtl-shots/.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import panelEn from '../src/widget/panel/strings/lang-en';
import panelAr from '../src/widget/panel/strings/lang-ar';
import panelHe from '../src/widget/panel/strings/lang-he';
import liveEn from '../src/widget/panel/live/strings/live-en';
import liveAr from '../src/widget/panel/live/strings/live-ar';
import liveHe from '../src/widget/panel/live/strings/live-he';
import { LAUNCHER_STRINGS } from '../src/widget/i18n/launcher-strings';
import { HOURS_WORDS } from '../src/hours/lang';
import {
  DESKTOP,
  PHONE,
  PHONE_VIEWPORT,
  animationsFinished,
  axeViolations,
  freePort,
  hostPage,
  signInConsole,
  startServer,
  widget,
  type OwnServer,
} from './fixtures';

const NY = 'America/New_York';
const SHOTS = process.env.RTL_SHOTS ? '/tmp/rtl-shots' : null;

const ARTICLES = {
  ar: [
    { id: 'order-status', title: 'أين طلبي؟', body: 'يمكنك تتبّع طلبك من صفحة **طلباتي**. يصل الطلب عادةً خلال 3 إلى 5 أيام عمل.\n\nإذا تأخر طلبك أكثر من 7 أيام، تواصل معنا ونحن نتابع الأمر مع شركة الشحن.' },
    { id: 'returns', title: 'كيف أُرجع منتجًا؟', body: 'لديك 30 يومًا لإرجاع أي منتج لم يُستعمل.\n\n- اطبع ملصق الإرجاع\n- ضع المنتج في علبته الأصلية\n- سلّمه لأقرب مكتب بريد' },
    { id: 'warranty', title: 'ضمان الدراجات الكهربائية', body: 'تشمل البطارية ضمانًا لمدة سنتين، والإطار ضمانًا لمدة خمس سنوات.' },
  ],
  he: [
    { id: 'order-status', title: 'איפה ההזמנה שלי?', body: 'אפשר לעקוב אחרי ההזמנה בדף **ההזמנות שלי**. משלוח מגיע בדרך כלל תוך 3 עד 5 ימי עסקים.\n\nאם ההזמנה מתעכבת יותר מ-7 ימים, פנו אלינו ונבדוק מול חברת השילוח.' },
    { id: 'returns', title: 'איך מחזירים מוצר?', body: 'יש לכם 30 יום להחזיר כל מוצר שלא נעשה בו שימוש.\n\n- הדפיסו את תווית ההחזרה\n- ארזו את המוצר באריזה המקורית\n- מסרו אותו בסניף הדואר הקרוב' },
    { id: 'warranty', title: 'אחריות לאופניים חשמליים', body: 'הסוללה באחריות לשנתיים, והשלדה באחריות לחמש שנים.' },
  ],
} as const;

const LANGS = {
  ar: { panel: panelAr, live: liveAr, query: 'طلبي', words: HOURS_WORDS.ar },
  he: { panel: panelHe, live: liveHe, query: 'ההזמנה', words: HOURS_WORDS.he },
} as const;

/** Every fixed English sentence or label of the widget's packs (functions are said with values, below). */
const ENGLISH: string[] = [
  ...Object.values(panelEn).filter((v): v is string => typeof v === 'string'),
  ...Object.values(liveEn).filter((v): v is string => typeof v === 'string'),
  ...Object.values(LAUNCHER_STRINGS.en),
  HOURS_WORDS.en.open,
  HOURS_WORDS.en.closed,
  'Tomorrow',
  'Today',
].filter((s) => s.length > 2);

/** Latin words that may show on an Arabic or Hebrew page: none of the widget's own. */
const LATIN_ALLOWED = new Set(['PDF', 'PNG', 'JPEG', 'WebP', 'GIF', 'MB']);

const visibleText = (page: Page): Promise<string> =>
  widget(page).evaluate((host) => (host.shadowRoot!.querySelector('.ll-root') as HTMLElement).innerText);

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  const text = await visibleText(page);
  const english = ENGLISH.filter((s) => text.includes(s));
  expect.soft(english, `English strings ${where}`).toEqual([]);
  // A page address ("What you tried") and an e-mail address are the site's, not the widget's words.
  const words = text.replace(/https?:\/\/\S+|\S+@\S+/g, '');
  const latin = [...new Set(words.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => !LATIN_ALLOWED.has(w));
  expect.soft(latin, `Latin words ${where}:\n${text}`).toEqual([]);
}

async function expectNoSidewaysOverflow(page: Page, panel: Locator, where: string): Promise<void> {
  await animationsFinished(panel);
  const { scrollWidth, innerWidth } = await page.evaluate((): { scrollWidth: number; innerWidth: number } => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `the page does not scroll sideways ${where}`).toBeLessThanOrEqual(innerWidth);
  const box = (await panel.boundingBox())!;
  expect.soft(box.x, `the panel's start ${where}`).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width, `the panel's end ${where}`).toBeLessThanOrEqual(innerWidth + 0.5);
  // Nothing inside the panel is wider than it: its body never scrolls sideways.
  const inner = await panel.evaluate((el) => {
    const body = el.querySelector('.ll-body') as HTMLElement;
    return { scroll: body.scrollWidth, client: body.clientWidth };
  });
  expect.soft(inner.scroll, `the panel's body does not scroll sideways ${where}`).toBeLessThanOrEqual(inner.client);
}

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect.soft(violations, `axe ${where}:\n${violations.join('\n')}`).toEqual([]);
}

/**
 * Where `part` is drawn within the text of `el` (the first match at or after `from`): its left
 * edge and its top in px. Reading order is logical; this is what the eye sees.
 */
const whereIs = (el: Locator, part: string, from = 0): Promise<{ x: number; y: number }> =>
  el.evaluate(
    (node, [part, from]) => {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        const at = t.data.indexOf(part as string, Math.max(0, (from as number) - seen));
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(t, at);
          range.setEnd(t, at + (part as string).length);
          const rect = range.getClientRects()[0]!;
          return { x: rect.left, y: rect.top };
        }
        seen += t.data.length;
      }
      throw new Error(`"${part}" is not in ${node.textContent}`);
    },
    [part, from] as const,
  );
const xOf = async (el: Locator, part: string, from = 0): Promise<number> => (await whereIs(el, part, from)).x;

/**
 * `first` is read before `second` right to left: on the same line it is drawn on the right of
 * it, else on an earlier line.
 */
async function expectReadFirst(el: Locator, first: string, second: string, from: number, what: string): Promise<void> {
  const a = await whereIs(el, first);
  const b = await whereIs(el, second, from);
  if (Math.abs(a.y - b.y) < 4) expect(a.x, `${what}: ${first} is right of ${second}`).toBeGreaterThan(b.x);
  else expect(a.y, `${what}: ${first} is on a line above ${second}`).toBeLessThan(b.y);
}

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test.describe('right to left', () => {
  // Five views, each checked for English, overflow and by axe: more than the default 30 s on two cores.
  test.describe.configure({ timeout: 90_000 });
  test.use({ timezoneId: NY });
  let server: OwnServer | undefined;
  let dir: string | undefined;

  test.beforeAll(async () => {
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: NY }).format(Date.now() + 24 * 60 * 60_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-rtl-'));
    // Chat and callbacks closed today and open tomorrow 09:00-17:00, as in hours.spec.ts.
    server = await startServer(await freePort(), join(dir, 'lifeline.db'), {
      LIFELINE_HOURS: `Mo-Su off; ${tomorrow} 09:00-17:00; phone: Mo-Su 00:00-24:00`,
      LIFELINE_TIMEZONE: NY,
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const language of ['ar', 'he'] as const) {
    for (const [size, viewport] of [['1280', DESKTOP], ['320', PHONE_VIEWPORT]] as const) {
      for (const scheme of SHOTS ? (['light', 'dark'] as const) : (['light'] as const)) {
        test(`${language} at ${size} px (${scheme}): the panel mirrors, speaks ${language} only, and a callback time reads in order`, async ({ page }) => {
          const { panel: strings, live, query } = LANGS[language];
          const name = `${language}-${size}-${scheme}`;
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          const origin = server!.origin;
          await page.route(`${origin}/e2e/articles-${language}.json`, (route) =>
            route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(ARTICLES[language]) }),
          );
          const host = await hostPage(page, {
            origin,
            lang: language,
            dir: 'rtl',
            title: language === 'ar' ? 'متجر الدراجات' : 'חנות האופניים',
            body: `<main><h1>${language === 'ar' ? 'متجر الدراجات' : 'חנות האופניים'}</h1></main>`,
            script: {
              'data-phone': PHONE,
              'data-email': 'help@example.com',
              'data-articles': `/e2e/articles-${language}.json`,
              'data-backend': `${origin}/`,
              'data-timezone': NY,
              'data-theme': 'auto',
            },
          });
          await page.goto(host.url);

          // The launcher: in the site's corner (bottom right, as the page did not choose), in the language.
          const help = widget(page).getByRole('button', { name: LAUNCHER_STRINGS[language].help, exact: true });
          await expect(help).toBeVisible();
          const helpBox = (await help.boundingBox())!;
          expect(helpBox.x + helpBox.width, 'Help sits in the bottom-right corner').toBeGreaterThan(viewport.width - 80);
          const call = widget(page).getByRole('link', { name: `${LAUNCHER_STRINGS[language].call} ${PHONE}`, exact: true });
          expect((await call.boundingBox())!.x, 'the phone is beside Help, away from the corner').toBeLessThan(helpBox.x);
          await shot(page, `${name}-launcher`);

          // Search: right to left, counts in the language, titles isolated.
          await help.click();
          const panel = page.getByRole('dialog', { name: strings.title });
          await expect(panel).toBeVisible();
          expect(await panel.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
          await expect(panel.getByRole('link', { name: ARTICLES[language][0].title })).toBeVisible();
          await expectNoEnglish(page, 'in the search view');
          await expectNoSidewaysOverflow(page, panel, 'in the search view');
          await expectAxeClean(page, 'in the search view');
          // The back chevron is absent here; the close cross is the header's end (left, right to left).
          const close = panel.getByRole('button', { name: strings.close });
          expect((await close.boundingBox())!.x, 'Close is at the left end of the header').toBeLessThan((await panel.boundingBox())!.x + 80);
          await shot(page, `${name}-search`);
          // The phone number reads left to right, in the launcher and in the panel's bar alike.
          // (At 320 px the launcher draws its words at size 0: the bar's number is the one to read.)
          for (const link of size === '1280' ? [call, panel.getByRole('link', { name: `${strings.call} ${PHONE}` })] : [panel.getByRole('link', { name: `${strings.call} ${PHONE}` })]) {
            expect(await xOf(link, '+1'), 'the number starts on the left').toBeLessThan(await xOf(link, '0199'));
          }

          const box = panel.getByRole('searchbox', { name: strings.searchLabel });
          // A question typed in English reads left to right, its clear button at its end, not
          // under its first letter; the panel's own question reads right to left.
          await box.fill('order');
          await expect.poll(() => box.evaluate((e) => getComputedStyle(e).direction)).toBe('ltr');
          await box.fill(query);
          await expect.poll(() => box.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
          await expect(panel.getByRole('status').first()).toHaveText(strings.results(1));
          const result = panel.getByRole('link', { name: ARTICLES[language][0].title });
          // "?Where is my order" must not happen: the question mark ends the title, on its left.
          const title = result.locator('span');
          const mark = ARTICLES[language][0].title.at(-1)!; // "؟" in Arabic, "?" in Hebrew
          expect(await xOf(title, mark), 'the title’s question mark is at its left end').toBeLessThan(await xOf(title, ARTICLES[language][0].title.slice(0, 2)));
          await result.click();
          await expect(panel.getByRole('heading', { name: ARTICLES[language][0].title })).toBeFocused();
          await expectNoEnglish(page, 'in an article');
          await expectNoSidewaysOverflow(page, panel, 'in an article');
          await expectAxeClean(page, 'in an article');
          // The back chevron points right (toward the start) in a right-to-left panel.
          const back = panel.getByRole('button', { name: strings.back });
          expect(await back.locator('svg').evaluate((svg) => getComputedStyle(svg).transform)).toBe('matrix(-1, 0, 0, 1, 0, 0)');
          await shot(page, `${name}-article`);
          await back.click();

          // The human view: the channels, chat closed, a callback offered at the first free time.
          await panel.getByRole('button', { name: strings.talkToHuman, exact: true }).click();
          await expect(panel.getByRole('heading', { name: live.choose })).toBeVisible();
          await expectNoEnglish(page, 'in the human view');
          await expectNoSidewaysOverflow(page, panel, 'in the human view');
          await expectAxeClean(page, 'in the human view');
          await shot(page, `${name}-human`);

          await panel.getByRole('button', { name: new RegExp(`^${live.callback}`) }).click();
          const times = panel.getByRole('group', { name: live.slotsLegend }).getByRole('radio');
          await expect(times.first()).toBeChecked();
          // The first slot's label: its start, then its end, in reading order; right to left the
          // start is drawn on the right.
          const slot = panel.getByRole('group', { name: live.slotsLegend }).locator('label').first();
          const label = (await slot.textContent())!.trim();
          const [from, to] = label.match(/\d{1,2}:\d{2}/g)!;
          expect(`${from}–${to}`, `the first slot is 09:00 to 09:30: ${label}`).toMatch(/^0?9:00–0?9:30$/);
          await expectReadFirst(slot, from!, to!, label.indexOf(to!), `the slot "${label}"`);
          await expectNoEnglish(page, 'in the slot picker');
          await expectNoSidewaysOverflow(page, panel, 'in the slot picker');
          await expectAxeClean(page, 'in the slot picker');
          await shot(page, `${name}-slots`);

          const phone = '+1 555 010 2030';
          await panel.getByRole('textbox', { name: live.yourPhone }).fill(phone);
          await panel.getByRole('button', { name: live.requestCall }).click();
          const confirmed = panel.getByText(live.callbackConfirmed(phone, '').slice(0, 12));
          await expect(confirmed).toBeVisible();
          const sentence = (await confirmed.textContent())!;
          await shot(page, `${name}-booked`);
          // The phone number reads left to right inside the right-to-left sentence…
          expect(await xOf(confirmed, '+1'), `"${sentence}": the number starts on its left`).toBeLessThan(await xOf(confirmed, '2030'));
          // …and the time range still reads start then end, right to left.
          const [bookedFrom, bookedTo] = sentence.match(/\d{1,2}:\d{2}/g)!;
          await expectReadFirst(confirmed, bookedFrom!, bookedTo!, sentence.lastIndexOf(bookedTo!), `the confirmation "${sentence}"`);
          await expectNoEnglish(page, 'after booking');
          await expectNoSidewaysOverflow(page, panel, 'after booking');
          await expectAxeClean(page, 'after booking');
          await panel.getByRole('button', { name: live.cancelRequest }).click();
          await expect(panel.getByText(live.cancelled)).toBeVisible();
        });
      }
    }
  }
});

test.describe('right-to-left words in a chat', () => {
  for (const [size, viewport] of [['1280', DESKTOP], ['320', PHONE_VIEWPORT]] as const) {
    test(`at ${size} px: an English question in an Arabic chat keeps its order, and the console shows Arabic right to left`, async ({ page, browser }) => {
      await page.setViewportSize(viewport);
      const host = await hostPage(page, {
        lang: 'ar',
        dir: 'rtl',
        script: { 'data-phone': PHONE, 'data-email': 'help@example.com', 'data-articles': '/articles.json', 'data-backend': '/' },
      });
      await page.goto(host.url);
      await widget(page).getByRole('button', { name: LAUNCHER_STRINGS.ar.help, exact: true }).click();
      const panel = page.getByRole('dialog', { name: panelAr.title });
      await panel.getByRole('button', { name: panelAr.talkToHuman, exact: true }).click();
      await panel.getByRole('button', { name: new RegExp(`^${liveAr.chat}`) }).click();
      const box = panel.getByRole('textbox', { name: liveAr.message, exact: true });
      const arabic = `أين طلبي رقم ${Date.now() % 100000}؟`;
      await box.fill(arabic);
      await box.press('Enter');
      await box.fill('Where is my order?');
      await box.press('Enter');
      const log = panel.getByRole('log');
      const english = log.locator('.ll-msg-text', { hasText: 'Where is my order?' });
      await expect(english).toBeVisible();
      expect(await english.evaluate((el) => getComputedStyle(el).direction), 'an English message reads left to right').toBe('ltr');
      expect(await xOf(english, '?'), 'its question mark ends it, on the right').toBeGreaterThan(await xOf(english, 'Where'));
      const mine = log.locator('.ll-msg-text', { hasText: arabic });
      expect(await mine.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      // The visitor's bubbles sit on the end side: the left, right to left.
      const logBox = (await log.boundingBox())!;
      const bubble = (await mine.boundingBox())!;
      expect(bubble.x - logBox.x, 'the visitor’s bubble hugs the left edge').toBeLessThan(logBox.x + logBox.width - (bubble.x + bubble.width));
      await expectNoSidewaysOverflow(page, panel, 'in the chat');
      await expectAxeClean(page, 'in the chat');
      if (SHOTS) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await shot(page, `ar-${size}-${scheme}-chat`);
        }
      }

      // The agent's console: the Arabic message right to left, the English one left to right.
      const context = await browser.newContext({ viewport: DESKTOP });
      const agentPage = await context.newPage();
      try {
        // The reference the chat shows ("رقمك المرجعي: 1234", the number isolated left to right).
        const refText = (await panel.getByText(liveAr.ref('').slice(0, 8)).first().textContent())!;
        const ref = refText.match(/\d+/)![0];
        await signInConsole(agentPage, new URL(host.url).origin);
        await agentPage.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) }).click();
        const message = agentPage.getByText(arabic, { exact: true });
        await expect(message).toBeVisible();
        expect(await message.evaluate((el) => getComputedStyle(el).direction), 'the console shows Arabic right to left').toBe('rtl');
        const en = agentPage.getByText('Where is my order?', { exact: true });
        expect(await en.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
        if (SHOTS && size === '1280') await agentPage.screenshot({ path: `${SHOTS}/console-ar-chat.png` });
      } finally {
        await context.close();
      }
    });
  }
});
