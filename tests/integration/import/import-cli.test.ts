import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../../../electron/cli/run';
import { rosterSheet } from '../../support/ledgers';

let dir: string;
let out: string[];
let errs: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
  out = [];
  errs = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (errs.push(String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeLedger(rows: unknown[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件台账');
  ws.addRow(['案件台账']);
  ws.addRow(['序号', '案号', '双方当事人', '登记时间', '处理结果']);
  for (const r of rows) ws.addRow(r);
  const f = path.join(dir, 'ledger.xlsx');
  await wb.xlsx.writeFile(f);
  return f;
}

describe('cli import --dry-run', () => {
  it('prints the JSON summary and exits 0 when nothing is rejected', async () => {
    const f = await writeLedger([
      [1, 'A-1', '张三、李四', '2023.5.6', '调解成功'],
      [2, 'A-2', '王五 赵六', '2023年6月1日', '终止'],
    ]);
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--dry-run', '--json'])).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({
      rows: 2,
      imported: 0,
      importable: 2,
      duplicates: 0,
      rejected: 0,
      warnings: 0,
      problems: [],
      batchId: null,
    });
  });

  it('exits 1 with each rejected row in the problems, and honours a mapping file', async () => {
    const f = await writeLedger([[1, 'A-1', '张三', '2023.2.30', '调解成功']]);
    const m = path.join(dir, 'map.json');
    fs.writeFileSync(m, JSON.stringify({ 双方当事人: 'parties', 登记时间: 'receivedDate', 2: 'caseNumber' }));
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--mapping', m, '--dry-run', '--json'])).toBe(1);
    const r = JSON.parse(out.join('')) as { rejected: number; problems: { row: number; field: string; message: string }[] };
    expect(r.rejected).toBe(1);
    expect(r.problems).toContainEqual({ row: 3, field: 'receivedDate', message: expect.stringMatching(/不存在/) });
  });

  it('refuses a non-spreadsheet with exit 1 and a Chinese message', async () => {
    const f = path.join(dir, 'x.xlsx');
    fs.writeFileSync(f, 'not a spreadsheet');
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--dry-run', '--json'])).toBe(1);
    expect(errs.join('')).toMatch(/不是 Excel 表格文件/);
  });
});

describe('cli import (writing) and --undo', () => {
  it('imports the sound rows, exits 1 naming the rejected ones, re-imports nothing twice, and undoes the batch', async () => {
    const init = ['init', '--data-dir', dir, '--centre-code', '410711001', '--centre-name', '牧野区非诉讼服务中心'];
    expect(await runCli([...init, '--admin-user', 'admin', '--admin-password', 'Admin2026x'])).toBe(0);
    const f = await writeLedger([
      [1, 'A-1', '张三、李四', '2023.5.6', '调解成功'],
      [2, 'A-2', '王五', '2023.2.30', '调解成功'],
    ]);
    out.length = 0;
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--json'])).toBe(1);
    const first = JSON.parse(out.join('')) as { imported: number; rejected: number; batchId: string; problems: { row: number }[] };
    expect(first).toMatchObject({ imported: 1, rejected: 1 });
    expect(first.problems.map((p) => p.row)).toEqual([4]);
    out.length = 0;
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--json'])).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ imported: 0, duplicates: 1, rejected: 1, batchId: null });
    out.length = 0;
    expect(await runCli(['import', '--data-dir', dir, '--undo', first.batchId, '--json'])).toBe(0);
    expect(JSON.parse(out.join(''))).toEqual({ batchId: first.batchId, cases: 1, mediators: 0 });
    expect(await runCli(['import', '--data-dir', dir, '--undo', first.batchId])).toBe(1);
    expect(errs.join('')).toMatch(/已于 .* 撤销/);
  });

  it('checks a roster sheet (told from its header) and refuses an unknown --kind', async () => {
    const f = path.join(dir, 'roster.xlsx');
    await rosterSheet().xlsx.writeFile(f);
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--dry-run', '--json'])).toBe(1);
    expect(JSON.parse(out.join(''))).toMatchObject({ rows: 4, imported: 0, importable: 3, rejected: 1 });
    expect(await runCli(['import', '--data-dir', dir, '--file', f, '--kind', 'people', '--dry-run'])).toBe(1);
    expect(errs.join('')).toMatch(/--kind 应为 cases（案件台账）或 roster（调解员名册）/);
  });

  it('refuses to write into a data dir that was never set up', async () => {
    const f = await writeLedger([[1, 'A-1', '张三', '2023.5.6', '调解成功']]);
    expect(await runCli(['import', '--data-dir', dir, '--file', f])).toBe(1);
    expect(errs.join('')).toMatch(/尚未完成首次设置/);
  });
});
