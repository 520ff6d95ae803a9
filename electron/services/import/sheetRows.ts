/**
 * Turning a ledger worksheet into data rows (issue #16): find the header row under a title row,
 * fold a second header row into the first (申请人 over 姓名 → '申请人姓名'), fill merged cells from
 * their master, and drop blank rows and subtotal rows (合计 / 小计 / 总计). Each row keeps its sheet
 * row number so every problem can be reported as "第 N 行".
 */
import type ExcelJS from 'exceljs';
import { AppError } from '../../common/errors';
import { cellText, findHeaderRow, headerField, proposeMapping, proposeRosterMapping, rosterHeaderField } from '../../common/domain';

/** Refuse sheets larger than this (a hand-kept ledger has a few thousand rows; bigger is hostile). */
export const MAX_SHEET_ROWS = 100_000;
export const MAX_SHEET_COLUMNS = 200;

export interface SheetRow {
  /** 1-based row number in the sheet, as the clerk sees it in Excel. */
  readonly rowNumber: number;
  readonly cells: readonly unknown[];
}

export interface SheetTable {
  readonly headerRowNumber: number;
  readonly headers: readonly string[];
  readonly rows: readonly SheetRow[];
}

const SUBTOTAL = /^(合计|小计|总计|本页合计|累计)/;

function rowValues(ws: ExcelJS.Worksheet, r: number, width: number): unknown[] {
  const row = ws.getRow(r);
  const out: unknown[] = [];
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    // A merged cell's slaves read as the master's value: a 当事人 cell merged over two rows counts for both.
    const v = cell.isMerged ? cell.master.value : cell.value;
    out.push(v ?? null);
  }
  return out;
}

function isBlank(cells: readonly unknown[]): boolean {
  return cells.every((v) => cellText(v).trim() === '' && !(v instanceof Date));
}

export function readSheetTable(ws: ExcelJS.Worksheet): SheetTable {
  const height = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  if (ws.actualRowCount > MAX_SHEET_ROWS || height > MAX_SHEET_ROWS * 10) {
    throw new AppError('VALIDATION', `工作表“${ws.name}”行数过多（超过 ${MAX_SHEET_ROWS} 行），请拆分后再导入`);
  }
  const width = Math.min(ws.columnCount, MAX_SHEET_COLUMNS);
  const top: unknown[][] = [];
  for (let r = 1; r <= Math.min(height, 10); r++) top.push(rowValues(ws, r, width));
  // Whichever the sheet is (a case ledger or a roster), its header is the row naming the most fields.
  const named = (r: readonly unknown[]) => Object.keys(proposeMapping(r)).length + Object.keys(proposeRosterMapping(r)).length;
  const h = findHeaderRow(top, 10, named);
  if (h < 0) throw new AppError('VALIDATION', `工作表“${ws.name}”前 10 行中找不到表头（如 当事人、受理日期、调解结果）`);
  let headers = top[h]!.map((v) => cellText(v).trim());
  let first = h + 2; // 1-based row after the header
  // A second header row (申请人 / 被申请人 over 姓名): every filled cell in it is a header word — a
  // data row always holds something that is not (a name, a date, a number).
  const next = top[h + 1];
  const filled = next?.filter((v) => cellText(v).trim() !== '' || v instanceof Date) ?? [];
  if (
    next &&
    filled.length > 0 &&
    filled.every((v) => typeof v === 'string' && (headerField(v) !== null || rosterHeaderField(v) !== null))
  ) {
    headers = headers.map((t, i) => {
      const b = cellText(next[i]).trim();
      return b === '' || b === t ? t : `${t}${b}`;
    });
    first += 1;
  }
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < first) return;
    const cells = rowValues(ws, r, width);
    if (isBlank(cells)) return;
    if (cells.some((v) => SUBTOTAL.test(cellText(v).replace(/[\s\u3000]/g, '')))) return;
    rows.push({ rowNumber: r, cells });
  });
  return { headerRowNumber: h + 1, headers, rows };
}
