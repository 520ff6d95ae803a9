/**
 * 回访记录: the committee supervises performance of the agreement and urges the parties to keep it
 * (人民调解法 Art. 31 ¶2); each visit or call is recorded for the case file.
 */
import { FOLLOWUP_METHOD_LABELS, PERFORMANCE_LABELS } from '../../../common/api/court';
import type { DocumentInput } from '../input';
import { DOCUMENT_TYPES, type Block, type DocModel, type FieldRow } from '../model';
import { BLANK_DATE, cnMarker, fmtDate, list, names, para, principals, str, agreedAmount } from './common';

export function fitsFollowupRecord(input: DocumentInput): string | null {
  if (!input.followup) return '请先选择要打印的回访';
  if (!input.case.agreement) return '回访针对调解协议的履行情况，本案没有调解协议';
  return null;
}

export function buildFollowupRecord(input: DocumentInput): DocModel {
  const c = input.case;
  const f = input.followup!;
  const rows: FieldRow[] = [
    [{ label: '纠纷名称', value: str(c.title) }],
    [
      { label: '协议生效日期', value: fmtDate(c.agreementEffectiveAt) },
      { label: '应回访日期', value: fmtDate(f.dueOn) },
    ],
    [
      { label: '回访时间', value: fmtDate(f.doneAt) },
      { label: '回访方式', value: f.method ? FOLLOWUP_METHOD_LABELS[f.method] : '' },
    ],
    [
      { label: '回访人', value: str(f.visitor) },
      { label: '被回访人', value: names(principals(input.parties)) },
    ],
  ];
  const blocks: Block[] = [
    { kind: 'fields', rows },
    { kind: 'paragraph', label: '调解协议的主要内容：', text: '' },
    list(c.agreement?.terms ?? [], cnMarker),
    ...agreedAmount(c),
    ...para('协议履行情况：', f.performance ? PERFORMANCE_LABELS[f.performance] : ''),
    ...para('回访情况：', f.notes),
    {
      kind: 'signatures',
      signers: [],
      officials: [{ label: '回访人（签名）：', name: str(f.visitor) }, '记录人（签名）：'],
      date: fmtDate(f.doneAt) || BLANK_DATE,
    },
  ];
  return { type: 'followup-record', title: DOCUMENT_TYPES['followup-record'], number: str(c.caseNumber), blocks };
}
