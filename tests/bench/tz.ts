/**
 * The app runs in China: dates and RFC 3339 offsets in the data are +08:00 (tests/vitest.config.ts
 * does the same). Imported first by run.ts, before any module reads a clock.
 */
process.env.TZ ??= 'Asia/Shanghai';
