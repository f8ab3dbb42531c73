/**
 * Files in the chat (issue 13), both ways, on the real built widget and the real server: a
 * pasted screenshot reaches the agent as a thumbnail, a PDF chosen with Attach a file is
 * downloaded by the agent, an SVG (named .png) is refused with a clear message, and the
 * agent's file reaches the visitor. Axe on the new states, light and dark; screenshots at
 * 320 and 1280 px go to /tmp/attach-shots for a person to look at.
 */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import {
  agentTest as test,
  axeViolations,
  chatLog,
  chooseChat,
  DEMO_ATTRS,
  DESKTOP,
  dialog,
  expectSent,
  hostPage,
  messageBox,
  openChannels,
  PHONE_VIEWPORT,
  sendMessage,
  signInConsole,
  visitorRef,
  ORIGIN,
  pageViolations,
  WCAG_TAGS,
} from './fixtures';

const SHOTS = '/tmp/attach-shots';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
const TYPE_REFUSED = 'Only images (PNG, JPEG, WebP, GIF) and PDF files can be sent.';

/** A real PNG the browser can draw: a piece of a page, as a screenshot tool would paste it. */
async function screenshotPng(page: Page): Promise<Buffer> {
  return page.screenshot({ clip: { x: 0, y: 0, width: 160, height: 100 } });
}

/** Pastes a file into the message box, as Ctrl+V of a screenshot does (a ClipboardEvent carrying a File). */
async function pasteFile(page: Page, bytes: Buffer, name: string, type: string): Promise<void> {
  await messageBox(page).evaluate(
    (box, { data, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true, composed: true }));
    },
    { data: [...bytes], name, type },
  );
}

/** Chooses a file with the composer's Attach a file button (the system file picker). */
async function attachWithButton(page: Page, name: string, mimeType: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await dialog(page).getByRole('button', { name: 'Attach a file', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType, buffer });
}

/** The demo's settings with a backend, in a colour scheme of its own. */
async function chatPage(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const host = await hostPage(page, { script: { ...DEMO_ATTRS, 'data-backend': '/', 'data-theme': theme } });
  await page.goto(host.url);
  await openChannels(page);
  await chooseChat(page);
}

/** Loaded, not a broken image: its pixels arrived. */
const drawn = (img: Locator) => expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0));

async function openInConsole(page: Page, ref: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Reference' }).fill(ref);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
}

async function noViolations(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page, WCAG_TAGS);
  expect.soft(violations, `axe violations when ${state}:\n${violations.join('\n')}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`a pasted screenshot and a PDF reach the agent, an SVG is refused, the agent's file reaches the visitor (${theme})`, async ({ browser, agent }) => {
    test.setTimeout(120_000);
    const visitorContext = await browser.newContext({ viewport: DESKTOP, colorScheme: theme, reducedMotion: 'reduce' });
    const consoleContext = await browser.newContext({ viewport: DESKTOP, colorScheme: theme, acceptDownloads: true });
    const visitor = await visitorContext.newPage();
    const console_ = await consoleContext.newPage();
    try {
      await chatPage(visitor, theme);
      await sendMessage(visitor, 'The checkout shows an error, here is a screenshot');
      await expectSent(visitor, 'The checkout shows an error, here is a screenshot');
      const ref = await visitorRef(visitor);

      // Paste an image into the message box: it is sent as a thumbnail that opens full size.
      const png = await screenshotPng(visitor);
      await pasteFile(visitor, png, 'image.png', 'image/png');
      const thumb = chatLog(visitor).getByRole('button', { name: 'Open image.png at full size' });
      await expect(thumb).toBeEnabled({ timeout: 15_000 });
      await drawn(thumb.locator('img'));
      await noViolations(visitor, `a thumbnail in the chat (${theme})`);
      await thumb.click();
      const full = dialog(visitor).getByRole('dialog', { name: 'image.png' });
      await expect(full.getByRole('img', { name: 'image.png' })).toBeVisible();
      await noViolations(visitor, `an image at full size (${theme})`);
      await visitor.screenshot({ path: `${SHOTS}/visitor-full-size-1280-${theme}.png` });
      await visitor.keyboard.press('Escape');
      await expect(full).toHaveCount(0);
      await expect(thumb).toBeFocused();

      // A PDF chosen with Attach a file.
      await attachWithButton(visitor, 'invoice.pdf', 'application/pdf', PDF);
      await expect(chatLog(visitor).getByRole('button', { name: /^Download invoice\.pdf, / })).toBeVisible({ timeout: 15_000 });

      // An SVG, named like a PNG: refused by its content, said plainly, nothing sent.
      await attachWithButton(visitor, 'logo.png', 'image/png', SVG);
      await expect(dialog(visitor).getByRole('alert').filter({ hasText: TYPE_REFUSED })).toBeVisible();
      await noViolations(visitor, `a refused file (${theme})`);
      await visitor.screenshot({ path: `${SHOTS}/visitor-1280-${theme}.png` });

      // The agent: the screenshot as a thumbnail, the PDF downloaded as it was sent.
      const handoff = await agent.byRef(ref);
      expect(handoff.messages.flatMap((m) => m.attachments ?? []).map((a) => [a.name, a.type])).toEqual([
        ['image.png', 'image/png'],
        ['invoice.pdf', 'application/pdf'],
      ]);
      await signInConsole(console_, ORIGIN);
      await openInConsole(console_, ref);
      const messages = console_.getByRole('log', { name: 'Messages' });
      await drawn(messages.getByRole('img', { name: 'image.png, open full size' }));
      const download = console_.waitForEvent('download');
      await messages.getByRole('link', { name: /^Download invoice\.pdf/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('invoice.pdf');
      expect(await readFile((await file.path())!)).toEqual(PDF);
      expect.soft(await pageViolations(console_), `axe on the console with files (${theme})`).toEqual([]);

      // The agent attaches a screenshot of their own: the visitor sees it as a thumbnail.
      const chooser = console_.waitForEvent('filechooser');
      await console_.getByRole('button', { name: 'Attach a file', exact: true }).click();
      await (await chooser).setFiles({ name: 'where-to-click.png', mimeType: 'image/png', buffer: await screenshotPng(console_) });
      await drawn(messages.getByRole('img', { name: 'where-to-click.png, open full size' }));
      await console_.screenshot({ path: `${SHOTS}/console-1280-${theme}.png`, fullPage: true });
      const theirs = chatLog(visitor).getByRole('button', { name: 'Open where-to-click.png at full size' });
      await expect(theirs).toBeEnabled({ timeout: 15_000 });
      await drawn(theirs.locator('img'));

      // On a 320 px phone, the same conversation.
      await visitor.setViewportSize(PHONE_VIEWPORT);
      await expect(theirs).toBeVisible();
      await theirs.scrollIntoViewIfNeeded();
      await visitor.screenshot({ path: `${SHOTS}/visitor-320-${theme}.png` });
      await noViolations(visitor, `files in the chat at 320 px (${theme})`);
    } finally {
      await visitorContext.close();
      await consoleContext.close();
    }
  });
}

/** Drops a file on the chat, as one dragged from the desktop. */
async function dropFile(page: Page, bytes: Buffer, name: string): Promise<void> {
  await chatLog(page).evaluate(
    (log, { data, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'image/png' }));
      for (const type of ['dragover', 'drop']) log.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true, composed: true }));
    },
    { data: [...bytes], name },
  );
}

test('files dropped on the chat whose upload the connection cuts are sent again from the outbox, and stored once', async ({ page, agent }) => {
  await page.setViewportSize(DESKTOP);
  await chatPage(page, 'light');
  await sendMessage(page, 'Here is the label');
  await expectSent(page, 'Here is the label');
  const ref = await visitorRef(page);
  const png = await screenshotPng(page);
  const tries: string[] = [];
  const thumb = (name: string) => chatLog(page).getByRole('button', { name: `Open ${name} at full size` });

  // Cut before it reaches the server: the outbox tries again (after its backoff) with the same id.
  await page.route('**/v1/handoffs/*/attachments?*', async (route) => {
    tries.push(new URL(route.request().url()).searchParams.get('clientMessageId')!);
    return tries.length === 1 ? route.abort('internetdisconnected') : route.continue();
  });
  await dropFile(page, png, 'label.png');
  await expect(thumb('label.png')).toBeEnabled({ timeout: 30_000 });
  await drawn(thumb('label.png').locator('img'));
  expect(tries.length).toBeGreaterThanOrEqual(2);
  expect(new Set(tries).size).toBe(1);
  await page.unrouteAll({ behavior: 'wait' });

  // Stored, but the answer is lost with the connection: whatever the widget does next (the event
  // stream tells it the file arrived, or it sends it again), the server keeps it once.
  let lost = 0;
  await page.route('**/v1/handoffs/*/attachments?*', async (route) => {
    if (lost++ > 0) return route.continue();
    expect((await route.fetch()).status()).toBe(201);
    return route.abort('internetdisconnected');
  });
  await dropFile(page, png, 'box.png');
  await expect(thumb('box.png')).toBeEnabled({ timeout: 30_000 });

  const handoff = await agent.byRef(ref);
  expect(handoff.messages.filter((m) => m.attachments?.length).map((m) => m.attachments![0]!.name)).toEqual(['label.png', 'box.png']);
  await expect(thumb('label.png')).toHaveCount(1);
  await expect(thumb('box.png')).toHaveCount(1);
});

test('on a page whose strict policy refuses data: images, a pasted image is offered as a download instead of a broken picture', async ({ page }) => {
  const host = await hostPage(page, { csp: true, script: { ...DEMO_ATTRS, 'data-backend': '/', 'data-theme': 'light' } });
  await page.goto(host.url);
  await openChannels(page);
  await chooseChat(page);
  await sendMessage(page, 'A screenshot follows');
  await expectSent(page, 'A screenshot follows');
  await pasteFile(page, await screenshotPng(page), 'image.png', 'image/png');
  await expect(chatLog(page).getByRole('button', { name: /^Download image\.png, / })).toBeVisible({ timeout: 15_000 });
  await expect(chatLog(page).getByRole('button', { name: 'Open image.png at full size' })).toHaveCount(0);
});

test('in the console, an agent pastes a screenshot into the reply box and drops a PDF on the chat; the visitor gets both', async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  await chatPage(page, 'light');
  await sendMessage(page, 'Can you show me where?');
  await expectSent(page, 'Can you show me where?');
  const ref = await visitorRef(page);

  const consoleContext = await browser.newContext({ viewport: DESKTOP });
  const console_ = await consoleContext.newPage();
  try {
    await signInConsole(console_, ORIGIN);
    await openInConsole(console_, ref);
    const png = await screenshotPng(console_);
    await console_.getByLabel('Reply').evaluate((box, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'here.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, [...png]);
    await console_.getByRole('region', { name: 'Chat' }).evaluate((chat, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'steps.pdf', { type: 'application/pdf' }));
      for (const type of ['dragover', 'drop']) chat.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...PDF]);
    const messages = console_.getByRole('log', { name: 'Messages' });
    await drawn(messages.getByRole('img', { name: 'here.png, open full size' }));
    await expect(messages.getByRole('link', { name: /^Download steps\.pdf/ })).toBeVisible();

    await drawn(chatLog(page).getByRole('button', { name: 'Open here.png at full size' }).locator('img'));
    const download = page.waitForEvent('download');
    await chatLog(page).getByRole('button', { name: /^Download steps\.pdf, / }).click();
    expect(await readFile((await (await download).path())!)).toEqual(PDF);
  } finally {
    await consoleContext.close();
  }
});
