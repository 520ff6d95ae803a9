/**
 * `cli report` on a demo data dir: the quarterly report as .docx and its tables as .xlsx, read
 * back (the dashboard's figures, Chinese dates, the landscape key-case section, a sheet a table);
 * bad dates, a period backwards, another extension and a missing option refused in Chinese, exit 1,
 * nothing written.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TABLE_LABELS } from '../../../electron/common/api/stats';
import { computeDashboard } from '../../../electron/services/stats/dashboard';
import { REPORT_TABLES } from '../../../electron/services/stats/exports';
import { runCliCaptured } from '../../support/cli';
import { tempDir } from '../../support/tmp';
import { demoDir, type DemoDir } from '../demo/harness';

let demo: DemoDir;
const out = tempDir('md-report-cli-');
const quarter = { from: '2026-07-01', to: '2026-09-30' };
beforeAll(() => {
  demo = demoDir(300, 7);
}, 120_000);
afterAll(() => {
  demo?.close();
  out.cleanup();
});

const report = (...args: string[]) => runCliCaptured(['report', '--data-dir', demo.dir, ...args]);

describe('cli report', () => {
  it('writes the quarterly report as .docx with the period’s figures, Chinese dates and the key cases on landscape pages', async () => {
    const file = path.join(out.dir, '季度报告.docx');
    const r = await report('--from', quarter.from, '--to', quarter.to, '--out', file);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('季度联席会议报告（2026年7月1日至2026年9月30日）');
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const d = computeDashboard(demo.ctx, quarter);
    expect(d.kpi.received).toBeGreaterThan(0);
    expect(text).toContain('2026年第三季度矛盾纠纷化解工作情况报告');
    expect(text).toContain('统计期间：2026年7月1日至2026年9月30日');
    expect(text).toContain(
      `共受理（登记）矛盾纠纷${d.kpi.received}件，受理调解${d.kpi.accepted}件；调解${d.kpi.mediated}件，其中调解成功${d.kpi.successful}件`,
    );
    expect(text).not.toMatch(/registeredAt|agreedAmountFen|originTier|ruling|\d{4}-\d{2}-\d{2}T/);
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  });

  it('writes its tables as .xlsx: one sheet a table, titled with the centre and the period', async () => {
    const file = path.join(out.dir, 'tables.XLSX');
    const r = await report('--from', quarter.from, '--to', quarter.to, '--out', file);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(REPORT_TABLES.map((t) => XLSX_TABLE_LABELS[t].slice(0, 31)));
    const d = computeDashboard(demo.ctx, quarter);
    const summary = wb.worksheets[0]!;
    expect(summary.getCell(1, 1).text).toContain('（2026年第三季度，2026年7月1日至2026年9月30日）');
    const received = summary.getColumn(1).values.findIndex((v) => v === '受理（登记）案件数（件）');
    expect(received).toBeGreaterThan(0);
    expect(summary.getCell(received, 2).value).toBe(d.kpi.received);
    // The key-case sheet has every column, the printed list only some.
    expect((wb.worksheets[5]!.getRow(2).values as unknown[]).filter(Boolean)).toContain('剩余天数');
  });

  it.each([
    [['--from', '2026-02-30', '--to', '2026-03-31', '--out', 'a.docx'], '开始日期无效：“2026-02-30”'],
    [['--from', '2026-07-01', '--to', '2026/09/30', '--out', 'a.docx'], '结束日期无效：“2026/09/30”'],
    [['--from', '2026-09-30', '--to', '2026-07-01', '--out', 'a.docx'], '结束日期不能早于开始日期'],
    [
      ['--from', '2026-07-01', '--to', '2026-09-30', '--out', 'a.pdf'],
      '输出文件的扩展名只能是 .docx（报告）或 .xlsx（报告各表）（收到“a.pdf”）',
    ],
    [['--to', '2026-09-30', '--out', 'a.docx'], '缺少 --from（开始日期）'],
    [['--from', '2026-07-01', '--to', '2026-09-30'], '缺少 --out（输出文件）'],
  ])('refuses %j with a Chinese reason and exit 1, writing nothing', async (args, message) => {
    const before = fs.readdirSync(out.dir).sort();
    const r = await report(...args.map((a) => (a.includes('.') && !a.startsWith('20') ? path.join(out.dir, a) : a)));
    expect(r.code).toBe(1);
    expect(r.err).toContain(message);
    expect(fs.readdirSync(out.dir).sort()).toEqual(before);
  });

  it('refuses a folder without a database', async () => {
    const r = await runCliCaptured([
      'report',
      '--data-dir',
      out.dir,
      '--from',
      quarter.from,
      '--to',
      quarter.to,
      '--out',
      path.join(out.dir, 'x.docx'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('数据目录中没有数据库');
  });
});
