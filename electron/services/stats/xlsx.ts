/**
 * A statistics table as an .xlsx (ExcelJS): a title row with the centre and the period, Chinese
 * headers frozen under it, real numbers (counts, yuan with two decimals, rates as percentages) so
 * the district can sum them, and the rules (口径) underneath.
 */
import { chineseDate, chineseDateTime } from '../../common/stats/period';
import ExcelJS from 'exceljs';
import type { Dashboard, ExportedFile } from '../../common/api/stats';
import { XLSX_MIME, fileSafe } from './file-names';
import type { Cell, TableSpec } from './tables';

const FONT = '宋体';
const THIN = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetName = (s: string) => s.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '统计';

function setCell(target: ExcelJS.Cell, cell: Cell) {
  if (cell === null) {
    target.value = '—';
    target.alignment = { horizontal: 'center' };
  } else if (typeof cell === 'object' && 'fen' in cell) {
    target.value = cell.fen / 100;
    target.numFmt = '#,##0.00';
  } else if (typeof cell === 'object' && 'rate' in cell) {
    if (cell.rate === null) {
      target.value = '—';
      target.alignment = { horizontal: 'right' };
    } else {
      target.value = cell.rate;
      target.numFmt = '0.0%';
    }
  } else {
    target.value = cell;
    if (typeof cell === 'number') target.numFmt = Number.isInteger(cell) ? '#,##0' : '#,##0.0';
  }
}

export function titleOf(spec: TableSpec, d: Pick<Dashboard, 'centre' | 'period'>): string {
  return `${d.centre.name}${spec.title}（${d.period.label}，${chineseDate(d.period.from)}至${chineseDate(d.period.to)}）`;
}

type SheetSource = Pick<Dashboard, 'centre' | 'period' | 'generatedAt'>;

function newWorkbook(d: SheetSource): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '调解工作台';
  wb.created = new Date(d.generatedAt);
  return wb;
}

export async function renderXlsx(spec: TableSpec, d: SheetSource): Promise<Buffer> {
  const wb = newWorkbook(d);
  addSheet(wb, spec, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Several tables in one workbook, a sheet each in the given order (the quarterly report's tables). */
export async function renderWorkbook(specs: readonly TableSpec[], d: SheetSource): Promise<Buffer> {
  const wb = newWorkbook(d);
  for (const spec of specs) addSheet(wb, spec, d);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, spec: TableSpec, d: SheetSource): void {
  const ws = wb.addWorksheet(sheetName(spec.title), {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: spec.columns.length > 8 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  const n = spec.columns.length;
  ws.columns = spec.columns.map((c) => ({ width: c.width }));

  ws.mergeCells(1, 1, 1, Math.max(n, 1));
  const title = ws.getCell(1, 1);
  title.value = titleOf(spec, d);
  title.font = { name: FONT, size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 30;

  const header = ws.getRow(2);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    cell.border = BORDER;
  });
  header.height = 22;

  const body = [...spec.rows, ...(spec.totals ? [spec.totals] : [])];
  body.forEach((cells, r) => {
    const row = ws.getRow(3 + r);
    const isTotal = spec.totals !== undefined && r === body.length - 1;
    spec.columns.forEach((c, i) => {
      const target = row.getCell(i + 1);
      setCell(target, cells[i] ?? '');
      target.font = { name: FONT, size: 11, bold: isTotal };
      target.border = BORDER;
      target.alignment = {
        ...(target.alignment ?? {}),
        vertical: 'middle',
        wrapText: c.align === 'left',
        ...(target.alignment?.horizontal ? {} : { horizontal: c.align ?? 'left' }),
      };
    });
  });
  if (body.length === 0) {
    ws.mergeCells(3, 1, 3, Math.max(n, 1));
    const empty = ws.getCell(3, 1);
    empty.value = '本期间暂无数据';
    empty.font = { name: FONT, size: 11, color: { argb: 'FF8C8C8C' } };
    empty.alignment = { horizontal: 'center' };
  }

  let at = 3 + Math.max(body.length, 1) + 1;
  for (const note of [`统计口径（生成于${chineseDateTime(d.generatedAt)}）：`, ...spec.notes]) {
    ws.mergeCells(at, 1, at, Math.max(n, 1));
    const c = ws.getCell(at, 1);
    c.value = note;
    c.font = { name: FONT, size: 9, color: { argb: 'FF595959' } };
    c.alignment = { wrapText: true, vertical: 'top' };
    // A merged cell does not grow by itself: about 1.5 characters per width unit of the columns.
    const chars = spec.columns.reduce((s, col) => s + col.width, 0) / 1.1;
    ws.getRow(at).height = Math.max(15, Math.ceil(note.length / Math.max(chars, 10)) * 13);
    at += 1;
  }
}

export async function exportXlsxFile(spec: TableSpec, d: SheetSource): Promise<ExportedFile> {
  const buf = await renderXlsx(spec, d);
  return { fileName: `${fileSafe(spec.title)}_${d.period.from}_${d.period.to}.xlsx`, mime: XLSX_MIME, base64: buf.toString('base64') };
}
