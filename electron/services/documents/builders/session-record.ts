/**
 * 调解记录: one per session, required in the case file (司法部 2010 formats). The parties read (or
 * hear) it and sign, as do the mediator and the person who kept it.
 */
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel, type FieldRow } from '../model';
import {
  BLANK_DATE,
  cnNumber,
  fmtDate,
  fmtDateTime,
  mediatorOfficials,
  names,
  para,
  sessionOrdinal,
  signersFor,
  str,
  caseRoles,
} from './common';

export function fitsSessionRecord(input: DocumentInput): string | null {
  if (!input.session) return '请先选择要打印记录的调解场次';
  if (str(input.session.record) === '') return '该场次还没有调解情况的记录';
  return null;
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
    { kind: 'paragraph', text: '以上记录已经当事人阅读（或者向当事人宣读），确认无误。' },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, '（签名或按指印）', caseRoles(input)),
      officials: [...mediatorOfficials(input), '记录人（签名）：'],
      date: fmtDate(s.heldAt) || BLANK_DATE,
    },
  ];
  return { type: 'session-record', title: DOCUMENT_TYPES['session-record'], number: str(c.caseNumber), blocks };
}
