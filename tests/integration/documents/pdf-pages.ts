/**
 * A PDF read back page by page with poppler, as a person leafing through the printout would see it:
 * each page's size, its lines of text with their vertical extent (pdftotext -bbox-layout), the
 * body (inside the GB/T 9704 text block) apart from the footer (the page number below it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const PT_PER_MM = 72 / 25.4;

/** The text block of every legal document (render-docx.ts DOCX_PAGE, render-html.ts @page). */
export const TEXT_TOP_MM = 37;
export const TEXT_HEIGHT_MM = 225;

export interface PdfLine {
  /** Top and bottom of the line, in mm from the top of the page. */
  top: number;
  bottom: number;
  text: string;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  widthMm: number;
  heightMm: number;
  /** Lines inside the text block, top to bottom. */
  body: PdfLine[];
  /** Lines below the text block: the page number. */
  footer: PdfLine[];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };
const decode = (s: string): string => s.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);
const num = (attrs: string, name: string): number => Number(new RegExp(`${name}="([\\d.]+)"`).exec(attrs)?.[1] ?? NaN);

export function readPdfPages(pdf: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  // A line below the text block (with a millimetre of slack for the last line's descent) is the footer.
  const footerFrom = TEXT_TOP_MM + TEXT_HEIGHT_MM + 1;
  for (const m of xml.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    const [, pageAttrs = '', content = ''] = m;
    const body: PdfLine[] = [];
    const footer: PdfLine[] = [];
    for (const l of content.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const [, lineAttrs = '', words = ''] = l;
      const text = [...words.matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((w) => decode(w[1] ?? '')).join(' ');
      const line = { top: num(lineAttrs, 'yMin') / PT_PER_MM, bottom: num(lineAttrs, 'yMax') / PT_PER_MM, text };
      (line.top >= footerFrom ? footer : body).push(line);
    }
    body.sort((a, b) => a.top - b.top);
    pages.push({
      number: pages.length + 1,
      widthMm: num(pageAttrs, 'width') / PT_PER_MM,
      heightMm: num(pageAttrs, 'height') / PT_PER_MM,
      body,
      footer,
    });
  }
  return pages;
}

/**
 * Each page's text in the order it was drawn (pdftotext -raw), without white space: both renderers
 * draw a table cell by cell, so a value wrapped in a cell reads whole here, where the page's lines
 * interleave it with the label beside it.
 */
export function drawnTexts(pdf: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text
    .split('\f')
    .slice(0, -1)
    .map((s) => s.replace(/\s+/gu, ''));
}

/** How full a page is: from the top of the text block to its lowest line, over the block's height. */
export function fullness(page: PdfPage): number {
  const lowest = Math.max(TEXT_TOP_MM, ...page.body.map((l) => l.bottom));
  return (lowest - TEXT_TOP_MM) / TEXT_HEIGHT_MM;
}

/** The page count pdfinfo reports (a cross-check of the page split above). */
export function pdfPageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/**
 * Keeps pages of a PDF as PNGs at 50 dpi (enough to see the layout, small enough to keep) in
 * `dir`: every page is drawn once, into `scratch`, on the first call (pdftoppm reads the whole
 * file each time).
 */
export function pngKeeper(pdf: string, dir: string, scratch: string): (page: number, name: string) => void {
  let drawn: string | null = null;
  return (page, name) => {
    if (drawn === null) {
      drawn = fs.mkdtempSync(path.join(scratch, 'png-'));
      execFileSync('pdftoppm', ['-png', '-r', '50', pdf, path.join(drawn, 'p')]);
    }
    // pdftoppm pads the page number to the width of the last one.
    const file = fs.readdirSync(drawn).find((f) => Number(/-(\d+)\.png$/.exec(f)?.[1]) === page);
    if (!file) throw new Error(`no page ${page} in ${pdf}`);
    fs.copyFileSync(path.join(drawn, file), path.join(dir, `${name}.png`));
  };
}
