/**
 * 人民调解调查记录: when, where, who was asked and what was found, from the case's session records
 * (the schema's record of what the mediators heard), .docx and print view from one model; refused
 * with the reason when the case has nothing to record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import { RARE, tenParty, twoParty } from './fixtures';
import { ink, PdfPrinter, renderAndCheck } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

describe('人民调解调查记录', () => {
  it('each recorded session: time, place, who was asked, what was found; signed by them and the mediators', async () => {
    const i = twoParty();
    const { docx } = await renderAndCheck(buildDocument('investigation-record', i), printer);
    const flat = ink(docx.text);
    const has = (s: string) => expect(flat, s).toContain(ink(s));
    expect(docx.text.split('\n')[0]).toBe('人民调解调查记录');
    has(`编号：${i.case.caseNumber}`);
    has(`纠纷名称${i.case.title}`);
    has('调查人陈秀兰记录人刘洋');
    has(`调查事项：${i.case.claims}`);
    has('一、2026年3月10日9时30分');
    has('调查地点：王村镇人民调解委员会调解室');
    has(`被调查人及在场人员：申请人王${RARE}及其委托代理人李明远`);
    has('调查情况：调解员核实双方身份');
    has('被申请人陈述：同意维修，但认为赔偿数额过高。');
    has('二、2026年3月17日14时');
    has('以上记录已经被调查人阅读（或者向被调查人宣读），确认无误。');
    has(`被调查人（申请人）：王${RARE}签名（捺印）：`);
    has('被调查人（被申请人）：新乡市"牧野"<建材>&装饰有限公司（盖章）法定代表人或委托代理人（签名）：');
    has('调查人（签名）：陈秀兰');
    has('记录人（签名）：刘洋');
    // Signed on the day of the last recorded session.
    expect(flat.endsWith(ink('2026年3月17日'))).toBe(true);
  });

  it('a session without a written record is left out; the numbering follows what is printed', () => {
    const i = tenParty();
    i.sessions = [{ ...i.sessions[0]!, record: '  ' }, ...i.sessions.slice(1)];
    expect(i.sessions.length).toBeGreaterThan(1);
    const headings = buildDocument('investigation-record', i).blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toHaveLength(i.sessions.length - 1);
    expect(headings[0]!.startsWith('一、')).toBe(true);
    expect(JSON.stringify(buildDocument('investigation-record', i))).not.toContain('2026年3月10日');
  });

  it('refused with the reason when the case has nothing to record', () => {
    const none = twoParty();
    none.sessions = [];
    expect(documentFits('investigation-record', none)).toEqual({ ok: false, reason: '本案还没有调解（调查）场次，没有可记录的调查情况' });
    const blank = twoParty();
    blank.sessions = blank.sessions.map((s) => ({ ...s, record: '' }));
    expect(documentFits('investigation-record', blank)).toEqual({
      ok: false,
      reason: '本案各场次都还没有填写调查、调解情况的记录，没有可记录的调查情况',
    });
    expect(() => buildDocument('investigation-record', blank)).toThrow('不能制作人民调解调查记录：本案各场次');
  });
});
