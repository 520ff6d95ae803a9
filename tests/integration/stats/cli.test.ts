/**
 * `cli stats --json` as scripts use it: one JSON object with the agreed names, whose case counts
 * agree with `cli export` (JSONL upload records) of the same data, and Chinese errors with exit 1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../../electron/services/core/clock';
import type { UploadRecord } from '../../../electron/services/records/kinds';
import { tempDir } from '../../support/tmp';
import { seededCentre, type Seeded } from './seed';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let s: Seeded;
let records: UploadRecord[];
const tmp = tempDir('md-stats-cli-');
beforeAll(async () => {
  s = await seededCentre(500, 23);
  // The operator's own export of the same data dir: what a district script would count from.
  const file = path.join(tmp.dir, 'export.jsonl');
  const r = cli('export', '--data-dir', s.app.dir, '--out', file);
  if (r.code !== 0) throw new Error(`cli export failed: ${r.stderr}`);
  records = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as UploadRecord);
}, 120_000);
afterAll(() => {
  s?.app.close();
  tmp.cleanup();
});

/** What a script would count from the export: live case records registered in the period. */
function fromExport(from: string, to: string) {
  const live = records.filter((r) => r.kind === 'case' && !r.deleted).map((r) => r.data as Record<string, string | null>);
  const inPeriod = live.filter((c) => c.registeredAt!.slice(0, 10) >= from && c.registeredAt!.slice(0, 10) <= to);
  const count = (field: string) => {
    const out: Record<string, number> = {};
    for (const c of inPeriod) {
      const v = c[field];
      if (v !== null && v !== undefined) out[v] = (out[v] ?? 0) + 1;
    }
    return out;
  };
  return {
    total: inPeriod.length,
    byCategory: count('category'),
    bySource: count('source'),
    byTier: count('tier'),
    byStatus: count('status'),
    byOutcome: count('outcome'),
  };
}

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));

describe('cli stats --json', () => {
  it('prints one JSON object with the contract’s names, agreeing with the export and the dashboard', async () => {
    const r = cli('stats', '--data-dir', s.app.dir, '--from', '2025-01-01', '--to', '2025-12-31', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const j = JSON.parse(r.stdout) as Record<string, unknown> & ReturnType<typeof fromExport>;
    for (const key of [
      'total',
      'byCategory',
      'bySource',
      'byTier',
      'byStatus',
      'byOutcome',
      'successRate',
      'overdue',
      'courtReferrals',
      'confirmations',
      'resolvedAtTier',
      'period',
    ])
      expect(j).toHaveProperty(key);
    expect(Object.keys(j.courtReferrals as object).sort()).toEqual(['delegated', 'entrusted']);
    expect(Object.keys(j.confirmations as object).sort()).toEqual(['applied', 'granted']);
    expect(j.period).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });

    const e = fromExport('2025-01-01', '2025-12-31');
    expect(e.total).toBeGreaterThan(100);
    expect(j.total).toBe(e.total);
    expect(nonZero(j.byCategory)).toEqual(e.byCategory);
    expect(nonZero(j.bySource)).toEqual(e.bySource);
    expect(nonZero(j.byTier)).toEqual(e.byTier);
    expect(nonZero(j.byStatus)).toEqual(e.byStatus);
    expect(nonZero(j.byOutcome)).toEqual(e.byOutcome);
    // Every known code is there, 0 when none: scripts can read any code without a guard.
    expect(Object.keys(j.byOutcome)).toEqual(['agreement', 'failed', 'withdrawn', 'transferred']);
    expect(Object.keys(j.byTier)).toEqual(['village', 'town', 'district']);

    const d = await s.app.call('stats.dashboard', { from: '2025-01-01', to: '2025-12-31' }, s.session);
    expect(j).toMatchObject({
      successRate: d.kpi.successRate,
      overdue: d.kpi.overdue,
      courtReferrals: { delegated: d.courtReferrals.delegated, entrusted: d.courtReferrals.entrusted },
      confirmations: { applied: d.confirmations.applied, granted: d.confirmations.granted },
      resolvedAtTier: d.resolvedAtTier.share,
    });
    expect(typeof j.successRate).toBe('number');
  }, 60_000);

  it('defaults to this calendar year to date, and agrees with the export over it', () => {
    const r = cli('stats', '--data-dir', s.app.dir, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      period: { from: string; to: string };
      total: number;
      byCategory: Record<string, number>;
      byStatus: Record<string, number>;
    };
    const today = localDate(new Date());
    expect(j.period).toMatchObject({ from: `${today.slice(0, 4)}-01-01`, to: today });
    const e = fromExport(j.period.from, j.period.to);
    expect(j.total).toBe(e.total);
    expect(nonZero(j.byCategory)).toEqual(e.byCategory);
    expect(nonZero(j.byStatus)).toEqual(e.byStatus);
  }, 60_000);

  it('prints readable Chinese without --json', () => {
    const r = cli('stats', '--data-dir', s.app.dir, '--from', '2025-07-01', '--to', '2025-09-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('统计期间 / period: 2025年第三季度（2025-07-01 至 2025-09-30）');
    expect(r.stdout).toMatch(/受理（登记）\/ total: \d+/);
    expect(r.stdout).toContain('按类型：');
  }, 60_000);

  it('refuses bad periods with a Chinese message on stderr and exit code 1', () => {
    const backwards = cli('stats', '--data-dir', s.app.dir, '--from', '2026-03-01', '--to', '2026-01-31', '--json');
    expect(backwards.code).toBe(1);
    expect(backwards.stdout).toBe('');
    expect(backwards.stderr).toContain('结束日期不能早于开始日期');
    const bad = cli('stats', '--data-dir', s.app.dir, '--from', '2026-02-30', '--json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('开始日期无效');
    const nowhere = cli('stats', '--data-dir', path.join(tmp.dir, 'no-such-dir'), '--json');
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('数据目录中没有数据库');
    expect(fs.existsSync(path.join(tmp.dir, 'no-such-dir'))).toBe(false);
  }, 120_000);
});
