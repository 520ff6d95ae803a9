/**
 * Issue #14's "Done when": every document type that fits an agreed, a failed, a withdrawn, a
 * court-delegated (委派), a court-entrusted (委托), a company-party and a ten-party case, laid out
 * by LibreOffice (the .docx, as Word-like software prints it) and by Chromium (the print view, as
 * the app prints it), and read back page by page (page-checks.ts).
 *
 * Each case's documents are rendered as its whole case file (case-file: cover, contents, then
 * every document that fits the case — every session's record, every visit's — each starting a new
 * page exactly as it prints alone, with its own title), plus the cover on its own (file-cover).
 * Rendering each document a second time alone would double the time (Chromium needs seconds a
 * page to embed CJK glyphs) and show nothing new: a page break separates them, and the text each
 * prints alone is compared with its part of the case file in case-file.test.ts. The case file's
 * pages are cut at each document's title; every document is checked on its own pages, and its
 * first and last page kept as PNGs in tests/artifacts/documents/<case>/<type>-<renderer>-first|last.png.
 *
 * Six cases come from demo data (the generator's own cases, picked by what they are); the
 * ten-party one from fixtures.ts, as the demo draws at most nine parties.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatYuan, yuanInWords } from '../../../electron/common/domain';
import { inputFor, latestSubject, loadDocumentData } from '../../../electron/services/documents/assemble';
import { buildDocument, documentFits, type DocumentType } from '../../../electron/services/documents/builders';
import { caseDocuments } from '../../../electron/services/documents/builders/case-file';
import { principals } from '../../../electron/services/documents/builders/common';
import type { DocumentInput } from '../../../electron/services/documents/input';
import type { DocModel } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { docxToPdf } from '../../support/soffice';
import { tempDir } from '../../support/tmp';
import { demoDir, type DemoDir } from '../demo/harness';
import { tenParty } from './fixtures';
import { ink, PdfPrinter } from './harness';
import { checkPages, missingValues } from './page-checks';
import { drawnTexts, pdfPageCount, pngKeeper, readPdfPages } from './pdf-pages';

const KINDS = ['agreed', 'failed', 'withdrawn', 'court-delegated', 'court-entrusted', 'company-party', 'ten-party'] as const;
type Kind = (typeof KINDS)[number];
const RENDERERS = ['docx', 'print'] as const;

interface Rendered {
  kind: Kind;
  type: 'case-file' | 'file-cover';
  model: DocModel;
  /** The documents the case file binds, in order, as each prints alone. */
  parts: DocModel[];
  input: DocumentInput;
  docx: string;
  pdf: Record<(typeof RENDERERS)[number], string>;
}

const repo = path.resolve(import.meta.dirname, '..', '..', '..');
const ARTIFACTS = path.join(repo, 'tests', 'artifacts', 'documents');

const NO_REFERRAL = 'NOT EXISTS (SELECT 1 FROM court_referrals r WHERE r.case_id = c.id)';
const HAS_ORG = "EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.kind = 'org' AND p.deleted = 0)";
const referred = (mode: string) => `EXISTS (SELECT 1 FROM court_referrals r WHERE r.case_id = c.id AND r.mode = '${mode}')`;

/** Demo cases by what they are; among those, the first whose defining document can be made. */
const PICKS: Record<Exclude<Kind, 'ten-party'>, { where: string; needs: DocumentType }> = {
  agreed: { where: `outcome = 'agreement' AND agreed_amount_fen IS NOT NULL AND ${NO_REFERRAL} AND NOT ${HAS_ORG}`, needs: 'agreement' },
  failed: { where: `outcome = 'failed' AND ${NO_REFERRAL}`, needs: 'undisputed-facts' },
  withdrawn: { where: "outcome = 'withdrawn'", needs: 'termination-notice' },
  'court-delegated': { where: referred('delegated'), needs: 'agreement' },
  'court-entrusted': { where: referred('entrusted'), needs: 'agreement' },
  'company-party': { where: `outcome = 'agreement' AND agreed_amount_fen IS NOT NULL AND ${HAS_ORG}`, needs: 'agreement' },
};

function demoInput(demo: DemoDir, kind: Exclude<Kind, 'ten-party'>): DocumentInput {
  const { where, needs } = PICKS[kind];
  for (const { id } of demo.all<{ id: string }>(`SELECT id FROM cases c WHERE deleted = 0 AND ${where} ORDER BY case_number`)) {
    const data = loadDocumentData(demo.ctx, id);
    if (documentFits(needs, inputFor(data, needs, latestSubject(data, needs))).ok) return inputFor(data, 'case-file', null);
  }
  throw new Error(`no demo case is ${kind} with a ${needs}`);
}

/** What must be printed with its real value: the case number, the parties, the agreed amount. */
function expectedValues(doc: DocModel, input: DocumentInput): string[] {
  const values = [input.case.caseNumber];
  if (doc.type !== 'session-record' && doc.type !== 'followup-record') values.push(...principals(input.parties).map((p) => p.name));
  // Where the terms are quoted, the amount they settle.
  const fen = input.case.agreedAmountFen;
  const quotesTerms =
    ['agreement', 'confirmation-application', 'followup-record'].includes(doc.type) ||
    (doc.type === 'court-result-report' && input.case.outcome === 'agreement');
  if (quotesTerms && fen !== null && fen !== undefined) values.push(formatYuan(fen), yuanInWords(fen));
  return values;
}

const out = tempDir('md-rendered-');
const printers = [new PdfPrinter(), new PdfPrinter()];
const rendered: Rendered[] = [];
let demo: DemoDir | null = null;

beforeAll(async () => {
  const t0 = performance.now();
  demo = demoDir(150, 11);
  const inputs: [Kind, DocumentInput][] = [
    ...(['agreed', 'failed', 'withdrawn', 'court-delegated', 'court-entrusted', 'company-party'] as const).map(
      (k): [Kind, DocumentInput] => [k, demoInput(demo!, k)],
    ),
    ['ten-party', { ...tenParty(), case: { ...tenParty().case, agreedAmountFen: 8_640_050 } }],
  ];
  fs.mkdirSync(path.join(out.dir, 'docx-pdf'));
  for (const [kind, input] of inputs) {
    const parts = caseDocuments(input, (t, i) => documentFits(t, i).ok, buildDocument);
    for (const type of ['case-file', 'file-cover'] as const) {
      const base = `${kind}--${type}`;
      const model = buildDocument(type, input);
      const docx = path.join(out.dir, `${base}.docx`);
      fs.writeFileSync(docx, await renderDocx(model));
      rendered.push({
        kind,
        type,
        model,
        parts,
        input,
        docx,
        pdf: { docx: path.join(out.dir, 'docx-pdf', `${base}.pdf`), print: path.join(out.dir, `${base}.print.pdf`) },
      });
    }
  }
  const t1 = performance.now();
  // LibreOffice converts every file in one process while Chromium prints the views.
  let sofficeSeconds = 0;
  const soffice = docxToPdf(
    rendered.map((r) => r.docx),
    path.join(out.dir, 'docx-pdf'),
    { timeoutMs: 180_000 },
  ).then(() => (sofficeSeconds = (performance.now() - t1) / 1000));
  // Two browsers take the print views from one queue: the second core is free once soffice ends.
  await Promise.all(printers.map((p) => p.start()));
  const queue = [...rendered];
  await Promise.all(
    printers.map(async (p) => {
      for (let r = queue.shift(); r !== undefined; r = queue.shift()) await p.printTo(renderHtml(r.model), r.pdf.print);
    }),
  );
  const chromiumSeconds = (performance.now() - t1) / 1000;
  await soffice;
  console.log(
    `${rendered.length} files: built in ${((t1 - t0) / 1000).toFixed(1)} s; LibreOffice ${sofficeSeconds.toFixed(1)} s, Chromium ${chromiumSeconds.toFixed(1)} s (side by side)`,
  );
}, 300_000);

afterAll(async () => {
  await Promise.all(printers.map((p) => p.stop()));
  demo?.close();
  out.cleanup();
});

/** The bound documents' names in findings and artifacts: the type, numbered from the second of a type on. */
function partNames(parts: readonly DocModel[]): string[] {
  const seen = new Map<string, number>();
  return parts.map((doc) => {
    const n = (seen.get(doc.type) ?? 0) + 1;
    seen.set(doc.type, n);
    return n > 1 ? `${doc.type}-${n}` : doc.type;
  });
}

/** Findings for one case file: its pages cut at each bound document's title, each checked on its own. */
function checkParts(
  r: Rendered,
  renderer: (typeof RENDERERS)[number],
  { texts, partPages }: { texts: string[]; partPages: number[] },
  drawn: string[],
  keep: (page: number, name: string) => void,
): string[] {
  const findings: string[] = [];
  const names = partNames(r.parts);
  // partPages[0] is the contents (卷内目录); the documents follow in binding order.
  r.parts.forEach((doc, j) => {
    const name = names[j]!;
    const from = partPages[j + 1];
    if (from === undefined) return; // checkPages reported that its title starts no page
    const to = (partPages[j + 2] ?? texts.length) - 1;
    const text = texts.slice(from, to + 1).join('');
    if (!text.startsWith(ink(doc.title))) findings.push(`${name} (${renderer}): its pages start 「${text.slice(0, 20)}」`);
    findings.push(
      ...missingValues(drawn.slice(from, to + 1).join(''), expectedValues(doc, r.input)).map(
        (v) => `${name} (${renderer}): 「${v}」 not printed`,
      ),
    );
    keep(from + 1, `${name}-${renderer}-first`);
    keep(to + 1, `${name}-${renderer}-last`);
  });
  return findings;
}

/**
 * The contents (卷内目录) of the whole file's .docx: each row's 页号 (a PAGEREF field, filled in by
 * LibreOffice) is the page its document starts on. Rows read 序号, title (date), the page number.
 */
function checkPageColumn(model: DocModel, partPages: number[], drawn: string[]): string[] {
  const contents = model.blocks.find((b) => b.kind === 'contents' && b.rows.some((row) => row.pageOf !== undefined));
  if (contents?.kind !== 'contents') return ['case-file (docx): no contents with page references'];
  const text = drawn.slice(partPages[0], partPages[1]).join('');
  return contents.rows.flatMap((row, j) => {
    const want = ink(`${j + 1}${row.title}${(partPages[j + 1] ?? NaN) + 1}`);
    return text.includes(want) ? [] : [`case-file (docx): the contents do not read 「${want}」`];
  });
}

describe('every document through LibreOffice and Chromium, page by page', () => {
  it('every kind of case has its defining documents in its file', () => {
    const types = (kind: Kind) => rendered.find((r) => r.kind === kind && r.type === 'case-file')!.parts.map((d) => d.type);
    for (const kind of KINDS) expect(types(kind).length, kind).toBeGreaterThanOrEqual(4);
    expect(types('agreed')).toContain('agreement');
    expect(types('failed')).toContain('undisputed-facts');
    expect(types('withdrawn')).toContain('termination-notice');
    for (const kind of ['court-delegated', 'court-entrusted', 'ten-party'] as const) expect(types(kind)).toContain('court-result-report');
    expect(types('company-party')).toContain('agreement');
  });

  it.each(KINDS)('%s case: no page of signatures alone, none under a third full before a section, real values', (kind) => {
    const findings: string[] = [];
    const dir = path.join(ARTIFACTS, kind);
    fs.mkdirSync(dir, { recursive: true });
    for (const r of rendered.filter((x) => x.kind === kind)) {
      for (const renderer of RENDERERS) {
        const pdf = r.pdf[renderer];
        const pages = readPdfPages(pdf);
        const report = checkPages(r.model, pages, pdfPageCount(pdf), ['contents', ...partNames(r.parts)]);
        const keep = pngKeeper(pdf, dir, out.dir);
        findings.push(...report.findings.map((f) => `${r.type} (${renderer}): ${f}`));
        const drawn = drawnTexts(pdf);
        findings.push(
          ...missingValues(drawn.join(''), expectedValues(r.model, r.input)).map((v) => `${r.type} (${renderer}): 「${v}」 not printed`),
        );
        keep(1, `${r.type}-${renderer}-first`);
        keep(pages.length, `${r.type}-${renderer}-last`);
        if (r.type === 'case-file') findings.push(...checkParts(r, renderer, report, drawn, keep));
        if (r.type === 'case-file' && renderer === 'docx') findings.push(...checkPageColumn(r.model, report.partPages, drawn));
      }
    }
    expect(findings).toEqual([]);
  });
});
