/**
 * A ledger file from bytes to a checked plan (issue #16), the one path the CLI and the guided import
 * in 设置 share: open the workbook, pick the sheet (the first by default), find its header, propose
 * or take the column mapping, read every row.
 */
import type ExcelJS from 'exceljs';
import { cellText, type LedgerField, proposeMapping } from '../../common/domain';
import { AppError } from '../../common/errors';
import { planLedger, type LedgerPlan } from './ledgerPlan';
import { readSheetTable, type SheetTable } from './sheetRows';
import { loadLedgerWorkbook } from './workbook';

export interface LedgerRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly sheet?: string | undefined;
  /** Column index (0-based) → field; proposed from the header words when absent. */
  readonly mapping?: Readonly<Record<number, LedgerField>> | undefined;
}

export interface LedgerSheet {
  readonly workbook: ExcelJS.Workbook;
  readonly sheet: string;
  readonly table: SheetTable;
  readonly mapping: Readonly<Record<number, LedgerField>>;
}

export const SAMPLE_ROWS = 8;

/** The workbook, the chosen sheet and its rows; the mapping is not looked at yet. */
export async function readLedgerTable(req: LedgerRequest): Promise<Omit<LedgerSheet, 'mapping'>> {
  const workbook = await loadLedgerWorkbook(req.bytes, req.fileName);
  const ws = req.sheet ? workbook.getWorksheet(req.sheet) : workbook.worksheets[0];
  if (!ws) {
    throw new AppError('VALIDATION', `找不到工作表“${req.sheet ?? ''}”，现有：${workbook.worksheets.map((w) => w.name).join('、')}`);
  }
  return { workbook, sheet: ws.name, table: readSheetTable(ws) };
}

/** A mapping the import can work with: columns inside the header, 受理日期 and 当事人 present. */
export function checkMapping(mapping: Readonly<Record<number, LedgerField>>, headers: readonly string[]): void {
  for (const i of Object.keys(mapping).map(Number)) {
    if (!Number.isInteger(i) || i < 0 || i >= headers.length) throw new AppError('VALIDATION', `列映射中的第 ${i + 1} 列超出表头范围`);
  }
  const fields = Object.values(mapping);
  if (!fields.includes('receivedDate') || !fields.includes('parties')) {
    throw new AppError('VALIDATION', '列映射至少要指定“受理日期”和“当事人”两列');
  }
}

export async function openLedgerSheet(req: LedgerRequest): Promise<LedgerSheet> {
  const t = await readLedgerTable(req);
  const mapping = req.mapping ?? proposeMapping(t.table.headers);
  checkMapping(mapping, t.table.headers);
  return { ...t, mapping };
}

export async function planLedgerFile(req: LedgerRequest): Promise<{ sheet: string; plan: LedgerPlan }> {
  const s = await openLedgerSheet(req);
  return { sheet: s.sheet, plan: planLedger(s.table, s.mapping) };
}

/** What the guided import shows before anything is checked: the sheets, the header, a few rows. */
export interface LedgerInspection {
  readonly sheets: readonly string[];
  readonly sheet: string;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: Readonly<Record<number, LedgerField>>;
  readonly rows: number;
  readonly sample: readonly (readonly string[])[];
}

export async function inspectLedgerFile(req: LedgerRequest): Promise<LedgerInspection> {
  // The proposal is shown for editing even when it lacks a required column: the clerk completes it.
  const s = await readLedgerTable(req);
  const mapping = req.mapping ?? proposeMapping(s.table.headers);
  return {
    sheets: s.workbook.worksheets.map((w) => w.name),
    sheet: s.sheet,
    headerRow: s.table.headerRowNumber,
    headers: s.table.headers,
    mapping,
    rows: s.table.rows.length,
    sample: s.table.rows
      .slice(0, SAMPLE_ROWS)
      .map((r) => r.cells.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v)))),
  };
}
