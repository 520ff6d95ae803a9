/**
 * The new types, .docx and print view from one model (renderAndCheck: the same text, A4, fonts,
 * the signature block), with the fixtures' real values; a type that does not fit the case is
 * refused with the reason:
 * - 人民调解申请书 from the registration;
 * - 终止调解告知书 with the reason and the parties' other remedies (人民调解法 Art. 26);
 * - 委派（委托）调解结果报告 to the court, with the result and the materials returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, documentFits } from '../../../electron/services/documents/builders';
import type { DocumentInput } from '../../../electron/services/documents/input';
import { RARE, tenParty, tenPartyFailed, twoParty, twoPartyEntrusted, twoPartyFailed } from './fixtures';
import { ink, PdfPrinter, renderAndCheck } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

async function text(type: Parameters<typeof buildDocument>[0], input: DocumentInput) {
  const { docx } = await renderAndCheck(buildDocument(type, input), printer);
  const flat = ink(docx.text);
  return { flat, has: (s: string) => expect(flat, s).toContain(ink(s)), first: docx.text.split('\n')[0] };
}

function failedWith(note: string): DocumentInput {
  const i = twoPartyFailed();
  i.case.outcomeNote = note;
  i.case.outcomeAt = '2026-03-18T16:00';
  return i;
}

describe('人民调解申请书', () => {
  it('the registration as the applicant’s application, signed by the applicant and the agent', async () => {
    const i = twoParty();
    const { has, flat, first } = await text('application', i);
    expect(first).toBe('人民调解申请书');
    has(`编号：${i.case.caseNumber}`);
    has(`申请人姓名王${RARE}性别女`);
    has(`统一社会信用代码${i.parties[1]!.creditCode!}`);
    has(`纠纷简要情况：${i.case.summary}`);
    has(`申请事项：${i.case.claims}`);
    has('申请人自愿申请牧野区王村镇人民调解委员会对上述纠纷进行调解');
    has('此致牧野区王村镇人民调解委员会');
    has(`申请人：王${RARE}签名（捺印）：`);
    has('委托代理人：李明远签名（捺印）：');
    has('2026年3月2日');
    // The respondent does not sign the applicant's application.
    expect(flat).not.toContain(ink('被申请人：新乡市"牧野"<建材>&装饰有限公司（盖章）'));
  });

  it('refused for a court-referred case and a case without an applicant', () => {
    expect(documentFits('application', tenParty())).toEqual({
      ok: false,
      reason: '本案由人民法院委派调解，不是当事人申请的，无需人民调解申请书',
    });
    const none = twoParty();
    none.parties = none.parties.map((p) => (p.role === 'applicant' ? { ...p, role: 'third_party' } : p));
    expect(documentFits('application', none)).toEqual({ ok: false, reason: '本案没有登记申请人，不能制作人民调解申请书' });
  });
});

describe('终止调解告知书', () => {
  it('the reason, the law, the other remedies, the seal and the day it ended', async () => {
    const i = failedWith('双方对赔偿数额差距较大。');
    const { has, first } = await text('termination-notice', i);
    expect(first).toBe('终止调解告知书');
    has(`当事人：王${RARE}、新乡市"牧野"<建材>&装饰有限公司`);
    has('2026年3月2日，本委员会受理');
    has(
      '因各方当事人未能达成调解协议（双方对赔偿数额差距较大），根据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定自2026年3月18日起终止调解。',
    );
    has('各方当事人可以依法通过仲裁、行政、司法等途径维护自己的权利：');
    has('（一）依法向有管辖权的人民法院提起诉讼；');
    has('（二）属于仲裁范围且当事人之间有仲裁协议的，依法申请仲裁');
    has('（三）属于行政机关处理范围的，依法请求有关行政机关处理。');
    has('人民调解员（签名）：陈秀兰');
    has('牧野区王村镇人民调解委员会（印）2026年3月18日');
  });

  it('a withdrawal says so; an entrusted case goes back to the court that tries it', async () => {
    const w = failedWith('申请人已与对方自行和解');
    w.case.outcome = 'withdrawn';
    expect(JSON.stringify(buildDocument('termination-notice', w))).toContain('因当事人撤回调解申请（申请人已与对方自行和解）');
    const e = failedWith('分歧较大');
    e.case.courtReferral = twoPartyEntrusted().case.courtReferral;
    const { has, flat } = await text('termination-notice', e);
    has(
      '本案系新乡市牧野区人民法院委托调解的案件（案号：（2026）豫0711民初567号），本委员会将调解情况报告该院并退回案件材料，案件由该院依法继续审理。',
    );
    expect(flat).not.toContain('提起诉讼');
  });

  it('refused while mediation goes on or after an agreement', () => {
    expect(documentFits('termination-notice', twoParty())).toEqual({
      ok: false,
      reason: '本案已达成调解协议，不终止调解，无需终止调解告知书',
    });
    const open = twoPartyFailed();
    open.case.outcome = null;
    open.case.undisputed = null;
    expect(documentFits('termination-notice', open)).toMatchObject({ ok: false, reason: expect.stringContaining('尚未终止调解') });
  });
});

describe('委派（委托）调解结果报告', () => {
  it('delegated, failed: the reason, the court to proceed, the record of undisputed facts returned', async () => {
    const i = tenPartyFailed();
    i.case.outcomeNote = '部分当事人不同意排水方案';
    i.case.outcomeAt = '2026-03-18T10:00';
    i.case.courtReferral = { ...i.case.courtReferral!, referredAt: '2026-03-01', materialsSignedAt: '2026-03-02', reportTo: '王法官' };
    const { has, first } = await text('court-result-report', i);
    expect(first).toBe('委派调解结果报告');
    has('新乡市牧野区人民法院（王法官）：');
    has('你院于2026年3月1日委派本委员会调解的');
    has('（案号：（2026）豫0711民诉前调1234号），本委员会于2026年3月2日签收案件材料后指派人民调解员陈秀兰、高志远依法进行了调解。');
    has('经调解，各方当事人未能达成调解协议，原因：部分当事人不同意排水方案。本委员会已终止调解。');
    has('请你院依法登记立案或者依法处理。');
    has('1．无争议事实记载；2．调解记录；3．你院移送的案件材料（委派调解材料）。');
    for (const p of i.parties.filter((x) => x.role !== 'agent')) has(p.name);
  });

  it('entrusted, agreed: the agreement for the court to make a 调解书 or allow withdrawal', async () => {
    const { has, first } = await text('court-result-report', twoPartyEntrusted());
    expect(first).toBe('委托调解结果报告');
    has('经调解，各方当事人于2026年3月17日自愿达成调解协议，主要内容如下：');
    has('现将调解协议书送交你院，请依法审查后出具民事调解书或者准许当事人撤诉。');
    has('1．人民调解协议书；');
  });

  it('refused for a case no court referred, and before there is a result', () => {
    expect(documentFits('court-result-report', twoParty())).toEqual({
      ok: false,
      reason: '本案不是人民法院委派或委托调解的案件，无需向法院报告调解结果',
    });
    const pending = tenParty();
    pending.case.outcome = null;
    expect(documentFits('court-result-report', pending)).toMatchObject({ ok: false, reason: expect.stringContaining('尚无调解结果') });
  });
});
