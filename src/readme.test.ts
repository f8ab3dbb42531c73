/**
 * The README is what a site owner follows from a fresh clone: these are the promises it makes
 * that a change can quietly break (a link into a folder the clone does not have, a quick start
 * that does not say how to reach the console, history that means nothing to a reader).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const root = new URL('../', import.meta.url);
const readme = await readFile(new URL('README.md', root), 'utf8');
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));

describe('the README', () => {
  it.each(['README.md', ...readdirSync(new URL('docs/', root)).map((f) => `docs/${f}`)])(
    '%s links only to files inside the repository, and each one exists',
    async (file) => {
      const text = await readFile(new URL(file, root), 'utf8');
      const base = new URL(file, root);
      const targets = [...text.matchAll(/\]\(([^)#\s]+)[^)]*\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/.test(t));
      for (const target of targets) {
        const to = new URL(target, base);
        expect(to.href.startsWith(root.href), `${target}: a link out of the clone`).toBe(true);
        expect(existsSync(to), `${target} exists`).toBe(true);
      }
    },
  );

  it('has a quick start with both commands, the Node version and how to open the console', () => {
    expect(quickStart).toContain('npm ci && npm start');
    expect(quickStart).toContain('npm ci && npm test');
    expect(quickStart).toContain(`Node.js ${pkg.engines.node.replace('>=', '')}`);
    expect(quickStart).toMatch(/LIFELINE_AGENT_EMAIL=\S+ LIFELINE_AGENT_PASSWORD=/);
    expect(quickStart).toContain('http://127.0.0.1:8787/console');
  });

  it('tells no internal history (issue numbers, decisions pending)', () => {
    expect(readme).not.toMatch(/\bissue \d+|until the owner|owner decides/i);
  });
});
