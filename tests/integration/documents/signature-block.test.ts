/**
 * The signature block read back from the .docx XML and from the print view printed by Chromium:
 * - keep-with-next only on the end of the content and inside the block (no chain through the
 *   party blocks), every block row unsplittable;
 * - 第 N 页 共 M 页 from PAGE / NUMPAGES fields (the print view: counter(page) / counter(pages));
 * - a person's line leaves room to sign and press a fingerprint (签名（捺印）：), a company signs
 *   by its 法定代表人 or 委托代理人 under its seal (盖章); each mediator's printed name stands
 *   under his signature line;
 * - printed, the block shares its last page with the end of the content.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/services/documents/builders';
import { ORG_SIGN_NOTE, PARTY_SIGN_NOTE } from '../../../electron/services/documents/builders/common';
import type { DocumentInput } from '../../../electron/services/documents/input';
import type { DocModel } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { tenParty, twoParty, twoPartyFailed, twoPersons, twoPersonsFailed } from './fixtures';
import { attrOf, child, findAll, ink, PdfPrinter, readDocx, withoutPageNumbers, wordText } from './harness';

type XmlNode = Record<string, unknown>;
const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

/** keep-with-next elements that are set (w:val absent or true). */
const keeps = (nodes: XmlNode[]) => findAll(nodes, 'w:keepNext').filter((n) => !['false', '0', 'off'].includes(attrOf(n, 'w:val') ?? ''));
const indentLeft = (p: XmlNode) => Number(attrOf(findAll([p], 'w:ind')[0], 'w:left') ?? 0);

async function docxOf(model: DocModel) {
  const buf = await renderDocx(model);
  const parts = await readDocx(buf);
  const zip = await JSZip.loadAsync(buf);
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /^word\/footer\d*\.xml$/.test(f))
      .map((f) => zip.file(f)!.async('string')),
  );
  const tables = findAll(parts.document, 'w:tbl');
  const sig = tables[tables.length - 1]!;
  // A long block prints as several signature pages (（此页无正文）): one table each, the last ones.
  const pages = model.blocks.filter((b) => b.kind === 'signatures').length;
  const sigTables = tables.slice(-pages);
  return { parts, footers, sig, sigTables, sigRows: sigTables.flatMap((t) => findAll([t], 'w:tr')) };
}

const CASES: [string, () => DocumentInput, 'agreement' | 'undisputed-facts'][] = [
  ['two parties, a company among them', twoParty, 'agreement'],
  ['ten parties', tenParty, 'agreement'],
  ['failed mediation', twoPartyFailed, 'undisputed-facts'],
];

describe.each(CASES)('%s', (_name, input, type) => {
  it('keep-with-next only at the end of the content and inside the block; rows never split', async () => {
    const model = buildDocument(type, input());
    const { parts, sigTables, sigRows } = await docxOf(model);
    const all = keeps(parts.document).length;
    const inBlock = keeps(sigTables).length;
    // Every row of a block but the last is kept with the next (docx marks each of its paragraphs).
    for (const t of sigTables) {
      const rows = findAll([t], 'w:tr');
      expect(rows.map((r) => keeps([r]).length > 0)).toEqual(rows.map((_, k) => k < rows.length - 1));
    }
    for (const r of sigRows) expect(findAll([r], 'w:cantSplit')).toHaveLength(1);
    // Signature pages: the marker line and the gap under it go with their table.
    const pages = sigTables.length > 1 ? sigTables.length : 0;
    // Outside the block: headings (kept with their first line), the caption row of each party
    // table, and the last content paragraph with the spacer before the block: no chain.
    const headings = model.blocks.filter((b) => b.kind === 'heading').length;
    const captions = model.blocks.filter((b) => b.kind === 'fields' && b.caption !== undefined).length;
    expect(all - inBlock).toBeLessThanOrEqual(headings + captions + 2 + 2 * pages);
    const partyTables = findAll(parts.document, 'w:tbl').slice(0, -sigTables.length);
    for (const t of partyTables) expect(keeps([t]).length).toBeLessThanOrEqual(1);
    // The paragraph just before the block goes with it.
    const paras = findAll(parts.document, 'w:body')[0] ? (findAll(parts.document, 'w:body')[0]!['w:body'] as XmlNode[]) : [];
    const at = paras.findIndex((n) => n === sigTables[0]);
    const before = paras.slice(0, at).filter((n) => 'w:p' in n);
    expect(keeps(before.slice(-2))).toHaveLength(2);
    if (pages > 0) {
      // The first signature page starts with its marker on a new page; the content before it is
      // not kept with it (that would pull body text onto the page that says it has none).
      expect(wordText([before.at(-2)!]).trim()).toBe('（此页无正文）');
      expect(findAll([before.at(-2)!], 'w:pageBreakBefore')).toHaveLength(1);
      expect(keeps([before.at(-3)!])).toHaveLength(0);
    }
  });

  it('pages read 第 N 页 共 M 页 from PAGE and NUMPAGES fields, in the print view too', async () => {
    const model = buildDocument(type, input());
    const { footers } = await docxOf(model);
    const footer = footers.join('');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer.replace(/<[^>]+>/g, '')).toMatch(/第\s*PAGE\s*页\s*共\s*NUMPAGES\s*页/);
    expect(renderHtml(model)).toContain('content: "第 " counter(page) " 页 共 " counter(pages) " 页"');
  });

  it('each party signs with room for a fingerprint, a company by its representative under its seal; names under the mediators’ lines', async () => {
    const i = input();
    const model = buildDocument(type, i);
    const { sigRows } = await docxOf(model);
    const principals = i.parties;
    const cells = sigRows.map((r) => wordText([r]));
    for (const p of principals) {
      const row = cells.find((c) => c.includes(`：${p.name}\n`));
      expect(row, p.name).toBeDefined();
      expect(row).toContain(p.kind === 'org' ? ORG_SIGN_NOTE : PARTY_SIGN_NOTE);
    }
    // A signer's row is two lines at least: the name, then the line to sign and press a fingerprint.
    const signerRow = sigRows[0]!;
    expect(Number(attrOf(child(findAll([signerRow], 'w:trPr')[0], 'w:trHeight'), 'w:val'))).toBeGreaterThanOrEqual(2 * 579);
    for (const m of i.mediators) {
      const row = sigRows.find((r) => wordText([r]).includes(`人民调解员（签名）：\n${m.name}`));
      expect(row, m.name).toBeDefined();
      const [label, name] = findAll([row!], 'w:p');
      // The printed name stands under the blank where he signs, right of the label's start.
      expect(indentLeft(name!)).toBeGreaterThan(indentLeft(label!));
    }
    const html = renderHtml(model);
    for (const m of i.mediators) expect(html).toMatch(new RegExp(`人民调解员（签名）：<br><span class="name"[^>]*>${m.name}</span>`));
  });
});

describe('printed by Chromium', () => {
  it.each([
    ['agreement, two parties', () => buildDocument('agreement', twoPersons()), '本协议自各方当事人签名'],
    ['undisputed facts', () => buildDocument('undisputed-facts', twoPersonsFailed()), '本记载一式'],
  ])('%s: a short block shares its last page with the end of the content', async (_n, make, contentEnd) => {
    const model = make();
    expect(model.blocks.filter((b) => b.kind === 'signatures')).toHaveLength(1);
    const printed = await printer.print(renderHtml(model));
    const pages = printed.text.split('\f').filter((p) => ink(withoutPageNumbers(p)) !== '');
    expect(pages.length).toBeGreaterThan(1);
    const last = ink(pages.at(-1)!);
    const sig = model.blocks.find((b) => b.kind === 'signatures')!;
    if (sig.kind !== 'signatures') throw new Error('no signatures');
    expect(last).toContain(ink(sig.seal!));
    // Content other than the block is on that page: no page of signatures alone.
    const content = ink(model.blocks[model.blocks.length - 2]!.kind === 'note' ? (model.blocks.at(-2) as { text: string }).text : '');
    expect(last.includes(content.slice(-20)) || last.includes(ink(contentEnd)), 'content on the last page').toBe(true);
    expect(ink(pages.at(-1)!)).toMatch(/第\d+页共\d+页/);
  });
});
