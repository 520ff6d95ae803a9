import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readSheetTable } from '../../../electron/services/import/sheetRows';

async function roundTrip(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('台账'));
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  return back.getWorksheet('台账')!;
}

describe('readSheetTable', () => {
  it('skips the title row, folds two header rows, fills merged cells, drops blank and subtotal rows', async () => {
    const ws = await roundTrip((s) => {
      s.addRow(['2023年人民调解登记台账']);
      s.mergeCells('A1:F1');
      s.addRow(['序号', '案号', '当事人', '当事人', '受理日期', '调解结果']);
      s.addRow(['', '', '申请人', '被申请人', '', '']);
      s.addRow([1, '2023-001', '张三、李四', '王五', '2023.5.6', '调解成功']);
      s.addRow([2, '2023-002', '赵六', '钱七', new Date(Date.UTC(2023, 5, 1)), '未成功']);
      s.addRow([3, '2023-003', '孙八', '周九', '2023年6月2日', '终止']);
      s.mergeCells('F5:F6'); // one 调解结果 for two rows
      s.addRow([]);
      s.addRow(['合计', '', '', '', '', '3件']);
    });
    const t = readSheetTable(ws);
    expect(t.headerRowNumber).toBe(2);
    expect(t.headers.slice(2, 4)).toEqual(['当事人申请人', '当事人被申请人']);
    expect(t.rows.map((r) => r.rowNumber)).toEqual([4, 5, 6]);
    expect(t.rows[0]!.cells[2]).toBe('张三、李四');
    expect(t.rows[2]!.cells[5]).toBe('未成功');
  });

  it('refuses a sheet without a recognisable header, in Chinese', async () => {
    const ws = await roundTrip((s) => {
      s.addRow(['a', 'b']);
      s.addRow([1, 2]);
    });
    expect(() => readSheetTable(ws)).toThrow(/找不到表头/);
  });
});
