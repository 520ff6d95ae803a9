/**
 * Reading renderings back the way a person's tools would: the .docx unzipped and its XML parsed,
 * the HTML printed to PDF by headless Chromium and read with poppler (pdftotext, pdffonts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { modelText, type DocModel } from '../../../electron/services/documents/model';
import { DOCX_PAGE, renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
});

const children = (node: XmlNode, name: string): XmlNode[] => (node[name] as XmlNode[] | undefined) ?? [];
const attrs = (node: XmlNode): Record<string, string> => (node[':@'] as Record<string, string> | undefined) ?? {};
const nameOf = (node: XmlNode): string => Object.keys(node).find((k) => k !== ':@') ?? '';

/** Depth-first list of the elements called `name`. */
export function findAll(nodes: XmlNode[], name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      const k = nameOf(n);
      if (k === name) out.push(n);
      if (k !== '#text' && Array.isArray(n[k])) walk(n[k] as XmlNode[]);
    }
  };
  walk(nodes);
  return out;
}

export const attrOf = (node: XmlNode | undefined, a: string): string | undefined => (node ? attrs(node)[a] : undefined);
export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  node ? children(node, nameOf(node)).find((c) => nameOf(c) === name) : undefined;

/** Text of the body: w:t in document order, a newline after each paragraph, tabs and breaks kept. */
export function wordText(nodes: XmlNode[]): string {
  let out = '';
  const walk = (ns: XmlNode[]) => {
    for (const n of ns) {
      const k = nameOf(n);
      if (k === 'w:t')
        out += children(n, 'w:t')
          .map((c) => String((c['#text'] as string | number | undefined) ?? ''))
          .join('');
      else if (k === 'w:tab') out += '\t';
      else if (k === 'w:br') out += '\n';
      else if (k !== '#text' && Array.isArray(n[k])) {
        walk(n[k] as XmlNode[]);
        if (k === 'w:p') out += '\n';
      }
    }
  };
  walk(nodes);
  return out;
}

export interface DocxParts {
  files: string[];
  documentXml: string;
  document: XmlNode[];
  styles: XmlNode[];
  fontTable: XmlNode[];
  text: string;
}

export async function readDocx(buf: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (p: string) => {
    const f = zip.file(p);
    if (!f) throw new Error(`missing ${p} in the .docx`);
    return f.async('string');
  };
  const documentXml = await read('word/document.xml');
  const document = parser.parse(documentXml) as XmlNode[];
  return {
    files: Object.keys(zip.files),
    documentXml,
    document,
    styles: parser.parse(await read('word/styles.xml')) as XmlNode[],
    fontTable: parser.parse(await read('word/fontTable.xml')) as XmlNode[],
    text: wordText(document),
  };
}

/** The characters that are not white space, in order: what both renderings must agree on. */
export const ink = (s: string): string => s.replace(/\s+/gu, '');

/** Page numbers the print view adds in the bottom margin ("第 1 页 共 2 页", "— 1 —"): not document text. */
export const withoutPageNumbers = (s: string): string => s.replace(/第\s*\d+\s*页\s*共\s*\d+\s*页/g, '').replace(/—\s*\d+\s*—/g, '');

/** The kinds of element whose fonts are checked: every style the print view sets text in. */
const SAMPLED = [
  'h1',
  'p.number',
  'p.heading',
  'b.label',
  'p.indent',
  'p:not(.indent)',
  'td.caption',
  'td.label',
  'table.fields td:not(.label)',
  '.signatures td',
];

export class PdfPrinter {
  private browser: Browser | null = null;
  private page: Page | null = null;
  private cdp: CDPSession | null = null;
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-docs-'));
  private n = 0;

  /** One browser and one page per test file: launching is the slow part. */
  async start(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    this.page = await this.browser.newPage();
    this.cdp = await this.page.context().newCDPSession(this.page);
    await this.cdp.send('DOM.enable');
    await this.cdp.send('CSS.enable');
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  /** Print the HTML to an A4 PDF at `file`, as Electron's printToPDF would: nothing read back. */
  async printTo(html: string, file: string): Promise<void> {
    const { page } = this;
    if (!page) throw new Error('PdfPrinter not started');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    await page.pdf({ path: file, format: 'A4', printBackground: true });
  }

  /**
   * Print the HTML to an A4 PDF; return its text (pdftotext), its fonts (pdffonts) and the font
   * families Chromium actually drew the text with (DevTools CSS.getPlatformFontsForNode).
   */
  async print(html: string): Promise<{ pdf: string; text: string; fonts: string; pages: number; families: Map<string, number> }> {
    const { page, cdp } = this;
    if (!page || !cdp) throw new Error('PdfPrinter not started');
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    // A few elements of each kind (asking for every element costs seconds on long documents).
    const nodeIds: number[] = [];
    for (const selector of SAMPLED) {
      const found = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
      nodeIds.push(...found.nodeIds.slice(0, 3));
    }
    const families = new Map<string, number>();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const f of fonts) families.set(f.familyName, (families.get(f.familyName) ?? 0) + f.glyphCount);
    }
    const pdf = path.join(this.dir, `doc-${++this.n}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    // -raw: content-stream order, which Chromium writes in document order.
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    const pages = text.split('\f').length - 1;
    return { pdf, text, fonts, pages, families };
  }
}

export interface Rendered {
  docx: DocxParts;
  pdfText: string;
  /** The PDF's text page by page. */
  pages: string[];
  html: string;
  /** Characters the PDF could not show on this machine (no installed font has them). */
  missing: string[];
}

/**
 * Render both ways and check what holds for every document: the .docx text is the model's text;
 * the page is A4 with the GB/T 9704 margins; fonts are declared with fallbacks; the signature area
 * cannot split; the PDF of the print view has the same text, drawn with an embedded CJK font.
 */
export async function renderAndCheck(model: DocModel, printer: PdfPrinter): Promise<Rendered> {
  const docx = await readDocx(await renderDocx(model));
  expect(ink(docx.text)).toBe(ink(modelText(model)));

  const sect = findAll(docx.document, 'w:sectPr')[0];
  const pgSz = child(sect, 'w:pgSz');
  const pgMar = child(sect, 'w:pgMar');
  expect(attrOf(pgSz, 'w:w')).toBe('11906');
  expect(attrOf(pgSz, 'w:h')).toBe('16838');
  const mar = (a: string) => Number(attrOf(pgMar, a));
  const toMm = (tw: number) => (tw * 25.4) / 1440;
  expect(toMm(mar('w:top'))).toBeCloseTo(37, 1);
  expect(toMm(mar('w:left'))).toBeCloseTo(28, 1);
  expect(toMm(11906 - mar('w:left') - mar('w:right'))).toBeCloseTo(156, 1);
  expect(toMm(16838 - mar('w:top') - mar('w:bottom'))).toBeCloseTo(225, 1);
  expect(mar('w:right')).toBe(DOCX_PAGE.right);
  expect(mar('w:bottom')).toBe(DOCX_PAGE.bottom);
  // ~22 lines: exact line pitch of 225 mm / 22 and a document grid to match.
  expect(Number(attrOf(child(sect, 'w:docGrid'), 'w:linePitch'))).toBe(579);
  const bodySpacing = findAll(docx.document, 'w:spacing').find((s) => attrOf(s, 'w:line') === '579');
  expect(attrOf(bodySpacing, 'w:lineRule')).toBe('exact');

  // Body font: 仿宋 for East Asian text in the document defaults, 16 pt, zh-CN.
  const defaults = findAll(docx.styles, 'w:docDefaults')[0];
  const defFonts = findAll(defaults ? [defaults] : [], 'w:rFonts')[0];
  expect(attrOf(defFonts, 'w:eastAsia')).toBe('仿宋');
  expect(attrOf(defFonts, 'w:ascii')).toBe('仿宋');
  expect(attrOf(findAll(defaults ? [defaults] : [], 'w:sz')[0], 'w:val')).toBe('32');
  expect(attrOf(findAll(defaults ? [defaults] : [], 'w:lang')[0], 'w:eastAsia')).toBe('zh-CN');
  // Title: 22 pt 方正小标宋简体, bold (so the 宋体 fallback is bold too).
  const titleRun = findAll(docx.document, 'w:r')[0];
  expect(attrOf(findAll(titleRun ? [titleRun] : [], 'w:rFonts')[0], 'w:eastAsia')).toBe('方正小标宋简体');
  expect(attrOf(findAll(titleRun ? [titleRun] : [], 'w:sz')[0], 'w:val')).toBe('44');
  expect(findAll(titleRun ? [titleRun] : [], 'w:b').length).toBe(1);
  // Font table: every face with an English altName and the GB2312 charset, for substitution.
  const fonts = findAll(docx.fontTable, 'w:font');
  const face = (n: string) => fonts.find((f) => attrOf(f, 'w:name') === n);
  for (const [n, alt] of [
    ['仿宋', 'FangSong'],
    ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'],
    ['黑体', 'SimHei'],
    ['宋体', 'SimSun'],
  ] as const) {
    expect(attrOf(child(face(n), 'w:altName'), 'w:val'), n).toBe(alt);
    expect(attrOf(child(face(n), 'w:charset'), 'w:val'), n).toBe('86');
  }

  // The signature area: the last table, all rows cantSplit and kept with the next.
  const tables = findAll(docx.document, 'w:tbl');
  const sig = tables[tables.length - 1];
  const rows = findAll(sig ? [sig] : [], 'w:tr');
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(findAll([r], 'w:cantSplit').length).toBe(1);
  for (const r of rows.slice(0, -1)) expect(findAll([r], 'w:keepNext').length).toBeGreaterThan(0);

  const html = renderHtml(model);
  const printed = await printer.print(html);
  // A glyph drawn as a box has no text behind it in the PDF, so equal text means no boxes — except
  // for characters that no font on this machine has (see uncoveredChars), which are reported.
  const missing = uncoveredChars(docx.text);
  const expected = [...ink(docx.text)].filter((c) => !missing.includes(c)).join('');
  expect(ink(withoutPageNumbers(printed.text))).toBe(expected);
  // The text was drawn with the CJK faces of the font stacks, never a stray fallback.
  expect(printed.families.size).toBeGreaterThan(0);
  for (const family of printed.families.keys()) expect(family).toMatch(CJK_FAMILY);
  // Every font in the PDF is embedded (Chromium writes Noto CJK, a CFF collection, as Type 3
  // fonts without names, so pdffonts cannot name the face: the families above do).
  const fontRows = printed.fonts
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  expect(fontRows.length).toBeGreaterThan(0);
  for (const l of fontRows) expect(l.split(/\s+/).slice(-5, -4)[0], l).toBe('yes');
  return { docx, pdfText: printed.text, pages: printed.text.split('\f'), html, missing };
}

/** The families of the stacks in render-html.ts that can draw Chinese. */
export const CJK_FAMILY = /CJK|Source Han|FangSong|仿宋|SimSun|宋体|SimHei|黑体|STFangsong|STHeiti|方正|FZ|HanaMin/;

const coverage = new Map<string, boolean>();

/**
 * Characters of `text` outside the Basic Multilingual Plane (CJK Ext. B such as 𠀀) for which no
 * installed font has a glyph (fontconfig). fonts-noto-cjk stops at the BMP, so on a Debian machine
 * with only it, 𠀀 cannot be drawn by any browser; Windows has SimSun-ExtB for it.
 */
export function uncoveredChars(text: string): string[] {
  const out: string[] = [];
  for (const ch of new Set(Array.from(text))) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0xffff) continue;
    if (!coverage.has(ch)) {
      const list = execFileSync('fc-list', [`:charset=${cp.toString(16)}`, 'family'], { encoding: 'utf8' });
      coverage.set(ch, list.trim() !== '');
    }
    if (!coverage.get(ch)) out.push(ch);
  }
  return out;
}
