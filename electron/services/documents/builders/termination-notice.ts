/**
 * 终止调解告知书: when mediation ends without an agreement (调解不成, a party withdrew or asked to
 * stop), the committee ends it and tells the parties so, with the reason and the other ways to
 * protect their rights (人民调解法 Art. 26; Art. 23 (二): a party may ask to end mediation).
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import { BLANK_DATE, fmtDate, list, mediatorOfficials, names, para, parenMarker, principals, sealText, str } from './common';

const ENDED = new Set(['failed', 'withdrawn', 'ended']);

export function fitsTerminationNotice(input: DocumentInput): string | null {
  const c = input.case;
  if (c.outcome === 'agreement' || (!c.outcome && c.agreement)) return '本案已达成调解协议，不终止调解，无需终止调解告知书';
  if (!c.outcome || !ENDED.has(c.outcome)) return '本案尚未终止调解（调解不成、撤回或终止后才能制作终止调解告知书）';
  if (principals(input.parties).length === 0) return '本案还没有登记当事人，不能制作终止调解告知书';
  return null;
}

function reasonOf(input: DocumentInput): string {
  const c = input.case;
  const note = str(c.outcomeNote).replace(/[。；;，,\s]+$/u, '');
  if (c.outcome === 'withdrawn') return note !== '' ? `当事人撤回调解申请（${note}）` : '当事人撤回调解申请';
  if (c.outcome === 'ended') return note !== '' ? note : '当事人要求终止调解';
  return note !== '' ? `各方当事人未能达成调解协议（${note}）` : '各方当事人未能达成调解协议';
}

/** What the parties may do instead (Art. 26), and, for a court's case, what happens there. */
function remedies(input: DocumentInput): string[] {
  const r = input.case.courtReferral;
  if (r?.mode === 'entrusted') {
    return [
      `本案系${str(r.court)}委托调解的案件（案号：${str(r.referenceNumber)}），本委员会将调解情况报告该院并退回案件材料，案件由该院依法继续审理。`,
    ];
  }
  return [
    '依法向有管辖权的人民法院提起诉讼；',
    '属于仲裁范围且当事人之间有仲裁协议的，依法申请仲裁（劳动争议、农村土地承包经营纠纷可依法申请劳动人事争议仲裁、农村土地承包仲裁）；',
    '属于行政机关处理范围的，依法请求有关行政机关处理。',
    ...(r ? [`本案系${str(r.court)}委派调解的案件，本委员会将调解情况报告该院并退回案件材料。`] : []),
  ];
}

export function buildTerminationNotice(input: DocumentInput): DocModel {
  const c = input.case;
  const received = fmtDate(c.registeredAt);
  const ended = fmtDate(c.outcomeAt);
  const blocks: Block[] = [
    { kind: 'paragraph', label: '当事人：', text: names(principals(input.parties)), indent: false },
    {
      kind: 'paragraph',
      text:
        `${received !== '' ? `${received}，` : ''}本委员会受理“${str(c.title)}”一案后，依法进行了调解。` +
        `因${reasonOf(input)}，根据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定${ended !== '' ? `自${ended}起` : ''}终止调解。`,
    },
    { kind: 'paragraph', text: '各方当事人可以依法通过仲裁、行政、司法等途径维护自己的权利：' },
    ...(input.case.courtReferral?.mode === 'entrusted' ? para(undefined, remedies(input)[0]) : [list(remedies(input), parenMarker)]),
    { kind: 'paragraph', text: '特此告知。' },
    {
      kind: 'signatures',
      signers: [],
      officials: mediatorOfficials(input),
      seal: sealText(input.centre),
      date: ended || BLANK_DATE,
    },
  ];
  return { type: 'termination-notice', title: DOCUMENT_TYPES['termination-notice'], number: str(c.caseNumber), blocks };
}
