import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // better-sqlite3 is native: forks are safer than worker threads for it.
    pool: 'forks',
    // Two at once on the two cores CI has: many files wait on subprocesses, Chromium and LibreOffice,
    // so the suite takes half the time (measured: 755 s with one fork, 377 s with two).
    maxWorkers: 2,
    // The app runs in China: local dates and RFC 3339 offsets are +08:00 whatever the CI machine says.
    env: { TZ: 'Asia/Shanghai' },
  },
});
