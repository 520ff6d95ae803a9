/**
 * Opening a ledger file for import (issue #16), refusing clearly what is not a usable .xlsx: .xls
 * (the old BIFF format: no well-kept reader is installed — save it as .xlsx in Excel/WPS first), files
 * larger than MAX_LEDGER_BYTES, files that are not a zip/xlsx at all, and unreadable workbooks.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';

export const MAX_LEDGER_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => buf[i] === b);
}

export async function loadLedgerWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength > MAX_LEDGER_BYTES) {
    throw new AppError('VALIDATION', `文件“${fileName}”过大（超过 20 MB），请拆分后再导入`);
  }
  if (startsWith(bytes, OLE_MAGIC) || /\.xls$/i.test(fileName)) {
    throw new AppError('VALIDATION', `“${fileName}”是旧版 .xls 格式，请先在 Excel 或 WPS 中“另存为 .xlsx”后再导入`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new AppError('VALIDATION', `“${fileName}”不是 Excel 表格文件（.xlsx），无法导入`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types its input as its own Buffer (an ArrayBuffer); hand it exactly these bytes.
    await wb.xlsx.load(bytes.slice().buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION', `“${fileName}”已损坏或不是有效的 .xlsx 文件，无法读取`);
  }
  if (wb.worksheets.length === 0) throw new AppError('VALIDATION', `“${fileName}”中没有工作表`);
  return wb;
}
