import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { makeResidentId, proposeMapping } from '../../../electron/common/domain';
import { readSheetTable } from '../../../electron/services/import/sheetRows';
import { planLedger } from '../../../electron/services/import/ledgerPlan';

const GOOD_ID = makeResidentId('110101', '1980-01-02', 123);
const BAD_ID = GOOD_ID.slice(0, 17) + (GOOD_ID[17] === '0' ? '1' : '0');

async function ledger(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('台账');
  s.addRow(['某街道人民调解登记台账']);
  s.addRow(['序号', '编号', '当事人', '身份证号', '纠纷类型', '受理日期', '调解结果', '结案日期', '涉及金额']);
  s.addRow([1, 'T-1', '张三、李四', GOOD_ID, '邻里纠纷', '2023.5.6', '调解成功', '2023年5月20日', '1.5万元']);
  s.addRow([2, 'T-2', '王五', BAD_ID, '邻里', '2023/05/07', '达成协议', '', '']);
  s.addRow([3, 'T-3', '赵六', '', '养狗吵闹', '2023.2.30', '终止', '', '']);
  s.addRow([4, 'T-4', '钱七', '', '养狗吵闹', 45052, '未成功', '', '800元']);
  s.addRow([5, 'T-1', '张三、李四', GOOD_ID, '邻里纠纷', '2023.5.6', '调解成功', '2023年5月20日', '1.5万元']);
  s.addRow([6, 'T-6', '孙八', '', '合同', '2023.6.1', '', '', '']);
  s.getCell('I8').value = { formula: '1+1', result: 2 };
  s.addRow(['小计', '', '', '', '', '', '', '', '']);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back.getWorksheet('台账')!;
}

describe('planLedger (dry run)', () => {
  it('reads every field, rejects bad rows with Chinese problems, warns on 其他, skips in-file repeats', async () => {
    const t = readSheetTable(await ledger());
    const plan = planLedger(t, proposeMapping(t.headers), '2026-12-04');
    expect(plan.rows).toBe(6);
    expect(plan.records.map((r) => r.row)).toEqual([3, 6]);
    expect(plan.records[0]).toMatchObject({
      caseNumber: 'T-1',
      parties: ['张三', '李四'],
      idNumbers: [GOOD_ID],
      category: 'neighbor',
      receivedDate: '2023-05-06',
      status: 'agreement',
      closedDate: '2023-05-20',
      amountFen: 1_500_000,
    });
    expect(plan.records[1]).toMatchObject({
      caseNumber: 'T-4',
      receivedDate: '2023-05-06',
      status: 'failed',
      amountFen: 80000,
      category: 'other',
    });
    expect(plan.rejected).toBe(3);
    expect(plan.duplicates).toBe(1);
    const at = (row: number) =>
      plan.problems
        .filter((p) => p.row === row)
        .map((p) => p.message)
        .join(' | ');
    expect(at(4)).toMatch(/校验位/);
    expect(at(5)).toMatch(/受理日期.*不存在/);
    expect(at(5)).toMatch(/归为“其他”/);
    expect(at(6)).toMatch(/归为“其他”/);
    expect(at(7)).toMatch(/重复/);
    expect(at(8)).toMatch(/公式/);
    expect(plan.warnings).toBe(3);
  });
});
