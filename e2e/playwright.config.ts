import { defineConfig, devices } from '@playwright/test';
import { CHROME_FLAGS, chromePath } from '../src/build/chrome';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * End-to-end tests: the built dist/lifeline.js in a real Chromium, against the real server
 * (`npm run build` runs first; see package.json), in Chromium (see src/build/chrome.ts).
 */
const port = Number(process.env.E2E_PORT ?? 8791);
/** A fresh SQLite file per run: the real database, never a stand-in. */
const db = join(mkdtempSync(join(tmpdir(), 'lifeline-e2e-')), 'lifeline.db');
/** The agent the tests sign in as (e2e/fixtures.ts). */
export const E2E_AGENT = { email: 'sam@northwind-cycles.example', password: 'e2e-agent-password', name: 'Sam' };

/**
 * The environment of a test server: its port, its SQLite file and the known agent. Every test's
 * visitor comes from 127.0.0.1, where real visitors each have an address of their own, so the
 * per-address limit on new handoffs is raised; the limit itself has a test of its own
 * (handoff.spec.ts, "a busy server").
 */
export const serverEnv = (serverPort: number, file: string): Record<string, string> => ({
  PORT: String(serverPort),
  HOST: '127.0.0.1',
  LIFELINE_DB: file,
  // Every test's visitors and agents come from 127.0.0.1: the per-address limits are the suite's,
  // not one person's.
  LIFELINE_HANDOFFS_PER_MINUTE: '10000',
  LIFELINE_MESSAGES_PER_MINUTE: '10000',
  LIFELINE_SIGNINS_PER_MINUTE: '1000',
  LIFELINE_SEARCHES_PER_MINUTE: '10000',
  // The demo's articles, as `npm start` gives them: the console offers them and checks the id.
  LIFELINE_ARTICLES: 'dist/articles.json',
  LIFELINE_AGENT_EMAIL: E2E_AGENT.email,
  LIFELINE_AGENT_PASSWORD: E2E_AGENT.password,
  LIFELINE_AGENT_NAME: E2E_AGENT.name,
});

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
    env: serverEnv(port, db),
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
});
