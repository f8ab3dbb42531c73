/**
 * The npm package, written by `npm run build` into dist/package/ and packed with
 * `npm pack ./dist/package` (README, "In an app"). The repository itself stays private: it holds
 * the server, whose dependencies (a database driver, a mail client) an app that only shows the
 * widget must never install. The package has no dependencies at all; what it holds:
 *
 * - index.js: the ES module with `createLifeline` (src/widget/package.ts), importing the panel
 *   from dist/ beside it, so the app's bundler splits the panel and its chunks out as lazy code;
 * - protocol.js: the protocol's pure checks (`lifeline-widget/protocol`, src/protocol/index.ts);
 * - types/: their declarations, emitted by tsc (src/build/tsconfig.package.json);
 * - dist/: the built script files for a CDN (`lifeline-widget/dist/lifeline.js` and its chunks);
 * - docs/: the protocol (protocol.md, openapi.json) and the other documents it links to.
 */
import { build, type InlineConfig } from 'vite';
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The package's name on a registry (README, In an app). */
export const PACKAGE_NAME = 'lifeline-widget';

const run = promisify(execFile);

/** The panel chunk as index.js imports it (also what the build marks external). */
const panelModule = (panelFile: string): string => `./dist/${panelFile}`;

export async function buildPackage(root: string, outDir: string, panelFile: string): Promise<string> {
  const packageDir = `${outDir}/package`;
  const repo = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { version: string; description: string; license: string };
  await rm(packageDir, { recursive: true, force: true });
  await mkdir(`${packageDir}/dist`, { recursive: true });

  // The CDN files, exactly as dist/ has them (the loader, the panel and its chunks).
  for (const file of (await readdir(outDir)).filter((name) => /^lifeline.*\.js$/.test(name))) {
    await cp(`${outDir}/${file}`, `${packageDir}/dist/${file}`);
  }

  const shared: InlineConfig = { root, configFile: false, logLevel: 'warn', define: { 'process.env.NODE_ENV': '"production"' } };
  const panel = panelModule(panelFile);
  await build({
    ...shared,
    define: { ...shared.define, __LIFELINE_PANEL_MODULE__: JSON.stringify(panel), __LIFELINE_VERSION__: JSON.stringify(repo.version) },
    build: {
      outDir: packageDir,
      emptyOutDir: false,
      target: 'es2022',
      // Readable: the app's own bundler minifies it with the rest of the app.
      minify: false,
      lib: { entry: `${root}src/widget/package.ts`, formats: ['es'], fileName: () => 'index.js' },
      rolldownOptions: { external: [panel] },
    },
  });
  await build({
    ...shared,
    build: {
      outDir: packageDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      lib: { entry: `${root}src/protocol/index.ts`, formats: ['es'], fileName: () => 'protocol.js' },
    },
  });

  // Declarations of the two entries and what they name; the loader's internals stay out.
  const types = join(tmpdir(), `lifeline-types-${process.pid}`);
  await run(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}src/build/tsconfig.package.json`, '--outDir', types]);
  await mkdir(`${packageDir}/types/widget`, { recursive: true });
  for (const file of ['package.d.ts', 'package-types.d.ts']) await cp(`${types}/widget/${file}`, `${packageDir}/types/widget/${file}`);
  await cp(`${types}/protocol`, `${packageDir}/types/protocol`, { recursive: true });
  await rm(types, { recursive: true, force: true });

  const manifest = {
    // Not "lifeline": that name on the public registry is someone else's package, which
    // `npm install lifeline` would fetch instead of this one.
    name: PACKAGE_NAME,
    version: repo.version,
    description: repo.description,
    license: repo.license,
    type: 'module',
    sideEffects: false,
    // For tools that predate `exports` (TypeScript's "node10" resolution, older bundlers).
    main: './index.js',
    types: './types/widget/package.d.ts',
    typesVersions: { '*': { protocol: ['./types/protocol/index.d.ts'] } },
    exports: {
      '.': { types: './types/widget/package.d.ts', default: './index.js' },
      './protocol': { types: './types/protocol/index.d.ts', default: './protocol.js' },
      './dist/*': './dist/*',
      './package.json': './package.json',
    },
  };
  await writeFile(`${packageDir}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
  await writeFile(`${packageDir}/README.md`, await packageReadme(root));
  // The protocol's prose and its OpenAPI document, for whoever writes a backend against the types.
  await mkdir(`${packageDir}/docs`);
  for (const file of (await readdir(`${root}docs`)).filter((name) => /\.(md|json)$/.test(name))) {
    await cp(`${root}docs/${file}`, `${packageDir}/docs/${file}`);
  }
  return packageDir;
}

/**
 * The package's README: the repository's section on apps ("In an app"), without how the package
 * is made. Its links go to docs/, which the package carries.
 */
async function packageReadme(root: string): Promise<string> {
  const readme = await readFile(`${root}README.md`, 'utf8');
  const start = readme.indexOf('## In an app\n');
  if (start < 0) throw new Error('README.md has no "## In an app" section for the package README');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme
    .slice(start + '## In an app\n'.length, end < 0 ? undefined : end)
    .replace(/\n### Making the package\n[\s\S]*?(?=\n### |$)/, '\n');
  return `# ${PACKAGE_NAME}\n\nAn embeddable customer-help widget that never hides the way to a human.\n${section}`;
}
