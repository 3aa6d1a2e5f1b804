import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Overridable so two checkouts can run their suites side by side on one machine.
export const E2E_PORT = Number(process.env.POMBO_E2E_PORT ?? 3100);
const E2E_PG_PORT = process.env.POMBO_E2E_PG_PORT ?? '54339';
const baseURL = `http://127.0.0.1:${E2E_PORT}`;

// Debian's chromium where it is installed (CI, this machine); Playwright's own browser elsewhere.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    }
  : {};

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: process.env.POMBO_E2E_OUTPUT ?? 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: process.env.POMBO_E2E_REPORT ?? 'reports/playwright.json' }], ...(process.env.CI ? [['html', { open: 'never', outputFolder: 'reports/playwright-html' }] as const] : [])],
  use: {
    baseURL,
    locale: 'pt-BR',
    timezoneId: 'America/Sao_Paulo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'setup', testMatch: /support\/sign-in\.setup\.ts/ },
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions }, dependencies: ['setup'] },
    {
      name: 'phone',
      use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 }, hasTouch: true, launchOptions },
      // process behaviour (npm start, SIGTERM) has no screen: the desktop project covers it once
      testIgnore: /system\/lifecycle\.spec\.ts/,
      dependencies: ['setup'],
    },
  ],
  webServer: {
    command: 'node --conditions=react-server --import tsx scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    env: { PORT: String(E2E_PORT), POMBO_DATA_DIR: process.env.POMBO_E2E_DATA_DIR ?? '.pombo-e2e', POMBO_PG_PORT: E2E_PG_PORT, LOG_LEVEL: 'warn' },
  },
});
