import { defineConfig, devices } from '@playwright/test';
import { CHROME_FLAGS, chromePath } from '../src/build/chrome';

/**
 * End-to-end tests: the built dist/lifeline.js in a real Chromium, against the real server
 * (`npm run build` runs first; see package.json), in Chromium (see src/build/chrome.ts).
 */
const port = Number(process.env.E2E_PORT ?? 8791);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'off',
    launchOptions: {
      executablePath: chromePath(),
      args: CHROME_FLAGS,
    },
  },
  webServer: {
    command: 'node --import tsx src/server/main.ts',
    cwd: '..',
    url: `http://127.0.0.1:${port}/lifeline.js`,
    env: { PORT: String(port), HOST: '127.0.0.1' },
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
