/**
 * 人民调解受理登记表: the first page of the case file (卷宗), required by the 司法部 2010 formats
 * (申请书 or 受理登记表). It records who came, about what, and that the committee took it on.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel, type FieldRow } from '../model';
import {
  amountText,
  courtParagraphs,
  fmtDate,
  fmtDateTime,
  para,
  partyBlocks,
  principals,
  sealText,
  signersFor,
  str,
  caseRoles,
} from './common';

export function fitsIntakeForm(input: DocumentInput): string | null {
  if (principals(input.parties).length === 0) return '本案还没有登记当事人，不能制作受理登记表';
  return null;
}

export function buildIntakeForm(input: DocumentInput): DocModel {
  const c = input.case;
  const header: FieldRow[] = [
    [{ label: '纠纷名称', value: str(c.title) }],
    [
      { label: '纠纷类型', value: str(c.categoryLabel) },
      { label: '纠纷来源', value: str(c.sourceLabel) },
    ],
    [{ label: '登记时间', value: fmtDateTime(c.registeredAt) }],
    [{ label: '涉及金额', value: amountText(c.amountFen) }],
  ];
  const applicants = input.parties.filter((p) => p.role === 'applicant');
  // The applicant signs that the registration is what they asked for; with no applicant (a
  // referral, 主动调解) every party does.
  const signing =
    applicants.length > 0
      ? input.parties.filter(
          (p) => p.role === 'applicant' || (p.role === 'agent' && applicants.some((a) => str(a.name) === str(p.representsName))),
        )
      : input.parties;
  const blocks: Block[] = [
    { kind: 'fields', rows: header },
    ...courtParagraphs(c),
    ...partyBlocks(input.parties, caseRoles(input)),
    ...para('纠纷简要情况：', c.summary),
    ...para('当事人申请事项：', c.claims),
    // Accepting (or refusing) is the committee's decision: left for the person in charge to write.
    ...para('受理意见：', ''),
    {
      kind: 'signatures',
      signers: signersFor(signing, undefined, caseRoles(input)),
      officials: ['登记人（签名）：', '负责人（签名）：'],
      seal: sealText(input.centre),
      date: fmtDate(c.registeredAt),
    },
  ];
  return { type: 'intake-form', title: DOCUMENT_TYPES['intake-form'], number: str(c.caseNumber), blocks };
}
