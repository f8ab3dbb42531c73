import { existsSync } from 'node:fs';

/**
 * Chromium for the end-to-end tests and the benchmarks. Playwright cannot download browsers
 * here, so Debian's is used (CHROME_PATH, or /usr/bin/chromium), else Playwright's own.
 */
export function chromePath(): string | undefined {
  return process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/** Without the background-networking flags Chromium keeps dialling out of this closed network. */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
