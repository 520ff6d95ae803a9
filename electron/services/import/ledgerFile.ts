/**
 * A spreadsheet from bytes to a checked plan (issue #16), the one path the CLI and the guided import
 * in 设置 share: open the workbook, pick the sheet (the first by default), find its header, tell a
 * case ledger from a mediator roster (or take what the clerk says it is), propose or take the column
 * mapping, and read every row.
 */
import type ExcelJS from 'exceljs';
import {
  cellText,
  LEDGER_FIELDS,
  LEDGER_FIELD_LABELS,
  type LedgerField,
  proposeMapping,
  proposeRosterMapping,
  ROSTER_FIELDS,
  ROSTER_FIELD_LABELS,
  type RosterField,
  SHEET_KIND_LABELS,
  type SheetKind,
  sheetKindOf,
} from '../../common/domain';
import { AppError } from '../../common/errors';
import { planLedger, type LedgerPlan } from './ledgerPlan';
import { planRoster, type RosterPlan } from './rosterPlan';
import { readSheetTable, type SheetTable } from './sheetRows';
import { loadLedgerWorkbook } from './workbook';

export type ImportField = LedgerField | RosterField;
export type ColumnMapping = Readonly<Record<number, ImportField>>;

export interface LedgerRequest {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly sheet?: string | undefined;
  /** What the sheet holds; told from its header when absent. */
  readonly kind?: SheetKind | undefined;
  /** Column index (0-based) → field; proposed from the header words when absent. */
  readonly mapping?: ColumnMapping | undefined;
}

export interface LedgerSheet {
  readonly workbook: ExcelJS.Workbook;
  readonly sheet: string;
  readonly table: SheetTable;
  readonly kind: SheetKind;
  readonly mapping: ColumnMapping;
}

export const SAMPLE_ROWS = 8;

/** What a column may be imported as, for each kind of sheet, and the columns a kind cannot do without. */
const FIELDS: Readonly<Record<SheetKind, readonly ImportField[]>> = { cases: LEDGER_FIELDS, roster: ROSTER_FIELDS };
const REQUIRED: Readonly<Record<SheetKind, readonly ImportField[]>> = { cases: ['receivedDate', 'parties'], roster: ['name'] };
const LABELS: Readonly<Record<string, string>> = { ...LEDGER_FIELD_LABELS, ...ROSTER_FIELD_LABELS };

export const proposeFor = (kind: SheetKind, headers: readonly unknown[]): ColumnMapping =>
  kind === 'roster' ? proposeRosterMapping(headers) : proposeMapping(headers);

/** The workbook, the chosen sheet and its rows; the mapping is not looked at yet. */
export async function readLedgerTable(req: LedgerRequest): Promise<Omit<LedgerSheet, 'mapping' | 'kind'>> {
  const workbook = await loadLedgerWorkbook(req.bytes, req.fileName);
  const ws = req.sheet ? workbook.getWorksheet(req.sheet) : workbook.worksheets[0];
  if (!ws) {
    throw new AppError('VALIDATION', `找不到工作表“${req.sheet ?? ''}”，现有：${workbook.worksheets.map((w) => w.name).join('、')}`);
  }
  return { workbook, sheet: ws.name, table: readSheetTable(ws) };
}

/** A mapping the import can work with: columns inside the header, fields of this kind, the required ones present. */
export function checkMapping(mapping: ColumnMapping, headers: readonly string[], kind: SheetKind = 'cases'): void {
  for (const [k, f] of Object.entries(mapping)) {
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0 || i >= headers.length) throw new AppError('VALIDATION', `列映射中的第 ${i + 1} 列超出表头范围`);
    if (!FIELDS[kind].includes(f)) throw new AppError('VALIDATION', `“${LABELS[f] ?? f}”不是${SHEET_KIND_LABELS[kind]}的项目`);
  }
  const fields = Object.values(mapping);
  const missing = REQUIRED[kind].filter((f) => !fields.includes(f)).map((f) => `“${LABELS[f] ?? f}”`);
  if (missing.length > 0)
    throw new AppError('VALIDATION', `列映射不全：请为${missing.join('和')}${missing.length > 1 ? '各' : ''}指定一列`);
}

export async function openLedgerSheet(req: LedgerRequest): Promise<LedgerSheet> {
  const t = await readLedgerTable(req);
  const kind = req.kind ?? sheetKindOf(t.table.headers);
  const mapping = req.mapping ?? proposeFor(kind, t.table.headers);
  checkMapping(mapping, t.table.headers, kind);
  return { ...t, kind, mapping };
}

export type SheetPlan = { kind: 'cases'; plan: LedgerPlan } | { kind: 'roster'; plan: RosterPlan };

export function planSheet(s: Pick<LedgerSheet, 'kind' | 'table' | 'mapping'>, today: string): SheetPlan {
  return s.kind === 'roster'
    ? { kind: 'roster', plan: planRoster(s.table, s.mapping as Readonly<Record<number, RosterField>>, today) }
    : { kind: 'cases', plan: planLedger(s.table, s.mapping as Readonly<Record<number, LedgerField>>, today) };
}

/** What the guided import shows before anything is checked: the sheets, the header, a few rows. */
export interface LedgerInspection {
  readonly sheets: readonly string[];
  readonly sheet: string;
  readonly kind: SheetKind;
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly mapping: ColumnMapping;
  readonly rows: number;
  readonly sample: readonly (readonly string[])[];
}

export async function inspectLedgerFile(req: LedgerRequest): Promise<LedgerInspection> {
  // The proposal is shown for editing even when it lacks a required column: the clerk completes it.
  const s = await readLedgerTable(req);
  const kind = req.kind ?? sheetKindOf(s.table.headers);
  return {
    sheets: s.workbook.worksheets.map((w) => w.name),
    sheet: s.sheet,
    kind,
    headerRow: s.table.headerRowNumber,
    headers: s.table.headers,
    mapping: req.mapping ?? proposeFor(kind, s.table.headers),
    rows: s.table.rows.length,
    sample: s.table.rows
      .slice(0, SAMPLE_ROWS)
      .map((r) => r.cells.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : cellText(v)))),
  };
}
