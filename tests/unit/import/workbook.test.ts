import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { loadLedgerWorkbook, MAX_LEDGER_BYTES } from '../../../electron/services/import/workbook';

describe('loadLedgerWorkbook', () => {
  it('opens a real .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['当事人', '受理日期']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const back = await loadLedgerWorkbook(bytes, '台账.xlsx');
    expect(back.worksheets.map((w) => w.name)).toEqual(['台账']);
  });
  it('refuses text, .xls, a broken zip and an oversized file, in Chinese', async () => {
    await expect(loadLedgerWorkbook(new TextEncoder().encode('序号,当事人\n1,张三'), 'a.xlsx')).rejects.toThrow(/不是 Excel 表格文件/);
    await expect(loadLedgerWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'a.dat')).rejects.toThrow(/另存为 \.xlsx/);
    await expect(loadLedgerWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'b.xlsx')).rejects.toThrow(/已损坏/);
    await expect(loadLedgerWorkbook(new Uint8Array(MAX_LEDGER_BYTES + 1), 'c.xlsx')).rejects.toThrow(/过大/);
  });
});
