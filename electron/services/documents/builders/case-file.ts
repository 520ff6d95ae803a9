/**
 * 人民调解卷宗: the cover (卷宗封面) with the case's particulars, the contents (卷内目录), and the
 * whole case file — cover, contents, then every document the case has, in the standard order of
 * a 人民调解卷宗, each starting on a new page and the pages numbered throughout (one section, one
 * footer: 第 N 页 共 M 页). It is what the centre files and what it hands to a court.
 *
 * The page each document starts on is only known once a renderer has laid the file out, and the
 * .docx (Word, WPS, LibreOffice) and the print view (Chromium) break pages differently, so the
 * model holds no number: in the whole file's .docx the contents' 页号 are PAGEREF fields to a
 * bookmark on each document's title, which the word processor fills in; the print view (Chromium
 * has no target-counter()) and the cover alone leave the column for the clerk.
 */
import { OUTCOME_LABELS } from '../../../common/domain';
import type { DocumentInput } from '../input';
import { type Block, type DocModel, type DocumentType, type FieldRow } from '../model';
import { BLANK_DATE, fmtDate, names, principals, str } from './common';

/** The order documents are bound in a 人民调解卷宗 (司法部 2010 人民调解文书格式, 卷宗 practice). */
export const CASE_FILE_ORDER: readonly DocumentType[] = [
  'application',
  'intake-form',
  'rights-notice',
  'investigation-record',
  'session-record',
  'agreement',
  'undisputed-facts',
  'termination-notice',
  'confirmation-application',
  'court-result-report',
  'followup-record',
];

export type Fits = (type: DocumentType, input: DocumentInput) => boolean;
export type Build = (type: DocumentType, input: DocumentInput) => DocModel;

/** Every document of the case that fits it, in binding order: one 调解记录 a session, one 回访记录 a visit. */
export function caseDocuments(input: DocumentInput, fits: Fits, build: Build): DocModel[] {
  return CASE_FILE_ORDER.flatMap((type): DocModel[] => {
    if (type === 'session-record') {
      // The session object itself, so the record finds its ordinal ("第二次") in `sessions`.
      return input.sessions
        .map((session) => ({ ...input, session }))
        .filter((i) => fits(type, i))
        .map((i) => build(type, i));
    }
    if (type === 'followup-record') {
      const visits = input.followups ?? (input.followup ? [input.followup] : []);
      return visits
        .map((followup) => ({ ...input, followup }))
        .filter((i) => fits(type, i))
        .map((i) => build(type, i));
    }
    return fits(type, input) ? [build(type, input)] : [];
  });
}

export function fitsFileCover(input: DocumentInput): string | null {
  // 立卷 follows 结案: a case still being mediated has no file to bind yet.
  if (!input.case.outcome) return '本案尚未结案（达成协议、调解不成、撤回或移交后才能立卷归档）';
  return null;
}

const outcomeLabel = (o: NonNullable<DocumentInput['case']['outcome']>): string => (o === 'ended' ? '终止调解' : OUTCOME_LABELS[o]);

/**
 * 保管期限: 人民调解法 Art. 27 has the committee file the case (立卷归档) but sets no period; each
 * committee decides by the kind of dispute, the agreement and the parties. Our default: a
 * court-referred case (the court may ask for it back) or one with ten or more parties (a 重大、群体性
 * dispute) is kept long (30 年), other cases 10 年 — printed, so the clerk can strike it through.
 */
function retention(input: DocumentInput): string {
  return input.case.courtReferral || principals(input.parties).length >= 10 ? '长期（30年）' : '短期（10年）';
}

/** The day a document bears: the date of its signature block, when one is printed. */
function dateOf(model: DocModel): string {
  const sig = [...model.blocks].reverse().find((b) => b.kind === 'signatures');
  const d = sig?.kind === 'signatures' ? str(sig.date) : '';
  // A blank to fill in by hand (BLANK_DATE, "年 月 日" with ideographic spaces) is no date.
  return /\d/.test(d) ? d : '';
}

function coverBlocks(input: DocumentInput, docs: readonly DocModel[]): Block[] {
  const c = input.case;
  const r = c.courtReferral;
  const rows: FieldRow[] = [
    [{ label: '调解委员会', value: str(input.centre.committeeName) }],
    [{ label: '案号', value: str(c.caseNumber) }],
    [{ label: '纠纷名称', value: str(c.title) }],
    [
      { label: '纠纷类型', value: str(c.categoryLabel) },
      { label: '纠纷来源', value: str(c.sourceLabel) },
    ],
    ...(r
      ? ([
          [{ label: r.mode === 'delegated' ? '委派法院及案号' : '委托法院及案号', value: `${str(r.court)} ${str(r.referenceNumber)}` }],
        ] as FieldRow[])
      : []),
    [{ label: '当事人', value: names(principals(input.parties)) }],
    [{ label: '人民调解员', value: names(input.mediators) }],
    [
      { label: '受理日期', value: fmtDate(c.registeredAt) },
      { label: '结案日期', value: fmtDate(c.outcomeAt) || fmtDate(c.agreementEffectiveAt) },
    ],
    [{ label: '调解结果', value: c.outcome ? outcomeLabel(c.outcome) : '' }],
    // Filled in by hand by whoever binds the file, on the day it is bound; each a row of its own,
    // as the blank date (年 月 日 with room to write by hand) does not fit half a row.
    [{ label: '立卷人', value: '' }],
    [{ label: '立卷日期', value: BLANK_DATE }],
    [
      { label: '保管期限', value: retention(input) },
      { label: '卷内文书', value: `${docs.length}件` },
    ],
  ];
  return [{ kind: 'fields', rows }];
}

/** The name the contents use for the n-th document of the case file (a .docx bookmark name). */
const anchorOf = (i: number): string => `doc_${i + 1}`;

/**
 * @param bound the documents follow in the same file (case-file): each row's 页号 refers to where
 *   its document starts; on the cover alone (file-cover) it is left for the clerk.
 */
function contentsBlocks(docs: readonly DocModel[], bound: boolean): Block[] {
  const rows = docs.map((d, i) => {
    const date = dateOf(d);
    return { title: `${str(d.title)}${date !== '' ? `（${date}）` : ''}`, ...(bound ? { pageOf: anchorOf(i) } : {}) };
  });
  return [
    { kind: 'part', title: '卷内目录' },
    { kind: 'contents', rows },
  ];
}

const COVER_TITLE = '人民调解卷宗';

export function buildFileCover(input: DocumentInput, docs: readonly DocModel[]): DocModel {
  return {
    type: 'file-cover',
    title: COVER_TITLE,
    number: str(input.case.caseNumber),
    blocks: [...coverBlocks(input, docs), ...contentsBlocks(docs, false)],
  };
}

export function buildCaseFile(input: DocumentInput, docs: readonly DocModel[]): DocModel {
  return {
    type: 'case-file',
    title: COVER_TITLE,
    number: str(input.case.caseNumber),
    blocks: [
      ...coverBlocks(input, docs),
      ...contentsBlocks(docs, true),
      ...docs.flatMap((d, i): Block[] => [
        { kind: 'part', title: d.title, ...(d.number ? { number: d.number } : {}), anchor: anchorOf(i) },
        ...d.blocks,
      ]),
    ],
  };
}
