/**
 * What a clerk checks leafing through a printed document, page by page (issue #14, "Done when"):
 * - A4, every page numbered 第 N 页 共 M 页;
 * - no page holds the signature/seal block alone (parties' lines, mediators, recorder, seal,
 *   date), unless it is a signature page headed （此页无正文） as court practice prints them;
 * - no page but the last is less than a third full, unless the next page starts a section the
 *   builder put on a new page (a document of the case file, the contents, a signature page): those
 *   starts are read from the model, and each must be found at the top of a page, in order;
 * - the real values are there.
 * Each finding is a line of text, so one failing test lists them all.
 */
import { officialOf, type DocModel } from '../../../electron/services/documents/model';
import { NO_BODY_TEXT } from '../../../electron/services/documents/signature-pages';
import { fullness, type PdfPage } from './pdf-pages';
import { ink } from './harness';

/** The pieces of text a signature block prints: each party's line, officials, seal, date. */
function signaturePieces(model: DocModel): string[] {
  const pieces = new Set<string>();
  for (const b of model.blocks) {
    if (b.kind !== 'signatures') continue;
    for (const s of b.signers) [s.label, s.note, s.date].forEach((x) => pieces.add(ink(x)));
    for (const o of b.officials.map(officialOf)) [o.label, o.name].forEach((x) => pieces.add(ink(x)));
    for (const x of [b.seal, b.date, b.lead]) if (x !== undefined) pieces.add(ink(x));
  }
  pieces.delete('');
  // Longest first, so a label is removed whole before a shorter piece inside it.
  return [...pieces].sort((a, b) => b.length - a.length);
}

/** A line that belongs to the signature area: made of its pieces, or part of one that wrapped. */
function isSignatureLine(line: string, pieces: readonly string[]): boolean {
  const t = ink(line);
  if (t === '') return true;
  if (pieces.some((p) => p.includes(t))) return true;
  let rest = t;
  for (const p of pieces) rest = rest.split(p).join('');
  return rest === '';
}

/** The texts that start a new page because the builder says so, in model order; `part`: another document. */
function forcedStarts(model: DocModel): { text: string; part: boolean }[] {
  return model.blocks.flatMap((b): { text: string; part: boolean }[] =>
    b.kind === 'part'
      ? [{ text: ink(b.title), part: true }]
      : b.kind === 'signatures' && b.lead !== undefined
        ? [{ text: ink(b.lead), part: false }]
        : [],
  );
}

const topText = (page: PdfPage): string => ink(page.body.map((l) => l.text).join(''));

export interface PageReport {
  findings: string[];
  /** Each page's body text, in pdftotext's reading order, without white space. */
  texts: string[];
  /** The 0-based page each part (a document of a bundle, the contents) starts on, in model order. */
  partPages: number[];
}

/**
 * @param partNames what to call the pages of each part in findings ("session-record-2"), in model
 *   order; the pages before the first part are the document's own.
 */
export function checkPages(
  model: DocModel,
  pages: readonly PdfPage[],
  pdfPageCount: number,
  partNames: readonly string[] = [],
): PageReport {
  const findings: string[] = [];
  const n = pages.length;
  if (pdfPageCount !== n) findings.push(`pdfinfo counts ${pdfPageCount} pages, pdftotext ${n}`);
  const pieces = signaturePieces(model);
  const starts = forcedStarts(model);
  const sortedBody = pages.map((p) => [...p.body].sort((a, b) => a.top - b.top));
  // Which pages a forced break starts: the model's starts, found in order at the tops of pages.
  const forced = new Set<number>();
  const partPages: number[] = [];
  let k = 0;
  for (let i = 1; i < n && k < starts.length; i++) {
    if (ink(sortedBody[i]!.map((l) => l.text).join('')).startsWith(starts[k]!.text)) {
      forced.add(i);
      if (starts[k]!.part) partPages.push(i);
      k++;
    }
  }
  if (k < starts.length) findings.push(`the new-page start 「${starts[k]!.text}」 is at the top of no page`);

  const partOf = (i: number): string => {
    const j = partPages.findLastIndex((p) => p <= i);
    return j < 0 ? '' : ` (${partNames[j] ?? `part ${j + 1}`})`;
  };
  pages.forEach((page, i) => {
    const where = `page ${i + 1}/${n}${partOf(i)}`;
    if (Math.abs(page.widthMm - 210) > 1 || Math.abs(page.heightMm - 297) > 1)
      findings.push(`${where}: ${page.widthMm.toFixed(0)} × ${page.heightMm.toFixed(0)} mm, not A4`);
    const footer = ink(page.footer.map((l) => l.text).join(''));
    if (footer !== `第${i + 1}页共${n}页`) findings.push(`${where}: page number reads 「${footer}」`);
    const body = sortedBody[i]!;
    if (body.length === 0) {
      findings.push(`${where}: blank`);
      return;
    }
    if (body.every((l) => isSignatureLine(l.text, pieces)) && !topText(page).startsWith(ink(NO_BODY_TEXT)))
      findings.push(`${where}: holds only signatures/seal/date (「${ink(body.map((l) => l.text).join('')).slice(0, 40)}」)`);
    const full = fullness(page);
    if (i < n - 1 && full < 1 / 3 && !forced.has(i + 1))
      findings.push(`${where}: ${(full * 100).toFixed(0)} % full, and the next page starts no section`);
  });
  return { findings, texts: pages.map((p) => ink(p.body.map((l) => l.text).join(''))), partPages };
}

const isRare = (c: string): boolean => (c.codePointAt(0) ?? 0) > 0xffff;
const withoutRare = (s: string): string => [...s].filter((c) => !isRare(c)).join('');

/**
 * Every expected value, as printed text, that the document's text lacks. A character outside the
 * BMP (𠀀) comes from a fallback font, which LibreOffice draws after the line it stands in: it is
 * looked for on its own, the value around it without it.
 */
export function missingValues(text: string, values: readonly string[]): string[] {
  const common = withoutRare(text);
  return values.filter((v) => {
    const want = ink(v);
    return want !== '' && (!common.includes(withoutRare(want)) || [...want].some((c) => isRare(c) && !text.includes(c)));
  });
}
