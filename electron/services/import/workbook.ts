/**
 * Opening a ledger file for import (issue #16), refusing clearly what is not a usable ledger: .xls
 * (the old BIFF format: no well-kept reader is installed — save it as .xlsx in Excel/WPS first), files
 * larger than MAX_LEDGER_BYTES, zip bombs and sheets of more than MAX_SHEET_ROWS rows (zipGuard.ts),
 * files that are neither a zip/xlsx nor text, and unreadable workbooks. A .csv (as Excel and WPS save
 * it: UTF-8 with or without BOM, or GB18030) is read into a one-sheet workbook with every cell as text.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../common/errors';
import { MAX_SHEET_ROWS } from './sheetRows';
import { guardSpreadsheetZip } from './zipGuard';

export const MAX_LEDGER_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030 — what Chinese Excel saves by default. */
export function decodeCsvText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return utf8;
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

async function loadCsv(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.includes(0)) throw new AppError('VALIDATION', `“${fileName}”不是文本格式的 .csv 文件，无法导入`);
  const text = decodeCsvText(bytes);
  const lines = text.split('\n').length;
  if (lines > MAX_SHEET_ROWS + 20) throw new AppError('VALIDATION', `“${fileName}”超过 ${MAX_SHEET_ROWS} 行，请拆分后再导入`);
  const wb = new ExcelJS.Workbook();
  try {
    // Every cell stays text: the ledger's own readers parse its dates and amounts (2023.5.6, 3万元).
    await wb.csv.read(Readable.from([text]), {
      sheetName: fileName.replace(/\.csv$/i, '').slice(0, 31) || 'Sheet1',
      map: (v: unknown) => v,
    });
  } catch {
    throw new AppError('VALIDATION', `“${fileName}”无法按 CSV 读取，请检查文件`);
  }
  return wb;
}

export async function loadLedgerWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > MAX_LEDGER_BYTES) {
    throw new AppError('VALIDATION', `文件“${fileName}”过大（超过 20 MB），请拆分后再导入`);
  }
  if (startsWith(bytes, OLE_MAGIC) || /\.xls$/i.test(fileName)) {
    throw new AppError('VALIDATION', `“${fileName}”是旧版 .xls 格式，请先在 Excel 或 WPS 中“另存为 .xlsx”后再导入`);
  }
  if (/\.csv$/i.test(fileName) && !startsWith(bytes, ZIP_MAGIC)) return loadCsv(bytes, fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('VALIDATION', `“${fileName}”不是 Excel 表格文件（.xlsx 或 .csv），无法导入`);
  }
  guardSpreadsheetZip(bytes, fileName, MAX_SHEET_ROWS);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer); hand it exactly these bytes.
    await wb.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new AppError('VALIDATION', `“${fileName}”已损坏或不是有效的 .xlsx 文件，无法读取`);
  }
  if (wb.worksheets.length === 0) throw new AppError('VALIDATION', `“${fileName}”中没有工作表`);
  return wb;
}
