/**
 * The forms around the agreement — 受理登记表, 权利义务告知书, 调解记录, 司法确认申请书, 回访记录 —
 * for the two-party and the ten-party case, in the .docx and the printed HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../../electron/services/documents/builders';
import type { DocumentInput } from '../../../electron/services/documents/input';
import type { DocumentType } from '../../../electron/services/documents/model';
import { tenParty, twoParty } from './fixtures';
import { ink, PdfPrinter, renderAndCheck } from './harness';

const printer = new PdfPrinter();
beforeAll(() => printer.start());
afterAll(() => printer.stop());

const CASES: [string, () => DocumentInput][] = [
  ['two parties and an agent', twoParty],
  ['ten parties, court-delegated', tenParty],
];

async function render(type: DocumentType, input: DocumentInput) {
  const { docx } = await renderAndCheck(buildDocument(type, input), printer);
  const flat = ink(docx.text);
  return { flat, has: (s: string) => expect(flat, s).toContain(ink(s)) };
}

const principals = (i: DocumentInput) => i.parties.filter((p) => p.role !== 'agent');
const agents = (i: DocumentInput) => i.parties.filter((p) => p.role === 'agent');
const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

function everyParty(input: DocumentInput, has: (s: string) => void) {
  for (const p of input.parties) {
    has(p.name);
    has(p.idNumber ?? p.creditCode ?? '');
    has(p.address ?? '');
    has(p.phone ?? '');
  }
}

describe.each(CASES)('forms: %s', (_name, make) => {
  it('人民调解受理登记表', async () => {
    const input = make();
    const { has, flat } = await render('intake-form', input);
    has('人民调解受理登记表');
    has(`编号：${input.case.caseNumber}`);
    has(`纠纷名称${input.case.title}`);
    has(`纠纷类型${input.case.categoryLabel}纠纷来源${input.case.sourceLabel}`);
    has('登记时间2026年3月2日10时15分');
    has(input.case.amountFen === 2_500_000 ? '涉及金额人民币25,000.00元（大写：贰万伍仟元整）' : '涉及金额人民币86,400.50元');
    everyParty(input, has);
    has(`纠纷简要情况：${input.case.summary}`);
    has(`当事人申请事项：${input.case.claims}`);
    // The applicants (and their agents) sign; the clerk signs; the committee seals.
    for (const p of input.parties.filter((x) => x.role === 'applicant'))
      has(`申请人：${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}`);
    has('登记人（签名）：');
    has('牧野区王村镇人民调解委员会（印）2026年3月2日');
    if (input.case.courtReferral)
      has(`委派法院：${input.case.courtReferral.court}委派调解案号：${input.case.courtReferral.referenceNumber}`);
    else expect(flat).not.toContain('委派');
  });

  it('人民调解权利义务告知书: the rights of Art. 23 and the duties of Art. 24', async () => {
    const input = make();
    const { has } = await render('rights-notice', input);
    has('人民调解权利义务告知书');
    has(
      `当事人：${principals(input)
        .map((p) => p.name)
        .join('、')}`,
    );
    has(`牧野区王村镇人民调解委员会已依法受理“${input.case.title}”一案`);
    has('一、当事人在人民调解活动中享有下列权利：');
    has(
      '（一）选择或者接受人民调解员；（二）接受调解、拒绝调解或者要求终止调解；（三）要求调解公开进行或者不公开进行；（四）自主表达意愿、自愿达成调解协议。',
    );
    has('二、当事人在人民调解活动中履行下列义务：');
    has('（一）如实陈述纠纷事实；（二）遵守调解现场秩序，尊重人民调解员；（三）尊重对方当事人行使权利。');
    has('不收取任何费用');
    has('可以自调解协议生效之日起30日内共同向人民法院申请司法确认');
    has('告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利');
    for (const p of input.parties) has(`${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}`);
    has('人民调解员（签名）：');
    has('牧野区王村镇人民调解委员会（印）');
  });

  it('调解记录: one session, read and signed', async () => {
    const input = make();
    const session = input.sessions[1]!;
    input.session = session;
    const { has, flat } = await render('session-record', input);
    has('人民调解记录');
    has(`编号：${input.case.caseNumber}`);
    has(`纠纷名称${input.case.title}`);
    has('调解时间2026年3月17日14时00分调解次数第二次');
    has(`调解地点${session.place}`);
    has(`人民调解员${input.mediators.map((m) => m.name).join('、')}记录人刘洋`);
    has(`参加人员${session.participants}`);
    has(`调解情况：${session.record}`);
    has('以上记录已经当事人阅读（或者向当事人宣读），确认无误。');
    for (const p of input.parties) has(`${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}`);
    has('人民调解员（签名）：');
    has(`记录人（签名）：${input.recorder}2026年3月17日`);
    // A record is signed, not sealed; and it is this session's, not the first one's.
    expect(flat).not.toContain('（印）');
    expect(flat).not.toContain(ink(input.sessions[0]!.record.split('\n')[1]!));
  });

  it('司法确认申请书: joint application, the request, the agreement and its date, the materials (法释〔2011〕5号 Art. 3)', async () => {
    const input = make();
    const { has, flat } = await render('confirmation-application', input);
    const n = principals(input).length;
    has('司法确认申请书');
    everyParty(input, has);
    // Every party is an applicant in a joint application.
    has(`申请人（一）姓名${principals(input)[0]!.name}`);
    has(`申请人（${CN[n]}）`);
    expect(flat).not.toContain('被申请人姓名');
    expect(flat).not.toContain('被申请人名称');
    has(
      `请求事项：请求人民法院依法确认申请人于2026年3月17日经牧野区王村镇人民调解委员会主持调解达成的人民调解协议（编号：${input.case.caseNumber}）有效。`,
    );
    has(`申请人之间的“${input.case.title}”一案，经牧野区王村镇人民调解委员会主持调解，于2026年3月17日自愿达成如下调解协议：`);
    for (const t of input.case.agreement!.terms) has(t);
    has(`履行期限：${input.case.agreement!.performanceDeadline}`);
    has('申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为');
    has('此致新乡市牧野区人民法院');
    has('附：');
    has('1．人民调解协议书一份；');
    has(`2．申请人身份证明材料${CN[n]}份；`);
    has('3．与调解协议相关的财产权利证明等证明材料；');
    has('4．申请人的送达地址、电话号码等联系方式；');
    has(`5．由委托人签名或者盖章的授权委托书${CN[agents(input).length]}份。`);
    for (const p of principals(input))
      has(`申请人：${p.name}${p.kind === 'org' ? '（盖章）法定代表人或委托代理人（签名）：' : '签名（捺印）：'}`);
    for (const p of agents(input)) has(`委托代理人：${p.name}签名（捺印）：`);
    has('2026年3月25日');
    expect(flat).not.toContain('（印）');
  });

  it('回访记录: the visit and how far the agreement was performed (人民调解法 Art. 31)', async () => {
    const input = make();
    const f = input.followup!;
    const { has } = await render('followup-record', input);
    has('人民调解回访记录');
    has(`编号：${input.case.caseNumber}`);
    has(`纠纷名称${input.case.title}`);
    has('协议生效日期2026年3月17日应回访日期2026年4月1日');
    has('回访时间2026年4月2日回访方式电话回访');
    has(
      `回访人${f.visitor}被回访人${principals(input)
        .map((p) => p.name)
        .join('、')}`,
    );
    has('调解协议的主要内容：');
    has(`一、${input.case.agreement!.terms[0]}`);
    has('协议履行情况：部分履行');
    has(`回访情况：${f.notes}`);
    has(`回访人（签名）：${input.followup!.visitor}记录人（签名）：2026年4月2日`);
  });
});
