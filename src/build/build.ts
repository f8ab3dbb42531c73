/**
 * `npm run build`: the widget's two builds, then the demo's articles.
 *
 * 1. The panel (Preact views, search, positioning) as an ES module with a content hash in its
 *    name, so it can be cached forever and is only fetched when the visitor shows intent.
 * 2. The loader, dist/lifeline.js, as a classic script (an IIFE: it leaks no globals) that
 *    knows the panel's file name and imports it relative to its own URL; beside it, the
 *    launcher's words of each language but English, a tiny file per language.
 * 3. demo/articles/*.md into dist/articles.json, the demo's `data-articles`, the articles named
 *    in demo/popular.txt first.
 * 4. The agents' console (src/console/main.tsx) into dist/console/assets/, its script and
 *    stylesheet with content hashes, named in dist/console/manifest.json for the server's shell.
 * 5. The console's service worker (browser notifications) as dist/console/sw.js: a classic
 *    script whose name never changes (a registration is tied to its URL).
 * 6. The npm package in dist/package/ (src/build/package.ts): `npm pack ./dist/package`.
 */
import { build, type InlineConfig } from 'vite';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { minify } from 'terser';
import { Features } from 'lightningcss';
import { fileURLToPath } from 'node:url';
import { loadMarkdownFolder } from '../search/markdown-folder';
import { indexFile } from '../search/cli-index';
import { buildPackage } from './package';
import { createHash } from 'node:crypto';
import { LAUNCHER_STRINGS } from '../widget/i18n/launcher-strings';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = `${root}dist`;
const version = process.env.npm_package_version ?? '0.0.0';

const shared: InlineConfig = {
  root,
  configFile: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': '"production"' },
  // No light-dark() is written anywhere, yet for older targets Lightning CSS adds the variables
  // its polyfill would read to every `color-scheme` (29 B gzip in the loader, which has none to spare).
  css: { lightningcss: { exclude: Features.LightDark } },
};

async function buildPanel(): Promise<string> {
  const output = await build({
    ...shared,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Lib mode: Vite then adds no preload helper, which would put <link rel=modulepreload> in
      // the host page's <head> and fire its own events on the page's window. Lib mode leaves ES
      // output unminified, so the output asks for minification itself.
      lib: {
        entry: `${root}src/widget/panel/index.tsx`,
        formats: ['es'],
        fileName: () => 'lifeline-panel.[hash].js',
      },
      rolldownOptions: {
        // Keep `mount`, and let the entry export what lazy chunks share with it, so shared code
        // (Preact, helpers) stays in the panel instead of a common chunk fetched one step later.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // Licences stay; build-time hints (/* @__PURE__ */) and JSDoc are bytes no browser needs.
          comments: { legal: true, annotation: false, jsdoc: false },
          // Seven characters of content hash (42 bits, the least Rolldown takes for this many
          // chunks): every chunk names each language's file it may import, so a character less
          // in each name is about 10 bytes less gzip in each chunk that has thirteen of them.
          chunkFileNames: 'lifeline-[name].[hash:7].js',
        },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Array<{ output: Array<{ type: string; isEntry?: boolean; fileName: string }> }>;
  const entry = outputs.flatMap((o) => o.output).find((chunk) => chunk.type === 'chunk' && chunk.isEntry);
  if (!entry) throw new Error('the panel build produced no entry chunk');
  return entry.fileName;
}

/**
 * The launcher's words of every language but English (which the loader carries) as a tiny ES
 * module each, dist/lifeline-words-<lang>.<hash>.js, one hash for all: the loader knows the
 * pattern, not twelve names, and a visitor fetches only their language's.
 */
async function writeLauncherWords(): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(LAUNCHER_STRINGS)).digest('base64url').slice(0, 8);
  for (const [language, words] of Object.entries(LAUNCHER_STRINGS)) {
    if (language !== 'en') await writeFile(`${outDir}/lifeline-words-${language}.${hash}.js`, `export default ${JSON.stringify(words)};\n`);
  }
  return `./lifeline-words-%.${hash}.js`;
}

async function buildLoader(panelFile: string, wordsPattern: string): Promise<void> {
  await build({
    ...shared,
    define: {
      ...shared.define,
      __LIFELINE_PANEL__: JSON.stringify(`./${panelFile}`),
      __LIFELINE_VERSION__: JSON.stringify(version),
      __LIFELINE_WORDS__: JSON.stringify(wordsPattern),
    },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      lib: {
        entry: `${root}src/widget/embed.ts`,
        formats: ['iife'],
        name: 'LifelineLoader',
        fileName: () => 'lifeline.js',
      },
    },
  });
}

/**
 * A second minification of the widget's files with terser (three compress passes): about 0.5 KB
 * gzip less than Rolldown's minifier alone, which matters under the 6 KB and 35 KB budgets.
 * File names keep Rolldown's content hashes, which still change whenever the source does.
 */
async function squeeze(): Promise<void> {
  const files = (await readdir(outDir)).filter((name) => /^lifeline.*\.js$/.test(name));
  for (const file of files) {
    const path = `${outDir}/${file}`;
    const code = await readFile(path, 'utf8');
    const result = await minify(code, {
      module: file !== 'lifeline.js',
      ecma: 2020,
      // The loader also lets function expressions become arrows (none of its functions is a
      // constructor or reads `this`): 13 B under its 6 KB. Not the panel's files, where Preact's are.
      compress: { passes: 3, pure_getters: true, unsafe_arrows: file === 'lifeline.js' },
      format: { comments: /@license|@preserve|^!/ },
    });
    if (result.code === undefined) throw new Error(`terser gave nothing for ${file}`);
    await writeFile(path, result.code);
  }
}

async function buildDemoArticles(): Promise<void> {
  const { articles, problems } = await loadMarkdownFolder(`${root}demo/articles`);
  if (problems.length) throw new Error(`demo/articles has problems:\n  ${problems.join('\n  ')}`);
  // The widget shows the first five articles as "Popular"; demo/popular.txt names them.
  const popular = (await readFile(`${root}demo/popular.txt`, 'utf8')).split('\n').map((l) => l.trim()).filter(Boolean);
  const rank = (id: string): number => (popular.includes(id) ? popular.indexOf(id) : popular.length);
  articles.sort((a, b) => rank(a.id) - rank(b.id));
  await mkdir(outDir, { recursive: true });
  // As `lifeline index` writes it: the articles with their search index prebuilt.
  await writeFile(`${outDir}/articles.json`, JSON.stringify(indexFile(articles, { lang: 'en', withIndex: true })));
  console.log(`dist/articles.json: ${articles.length} demo articles, search index prebuilt`);
}

async function buildConsole(): Promise<string[]> {
  const consoleDir = `${outDir}/console`;
  const output = await build({
    ...shared,
    build: {
      outDir: `${consoleDir}/assets`,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      // One stylesheet file: the shell links it, the policy allows no inline style.
      cssCodeSplit: false,
      // No preload helper: the console has no lazy chunks to preload.
      modulePreload: false,
      assetsDir: '',
      rolldownOptions: {
        input: `${root}src/console/main.tsx`,
        output: {
          entryFileNames: 'console.[hash].js',
          chunkFileNames: 'console-[name].[hash].js',
          assetFileNames: 'console.[hash][extname]',
        },
      },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]) as Array<{ output: Array<{ type: string; isEntry?: boolean; fileName: string }> }>;
  const files = outputs.flatMap((o) => o.output);
  const entry = files.find((f) => f.type === 'chunk' && f.isEntry);
  if (!entry) throw new Error('the console build produced no entry chunk');
  const styles = files.filter((f) => f.type === 'asset' && f.fileName.endsWith('.css')).map((f) => f.fileName);
  await writeFile(`${consoleDir}/manifest.json`, JSON.stringify({ script: entry.fileName, styles }));
  return [entry.fileName, ...styles];
}

async function buildServiceWorker(): Promise<void> {
  await build({
    ...shared,
    build: {
      outDir: `${outDir}/console`,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: `${root}src/console/sw/sw.ts`, formats: ['iife'], name: 'LifelineConsoleWorker', fileName: () => 'sw.js' },
    },
  });
}

const started = Date.now();
const panelFile = await buildPanel();
await buildLoader(panelFile, await writeLauncherWords());
await squeeze();
await buildDemoArticles();
// After the panel: its build empties dist/.
const consoleFiles = await buildConsole();
await buildServiceWorker();
await buildPackage(root, outDir, panelFile);
console.log(`built dist/lifeline.js and dist/${panelFile} in ${Date.now() - started} ms`);
console.log(`built the console: dist/console/assets/{${consoleFiles.join(',')}}`);
console.log('built the npm package in dist/package/ (npm pack ./dist/package)');
