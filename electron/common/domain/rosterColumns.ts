/**
 * A centre's mediator roster sheet (调解员名册) read for import (issue #16): its columns proposed
 * from the header words, the 类别 words mapped to the roster's kinds, and how a sheet tells itself
 * a roster rather than a case ledger. One table, shared by the importer, the guided import and the CLI.
 */
import type { MediatorKind } from './mediatorKinds';
import { cellText } from './ledgerCells';
import { proposeMapping } from './ledgerColumns';

export const ROSTER_FIELDS = ['name', 'kind', 'organisation', 'phone', 'idNumber', 'specialties', 'certificateNo', 'region'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const ROSTER_FIELD_LABELS: Readonly<Record<RosterField, string>> = {
  name: '姓名',
  kind: '类别',
  organisation: '所在单位',
  phone: '联系电话',
  idNumber: '身份证号',
  specialties: '擅长领域',
  certificateNo: '证书编号',
  region: '所在区域',
};

/** Header words per field, most specific first (身份证号 before 号, 证书编号 before 编号). */
const HEADER_WORDS: ReadonlyArray<readonly [RosterField, readonly string[]]> = [
  ['idNumber', ['身份证', '证件号']],
  ['certificateNo', ['证书', '证号', '资格']],
  ['phone', ['电话', '手机', '联系方式']],
  ['specialties', ['擅长', '专长', '特长', '领域']],
  ['organisation', ['单位', '机构', '工作部门']],
  ['region', ['区域', '地区', '辖区', '片区', '所在村', '社区']],
  ['kind', ['类别', '类型', '性质', '专兼职', '身份']],
  ['name', ['姓名', '名称', '调解员', '调解组织']],
];

const IGNORED_WORDS = ['序号', '备注', '性别', '年龄', '出生', '学历', '政治面貌'];

export function rosterHeaderField(header: unknown): RosterField | null {
  const h = cellText(header).replace(/[\s\u3000]/g, '');
  if (h === '' || IGNORED_WORDS.some((w) => h.includes(w))) return null;
  for (const [field, words] of HEADER_WORDS) if (words.some((w) => h.includes(w))) return field;
  return null;
}

/** Column index (0-based) → field, each field for the first column that names it. */
export function proposeRosterMapping(headers: readonly unknown[]): Record<number, RosterField> {
  const out: Record<number, RosterField> = {};
  const taken = new Set<RosterField>();
  headers.forEach((h, i) => {
    const f = rosterHeaderField(h);
    if (!f || taken.has(f)) return;
    taken.add(f);
    out[i] = f;
  });
  return out;
}

export const SHEET_KINDS = ['cases', 'roster'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];
export const SHEET_KIND_LABELS: Readonly<Record<SheetKind, string>> = { cases: '案件台账', roster: '调解员名册' };

/** A sheet with names and roster columns (电话, 擅长, 证书 …) but no 受理日期 is a roster. */
export function sheetKindOf(headers: readonly unknown[]): SheetKind {
  const roster = Object.values(proposeRosterMapping(headers));
  const ledger = Object.values(proposeMapping(headers));
  return roster.includes('name') && roster.length >= 2 && !ledger.includes('receivedDate') ? 'roster' : 'cases';
}

/** Words a roster writes in 类别 → the roster's kinds; an empty cell is the centre's own 人民调解员. */
const KIND_WORDS: ReadonlyArray<readonly [string, MediatorKind]> = [
  ['组织', 'invited_org'],
  ['委员会', 'invited_org'],
  ['协会', 'invited_org'],
  ['事务所', 'invited_org'],
  ['工作室', 'invited_org'],
  ['特邀', 'invited'],
  ['律师', 'invited'],
  ['法律工作者', 'invited'],
  ['退休', 'invited'],
  ['专家', 'invited'],
  ['专职', 'resident'],
  ['兼职', 'resident'],
  ['驻所', 'resident'],
  ['人民调解员', 'resident'],
  ['调解员', 'resident'],
];

export function mediatorKindFromWord(cell: unknown): { kind: MediatorKind; known: boolean } {
  const s = cellText(cell).replace(/[\s\u3000]/g, '');
  if (s === '') return { kind: 'resident', known: true };
  for (const [word, kind] of KIND_WORDS) if (s.includes(word)) return { kind, known: true };
  return { kind: 'resident', known: false };
}
