/**
 * 人民调解协议书. The content is 人民调解法 (2010) Art. 29 ¶1, item by item; the layout the 司法部
 * 人民调解文书格式 (2010): title, 编号 at the right, one block per party, facts and matters in
 * dispute, "自愿达成如下协议", the numbered terms, performance, copies, signatures, seal, date.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import {
  BLANK_DATE,
  cnMarker,
  cnNumber,
  courtParagraphs,
  fmtDate,
  list,
  mediatorOfficials,
  recorderOfficial,
  para,
  partyBlocks,
  principals,
  sealText,
  signersFor,
  str,
  caseRoles,
  agreedAmount,
} from './common';
import {
  ORAL_AGREEMENT_REASON,
  agreementMissingMessage,
  missingAgreementItems,
  type AgreementFacts,
} from '../../../common/domain/agreement';

/** The case as the agreement rule reads it. */
export function agreementFacts(input: DocumentInput): AgreementFacts {
  return { principals: principals(input.parties).length, summary: input.case.summary, agreement: input.case.agreement };
}

export function fitsAgreement(input: DocumentInput): string | null {
  const a = input.case.agreement;
  if (!a) return '本案尚未达成调解协议，不能制作人民调解协议书';
  if (input.case.outcome && input.case.outcome !== 'agreement') return '本案的调解结果不是达成协议，不能制作人民调解协议书';
  // 人民调解法 Art. 28: the parties chose an oral agreement; its content is in the 调解记录.
  if (a.oral) return ORAL_AGREEMENT_REASON;
  // The one rule of what an agreement holds (common/domain/agreement.ts), as 结案 and the dialog use it.
  return agreementMissingMessage(missingAgreementItems(agreementFacts(input)));
}

/** N = one copy per party (agents hold none of their own) + the committee's; + the court's on a referred case. */
export function agreementCopies(input: DocumentInput): { count: number; sentence: string } {
  const parties = principals(input.parties).length;
  const r = input.case.courtReferral;
  // 特邀调解规定 Art. 24: a delegated agreement is also filed with the delegating court.
  if (r && r.mode === 'delegated') {
    const count = parties + 2;
    return { count, sentence: `本协议一式${cnNumber(count)}份，当事人各执一份，人民调解委员会留存一份，报送${str(r.court)}备案一份。` };
  }
  // 委托 (诉中): the lawsuit is pending; the court gets its copy to close it (调解书 or withdrawal).
  if (r && r.mode === 'entrusted') {
    const count = parties + 2;
    return { count, sentence: `本协议一式${cnNumber(count)}份，当事人各执一份，人民调解委员会留存一份，送人民法院一份。` };
  }
  const count = parties + 1;
  return { count, sentence: `本协议一式${cnNumber(count)}份，当事人各执一份，人民调解委员会留存一份。` };
}

/**
 * What follows the agreement in court. 委托 (诉中): the court reviews it and makes a 调解书 or
 * allows the claim to be withdrawn (特邀调解规定 法释〔2016〕14号), so there is no 司法确认.
 */
function confirmationNotice(input: DocumentInput): string {
  const r = input.case.courtReferral;
  if (r?.mode === 'entrusted') {
    return `告知：本案系${str(r.court)}委托调解的案件（案号：${str(r.referenceNumber)}），本协议送交该院，由该院依法审查后出具民事调解书或者准许当事人撤诉。`;
  }
  return '告知：本协议生效之日起30日内，各方当事人可以共同向人民法院申请司法确认。人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。';
}

export function buildAgreement(input: DocumentInput): DocModel {
  const c = input.case;
  const a = c.agreement!;
  const committee = str(input.centre.committeeName);
  const blocks: Block[] = [
    ...courtParagraphs(c),
    // Art. 29 ¶1 (一): each party's basic information.
    ...partyBlocks(input.parties, caseRoles(input)),
    // Art. 29 ¶1 (二): the main facts, the matters in dispute, each party's responsibility.
    ...para('纠纷主要事实、争议事项：', c.summary),
    ...(str(c.claims) !== '' ? para('争议事项：', c.claims) : []),
    ...para('各方当事人的责任：', a.responsibility),
    // Art. 29 ¶1 (三): what was agreed, and the way and time limit of performance.
    { kind: 'paragraph', text: `经${committee}主持调解，各方当事人在平等协商、互谅互让的基础上，自愿达成如下协议：` },
    list(a.terms, cnMarker),
    ...agreedAmount(c),
    ...para('履行方式：', a.performanceMethod),
    ...para('履行地点：', a.performancePlace),
    ...para('履行期限：', a.performanceDeadline),
    // Art. 29 ¶2: when it takes effect. Art. 31: it binds the parties.
    {
      kind: 'paragraph',
      text: '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
    },
    { kind: 'paragraph', text: agreementCopies(input).sentence },
    // Art. 33: the parties are told they may jointly ask a court to confirm it within 30 days; in a
    // pending lawsuit (委托) the court itself closes the case on it instead.
    { kind: 'note', text: confirmationNotice(input) },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, caseRoles(input)),
      officials: [...mediatorOfficials(input), recorderOfficial(input.recorder)],
      seal: sealText(input.centre),
      date: c.agreementEffectiveAt ? fmtDate(c.agreementEffectiveAt) : BLANK_DATE,
    },
  ];
  return { type: 'agreement', title: DOCUMENT_TYPES.agreement, number: str(c.caseNumber), blocks };
}
