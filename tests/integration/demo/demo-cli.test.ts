/** `demo` through the CLI's own program: first run sets up a centre, later runs add cases. */
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { dataPaths } from '../../../electron/services/data-dir';
import { tempDir } from '../../support/tmp';

let out: string[];
let err: string[];
let tmp: ReturnType<typeof tempDir>;

beforeEach(() => {
  out = [];
  err = [];
  tmp = tempDir('md-demo-cli-');
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
});
const dirs: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  dirs.push(tmp);
});
// A command returns once its log file is closed (withServices awaits the logger), so its data dir can go.
afterAll(() => {
  for (const d of dirs) d.cleanup();
});

const count = (sql: string) => {
  const db = new Database(dataPaths(tmp.dir).database, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('cli demo', () => {
  it('sets up the Muye demo centre with admin / Admin1234, then generates and prints one summary line', async () => {
    expect(await runCli(['demo', '--data-dir', tmp.dir, '--cases', '40', '--seed', '5'])).toBe(0);
    const text = out.join('');
    expect(text).toContain('牧野区非诉讼服务中心（410711001）');
    expect(text).toMatch(/admin.*Admin1234/);
    expect(text.split('\n').filter((l) => l.startsWith('已生成演示数据'))).toHaveLength(1);
    expect(text).toMatch(/案件 40 cases, 当事人 \d+ parties/);
    expect(count('SELECT count(*) AS n FROM cases')).toBe(40);
    expect(
      count(
        `SELECT count(*) AS n FROM centre WHERE committee_abbr = '牧调' AND committee_name = '牧野区人民调解委员会' AND tier = 'district'`,
      ),
    ).toBe(1);
    expect(count(`SELECT count(*) AS n FROM users WHERE login_name = 'admin' AND role = 'admin'`)).toBe(1);

    // A second run adds cases to the same centre, continuing the numbers.
    out = [];
    expect(await runCli(['demo', '--data-dir', tmp.dir, '--cases', '10'])).toBe(0);
    expect(out.join('')).not.toContain('已创建演示中心');
    expect(count('SELECT count(*) AS n FROM cases')).toBe(50);
    expect(count('SELECT count(DISTINCT case_number) AS n FROM cases')).toBe(50);
  });

  it('refuses a case count outside 1..1,000,000 or a bad seed, with a Chinese message and exit code 1', async () => {
    for (const bad of ['0', '1000001', 'abc', '2.5', '-3']) {
      err = [];
      expect(await runCli(['demo', '--data-dir', tmp.dir, '--cases', bad]), bad).toBe(1);
      expect(err.join(''), bad).toContain('--cases 应为 1 至 1000000 之间的整数');
      process.exitCode = undefined;
    }
    err = [];
    expect(await runCli(['demo', '--data-dir', tmp.dir, '--cases', '5', '--seed', 'x'])).toBe(1);
    expect(err.join('')).toContain('--seed 应为整数');
  });
});
