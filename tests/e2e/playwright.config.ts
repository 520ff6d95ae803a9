import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the real renderer (out/renderer-web, build it first) served by the browser host,
 * driven in Debian's Chromium. Never downloads a browser.
 *   npx vite build --config renderer/vite.config.ts && npx playwright test --config tests/e2e/playwright.config.ts
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // E2E_OUTPUT_DIR lets two runs on one checkout keep apart (each run empties its output dir).
  outputDir: process.env.E2E_OUTPUT_DIR ?? '../../test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
