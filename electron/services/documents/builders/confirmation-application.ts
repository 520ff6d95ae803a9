/**
 * 司法确认申请书: the parties' joint application to a court to confirm the agreement (人民调解法
 * Art. 33; 民事诉讼法 (2023) Art. 205–206), with the materials 法释〔2011〕5号 Art. 3 asks for.
 */
import { EXCLUDED_MATTERS, agreementMissingMessage, confirmationWindow, isIsoDate, missingAgreementItems } from '../../../common/domain';
import { agreementFacts } from './agreement';
import type { DocumentInput, PartyInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import {
  BLANK_DATE,
  agents,
  arabicMarker,
  cnMarker,
  cnNumber,
  fmtDate,
  isoDay,
  list,
  para,
  partyBlocks,
  principals,
  signersFor,
  str,
  agreedAmount,
} from './common';

/** In a joint application every party is an applicant; agents keep their title. */
const asApplicant = (p: PartyInput): string => (p.role === 'agent' ? '委托代理人' : '申请人');

function courtOf(input: DocumentInput): string {
  // 民事诉讼法 Art. 205: the court that invited the mediation, else the one the parties chose.
  return str(input.confirmation?.court) || str(input.case.courtReferral?.court);
}

export function fitsConfirmationApplication(input: DocumentInput): string | null {
  const c = input.case;
  const a = c.agreement;
  if (!a) return '本案没有调解协议，不能申请司法确认';
  if (principals(input.parties).length < 2) return '司法确认须由双方当事人共同申请';
  if (c.courtReferral?.mode === 'entrusted') {
    return '本案系人民法院诉中委托调解的案件，达成的协议由受诉人民法院审查后出具民事调解书或者准许撤诉，不申请司法确认';
  }
  // The application quotes the agreement: it must be complete by the same rule as the 协议书.
  const missing = agreementMissingMessage(missingAgreementItems(agreementFacts(input)));
  if (missing) return `${missing}，不能申请司法确认`;
  const excluded = EXCLUDED_MATTERS.find((m) => (a.excludedMatters ?? []).includes(m.code));
  if (excluded) return excluded.reason;
  const effective = isoDay(c.agreementEffectiveAt);
  if (effective === null || !isIsoDate(effective)) return '调解协议尚未生效（未填写协议生效日期），不能申请司法确认';
  if (courtOf(input) === '') return '请先填写受理司法确认申请的人民法院';
  // 人民调解法 Art. 33 / 民事诉讼法 Art. 205: within 30 days of the agreement taking effect.
  const on = isoDay(input.confirmation?.appliedAt) ?? isoDay(input.today);
  const lastDay = isoDay(input.confirmationLastDay) ?? confirmationWindow(effective).lastDay;
  if (on !== null && on > lastDay) {
    return `已超过申请司法确认的期限：调解协议自${fmtDate(effective)}生效，应在${fmtDate(lastDay)}前（含当日）共同申请`;
  }
  return null;
}

export function buildConfirmationApplication(input: DocumentInput): DocModel {
  const c = input.case;
  const a = c.agreement!;
  const committee = str(input.centre.committeeName);
  const effective = fmtDate(c.agreementEffectiveAt);
  const applicants = principals(input.parties).length;
  const proxies = agents(input.parties).length;
  const materials = [
    // An oral agreement (人民调解法 Art. 28) is on paper only in the 调解记录 that recorded it.
    a.oral ? '载明口头调解协议内容并经当事人签名确认的调解记录一份；' : '人民调解协议书一份；',
    `申请人身份证明材料${cnNumber(applicants)}份；`,
    '与调解协议相关的财产权利证明等证明材料；',
    '申请人的送达地址、电话号码等联系方式；',
    ...(proxies > 0 ? [`由委托人签名或者盖章的授权委托书${cnNumber(proxies)}份。`] : []),
  ];
  const blocks: Block[] = [
    ...partyBlocks(input.parties, asApplicant),
    ...para(
      '请求事项：',
      `请求人民法院依法确认申请人于${effective}经${committee}主持调解达成的人民调解协议（编号：${str(c.caseNumber)}）有效。`,
    ),
    ...para('事实和理由：', `申请人之间的“${str(c.title)}”一案，经${committee}主持调解，于${effective}自愿达成如下调解协议：`),
    list(a.terms, cnMarker),
    ...agreedAmount(c),
    ...para('履行方式：', a.performanceMethod),
    ...para('履行地点：', a.performancePlace),
    ...para('履行期限：', a.performanceDeadline),
    {
      kind: 'paragraph',
      text: '上述调解协议系申请人在平等自愿的基础上达成，内容不违反法律、行政法规的强制性规定，不损害国家利益、社会公共利益和他人合法权益。根据《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》第二百零五条的规定，申请人共同向贵院申请司法确认。',
    },
    { kind: 'heading', text: '申请人承诺：' },
    list(
      [
        '申请人出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；',
        '申请人提交的材料真实、合法；',
        '如因调解协议内容而给他人造成损害的，申请人愿意承担相应的民事责任和其他法律责任。',
      ],
      cnMarker,
    ),
    { kind: 'paragraph', text: '此致', indent: true },
    { kind: 'paragraph', text: courtOf(input), indent: false },
    { kind: 'heading', text: '附：' },
    // 法释〔2011〕5号 Art. 3: what goes with the application.
    list(materials, arabicMarker),
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, asApplicant),
      officials: [],
      date: fmtDate(input.confirmation?.appliedAt) || BLANK_DATE,
    },
  ];
  return { type: 'confirmation-application', title: DOCUMENT_TYPES['confirmation-application'], blocks };
}
