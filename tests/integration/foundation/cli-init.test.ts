/**
 * `cli init` without --committee-name / --committee-abbr: the committee and the case numbers carry
 * the centre's place (牧调字), not a bare 调字 (#18); given ones win; a bad one is refused in Chinese.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dataPaths } from '../../../electron/services/data-dir';
import { runCliCaptured } from '../../support/cli';
import { tempDir } from '../../support/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function init(extra: string[]) {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const args = ['init', '--data-dir', dir, '--centre-code', '410711001', '--centre-name', '牧野区非诉讼服务中心'];
  args.push('--admin-user', 'admin', '--admin-password', 'Admin2026x', ...extra);
  return { dir, run: runCliCaptured(args) };
}

function storedCommittee(dir: string) {
  const db = new Database(dataPaths(dir).database, { readonly: true });
  try {
    return db.prepare('select committee_name as name, committee_abbr as abbr from centre').get() as { name: string; abbr: string };
  } finally {
    db.close();
  }
}

describe('cli init', () => {
  it('derives the committee and the case-number abbreviation from the centre name', async () => {
    const { dir, run } = init([]);
    const r = await run;
    expect(r.code, r.err).toBe(0);
    expect(storedCommittee(dir)).toEqual({ name: '牧野区人民调解委员会', abbr: '牧调' });
    expect(r.out).toMatch(/案号如 （\d{4}）牧调字第0001号/);
  });

  it('keeps what the operator gave, and refuses a bad abbreviation clearly', async () => {
    const given = init(['--committee-name', '牧野区王村镇人民调解委员会', '--committee-abbr', '王调']);
    expect((await given.run).code).toBe(0);
    expect(storedCommittee(given.dir)).toEqual({ name: '牧野区王村镇人民调解委员会', abbr: '王调' });

    const bad = await init(['--committee-abbr', '牧 调1']).run;
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('案号简称不能含空格、数字或括号');
  });
});
