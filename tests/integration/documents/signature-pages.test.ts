/**
 * （此页无正文）: a signature block too long to share a page with the end of the content (ten parties,
 * their agents, the officials, the seal) prints on pages of its own, each starting with the marker
 * line, in the .docx (a page break before the marker) and in the print view (Chromium, page by
 * page); a short block is untouched and stays with the content.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/services/documents/builders';
import { blockLines, type SignatureBlock } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { NO_BODY_TEXT } from '../../../electron/services/documents/signature-pages';
import { tenParty, twoParty, twoPersons } from './fixtures';
import { findAll, ink, PdfPrinter, readDocx, withoutPageNumbers, wordText } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

const sigBlocks = (m: ReturnType<typeof buildDocument>) => m.blocks.filter((b): b is SignatureBlock => b.kind === 'signatures');

describe('（此页无正文）', () => {
  it.each(['agreement', 'session-record'] as const)('ten parties, %s: signature pages, each headed by the marker', async (type) => {
    const input = tenParty();
    input.session = input.sessions.at(-1)!;
    const model = buildDocument(type, input);
    const pages = sigBlocks(model);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.lead).toBe(NO_BODY_TEXT);
    // Every signer exactly once, in order; the seal and date (when any) on the last page.
    const signers = pages.flatMap((p) => p.signers.map((x) => x.label));
    expect(signers).toHaveLength(input.parties.length);
    expect(new Set(signers).size).toBe(signers.length);
    expect(pages.at(-1)!.date).toMatch(/2026年3月\d+日/);
    for (const p of pages.slice(0, -1)) expect(p.date).toBeUndefined();

    // .docx: one marker paragraph per page, each starting a new page.
    const docx = await readDocx(await renderDocx(model));
    const markers = findAll(docx.document, 'w:p').filter((p) => wordText([p]).trim() === NO_BODY_TEXT);
    expect(markers).toHaveLength(pages.length);
    for (const m of markers) expect(findAll([m], 'w:pageBreakBefore')).toHaveLength(1);

    // Chromium: each signature page holds exactly its chunk, starting with the marker; the page
    // before the first holds the end of the content; no other page holds signatures alone.
    const printed = (await printer.print(renderHtml(model))).text
      .split('\f')
      .map((p) => ink(withoutPageNumbers(p)))
      .filter((p) => p !== '');
    const first = printed.length - pages.length;
    expect(printed.slice(0, first).some((p) => p.includes(ink(NO_BODY_TEXT)))).toBe(false);
    pages.forEach((chunk, k) => {
      const page = printed[first + k]!;
      expect(page.startsWith(ink(NO_BODY_TEXT))).toBe(true);
      expect(page).toBe(ink(blockLines(chunk).join('')));
    });
    const contentEnd = model.blocks[model.blocks.indexOf(pages[0]!) - 1]!;
    const tail = ink(blockLines(contentEnd).at(-1)!).slice(-15);
    expect(printed[first - 1]!.endsWith(tail)).toBe(true);
  });

  it('a short block is untouched: no marker, kept with the end of the content', async () => {
    const model = buildDocument('agreement', twoPersons());
    expect(sigBlocks(model)).toHaveLength(1);
    expect(sigBlocks(model)[0]!.lead).toBeUndefined();
    const docx = await readDocx(await renderDocx(model));
    expect(docx.text).not.toContain(NO_BODY_TEXT);
    expect(renderHtml(model)).not.toContain('class="signatures own-page"');
    expect(renderHtml(buildDocument('agreement', tenParty()))).toContain('class="signatures own-page"');
  });

  it('a block taller than two thirds of a page goes on a page of its own, whatever line the content ends on', () => {
    // Two parties, an agent and a company signing under its seal: 16 lines with its gap, and the
    // two kept lines of content make 18 of 22. Sharing would leave the page before under a third
    // full whenever the content ended between lines 5 and 9 of a page.
    const model = buildDocument('agreement', twoParty());
    expect(sigBlocks(model).map((b) => b.lead)).toEqual([NO_BODY_TEXT]);
    expect(sigBlocks(buildDocument('agreement', twoPersons()))[0]!.lead).toBeUndefined();
  });
});
