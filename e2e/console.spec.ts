/**
 * The agents' console (/console) against the real server: a visitor on the demo asks for a chat,
 * an agent in another browser context signs in, finds them in the queue, reads what they tried,
 * claims, replies (the visitor sees it), looks them up by reference and resolves. Every console
 * page is checked with axe and for policy violations (the console runs under a strict CSP).
 */
import { expect, type Page } from '@playwright/test';
import type { AgentHandoffSummary, AgentQueue } from '../src/server/api/agent-types';
import { E2E_AGENT } from './playwright.config';
import {
  REFUND_TITLE,

  agentTest as test,
  bubbles,
  chooseChat,
  collectPolicyViolations,
  expectSent,
  messageBox,
  openChannels,
  openPanel,
  search,
  sendMessage,
  visitorRef,
  pageViolations,
} from './fixtures';

// Several people and pages in one test, on a busy two-core machine.
test.describe.configure({ timeout: 90_000 });

const BEEP_TAG = '[e2e:beep]';

/** Reports every oscillator started (the new-handoff beep) through the console. Call before goto. */
async function countBeeps(page: Page): Promise<() => number> {
  let beeps = 0;
  await page.addInitScript((tag: string) => {
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      console.info(tag);
      return start.apply(this, args);
    };
  }, BEEP_TAG);
  page.on('console', (message) => {
    if (message.text() === BEEP_TAG) beeps += 1;
  });
  return () => beeps;
}

test('an agent answers a visitor from the console', async ({ browser, page: visitor, agent }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = await collectPolicyViolations(page);
  const beeps = await countBeeps(page);

  await test.step('sign in', async () => {
    await page.goto('/console');
    await expect(page.getByRole('heading', { name: 'Lifeline console' })).toBeVisible();
    expect(await pageViolations(page), 'axe on the sign-in page').toEqual([]);

    await page.getByLabel('Email').fill(E2E_AGENT.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

    await page.getByLabel('Password').fill(E2E_AGENT.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /waiting$/ })).toBeVisible(); // the list is loaded
  });

  // The handoff is made while the agent watches: it must arrive live, with the sound.
  const beepsBefore = beeps();
  await test.step('the visitor searches, then asks for a chat', async () => {
    await visitor.goto('/');
    const panel = await openPanel(visitor);
    await search(visitor, 'refund');
    await expect(panel.getByRole('link', { name: REFUND_TITLE })).toBeVisible();
    await openChannels(visitor);
    await chooseChat(visitor);
  });
  const question = 'My refund has not arrived after two weeks.';
  await sendMessage(visitor, question);
  const ref = await visitorRef(visitor);
  await expectSent(visitor, question);

  const row = page.getByRole('link', { name: new RegExp(`Ref ${ref}\\b`) });
  await test.step('the queue shows it live, waiting, with the search, and beeps', async () => {
    await expect(row).toBeVisible();
    await expect(row).toContainText(/waiting \d+ (s|min)/);
    await expect(page.getByRole('listitem').filter({ has: row })).toContainText('Searched: refund');
    await expect(page).toHaveTitle(/^\(\d+\) Queue · Lifeline console$/);
    // Other tests' handoffs may beep too (one server for the suite): at least one more.
    await expect.poll(beeps).toBeGreaterThan(beepsBefore);
    expect(await pageViolations(page), 'axe on the queue').toEqual([]);
  });

  // Muted, a handoff the console has not seen makes no sound. No extra real handoff (the suite
  // shares the server's per-address limit): the lists the console loads from here on gain one.
  let beepsMuted = 0;
  let served = 0;
  const QUEUE = '**/v1/agent/queue*';
  await test.step('mute', async () => {
    const mute = page.getByRole('button', { name: 'Mute' });
    await expect(mute).toHaveAttribute('aria-pressed', 'false');
    await mute.click();
    await expect(mute).toHaveAttribute('aria-pressed', 'true');
    await page.waitForTimeout(300); // a beep from before the click may still be on its way
    beepsMuted = beeps();
    await page.route(QUEUE, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as AgentQueue;
      const unseen: AgentHandoffSummary = {
        id: `e2e-unseen-${served}`, ref: '0000', channel: 'chat', status: 'queued', createdAt: new Date().toISOString(),
        agentName: null, visitorName: null, lastPageUrl: null, searches: [], callbackState: null, callbackWindow: null,
      };
      served += 1;
      await route.fulfill({ response, json: { ...body, chats: { ...body.chats, handoffs: [...body.chats.handoffs, unseen] } } });
    });
  });

  const tried = page.getByRole('region', { name: 'What they tried' });
  await test.step('the handoff page shows what the visitor tried and their message', async () => {
    await row.click();
    await expect(page.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();
    await expect(tried.getByRole('listitem').filter({ hasText: 'Search' }).filter({ hasText: 'refund' })).toContainText(/\d+ results?/);
    await expect(tried.getByRole('listitem').filter({ hasText: 'Handoff' })).toContainText('Asked for a person: chat');
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText(question);
    expect(await pageViolations(page), 'axe on the handoff page').toEqual([]);
  });

  await test.step('claim, see the visitor typing, reply: the visitor gets it', async () => {
    await page.getByRole('button', { name: 'Claim' }).click();
    await expect(page.getByText(`With ${E2E_AGENT.name}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Claim' })).toHaveCount(0);
    // The claim's event made the console reload the queue, which held an unseen handoff: silence.
    await expect.poll(() => served).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(beeps(), 'no sound while muted').toBe(beepsMuted);
    // Wait for a queue reload still being answered by the handler, or it would answer a route
    // that is no longer ours ("Route is already handled").
    await page.unrouteAll({ behavior: 'wait' });

    await messageBox(visitor).pressSequentially('Any news?');
    await expect(page.getByText('The visitor is typing…')).toBeVisible();

    const reply = 'I can see it: the refund went out yesterday, it takes 3 to 5 days.';
    await page.getByLabel('Reply').fill(reply);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByLabel('Reply')).toHaveValue('');
    await expect(page.getByRole('log', { name: 'Messages' })).toContainText(reply);
    await expect(bubbles(visitor, reply)).toBeVisible();
    expect(await pageViolations(page), 'axe on the handoff page, claimed').toEqual([]);
  });

  const lookup = async (value: string): Promise<void> => {
    await page.getByRole('searchbox', { name: 'Reference' }).fill(value);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
  };

  await test.step('look up by reference, then resolve', async () => {
    await page.getByRole('link', { name: /Back to the queue/ }).click();
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    await lookup(ref);
    await expect(page.getByRole('heading', { name: `Chat · Ref ${ref}` })).toBeVisible();

    await page.getByLabel('Outcome').selectOption('answered');
    // "No article covers this" and the article that answered exclude each other.
    await page.getByRole('checkbox', { name: 'No article covers this' }).check();
    await expect(page.getByLabel('The article that answered (optional)')).toBeDisabled();
    await page.getByRole('checkbox', { name: 'No article covers this' }).uncheck();
    await page.getByLabel('The article that answered (optional)').fill('refunds');
    await page.getByRole('button', { name: 'Resolve' }).click();
    // With an article, the page stays to say what the visitor's search taught (console-phrasings.spec.ts).
    await expect(page.getByRole('status').filter({ hasText: 'learned as a phrasing of' })).toContainText(
      `1 search learned as a phrasing of “${REFUND_TITLE}”`,
    );
    await page.getByRole('link', { name: /Back to the queue/ }).click();
    await expect(page.getByRole('heading', { name: 'Queue', exact: true })).toBeVisible();
    await expect(row).toHaveCount(0);
  });

  await test.step('a reference with no open handoff says so', async () => {
    await lookup(ref);
    await expect(page.getByText(`No open handoff with reference ${ref}`, { exact: true })).toBeVisible();
  });

  const resolved = (await agent.list('resolved')).find((h) => h.ref === ref);
  expect(resolved?.status).toBe('resolved');
  expect(violations, 'CSP violations on the console').toEqual([]);
  await context.close();
});

test('sign-in says how long to wait after too many attempts', async ({ page }) => {
  // The real limit is shared by the whole suite's sign-ins, so the 429 is the server's answer replayed.
  await page.route('**/v1/agent/login', (route) =>
    route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '42' },
      body: JSON.stringify({ error: 'Too many requests.' }),
    }),
  );
  const violations = await collectPolicyViolations(page);
  await page.goto('/console');
  await page.getByLabel('Email').fill(E2E_AGENT.email);
  await page.getByLabel('Password').fill('whatever it is');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Too many sign-in attempts. Try again in 42 seconds.');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(violations).toEqual([]);
});
