/**
 * 人民调解调查记录 (司法部 2010 人民调解文书格式; 人民调解法 Art. 22: the mediator may learn the
 * facts by hearing the parties and asking others): when, where, who was asked and what was found.
 *
 * Its entries are the case's investigations (a session of kind 调查: time, place, the people asked and
 * present, what was found), one numbered section each, oldest first. A case with no written
 * investigation has nothing to record, and is refused with where to add one.
 */
import type { DocumentInput, SessionInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel } from '../model';
import {
  BLANK_DATE,
  cnNumber,
  fmtDate,
  fmtDateTime,
  mediatorOfficials,
  names,
  para,
  recorderOfficial,
  signersFor,
  caseRoles,
  str,
} from './common';

const recorded = (input: DocumentInput): SessionInput[] => input.investigations.filter((s) => str(s.record) !== '');

export function fitsInvestigationRecord(input: DocumentInput): string | null {
  if (input.investigations.length === 0) return '本案还没有调查记录（在案件的“调解与调查记录”中新增，类型选“调查”）';
  if (recorded(input).length === 0) return '本案的调查都还没有填写调查情况，没有可记录的内容';
  return null;
}

function sessionBlocks(s: SessionInput, i: number): Block[] {
  return [
    { kind: 'heading', text: `${cnNumber(i + 1)}、${fmtDateTime(s.heldAt) || '时间未记录'}` },
    { kind: 'paragraph', label: '调查地点：', text: str(s.place) || '（未记录）', indent: false },
    { kind: 'paragraph', label: '被调查人及在场人员：', text: str(s.participants) || '（未记录）', indent: false },
    ...(str(s.recorder) !== '' ? [{ kind: 'paragraph' as const, label: '记录人：', text: str(s.recorder), indent: false }] : []),
    ...para('调查情况：', s.record),
  ];
}

export function buildInvestigationRecord(input: DocumentInput): DocModel {
  const c = input.case;
  const list = recorded(input);
  const last = list.at(-1)!;
  const blocks: Block[] = [
    {
      kind: 'fields',
      rows: [
        [{ label: '纠纷名称', value: str(c.title) }],
        [
          { label: '调查人', value: names(input.mediators) },
          { label: '记录人', value: str(input.recorder) },
        ],
      ],
    },
    ...para('调查事项：', c.claims),
    ...list.flatMap(sessionBlocks),
    { kind: 'paragraph', text: '以上记录已经被调查人阅读（或者向被调查人宣读），确认无误。' },
    {
      kind: 'signatures',
      signers: signersFor(input.parties, undefined, (p) => `被调查人（${caseRoles(input)(p)}）`),
      officials: [...mediatorOfficials(input, '调查人（签名）：'), recorderOfficial(str(last.recorder) || str(input.recorder))],
      date: fmtDate(last.heldAt) || BLANK_DATE,
    },
  ];
  return { type: 'investigation-record', title: DOCUMENT_TYPES['investigation-record'], number: str(c.caseNumber), blocks };
}
