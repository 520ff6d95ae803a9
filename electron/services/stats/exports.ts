/**
 * The export operations: a table of the dashboard as .xlsx, a report as .docx, each returned as
 * base64 with a file name (the renderer saves it; nothing is written to the data dir).
 */
import type { DocxReport, ExportedFile, XlsxTable } from '../../common/api/stats';
import type { Period } from '../../common/stats/period';
import type { ServiceContext } from '../core/context';
import { computeDashboard } from './dashboard';
import { DOCX_MIME, fileSafe } from './file-names';
import { keyCaseList } from './key-cases';
import { tableSpec } from './tables';

// The renderers (docx, ExcelJS: about 40 MB between them) load on the first export, not with the app.
const xlsx = () => import('./xlsx');
const reports = () => import('./reports-docx');

type Ctx = Pick<ServiceContext, 'db' | 'clock'>;

/** The most rows a key-case file lists; a longer list says how many more there are. */
export const MAX_EXPORT_ROWS = 5000;

export async function exportXlsx(ctx: Ctx, table: XlsxTable, period: Period): Promise<ExportedFile> {
  const d = computeDashboard(ctx, period);
  const k = table === 'keyCases' ? keyCaseList(ctx, period, 1, MAX_EXPORT_ROWS) : keyCaseList(ctx, period, 1, 1);
  return (await xlsx()).exportXlsxFile(tableSpec(table, d, k), d);
}

export async function exportDocx(ctx: Ctx, report: DocxReport, period: Period): Promise<ExportedFile> {
  const { REPORT_KEY_CASES, keyCasesDocx, quarterlyDocx } = await reports();
  const d = computeDashboard(ctx, period);
  if (report === 'key-cases') {
    const k = keyCaseList(ctx, period, 1, MAX_EXPORT_ROWS);
    const buf = await keyCasesDocx(d, k);
    return { fileName: `重点案件督办清单_截至${k.asOf}.docx`, mime: DOCX_MIME, base64: buf.toString('base64') };
  }
  const k = keyCaseList(ctx, period, 1, REPORT_KEY_CASES);
  const buf = await quarterlyDocx(d, k);
  return {
    fileName: `${fileSafe(d.period.label)}联席会议报告_${d.period.from}_${d.period.to}.docx`,
    mime: DOCX_MIME,
    base64: buf.toString('base64'),
  };
}

/** The tables of the quarterly report, in its order: 表1–表6 (the key cases with every column). */
export const REPORT_TABLES = [
  'summary',
  'byCategory',
  'bySource',
  'resolvedAtTier',
  'courtReferrals',
  'keyCases',
] as const satisfies readonly XlsxTable[];

/** The quarterly report's tables as one .xlsx workbook, a sheet a table (the CLI's `report --out x.xlsx`). */
export async function reportWorkbook(ctx: Ctx, period: Period): Promise<Buffer> {
  const d = computeDashboard(ctx, period);
  const k = keyCaseList(ctx, period, 1, MAX_EXPORT_ROWS);
  return (await xlsx()).renderWorkbook(
    REPORT_TABLES.map((t) => tableSpec(t, d, k)),
    d,
  );
}

/** The quarterly report as .docx bytes. */
export async function reportDocx(ctx: Ctx, period: Period): Promise<Buffer> {
  return Buffer.from((await exportDocx(ctx, 'quarterly', period)).base64, 'base64');
}
