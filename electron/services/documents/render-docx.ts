/**
 * A DocModel as a .docx that opens in WPS, Word and LibreOffice, in the house style offices expect
 * (GB/T 9704-2012): A4, top margin 37 mm, binding (left) margin 28 mm, a 156 × 225 mm text block,
 * body 3号 (16 pt) 仿宋 at 22 lines a page, title 2号 (22 pt) 小标宋.
 *
 * Fonts (the one list, with fallbacks, is fonts.ts) and what happens where they are missing. The
 * official faces (方正小标宋简体, 仿宋_GB2312)
 * are often absent, and 统信UOS / 麒麟 machines may lack even 仿宋, so:
 * - Runs name 仿宋 (shipped with every Windows since Vista, and what WPS maps 仿宋_GB2312 to) for
 *   all scripts, with `w:hint="eastAsia"` and `w:lang w:eastAsia="zh-CN"` so that a substitute is
 *   chosen for Simplified Chinese.
 * - word/fontTable.xml declares every face used with its English altName, panose, family, pitch
 *   and charset 86 (GB2312) plus a code-page-936 signature. Word substitutes a missing face by
 *   altName, then by those attributes, so it lands on an installed Chinese font (宋体 on Windows),
 *   never on a Latin one that would show boxes; characters outside it (e.g. 𠀀, CJK Ext. B) are
 *   drawn from SimSun-ExtB by Windows font linking. WPS has its own substitution table (仿宋_GB2312
 *   → 仿宋, 方正小标宋简体 → 宋体) and falls back to its bundled Chinese fonts on Linux.
 *   LibreOffice tries the name, the altName, its replacement table (VCL.xcu), then fontconfig for
 *   the run's language (zh-CN): on this project's machines that is Noto Serif/Sans CJK SC.
 * - The title is set bold: 方正小标宋 where present (slightly heavier than designed), and a real
 *   bold face in the fallbacks (宋体 bold, Noto Serif CJK SC Bold), as documents.md asks.
 * No font is embedded: the official faces may not be redistributed, and Noto CJK would add ~20 MB
 * to every file.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  PageReference,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type FileChild,
} from 'docx';
import { DOC_FONTS, DOCX_FACES } from './fonts';
import {
  cleanText,
  CONTENTS_HEADER,
  keptWithNext,
  numberLine,
  officialOf,
  type ContentsBlock,
  type DocModel,
  type FieldRow,
  type FieldsBlock,
  type SignatureBlock,
} from './model';

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIPS_PER_MM);

/** Page geometry in twips (docx does not export PageSize; A4 = 11906 × 16838). */
export const DOCX_PAGE = (() => {
  const width = 11906;
  const height = 16838;
  const top = mm(37);
  const left = mm(28);
  const textWidth = mm(156);
  const textHeight = mm(225);
  return { width, height, top, left, right: width - left - textWidth, bottom: height - top - textHeight, textWidth, textHeight };
})();

/**
 * A landscape A4 page for wide tables (a report's key-case list): the binding margin stays on the
 * left and the text block is 243 × 157 mm.
 */
export const DOCX_LANDSCAPE = (() => {
  const width = 16838;
  const height = 11906;
  const top = mm(28);
  const bottom = mm(25);
  const left = mm(28);
  const right = mm(26);
  return { width, height, top, bottom, left, right, textWidth: width - left - right, textHeight: height - top - bottom };
})();

/** 22 lines in the 225 mm text block, rounded down so the 22nd line still fits (28.95 pt). */
export const LINE_TWIPS = Math.floor(DOCX_PAGE.textHeight / 22);

/** The face each role names (fonts.ts holds the one list, with the fallbacks). */
export const DOCX_FONTS = DOCX_FACES;

const BODY_SIZE = 32; // half-points: 3号
const TITLE_SIZE = 44; // 2号
const TABLE_SIZE = 28; // 4号: 3号 does not fit a label column of a four-column table
const TABLE_LINE = 400; // 20 pt for 14 pt text
const INDENT = 2 * 320; // two characters of 16 pt
/** Signature area: signer | date columns, officials indented (the same fractions in render-html.ts). */
export const SIGN_LEFT = 0.65;
export const OFFICIALS_INDENT = 0.45;

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name, hint: 'eastAsia' });
const LANG = { value: 'zh-CN', eastAsia: 'zh-CN' };
const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function runs(text: string, opts: IRunOptions = {}): TextRun[] {
  // A line break inside a string is a break inside the paragraph, as <br> is in the HTML view.
  return cleanText(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...opts, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

function para(text: string, opts: Omit<IParagraphOptions, 'children'> = {}, run: IRunOptions = {}): Paragraph {
  return new Paragraph({ spacing: exact(LINE_TWIPS), ...opts, children: text === '' ? [] : runs(text, run) });
}

/**
 * keep-with-next only where it is wanted: docx writes `<w:keepNext w:val="false"/>` for a false
 * value, which some readers count as set; leave the element out instead.
 */
const keep = (on: boolean): { keepNext?: true } => (on ? { keepNext: true } : {});

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };
const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };

/** Word merges two tables that touch; a hairline paragraph keeps party blocks apart. */
const spacer = (keepNext = false): Paragraph => new Paragraph({ spacing: exact(160), ...keep(keepNext), children: [] });

function fieldsTable(block: FieldsBlock): Table {
  const w = DOCX_PAGE.textWidth;
  const label = Math.round(w * (32 / 156));
  const value = Math.round((w - 2 * label) / 2);
  const widths = [label, value, label, w - 2 * label - value];
  const cellPara = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) =>
    para(text, { spacing: exact(TABLE_LINE), alignment: align }, { size: TABLE_SIZE, bold });
  const cell = (
    text: string,
    width: number,
    opts: { span?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean } = {},
  ) =>
    new TableCell({
      children: [cellPara(text, opts.align ?? AlignmentType.LEFT, opts.bold)],
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      ...(opts.span ? { columnSpan: opts.span } : {}),
    });
  const rowCells = (r: FieldRow): TableCell[] => {
    const [a, b] = r;
    if (!b) return [cell(a.label, widths[0]!, { align: AlignmentType.CENTER }), cell(a.value, w - widths[0]!, { span: 3 })];
    return [
      cell(a.label, widths[0]!, { align: AlignmentType.CENTER }),
      cell(a.value, widths[1]!),
      cell(b.label, widths[2]!, { align: AlignmentType.CENTER }),
      cell(b.value, widths[3]!),
    ];
  };
  const cellsPerRow = [
    ...(block.caption !== undefined ? [[cell(block.caption, w, { span: 4, bold: true })]] : []),
    ...block.rows.map(rowCells),
  ];
  // No row splits; only the caption stays with the first row. Rows are not chained with
  // keep-with-next: ten parties' blocks so chained would drag whole pages along and leave others
  // half empty (LibreOffice), and only the signature block must stay together.
  const rows = cellsPerRow.map(
    (children, i) => new TableRow({ children, cantSplit: true, ...keep(block.caption !== undefined && i === 0) }),
  );
  return new Table({
    rows,
    width: { size: w, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
  });
}

/**
 * The 卷内目录 as a three-column table, 序号 | 文书名称（日期） | 页号 under a header row; 页号 a PAGEREF
 * to the part's bookmark where the file is bound, which Word, WPS and LibreOffice fill in when
 * they lay the file out, else left blank for the clerk.
 */
function contentsTable(block: ContentsBlock): Table {
  const w = DOCX_PAGE.textWidth;
  const narrow = Math.round(w * 0.12);
  const widths = [narrow, w - 2 * narrow, narrow];
  const pageRef = (anchor: string) =>
    new Paragraph({ spacing: exact(TABLE_LINE), alignment: AlignmentType.CENTER, children: [new PageReference(anchor)] });
  const text = (s: string, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold = false) =>
    para(s, { spacing: exact(TABLE_LINE), alignment: align }, { size: TABLE_SIZE, bold });
  const cell = (p: Paragraph, i: number) =>
    new TableCell({ children: [p], width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CONTENTS_HEADER.map((h, i) => cell(text(h, AlignmentType.CENTER, true), i)),
  });
  const rows = block.rows.map(
    (r, i) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(text(`${i + 1}`, AlignmentType.CENTER), 0),
          cell(text(r.title, AlignmentType.LEFT), 1),
          cell(r.pageOf !== undefined ? pageRef(r.pageOf) : text('', AlignmentType.CENTER), 2),
        ],
      }),
  );
  return new Table({
    rows: [header, ...rows],
    width: { size: w, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    margins: CELL_MARGINS,
  });
}

/**
 * The signature area as a borderless table whose rows cannot split and are each kept with the
 * next (the only keep-with-next chain of the document, with the last content paragraph before
 * it), so Word, WPS and LibreOffice move it whole rather than leave the seal alone on a page.
 *
 * A party's row: the name, and under it "签名（捺印）：" with the rest of the cell left blank to
 * sign and press a fingerprint (two lines tall at least); its date at the bottom right. An
 * official's row: the line to sign, and the printed name under the blank where they sign.
 */
function signatureTable(block: SignatureBlock): Table {
  const w = DOCX_PAGE.textWidth;
  const left = Math.round(w * SIGN_LEFT);
  const right = w - left;
  // Bottom-aligned: the date on the last line of its signer's text, room above to sign.
  const cell = (children: Paragraph[], width: number, span?: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.BOTTOM,
      ...(span ? { columnSpan: span } : {}),
    });
  const officialIndent = Math.round(w * OFFICIALS_INDENT);
  const rows: { cells: TableCell[]; lines: number }[] = [];
  for (const s of block.signers) {
    rows.push({
      cells: [cell([para(s.label), para(s.note)], left), cell([para(s.date, { alignment: AlignmentType.RIGHT })], right)],
      lines: 2,
    });
  }
  for (const raw of block.officials) {
    const o = officialOf(raw);
    const children = [para(o.label, { indent: { left: officialIndent } })];
    // The name under the blank after the label: where the signature goes.
    if (o.name !== '') children.push(para(o.name, { indent: { left: officialIndent + [...o.label].length * 320 } }));
    rows.push({ cells: [cell(children, w, 2)], lines: 2 });
  }
  const right2 = { alignment: AlignmentType.RIGHT, indent: { right: INDENT } };
  if (block.seal !== undefined) rows.push({ cells: [cell([para(block.seal, right2)], w, 2)], lines: 2 });
  if (block.date !== undefined) rows.push({ cells: [cell([para(block.date, right2)], w, 2)], lines: 1 });
  if (rows.length === 0) rows.push({ cells: [cell([para('')], w, 2)], lines: 1 });
  return new Table({
    rows: rows.map(
      (r, i) =>
        new TableRow({
          children: r.cells,
          cantSplit: true,
          ...keep(i < rows.length - 1),
          ...(r.lines > 1 ? { height: { value: r.lines * LINE_TWIPS, rule: HeightRule.ATLEAST } } : {}),
        }),
    ),
    width: { size: w, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

function body(model: DocModel): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    para(
      cleanText(model.title),
      { alignment: AlignmentType.CENTER, spacing: exact(LINE_TWIPS) },
      { font: font(DOCX_FONTS.title), size: TITLE_SIZE, bold: true },
    ),
  ];
  const num = numberLine(model);
  if (num !== undefined) out.push(para(num, { alignment: AlignmentType.RIGHT }));
  out.push(spacer());
  model.blocks.forEach((block, i) => {
    // What goes to the next page with what follows it (model.ts keptWithNext): the end of the
    // content with the signatures — its last lines: with widow control a long paragraph splits and
    // only its tail moves — and the salutation (此致) whole with the addressee.
    const kept = keptWithNext(model.blocks, i);
    const keepNext = kept !== null;
    const keepOpts = (k: typeof kept): Omit<IParagraphOptions, 'children'> =>
      k === 'whole' ? { keepNext: true, keepLines: true } : k === 'tail' ? { keepNext: true, widowControl: true } : {};
    const bodyOpts = (
      indent: boolean,
      align: IParagraphOptions['alignment'] = AlignmentType.JUSTIFIED,
    ): Omit<IParagraphOptions, 'children'> => ({
      alignment: align,
      ...(indent ? { indent: { firstLine: INDENT } } : {}),
      ...keepOpts(kept),
    });
    switch (block.kind) {
      case 'part':
        // Another document of the bundle: a new page, its title and number as on its own.
        {
          // The contents' page references (ContentsBlock rows' pageOf) point at a bookmark on the title.
          const title = runs(cleanText(block.title), { font: font(DOCX_FONTS.title), size: TITLE_SIZE, bold: true });
          out.push(
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: exact(LINE_TWIPS),
              pageBreakBefore: true,
              children: block.anchor === undefined ? title : [new Bookmark({ id: block.anchor, children: title })],
            }),
          );
        }
        if (block.number) out.push(para(`编号：${cleanText(block.number)}`, { alignment: AlignmentType.RIGHT }));
        out.push(spacer());
        break;
      case 'heading':
        out.push(para(block.text, { ...bodyOpts(true), keepNext: true }, { font: font(DOCX_FONTS.heading) }));
        break;
      case 'paragraph': {
        const align =
          block.align === 'center' ? AlignmentType.CENTER : block.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED;
        const label = block.label ? runs(block.label, { bold: true }) : [];
        const text = block.text === '' ? [] : runs(block.text);
        out.push(
          new Paragraph({
            spacing: exact(LINE_TWIPS),
            ...bodyOpts(block.indent !== false && (block.align ?? 'justify') === 'justify', align),
            children: [...label, ...text],
          }),
        );
        break;
      }
      case 'list':
        block.items.forEach((item, j) => {
          // Only the last item goes with the signatures: no chain through a long list.
          const last = keepNext && j === block.items.length - 1;
          out.push(
            para(item.marker + item.text, {
              alignment: AlignmentType.JUSTIFIED,
              indent: { firstLine: INDENT },
              ...(last ? keepOpts(kept) : {}),
            }),
          );
        });
        break;
      case 'note':
        out.push(para(block.text, bodyOpts(true)));
        break;
      case 'fields':
        out.push(fieldsTable(block), spacer());
        break;
      case 'contents':
        out.push(contentsTable(block), spacer());
        break;
      case 'signatures':
        if (block.lead !== undefined) {
          out.push(para(block.lead, { alignment: AlignmentType.CENTER, pageBreakBefore: true, keepNext: true, keepLines: true }));
          out.push(spacer(true), signatureTable(block));
        } else out.push(spacer(true), signatureTable(block));
        break;
    }
  });
  return out;
}

/**
 * Font declarations in place of docx's (which lists only embedded fonts). Charset 86 = GB2312;
 * the signature marks code page 936 (csb0 bit 18) and the CJK ranges, as Word writes for 宋体.
 */
const FONT_TABLE = (() => {
  const faces = (['body', 'title', 'heading', 'pageNumber'] as const).map((role) => DOC_FONTS[role]);
  const sig = '<w:sig w:usb0="00000003" w:usb1="288F0000" w:usb2="00000016" w:usb3="00000000" w:csb0="00040001" w:csb1="00000000"/>';
  const entries = faces.map(
    (f) =>
      `<w:font w:name="${f.docx}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>${sig}</w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries.join('') +
    '</w:fonts>'
  );
})();

/** A run of pages with one orientation; a report puts its wide tables in a landscape one. */
export interface HouseSection {
  children: FileChild[];
  landscape?: boolean;
}

/**
 * How pages are numbered: 'of-total' ("第 1 页 共 3 页", PAGE and NUMPAGES fields) on the legal
 * documents, so a court can see that none is missing; 'dash' ("— 1 —", GB/T 9704) on reports.
 */
export type PageNumbering = 'of-total' | 'dash';

function pageFooter(numbering: PageNumbering): Footer {
  const children =
    numbering === 'of-total' ? ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] : ['— ', PageNumber.CURRENT, ' —'];
  // 4号 宋体, about 7 mm below the text block.
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children, font: font(DOCX_FONTS.pageNumber), size: TABLE_SIZE })],
      }),
    ],
  });
}

function sectionOf(section: HouseSection, numbering: PageNumbering) {
  const page = section.landscape
    ? {
        // docx swaps width and height for a landscape page; w:pgSz then reads 16838 × 11906.
        size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height, orientation: PageOrientation.LANDSCAPE },
        margin: {
          top: DOCX_LANDSCAPE.top,
          right: DOCX_LANDSCAPE.right,
          bottom: DOCX_LANDSCAPE.bottom,
          left: DOCX_LANDSCAPE.left,
          header: mm(12),
          footer: mm(12),
          gutter: 0,
        },
      }
    : {
        size: { width: DOCX_PAGE.width, height: DOCX_PAGE.height },
        margin: {
          top: DOCX_PAGE.top,
          right: DOCX_PAGE.right,
          bottom: DOCX_PAGE.bottom,
          left: DOCX_PAGE.left,
          header: mm(15),
          footer: mm(22),
          gutter: 0,
        },
      };
  return {
    properties: { page, grid: { type: DocumentGridType.LINES, linePitch: LINE_TWIPS } },
    footers: { default: pageFooter(numbering) },
    children: section.children,
  };
}

/**
 * Any document in the house style (A4, GB/T 9704 margins and line grid, the fonts with their
 * fallbacks, "— 1 —" page numbers): the legal documents below and the statistics reports use it.
 * Given sections, each starts on a new page with its own orientation; page numbers run on.
 */
export function packHouseStyle(docTitle: string, children: FileChild[], numbering: PageNumbering = 'dash'): Promise<Buffer> {
  return packHouseSections(docTitle, [{ children }], numbering);
}

export async function packHouseSections(docTitle: string, sections: HouseSection[], numbering: PageNumbering = 'dash'): Promise<Buffer> {
  const doc = new Document({
    creator: '调解工作台',
    title: cleanText(docTitle),
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: BODY_SIZE, language: LANG },
          paragraph: { spacing: exact(LINE_TWIPS) },
        },
      },
    },
    sections: sections.map((x) => sectionOf(x, numbering)),
  });
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}

export function renderDocx(model: DocModel): Promise<Buffer> {
  return packHouseStyle(model.title, body(model), 'of-total');
}
