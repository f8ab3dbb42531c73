import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { ORIGIN, PHONE, REFUND_TITLE, collectConsole, dialog, helpButton, hostPage, lifelineErrors, searchbox, widget } from './fixtures';

/**
 * The npm package as an app gets it (README, "In an app"): `npm pack ./dist/package` (written by
 * `npm run build`), the tarball installed offline into a throwaway app, the app type-checked with
 * `tsc --strict` against the package's declarations and built with Vite, then driven in Chromium.
 * The app's page is served on the server's origin, so the articles come from the real server.
 */
const run = promisify(execFile);

// Both tests in one worker, so the tarball is packed, installed and built once.
test.describe.configure({ mode: 'default' });
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const APP_MAIN = `
import { createLifeline, type LifelineHandle, type LifelineEvents } from 'lifeline-widget';
import { validatePostMessage, type Message } from 'lifeline-widget/protocol';

const log = document.querySelector<HTMLOListElement>('#events')!;
const note = (text: string): void => {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
};

let handle: LifelineHandle | null = null;
let stopClose: (() => void) | null = null;
function mount(): void {
  // accent is a string to the types, but not a colour: reported by its setting's name.
  handle = createLifeline({ phone: ${JSON.stringify(PHONE)}, articles: '/articles.json', position: 'bottom-left', accent: 'not a colour' });
  handle.on('ready', () => note('ready'));
  handle.on('open', () => note('open'));
  handle.on('search', (event: LifelineEvents['search']) => note('search ' + event.query + ' ' + String(event.resultCount > 0)));
  stopClose = handle.on('close', () => note('close'));
  // @ts-expect-error: not an event of the widget
  handle.on('opened', () => undefined);
  // @ts-expect-error: a search's payload has no id
  handle.on('search', (event) => event.id);
  try {
    createLifeline({ phone: ${JSON.stringify(PHONE)} });
    note('two widgets');
  } catch {
    note('one widget at a time');
  }
}
mount();

const button = (name: string, action: () => void): void => {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = name;
  el.addEventListener('click', action);
  document.querySelector('main')!.append(el);
};
button('Search refunds', () => handle?.search('refund'));
button('Stop hearing close', () => stopClose?.());
button('Remove help', () => {
  handle?.destroy();
  handle = null;
  note('destroyed');
});
button('Add help', mount);

const message: Message = { id: 'm1', clientMessageId: 'c1', from: 'agent', text: 'Hello', at: new Date().toISOString() };
const checked = validatePostMessage({ clientMessageId: crypto.randomUUID(), text: message.text });
note(checked.ok ? 'protocol checks' : 'protocol refused ' + checked.error);
`;

const APP_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>An app</title></head>
<body><main><h1>An app</h1><h2>Events</h2><ol id="events" aria-label="Events"></ol></main>
<script type="module" src="/src/main.ts"></script></body>
</html>
`;

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    noEmit: true,
    // The package's own declarations are checked too.
    skipLibCheck: false,
  },
  include: ['src'],
};

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };

let appDist = '';
let installed = '';
let work = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  work = await mkdtemp(join(tmpdir(), 'lifeline-package-'));
  const packed = await run('npm', ['pack', './dist/package', '--pack-destination', work, '--json'], { cwd: ROOT });
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  const app = join(work, 'app');
  await mkdir(join(app, 'src'), { recursive: true });
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'an-app', private: true, type: 'module' }));
  await writeFile(join(app, 'index.html'), APP_HTML);
  await writeFile(join(app, 'src/main.ts'), APP_MAIN);
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  // Offline: the package has no dependencies to fetch.
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, filename)], { cwd: app });

  // What the package declares: no dependency reaches the app, and the CDN files are exported.
  const manifest = JSON.parse(await readFile(join(app, 'node_modules/lifeline-widget/package.json'), 'utf8')) as Record<string, unknown>;
  expect(manifest.dependencies, 'the package brings no dependencies into the app').toBeUndefined();
  const resolve = createRequire(join(app, 'package.json')).resolve;
  expect(existsSync(resolve('lifeline-widget/dist/lifeline.js')), 'lifeline-widget/dist/lifeline.js').toBe(true);

  // The repository's TypeScript and Vite, run on the app as its own would be.
  const tsc = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app]).catch((error: { stdout: string }) => {
    throw new Error(`tsc --strict failed on the app:\n${error.stdout}`);
  });
  expect(tsc.stdout).toBe('');
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--base', '/app/', '--logLevel', 'warn'], { cwd: app });
  appDist = join(app, 'dist');
  installed = join(app, 'node_modules/lifeline-widget');
});

test.afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

test('the packed package in a Vite app: createLifeline mounts the widget, typed events fire, destroy removes it', async ({ page }) => {
  await page.route(`${ORIGIN}/app/**`, async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/app\/?/, '') || 'index.html';
    const file = join(appDist, path);
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  });
  const events = page.getByRole('list', { name: 'Events' }).getByRole('listitem');
  const messages = collectConsole(page);
  await page.goto(`${ORIGIN}/app/`);

  await expect(helpButton(page)).toBeVisible();
  // `ready` comes once the app's module has run, so listeners added after createLifeline hear it.
  await expect(events).toHaveText(['one widget at a time', 'protocol checks', 'ready']);
  expect(await page.evaluate(() => 'Lifeline' in window), 'no global from the package').toBe(false);
  expect(lifelineErrors(messages)).toEqual([
    '[Lifeline] settings.accent: expected a CSS colour like "#0b6e4f", got "not a colour"',
    // The event the types refused (@ts-expect-error) is refused at run time too.
    '[Lifeline] on: expected an event (ready, open, close, search, article, handoff, message) and a function',
  ]);

  await helpButton(page).click();
  await expect(dialog(page)).toBeVisible();
  await expect(events.filter({ hasText: /^open$/ })).toHaveCount(1);
  await searchbox(page).fill('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  await expect(events.filter({ hasText: 'search refund true' })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(events.filter({ hasText: /^close$/ })).toHaveCount(1);

  // The handle's calls, and an unsubscribe that holds.
  await page.getByRole('button', { name: 'Stop hearing close' }).click();
  await page.getByRole('button', { name: 'Search refunds' }).click();
  await expect(searchbox(page)).toHaveValue('refund');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(events.filter({ hasText: /^open$/ })).toHaveCount(2);
  await expect(events.filter({ hasText: /^close$/ })).toHaveCount(1);

  // The panel's chunks came from the app's own build, not from a CDN.
  const chunks = await readdir(join(appDist, 'assets'));
  expect(chunks.some((name) => name.startsWith('lifeline-panel')), `the app's build split the panel out: ${chunks.join(', ')}`).toBe(true);

  await page.getByRole('button', { name: 'Remove help' }).click();
  await expect(widget(page)).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(window).filter((key) => /lifeline/i.test(key)))).toEqual([]);

  // After destroy, a new widget may be created.
  await page.getByRole('button', { name: 'Add help' }).click();
  await expect(helpButton(page)).toBeVisible();
  await expect(widget(page)).toHaveCount(1);
});

test('the package’s script files, served from a CDN folder of their own, work as the script tag', async ({ page }) => {
  // As a CDN serves node_modules/lifeline-widget/dist/ (unpkg, jsDelivr, or the site's own).
  await page.route(`${ORIGIN}/cdn/lifeline/**`, async (route) => {
    const file = join(installed, 'dist', new URL(route.request().url()).pathname.replace('/cdn/lifeline/', ''));
    if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: await readFile(file) });
  });
  const panelFrom: string[] = [];
  page.on('request', (request) => request.url().includes('lifeline-panel') && panelFrom.push(new URL(request.url()).pathname));
  const { url } = await hostPage(page, {
    script: null,
    body: `<main><h1>A shop</h1></main><script src="/cdn/lifeline/lifeline.js" async data-phone="${PHONE}" data-articles="/articles.json"></script>`,
  });
  await page.goto(url);
  await helpButton(page).click();
  await searchbox(page).fill('refund');
  await expect(dialog(page).getByRole('link', { name: REFUND_TITLE })).toBeVisible();
  expect(panelFrom.every((path) => path.startsWith('/cdn/lifeline/')) && panelFrom.length > 0, `the panel came from beside the script: ${panelFrom.join(', ')}`).toBe(true);
});
