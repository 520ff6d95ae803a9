/**
 * 人民调解调查记录: when, where, who was asked and what was found, from the case's investigations
 * (records of kind 调查; the mediation sessions are not in it), .docx and print view from one model;
 * refused with the reason when the case has nothing to record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import { RARE, tenParty, twoParty } from './fixtures';
import { ink, PdfPrinter, renderAndCheck } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

describe('人民调解调查记录', () => {
  it('each investigation: time, place, who was asked, what was found; signed by them and the mediators', async () => {
    const i = twoParty();
    const { docx } = await renderAndCheck(buildDocument('investigation-record', i), printer);
    const flat = ink(docx.text);
    const has = (s: string) => expect(flat, s).toContain(ink(s));
    expect(docx.text.split('\n')[0]).toBe('人民调解调查记录');
    has(`编号：${i.case.caseNumber}`);
    has(`纠纷名称${i.case.title}`);
    has('调查人陈秀兰记录人刘洋');
    has(`调查事项：${i.case.claims}`);
    has('一、2026年3月6日10时');
    has('调查地点：牧野区王村镇幸福路18号院3号楼2单元402室、502室');
    has(`被调查人及在场人员：申请人王${RARE}；被申请人法定代表人赵卫东`);
    has('调查情况：调解员在双方在场的情况下查看402室卫生间吊顶');
    has('二、2026年3月8日15时30分');
    has('孙立新陈述：2025年11月接到402室报修');
    // The mediation sessions have their own 调解记录: none of them is in here.
    expect(flat).not.toContain(ink('调解员核实双方身份'));
    expect(flat).not.toContain(ink('2026年3月10日'));
    has('以上记录已经被调查人阅读（或者向被调查人宣读），确认无误。');
    has(`被调查人（申请人）：王${RARE}签名（捺印）：`);
    has('被调查人（被申请人）：新乡市"牧野"<建材>&装饰有限公司（盖章）法定代表人或委托代理人（签名）：');
    has('调查人（签名）：陈秀兰');
    has('记录人（签名）：刘洋');
    // Signed on the day of the last investigation.
    expect(flat.endsWith(ink('2026年3月8日'))).toBe(true);
  });

  it('an investigation without a written record is left out; the numbering follows what is printed', () => {
    const i = tenParty();
    i.investigations = [{ ...i.investigations[0]!, record: '  ' }, ...i.investigations.slice(1)];
    expect(i.investigations.length).toBeGreaterThan(1);
    const headings = buildDocument('investigation-record', i).blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toHaveLength(i.investigations.length - 1);
    expect(headings[0]!.startsWith('一、')).toBe(true);
    expect(JSON.stringify(buildDocument('investigation-record', i))).not.toContain('2026年3月6日');
  });

  it('refused with the reason when the case has nothing to record', () => {
    const none = twoParty();
    none.investigations = [];
    // Mediation sessions alone are not an investigation.
    expect(none.sessions.length).toBeGreaterThan(0);
    expect(documentFits('investigation-record', none)).toEqual({
      ok: false,
      reason: '本案还没有调查记录（在案件的“调解与调查记录”中新增，类型选“调查”）',
    });
    const blank = twoParty();
    blank.investigations = blank.investigations.map((s) => ({ ...s, record: '' }));
    expect(documentFits('investigation-record', blank)).toEqual({ ok: false, reason: '本案的调查都还没有填写调查情况，没有可记录的内容' });
    expect(() => buildDocument('investigation-record', blank)).toThrow('不能制作人民调解调查记录：本案的调查');
  });
});
