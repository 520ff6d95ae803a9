import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { loadLedgerWorkbook, MAX_LEDGER_BYTES } from '../../../electron/services/import/workbook';
import { guardSpreadsheetZip } from '../../../electron/services/import/zipGuard';

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

/** A real .xlsx package whose first sheet is `sheetXml` (streamed in chunks: the bomb never sits in memory). */
function xlsxWithSheet(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  let prev: Uint8Array | null = null;
  for (const c of chunks) {
    if (prev) sheet.push(prev);
    prev = c;
  }
  sheet.push(prev ?? new Uint8Array(), true);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('hostile spreadsheets', () => {
  it('refuses a zip bomb (a small file that inflates past 200 MB) before exceljs reads it', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(210 * 1024 * 1024).fill(0x20) }, { level: 1 });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(loadLedgerWorkbook(bomb, 'bomb.xlsx')).rejects.toThrow(/解压后超过 200 MB/);
  });

  it('counts rows across inflate chunks exactly (a tag split between chunks counts once; <rows>, <rowBreaks> do not)', () => {
    const xml = (n: number) => `<worksheet><rowBreaks/><sheetData>${'<row r="1"><c/></row><row/>'.repeat(n)}</sheetData></worksheet>`;
    const file = (n: number) => zipSync({ 'xl/worksheets/sheet1.xml': strToU8(xml(n)) });
    // 2 tags per repeat: 40,000 rows pass a 40,000 limit and fail a 39,999 one, whatever the chunking.
    expect(() => guardSpreadsheetZip(file(20_000), 'a.xlsx', 40_000)).not.toThrow();
    expect(() => guardSpreadsheetZip(file(20_000), 'a.xlsx', 39_999)).toThrow(/超过 39999 行/);
  });

  it('refuses a sheet of a million rows by counting them as they inflate', async () => {
    const rows = (function* () {
      yield strToU8('<worksheet><sheetData>');
      for (let i = 1; i <= 1_000_000; i += 10_000) {
        let s = '';
        for (let r = i; r < i + 10_000; r++) s += `<row r="${r}"/>`;
        yield strToU8(s);
      }
      yield strToU8('</sheetData><rowBreaks count="0"/></worksheet>');
    })();
    await expect(loadLedgerWorkbook(xlsxWithSheet(rows), 'million.xlsx')).rejects.toThrow(/超过 100000 行/);
  });

  it('reads a .csv saved by Chinese Excel (GB18030) and one in UTF-8 with BOM as text cells', async () => {
    const text = '序号,当事人,受理日期,调解结果\r\n1,张三、李四,2023.5.6,调解成功\r\n';
    const gbk = new Uint8Array(iconv.encode(text, 'gb18030'));
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    for (const bytes of [gbk, utf8]) {
      const wb = await loadLedgerWorkbook(bytes, '台账.csv');
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(2).values).toEqual([undefined, '1', '张三、李四', '2023.5.6', '调解成功']);
      expect(ws.getRow(1).getCell(2).value).toBe('当事人');
    }
    await expect(loadLedgerWorkbook(new Uint8Array([0x41, 0, 0x42]), 'bin.csv')).rejects.toThrow(/不是文本格式/);
  });
});
