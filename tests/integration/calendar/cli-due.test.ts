/**
 * `cli due` as an operator's script uses it: one line with the date, or one JSON object
 * {from, days, due, movedFrom, reason}; --working counts working days; a data dir adds the
 * centre's own years; bad input gives a Chinese message and exit 1.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'due', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ now: '2026-12-02T09:00:00+08:00' });
  const s = await app.login();
  await app.call(
    'calendar.saveYear',
    { year: 2027, holidays: { '2027-01-01': '元旦', '2027-01-02': '元旦', '2027-01-03': '元旦' }, workdays: {}, source: '测试' },
    s,
  );
}, 60_000);
afterAll(() => app?.close());

describe('cli due', () => {
  it('prints the due date on one line: 30 days from 2026-09-01 end after National Day', () => {
    const r = cli('--from', '2026-09-01', '--days', '30');
    expect(r).toEqual({ code: 0, stdout: '2026-10-08\n', stderr: '' });
  });

  it('gives {from, days, due, movedFrom, reason} with --json', () => {
    const r = cli('--from', '2026-09-01', '--days', '30', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({
      from: '2026-09-01',
      days: 30,
      due: '2026-10-08',
      movedFrom: '2026-10-01',
      reason: '原到期日 10-01 为国庆假期，顺延',
    });
    const plain = JSON.parse(cli('--from', '2026-03-02', '--days', '3', '--json').stdout);
    expect(plain).toEqual({ from: '2026-03-02', days: 3, due: '2026-03-05', movedFrom: null, reason: null });
  });

  it('counts working days with --working, 调休 weekends included', () => {
    expect(cli('--from', '2026-09-30', '--days', '1', '--working').stdout).toBe('2026-10-08\n');
    expect(cli('--from', '2026-09-18', '--days', '1', '--working').stdout).toBe('2026-09-20\n');
    expect(JSON.parse(cli('--from', '2026-02-13', '--days', '2', '--working', '--json').stdout)).toMatchObject({
      due: '2026-02-24',
      movedFrom: null,
    });
  });

  it('warns on stderr for a year without a schedule, and uses the centre’s years with --data-dir', () => {
    const bare = cli('--from', '2026-12-02', '--days', '30');
    expect(bare.stdout).toBe('2027-01-01\n');
    expect(bare.stderr).toContain('2027 年的节假日安排尚未录入');
    const centre = cli('--from', '2026-12-02', '--days', '30', '--data-dir', app.dir, '--json');
    expect(centre.code).toBe(0);
    expect(JSON.parse(centre.stdout)).toMatchObject({
      due: '2027-01-04',
      movedFrom: '2027-01-01',
      reason: '原到期日 01-01 为元旦假期，顺延',
    });
    expect(centre.stderr).toBe('');
  });

  it('refuses a bad date or count with a Chinese message and exit 1', () => {
    const badDate = cli('--from', '2026-02-30', '--days', '3');
    expect(badDate.code).toBe(1);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toContain('--from 应为有效的“年-月-日”');
    const badDays = cli('--from', '2026-02-01', '--days', '-3');
    expect(badDays.code).not.toBe(0);
    expect(cli('--from', '2026-02-01', '--days', 'x').stderr).toContain('--days 应为 0 到 3660 的整数');
  });
});
