/**
 * The reports' house style, the same as the legal documents' (GB/T 9704-2012; documents.md
 * "Layout"): the page geometry, line pitch and font names come from documents/render-docx.ts so
 * both kinds of document set the same page. What reports add: 一级标题 in 黑体, data tables with a
 * header row repeated on every page, and a closing signature (centre and date) at the right.
 *
 * Fonts: every run names its face for all scripts with the eastAsia hint and zh-CN language, and
 * word/fontTable.xml declares each face with its English altName, GB2312 charset and panose, so a
 * machine without 方正小标宋 / 仿宋 substitutes another Chinese face (宋体, Noto CJK), never boxes.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { formatYuan } from '../../common/domain/money';
import { formatRate } from '../../common/stats/definitions';
import { DOCX_FONTS, DOCX_LANDSCAPE, DOCX_PAGE, LINE_TWIPS, packHouseSections, type HouseSection } from '../documents/render-docx';
import { cleanText } from '../documents/model';
import type { Cell, TableSpec } from './tables';

export { DOCX_FONTS, DOCX_LANDSCAPE, DOCX_PAGE, LINE_TWIPS };

/** Half-points: 2号 title, 3号 body, 五号 in data tables (13 columns do not fit in larger type). */
export const SIZE = { title: 44, body: 32, table: 21, note: 24 } as const;
const TABLE_LINE = 300; // 15 pt lines for 10.5 pt text
const INDENT = 2 * 320; // two characters of 16 pt

export const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' as const });
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function runs(text: string, opts: IRunOptions = {}): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...opts, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** The title: 2号 小标宋, bold (a real bold in the 宋体 fallback), centred; lines split on \n. */
export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(Math.round(LINE_TWIPS * 1.2)),
    children: runs(text, { font: font(DOCX_FONTS.title), size: SIZE.title, bold: true }),
  });

/** A centred line under the title (e.g. the period), in the body face. */
export const subtitle = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact(LINE_TWIPS), children: runs(text) });

/** A body paragraph: 3号 仿宋, first line indented two characters, justified. */
export const body = (text: string, opts: { indent?: boolean; align?: 'left' | 'right' | 'center' } = {}) =>
  new Paragraph({
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    spacing: exact(LINE_TWIPS),
    ...(opts.indent === false ? {} : { indent: { firstLine: INDENT } }),
    children: runs(text),
  });

/** 一级标题 (一、二、…) in 黑体, kept with what follows. */
export const heading = (text: string) =>
  new Paragraph({
    spacing: exact(LINE_TWIPS),
    indent: { firstLine: INDENT },
    keepNext: true,
    children: runs(text, { font: font(DOCX_FONTS.heading) }),
  });

/** A table's caption, centred, kept with the table. */
export const caption = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: exact(LINE_TWIPS),
    keepNext: true,
    children: runs(text, { font: font(DOCX_FONTS.heading), size: 28 }),
  });

/** Small print under a table (口径), 小四. */
export const note = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: exact(360),
    indent: { firstLine: 2 * 240 },
    children: runs(text, { size: SIZE.note }),
  });

export const blank = () => new Paragraph({ spacing: exact(LINE_TWIPS), children: [] });

/** A cell's text as printed: money in yuan with two decimals, rates as percentages, null as —. */
export function cellText(c: Cell): string {
  if (c === null) return '—';
  if (typeof c === 'object') return 'fen' in c ? formatYuan(c.fen) : formatRate(c.rate);
  return String(c);
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A data table across the text block: header row repeated on every page, rows not split.
 * `textWidth` is the block's width: DOCX_LANDSCAPE.textWidth for a table in a landscape section.
 */
export function dataTable(spec: TableSpec, emptyText = '本期间暂无数据', textWidth: number = DOCX_PAGE.textWidth): Table {
  const total = spec.columns.reduce((s, c) => s + c.width, 0);
  const widths = spec.columns.map((c) => Math.floor((textWidth * c.width) / total));
  const cellOf = (text: string, i: number, opts: { bold?: boolean; align?: keyof typeof ALIGN; span?: number } = {}) =>
    new TableCell({
      width: { size: opts.span ? textWidth : (widths[i] ?? 0), type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(opts.span ? { columnSpan: opts.span } : {}),
      children: [
        new Paragraph({
          alignment: ALIGN[opts.align ?? spec.columns[i]?.align ?? 'left'],
          spacing: exact(TABLE_LINE),
          children: runs(text, { size: SIZE.table, bold: opts.bold ?? false }),
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: spec.columns.map((c, i) => cellOf(c.header, i, { bold: true, align: 'center' })),
  });
  const rows = [...spec.rows, ...(spec.totals ? [spec.totals] : [])].map(
    (cells, r, list) =>
      new TableRow({
        cantSplit: true,
        children: spec.columns.map((_, i) =>
          cellOf(cellText(cells[i] ?? ''), i, { bold: spec.totals !== undefined && r === list.length - 1 }),
        ),
      }),
  );
  if (rows.length === 0) rows.push(new TableRow({ children: [cellOf(emptyText, 0, { span: spec.columns.length, align: 'center' })] }));
  return new Table({
    rows: [header, ...rows],
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

/**
 * A whole report on A4 in the house style, with "— 1 —" page numbers, in sections: a wide table
 * stands on landscape pages between portrait ones (each section starts a new page).
 */
export function renderReport(docTitle: string, sections: HouseSection[]): Promise<Buffer> {
  return packHouseSections(docTitle, sections);
}
