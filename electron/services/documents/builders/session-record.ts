/**
 * 调解记录: one per session, required in the case file (司法部 2010 formats). The parties read (or
 * hear) it and sign, as do the mediator and the person who kept it.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel, type FieldRow } from '../model';
import {
  BLANK_DATE,
  cnMarker,
  list,
  cnNumber,
  fmtDate,
  fmtDateTime,
  mediatorOfficials,
  recorderOfficial,
  names,
  para,
  sessionOrdinal,
  signersFor,
  str,
  caseRoles,
  agreedAmount,
} from './common';

export function fitsSessionRecord(input: DocumentInput): string | null {
  if (!input.session) return '请先选择要打印记录的调解场次';
  if (str(input.session.record) === '') return '该场次还没有调解情况的记录';
  return null;
}

/**
 * An oral agreement (人民调解法 Art. 28) is written down by the mediator in the record of the
 * session where it was reached: the case's last session.
 */
export function recordsOralAgreement(input: DocumentInput): boolean {
  const a = input.case.agreement;
  if (!a?.oral || (input.case.outcome && input.case.outcome !== 'agreement')) return false;
  const n = sessionOrdinal(input);
  return n !== null && n === input.sessions.length;
}

/** The content of the oral agreement and the parties' confirmation that it is right. */
function oralAgreementBlocks(input: DocumentInput): Block[] {
  const c = input.case;
  const a = c.agreement!;
  const reached = fmtDate(c.agreementEffectiveAt);
  return [
    {
      kind: 'paragraph',
      label: '口头调解协议：',
      text: `经人民调解员主持调解，各方当事人自愿达成口头调解协议，当事人认为无需制作调解协议书（《中华人民共和国人民调解法》第二十八条），人民调解员记录协议内容如下：`,
    },
    list(a.terms, cnMarker),
    ...agreedAmount(input.case),
    ...(str(a.responsibility) !== '' ? para('各方当事人的责任：', a.responsibility) : []),
    ...(str(a.performanceMethod) !== '' ? para('履行方式：', a.performanceMethod) : []),
    ...(str(a.performancePlace) !== '' ? para('履行地点：', a.performancePlace) : []),
    ...(str(a.performanceDeadline) !== '' ? para('履行期限：', a.performanceDeadline) : []),
    {
      kind: 'paragraph',
      // Art. 30: an oral agreement takes effect on the day it is reached.
      text: `${reached !== '' ? `本口头调解协议于${reached}达成，` : ''}口头调解协议自各方当事人达成协议之日起生效，具有法律约束力，当事人应当按照约定履行。`,
    },
    { kind: 'paragraph', label: '当事人确认：', text: '以上协议内容属实，同意履行。' },
  ];
}

export function buildSessionRecord(input: DocumentInput): DocModel {
  const c = input.case;
  const s = input.session!;
  const n = sessionOrdinal(input);
  const rows: FieldRow[] = [
    [{ label: '纠纷名称', value: str(c.title) }],
    [
      { label: '调解时间', value: fmtDateTime(s.heldAt) },
      { label: '调解次数', value: n === null ? '' : `第${cnNumber(n)}次` },
    ],
    [{ label: '调解地点', value: str(s.place) }],
    [
      { label: '人民调解员', value: names(input.mediators) },
      { label: '记录人', value: str(s.recorder) || str(input.recorder) },
    ],
    [{ label: '参加人员', value: str(s.participants) }],
  ];
  const blocks: Block[] = [
    { kind: 'fields', rows },
    ...para('调解情况：', s.record),
    ...(recordsOralAgreement(input) ? oralAgreementBlocks(input) : []),
    { kind: 'paragraph', text: '以上记录已经当事人阅读（或者向当事人宣读），确认无误。' },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, caseRoles(input)),
      officials: [...mediatorOfficials(input), recorderOfficial(str(s.recorder) || str(input.recorder))],
      date: fmtDate(s.heldAt) || BLANK_DATE,
    },
  ];
  return { type: 'session-record', title: DOCUMENT_TYPES['session-record'], number: str(c.caseNumber), blocks };
}
