/**
 * 设置 › 历史数据导入 (issue #16): a centre's Excel ledger of past cases brought in, in steps the
 * clerk can see — the file's sheets and header with a proposed column mapping, a check against the
 * database with every row's problems, the import in one transaction, and the undo of a whole import.
 * The file travels as base64 in the JSON body, as an uploaded backup does (data.ts): 8 MB at most.
 * The CLI's `import` takes larger files (20 MB).
 */
import { z } from 'zod';
import { isoDateSchema } from '../domain/dates';
import { LEDGER_FIELDS, type LedgerField } from '../domain/ledgerColumns';
import { ROSTER_FIELDS, SHEET_KINDS, type RosterField, type SheetKind } from '../domain/rosterColumns';
import { op } from './contract';
import { MAX_UPLOAD_BYTES } from './data';

export const ledgerFileInput = z
  .object({
    fileName: z.string().trim().min(1, '请选择文件').max(200, '文件名过长'),
    contentBase64: z
      .string()
      .min(1, '文件为空')
      .max(
        Math.ceil(MAX_UPLOAD_BYTES / 3) * 4,
        `文件过大：在此导入最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB；更大的台账请拆分，或用命令行 import 导入`,
      )
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容格式错误'),
  })
  .strict();

export type ImportField = LedgerField | RosterField;
const sheetKind = z.enum(SHEET_KINDS, { error: '请选择台账类别' });

/** Column number (0-based, as text: JSON keys) → field (of the ledger or the roster: the import checks which). */
export const ledgerMappingInput = z
  .record(z.string().regex(/^\d{1,3}$/, '列号无效'), z.enum([...LEDGER_FIELDS, ...ROSTER_FIELDS]))
  .refine((m) => Object.keys(m).length <= 200, '列映射过长');

const sheetName = z.string().trim().min(1).max(100, '工作表名称过长');

export const inspectLedgerInput = z.object({ file: ledgerFileInput, sheet: sheetName.optional(), kind: sheetKind.optional() }).strict();
export const checkLedgerInput = z
  .object({ file: ledgerFileInput, sheet: sheetName, kind: sheetKind, mapping: ledgerMappingInput })
  .strict();

export interface LedgerInspectionView {
  sheets: string[];
  sheet: string;
  /** A case ledger or a mediator roster: told from the header, or as asked. */
  kind: SheetKind;
  /** 1-based row number of the header row in the sheet. */
  headerRow: number;
  headers: string[];
  /** Proposed from the header words: column number (0-based, as text) → field. */
  mapping: Record<string, ImportField>;
  rows: number;
  sample: string[][];
}

export interface ImportProblemView {
  row: number;
  field: string;
  message: string;
  level: 'error' | 'warning';
}

export interface ImportResultView {
  /** Set when rows were written: the handle of the undo. */
  batchId: string | null;
  rows: number;
  /** Rows written (0 for a check). */
  imported: number;
  /** New, sound rows: what the import writes. */
  importable: number;
  duplicates: number;
  rejected: number;
  warnings: number;
  problems: ImportProblemView[];
}

export interface ImportBatchView {
  id: string;
  kind: SheetKind;
  fileName: string;
  sheet: string;
  importedAt: string;
  importedBy: string | null;
  rows: number;
  imported: number;
  undoneAt: string | null;
}

export interface UndoImportView {
  batchId: string;
  cases: number;
  mediators: number;
}

/** The centre's cases as a ledger .xlsx (the layout the import reads), registered in [from, to]. */
export const exportLedgerInput = z
  .object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .strict()
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export interface ExportedLedger {
  fileName: string;
  mime: string;
  base64: string;
  rows: number;
}

export const importOps = {
  'import.inspect': op<LedgerInspectionView>()({ input: inspectLedgerInput, access: ['admin'], title: '读取台账' }),
  'import.check': op<ImportResultView>()({ input: checkLedgerInput, access: ['admin'], title: '检查台账' }),
  'import.run': op<ImportResultView>()({ input: checkLedgerInput, access: ['admin'], title: '导入台账' }),
  'import.batches': op<ImportBatchView[]>()({ input: z.object({}).optional(), access: ['admin'], title: '查看导入记录' }),
  'import.exportLedger': op<ExportedLedger>()({ input: exportLedgerInput, access: ['admin'], title: '导出台账' }),
  'import.undo': op<UndoImportView>()({
    input: z.object({ batchId: z.string().trim().min(1).max(64) }).strict(),
    access: ['admin'],
    title: '撤销导入',
  }),
};
