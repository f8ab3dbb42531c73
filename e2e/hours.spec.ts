/**
 * Opening hours and honest availability, in a real Chromium with a controlled clock
 * (page.clock) before, during and after hours; against the real server for the backend's part,
 * started with LIFELINE_HOURS computed from the real time (no clock hooks in the server).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import en from '../src/widget/panel/strings/lang-en';
import { HOURS_WORDS } from '../src/hours/lang';
import {
  DEMO_ATTRS,
  LIVE,
  axeViolations,
  PHONE,
  channelButton,
  collectConsole,
  dialog,
  expectOnScreen,
  freePort,
  hostPage,
  offlineNotice,
  openChannels,
  openPanel,
  panelPhone,
  phoneChannel,
  scriptTag,
  searchbox,
  signInAgent,
  startServer,
  talkToHuman,
  visitorRef,
  type OwnServer,
} from './fixtures';

const NY = 'America/New_York';
const phoneCard = (page: Page) => dialog(page).getByRole('region', { name: en.phoneTitle });

/** The human view of a site without a backend: hours from data-hours alone. */
async function humanViewAt(page: Page, time: string, attrs: Record<string, string> = {}): Promise<void> {
  await page.clock.setFixedTime(new Date(time));
  const { url } = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-hours': 'Mo-Fr 09:00-17:00', 'data-timezone': NY, ...attrs } });
  await page.goto(url);
  await openPanel(page);
  await talkToHuman(page).click();
}

test.describe('data-hours alone, a visitor in New York', () => {
  test.use({ timezoneId: NY, locale: 'en-GB' });

  for (const [when, time, text] of [
    ['before hours', '2026-03-09T11:00:00Z', 'Closed · back today 09:00'], // Monday 07:00 EDT
    ['during hours', '2026-03-09T14:00:00Z', 'Open now, until 17:00'], // Monday 10:00
    ['after hours, before the weekend', '2026-03-13T22:30:00Z', 'Closed · back Monday 09:00'], // Friday 18:30
    ['the night the clocks go forward', '2026-03-08T06:30:00Z', 'Closed · back tomorrow 09:00'], // Sunday 01:30 EST
  ] as const) {
    test(`${when}: the phone says "${text}", and stays a tap away`, async ({ page }) => {
      await humanViewAt(page, time);
      await expect(phoneCard(page).getByText(text, { exact: true })).toBeVisible();
      await expect(phoneCard(page)).toContainText(`${en.hours}: Mon–Fri 09:00–17:00`);
      await expect(phoneCard(page)).not.toContainText('America/New York'); // the visitor's own clock
      await expectOnScreen(panelPhone(page), 'the phone link, open or closed');
    });
  }

  test('the holidays and short days of the next two weeks are told beside the week', async ({ page }) => {
    await humanViewAt(page, '2026-03-09T14:00:00Z', { 'data-hours': 'Mo-Fr 09:00-17:00; 2026-03-12 09:00-12:00; 2026-03-13 off; 2026-04-03 off' });
    await expect(phoneCard(page)).toContainText(`${en.hours}: Mon–Fri 09:00–17:00; Thu 12 Mar: 09:00–12:00; Fri 13 Mar: closed`);
    await expect(phoneCard(page)).not.toContainText('3 Apr'); // more than two weeks ahead
  });

  test('a late shift over midnight is open until it ends', async ({ page }) => {
    await humanViewAt(page, '2026-03-14T05:00:00Z', { 'data-hours': 'Fr 22:00-02:00' }); // Saturday 01:00
    await expect(phoneCard(page).getByText('Open now, until 02:00', { exact: true })).toBeVisible();
  });

  test('a malformed data-hours is named in the console, and the phone is shown as open', async ({ page }) => {
    const messages = collectConsole(page);
    await humanViewAt(page, '2026-03-13T22:30:00Z', { 'data-hours': 'Mo-Fx 09:00-17:00' });
    await expect(phoneCard(page).getByText('Open now', { exact: true })).toBeVisible();
    const errors = messages.filter((m) => m.text().startsWith('[Lifeline] data-hours'));
    expect(errors.map((m) => m.text())).toEqual([
      '[Lifeline] data-hours: "Mo-Fx 09:00-17:00": unknown day "Fx"; expected Mo Tu We Th Fr Sa Su. Every channel is shown as open until this is fixed.',
    ]);
  });
});

test.describe('data-hours alone, a visitor in Paris', () => {
  test.use({ timezoneId: 'Europe/Paris', locale: 'en-GB' });

  test('says when it opens in the visitor’s own time, and names the business’s zone', async ({ page }) => {
    await humanViewAt(page, '2026-03-13T22:30:00Z'); // Friday 23:30 in Paris, 18:30 in New York
    await expect(phoneCard(page).getByText('Closed · back Monday 14:00 your time', { exact: true })).toBeVisible();
    await expect(phoneCard(page)).toContainText('Mon–Fri 09:00–17:00 (America/New York)');
  });
});

test.describe('the backend’s hours and callback slots', () => {
  test.use({ timezoneId: NY, locale: 'en-GB' });
  test.describe.configure({ mode: 'serial' });

  let server: OwnServer | undefined;
  let dir: string | undefined;
  /** Tomorrow in New York, as YYYY-MM-DD. */
  let tomorrow = '';

  test.beforeAll(async () => {
    const now = Date.now();
    tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: NY }).format(now + 24 * 60 * 60_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-hours-'));
    server = await startServer(await freePort(), join(dir, 'lifeline.db'), {
      // Chat and callbacks closed today, open tomorrow 09:00-17:00; one callback per slot.
      LIFELINE_HOURS: `Mo-Su off; ${tomorrow} 09:00-17:00; phone: Mo-Su 00:00-24:00`,
      LIFELINE_TIMEZONE: NY,
      LIFELINE_CALLBACKS_PER_SLOT: '1',
    });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('chat closed: it says when it opens and offers a callback at the next free slot; book, then cancel', async ({ page }) => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server!.origin}/`);
    await openChannels(page);
    const panel = dialog(page);
    await expect(panel.getByText(`${LIVE.chatClosed('back tomorrow 09:00')} ${LIVE.callInstead}`)).toBeVisible();
    await expect(channelButton(page, LIVE.chat)).toContainText('Closed · back tomorrow 09:00');
    await expect(channelButton(page, LIVE.callback)).toContainText(LIVE.nextFree('tomorrow, 09:00–09:30'));
    expect(await axeViolations(page), 'axe, chat closed').toEqual([]);

    await panel.getByRole('button', { name: LIVE.callMeAt('tomorrow, 09:00–09:30') }).click();
    // The day above its times: one day here (callbacks are open tomorrow only), all its slots.
    await expect(panel.getByText('Tomorrow', { exact: true })).toBeVisible();
    await expect(panel.getByRole('radio', { name: '09:00–09:30' })).toBeChecked();
    await expect(panel.getByRole('group', { name: LIVE.slotsLegend }).getByRole('radio')).toHaveCount(16);
    expect(await axeViolations(page), 'axe, the slot picker').toEqual([]);
    const phone = '+1 555 010 2030';
    const phoneBox = panel.getByRole('textbox', { name: LIVE.yourPhone });
    // The hours chunk's styles keep to its own elements: the field spans the form.
    const fieldWidth = async (): Promise<number> => (await phoneBox.boundingBox())!.width;
    expect(await fieldWidth(), 'the phone field spans the form').toBeGreaterThan(200);
    await phoneBox.fill(phone);
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    await expect(panel.getByText(LIVE.callbackConfirmed(phone, 'tomorrow, 09:00–09:30'))).toBeVisible();
    const ref = await visitorRef(page);

    const agent = await signInAgent(server!.origin);
    try {
      const handoff = await agent.byRef(ref);
      expect(handoff.callback).toMatchObject({ phone });
      expect(new Intl.DateTimeFormat('en-CA', { timeZone: NY, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(Date.parse(handoff.callback!.from)))
        .toBe(`${tomorrow}, 09:00`);
      await panel.getByRole('button', { name: LIVE.cancelRequest }).click();
      await expect(panel.getByText(LIVE.cancelled)).toBeVisible();
      expect((await agent.get(handoff.id)).status).toBe('cancelled');

      // The console shows it as cancelled: nobody calls.
      const context = await page.context().browser()!.newContext({ storageState: await agent.api.storageState() });
      const consolePage = await context.newPage();
      await consolePage.goto(`${server!.origin}/console#/handoff/${handoff.id}`);
      await expect(consolePage.getByText('The visitor cancelled this callback')).toBeVisible();
      await context.close();
    } finally {
      await agent.dispose();
    }

    // Back to search, with every chunk's styles loaded: the search box is as wide as before.
    await panel.getByRole('button', { name: en.back, exact: true }).click();
    await expect(searchbox(page)).toBeVisible();
    expect((await searchbox(page).boundingBox())!.width, 'the search box spans the panel').toBeGreaterThan(300);
  });

  test('a slot taken meanwhile: the visitor is told and picks from the slots free now', async ({ page, request }) => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server!.origin}/`);
    await openChannels(page);
    const panel = dialog(page);
    await channelButton(page, LIVE.callback).click();
    const first = panel.getByRole('radio', { name: '09:00–09:30' });
    await expect(first).toBeChecked();

    // Someone else books 09:00 now (one callback per slot on this server).
    const status = await (await request.get(`${server!.origin}/v1/status`)).json();
    const taken = await request.post(`${server!.origin}/v1/handoffs`, {
      data: { clientId: crypto.randomUUID(), channel: 'callback', transcript: [], callback: { phone: '+1 555 0100', ...status.callbackSlots[0] } },
    });
    expect(taken.status()).toBe(201);

    await panel.getByRole('textbox', { name: LIVE.yourPhone }).fill('+1 555 0199');
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    await expect(panel.getByRole('alert')).toHaveText(LIVE.problems.slot); // the widget's words for the server's code, not its English sentence
    await expect(first).toHaveCount(0);
    await expect(panel.getByRole('radio', { name: '09:30–10:00' })).toBeChecked();
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    await expect(panel.getByText(LIVE.callbackConfirmed('+1 555 0199', 'tomorrow, 09:30–10:00'))).toBeVisible();
    await visitorRef(page);
  });

  test('chat chosen while closed: the message waits for opening, and the visitor is told so, not a place in line', async ({ page }) => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server!.origin}/`);
    await openChannels(page);
    await channelButton(page, LIVE.chat).click();
    const panel = dialog(page);
    await panel.getByRole('textbox', { name: LIVE.message }).fill('Is my order on its way?');
    await panel.getByRole('textbox', { name: LIVE.message }).press('Enter');
    await visitorRef(page);
    await expect(panel.getByRole('status').filter({ hasText: /^Chat is closed now/ })).toHaveText(`${LIVE.chatClosed('back tomorrow 09:00')} ${LIVE.closedQueued}`);
    await expect(panel.getByText(/in line/)).toHaveCount(0);
  });

  test('the callback form checks the phone number (a pattern valid under the v flag) and says what it wants', async ({ page }) => {
    await page.clock.setFixedTime(new Date());
    await page.goto(`${server!.origin}/`);
    await openChannels(page);
    await channelButton(page, LIVE.callback).click();
    const panel = dialog(page);
    const box = panel.getByRole('textbox', { name: LIVE.yourPhone });
    // Browsers compile `pattern` with the v flag; a pattern it refuses checks nothing.
    expect(await box.evaluate((input: HTMLInputElement) => new RegExp(`^(?:${input.pattern})$`, 'v').test('+1 (555) 010-2030'))).toBe(true);
    await box.fill('call me maybe');
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    await expect(panel.getByText(LIVE.phoneInvalid, { exact: true })).toBeVisible();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    expect(await box.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(LIVE.phoneInvalid);
    await expect(panel.getByRole('heading', { name: LIVE.callbackTitle }), 'not sent: the form stays').toBeVisible();
    await box.fill('+1 (555) 010-2030');
    await expect(panel.getByText(LIVE.phoneInvalid, { exact: true })).toHaveCount(0);
    await panel.getByRole('button', { name: LIVE.requestCall }).click();
    // Booked for that number (the earlier tests took the first times).
    await expect(panel.getByText(LIVE.callbackConfirmed('+1 (555) 010-2030', '').slice(0, -2))).toBeVisible();
    await visitorRef(page);
  });

  test('the phone: a phone handoff first, then the dial string with the menu skip and the reference', async ({ page }) => {
    const path = '/e2e/phone.html';
    await page.route(`${server!.origin}${path}`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!DOCTYPE html><html lang="en"><title>Phone</title><main><h1>Shop</h1></main>${scriptTag({
          ...DEMO_ATTRS,
          'data-backend': '/',
          'data-phone-dial': ',,2',
          'data-phone-ref': 'dial',
        })}`,
      }),
    );
    await page.goto(`${server!.origin}${path}`);
    // What the browser was asked to dial: every click on a tel: link, in order. The test stands
    // in for the phone's dialler, so the clicks go no further (headless Chromium has no dialler).
    await page.evaluate(() => {
      const w = window as unknown as { dialled: string[] };
      w.dialled = [];
      document.addEventListener('click', (e) => {
        const a = e.composedPath()[0];
        if (a instanceof HTMLAnchorElement && a.href.startsWith('tel:')) {
          w.dialled.push(a.href);
          e.preventDefault();
        }
      }, true);
    });
    // The always-visible link skips the menu too.
    await expect(page.locator('lifeline-widget').getByRole('link', { name: `Call ${PHONE}`, exact: true })).toHaveAttribute('href', 'tel:+18005550199,,2');

    await openChannels(page);
    await channelButton(page, LIVE.phone).click();
    const ref = await visitorRef(page);
    await expect.poll(() => page.evaluate(() => (window as unknown as { dialled: string[] }).dialled.at(-1))).toBe(`tel:+18005550199,,2,${ref}#`);
    const agent = await signInAgent(server!.origin);
    try {
      expect((await agent.byRef(ref)).channel).toBe('phone');
    } finally {
      await agent.dispose();
    }

    // The backend down: the phone is dialled anyway, within moments, without a reference.
    await dialog(page).getByRole('button', { name: LIVE.otherWays }).click();
    await page.route(/\/v1\/handoffs$/, (route) => route.abort('connectionrefused'));
    const started = Date.now();
    await channelButton(page, LIVE.phone).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { dialled: string[] }).dialled.at(-1)), { timeout: 3_000 }).toBe('tel:+18005550199,,2');
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

test.describe('the backend down, at night in New York (chat open around the clock, the phone closed)', () => {
  test.use({ timezoneId: NY, locale: 'en-GB' });
  let server: OwnServer | undefined;
  let dir: string | undefined;
  test.afterEach(async () => {
    await server?.stop();
    server = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('one word on what is open: chat is not "closed", no stale wait, the phone’s own hours beside every phone offer', async ({ page }) => {
    test.setTimeout(60_000);
    dir = mkdtempSync(join(tmpdir(), 'lifeline-e2e-down-hours-'));
    // The demo's server: the shop's hours for callbacks and the phone, chat at every hour. The
    // demo page's data-hours gives the shop's hours (Mo-Fr 09:00-17:00; Sa 10:00-14:00).
    server = await startServer(await freePort(), join(dir, 'lifeline.db'), {
      LIFELINE_HOURS: 'Mo-Fr 09:00-17:00; Sa 10:00-14:00; chat: Mo-Su 00:00-24:00',
      LIFELINE_TIMEZONE: NY,
    });
    await page.clock.setFixedTime(new Date('2026-03-15T07:00:00Z')); // Sunday 03:00 in New York
    await page.goto(`${server.origin}/`);
    // What the browser is asked to dial (headless Chromium has no dialler): the clicks go no further.
    await page.evaluate(() => {
      document.addEventListener('click', (e) => {
        const a = e.composedPath()[0];
        if (a instanceof HTMLAnchorElement && a.href.startsWith('tel:')) e.preventDefault();
      }, true);
    });
    await openChannels(page); // the live and hours chunks load while the backend is up
    const panel = dialog(page);
    // Nobody is online on this server: the backend's word is that the answer comes by e-mail.
    await expect(channelButton(page, LIVE.chat)).toContainText(LIVE.byEmail);
    await page.keyboard.press('Escape');
    await server.stop();
    // Opened again, the panel asks for /v1/status and gets no answer.
    await openChannels(page);

    // Said once, and no "call us" while nobody answers the phone.
    await expect(offlineNotice(page)).toHaveText(LIVE.offline);
    const chat = channelButton(page, LIVE.chat);
    await expect(chat).toContainText(LIVE.waitingToSend);
    await expect(chat, 'unreachable is not closed').not.toContainText(HOURS_WORDS.en.closed);
    await expect(chat, 'the wait and agents online are no longer known').not.toContainText(/online|min/);
    await expect(chat, 'nor that nobody is online').not.toContainText(LIVE.byEmail);
    await expect(panel.getByText(LIVE.nobody)).toHaveCount(0);
    await expect(panel.getByText(/^Chat is closed/)).toHaveCount(0);
    // Callback times only where the hours allow them: Monday from 09:00.
    await expect(channelButton(page, LIVE.callback)).toContainText(LIVE.nextFree('tomorrow, 09:00–09:30'));
    // The phone: still callable, its hours beside it, never "now".
    await expect(panel.getByRole('link', { name: /^Call us now/ })).toHaveCount(0);
    const phone = phoneChannel(page);
    await expect(phone).toContainText(LIVE.phoneLater(PHONE));
    await expect(phone).toContainText('Closed · back tomorrow 09:00');
    await expect(phone).toHaveAttribute('href', /^tel:\+18005550199/);
    await expect(phoneCard(page).getByText('Closed · back tomorrow 09:00', { exact: true })).toBeVisible();
    expect(await axeViolations(page), 'axe, the backend down').toEqual([]);

    // The phone handoff's reference screen says nobody answers yet beside its big Call button.
    await phone.click();
    const screen = panel.locator('section').filter({ hasText: LIVE.quoteRef });
    await expect(screen.getByRole('link', { name: `${en.call} ${PHONE}`, exact: true })).toBeVisible();
    await expect(screen).toContainText('Closed · back tomorrow 09:00');
  });
});
