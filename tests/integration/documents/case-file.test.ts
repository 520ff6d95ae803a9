/**
 * 卷宗封面 + 卷内目录 (file-cover) and the whole case file (case-file): the cover with the case's
 * particulars, the contents listing every document of the case in binding order, and in the case
 * file every one of those documents after them, each on a new page, pages numbered throughout.
 * Read back from the real .docx (XML) and printed through Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import { modelText } from '../../../electron/services/documents/model';
import { renderDocx } from '../../../electron/services/documents/render-docx';
import { renderHtml } from '../../../electron/services/documents/render-html';
import { RARE, tenPartyFailed, twoParty } from './fixtures';
import { findAll, ink, PdfPrinter, readDocx, renderAndCheck, withoutPageNumbers } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

/** The titles of the documents twoParty() binds, in order (two sessions, one follow-up). */
const TWO_PARTY_DOCS = [
  '人民调解申请书',
  '人民调解受理登记表',
  '人民调解权利义务告知书',
  '人民调解调查记录',
  '人民调解记录',
  '人民调解记录',
  '人民调解协议书',
  '司法确认申请书',
  '人民调解回访记录',
];

describe('卷宗封面及卷内目录', () => {
  it('the cover with the case’s particulars and the contents in binding order', async () => {
    const i = twoParty();
    const model = buildDocument('file-cover', i);
    const docx = await readDocx(await renderDocx(model));
    expect(ink(docx.text)).toBe(ink(modelText(model)));
    const flat = ink(docx.text);
    const has = (s: string) => expect(flat, s).toContain(ink(s));
    expect(docx.text.split('\n')[0]).toBe('人民调解卷宗');
    has(`编号：${i.case.caseNumber}`);
    has('调解委员会牧野区王村镇人民调解委员会');
    has(`案号${i.case.caseNumber}`);
    has(`纠纷名称${i.case.title}`);
    has('纠纷类型邻里纠纷来源来访（当事人申请）');
    has(`当事人王${RARE}、新乡市"牧野"<建材>&装饰有限公司`);
    has('人民调解员陈秀兰');
    has('受理日期2026年3月2日结案日期2026年3月17日');
    has('调解结果达成协议');
    has('立卷人立卷日期　　年　　月　　日');
    has(`保管期限短期（10年）卷内文书${TWO_PARTY_DOCS.length}件`);
    // The contents: numbered, in binding order, with the day each bears; the page column is blank.
    has('卷内目录');
    has('序号文书名称（日期）页号1人民调解申请书（2026年3月2日）2');
    has('5人民调解记录（2026年3月10日）6人民调解记录（2026年3月17日）7人民调解协议书');
    const order = TWO_PARTY_DOCS.map((t, n) => flat.indexOf(ink(`${n + 1}${t}`)));
    expect(order.every((p, n) => p > 0 && (n === 0 || p > order[n - 1]!))).toBe(true);
    // The contents start a new page, in both renderings.
    expect(findAll(docx.document, 'w:pageBreakBefore')).toHaveLength(1);
    const printed = await printer.print(renderHtml(model));
    expect(printed.pages).toBe(2);
    expect(ink(withoutPageNumbers(printed.text.split('\f')[1]!)).startsWith('卷内目录')).toBe(true);
  });

  it('a court-referred ten-party case is kept long and names its court; an open case is refused', () => {
    const i = tenPartyFailed();
    const text = ink(modelText(buildDocument('file-cover', i)));
    expect(text).toContain('保管期限长期（30年）');
    expect(text).toContain(ink(`委派法院及案号${i.case.courtReferral!.court} ${i.case.courtReferral!.referenceNumber}`));
    expect(text).toContain('调解结果调解不成');
    expect(text).toContain('无争议事实记载');
    expect(text).not.toContain('人民调解协议书');
    const open = twoParty();
    open.case.outcome = null;
    const why = '本案尚未结案（达成协议、调解不成、撤回或移交后才能立卷归档）';
    expect(documentFits('file-cover', open)).toEqual({ ok: false, reason: why });
    expect(documentFits('case-file', open)).toEqual({ ok: false, reason: why });
  });
});

describe('人民调解卷宗（全卷）', () => {
  it('cover, contents, then every document on its own pages, numbered throughout, in both renderings', async () => {
    const i = twoParty();
    const model = buildDocument('case-file', i);
    const { docx, pages } = await renderAndCheck(model, printer);
    // Each bound document is exactly as printed alone, after its title.
    for (const type of ['agreement', 'confirmation-application', 'investigation-record'] as const) {
      expect(ink(docx.text)).toContain(ink(modelText(buildDocument(type, i))));
    }
    // One page break before the contents, before each document and before each signature page
    // (（此页无正文）); one section, so one footer numbering the pages of the whole file (第 N 页 共 M 页).
    const signaturePages = model.blocks.filter((b) => b.kind === 'signatures' && b.lead !== undefined).length;
    expect(findAll(docx.document, 'w:pageBreakBefore')).toHaveLength(TWO_PARTY_DOCS.length + 1 + signaturePages);
    expect(findAll(docx.document, 'w:sectPr')).toHaveLength(1);
    // Chromium: every document starts a page with its title; the numbers run 1..M over the file.
    const heads = pages.map((p) => ink(withoutPageNumbers(p)).slice(0, 12));
    let from = 2;
    for (const title of TWO_PARTY_DOCS) {
      const at = heads.findIndex((h, n) => n >= from && h.startsWith(title));
      expect(at, title).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    const total = pages.filter((p) => p.trim() !== '').length;
    expect(total).toBeGreaterThan(TWO_PARTY_DOCS.length + 1);
    expect(ink(pages[0]!)).toContain(`第1页共${total}页`);
    expect(ink(pages[total - 1]!)).toContain(`第${total}页共${total}页`);
  });
});
