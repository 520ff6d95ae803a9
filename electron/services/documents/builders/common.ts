/**
 * Pieces the document builders share: wording of party blocks and signature lines, dates and
 * numbers written the Chinese way.
 */
import dayjs from 'dayjs';
import { MEDIATION_ROLE_LABELS, documentRoleLabels, formatYuan, idTypeLabel, yuanInWords } from '../../../common/domain';
import type { CaseInput, CentreInput, DocumentInput, PartyInput, PartyRole } from '../input';
import { cleanText, type FieldRow, type Official, type FieldsBlock, type ListBlock, type ParagraphBlock, type Signer } from '../model';

/** The mediation names of the parties; a document of a case in a lawsuit uses `caseRoles`. */
export const ROLE_LABELS: Readonly<Record<PartyRole, string>> = MEDIATION_ROLE_LABELS;

/** How this case's documents name a party: 原告 / 被告 in a court-entrusted (委托, 诉中) case. */
export function caseRoles(input: Pick<DocumentInput, 'case'>): (p: PartyInput) => string {
  const labels = documentRoleLabels(input.case.courtReferral?.mode);
  return (p) => labels[p.role];
}

const ROLE_ORDER: readonly PartyRole[] = ['applicant', 'respondent', 'third_party'];

/** Left blank for the hand: a document takes effect on the day it is signed, not printed. */
export const BLANK_DATE = '　　年　　月　　日';

/**
 * 人民调解法 Art. 29 ¶2: each party signs, seals or fingerprints. A person signs and presses a
 * fingerprint beside the name, as courts expect; the line leaves room for both.
 */
export const PARTY_SIGN_NOTE = '签名（捺印）：';

/** A company or other organisation: its seal, and the signature of who acts for it. */
export const ORG_SIGN_NOTE = '（盖章）法定代表人或委托代理人（签名）：';

/** A printed string from a database value: cleaned and trimmed, '' for nothing. */
export function str(s: string | null | undefined): string {
  return s === null || s === undefined ? '' : cleanText(s).trim();
}

/** The non-empty lines of a multi-line text (one printed paragraph each). */
export function textLines(s: string | null | undefined): string[] {
  return str(s)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

function ymd(y: string, m: string, d: string): string {
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** '2026-03-05' (or a date-time) → '2026年3月5日'; '' for nothing; anything unreadable as given. */
export function fmtDate(s: string | null | undefined): string {
  const v = str(s);
  if (v === '') return '';
  const d = ISO_DATE.exec(v) ?? LOCAL_DATE_TIME.exec(v);
  if (d) return ymd(d[1]!, d[2]!, d[3]!);
  const parsed = dayjs(v);
  return parsed.isValid() ? ymd(String(parsed.year()), String(parsed.month() + 1), String(parsed.date())) : v;
}

/** '2026-03-05T09:30' → '2026年3月5日9时30分'; a plain date stays a date. */
export function fmtDateTime(s: string | null | undefined): string {
  const v = str(s);
  if (v === '' || ISO_DATE.test(v)) return fmtDate(v);
  // Naive strings are wall-clock time at the centre and printed as they are; only an explicit
  // offset (a UTC timestamp) is moved to local time.
  const local = LOCAL_DATE_TIME.exec(v) ?? LOCAL_DATE_TIME.exec(dayjs(v).isValid() ? dayjs(v).format('YYYY-MM-DDTHH:mm') : '');
  if (!local) return v;
  return `${ymd(local[1]!, local[2]!, local[3]!)}${Number(local[4])}时${local[5]}分`;
}

/** The 'YYYY-MM-DD' day of a date or date-time, for comparisons; null when unreadable. */
export function isoDay(s: string | null | undefined): string | null {
  const v = str(s);
  const m = ISO_DATE.exec(v) ?? LOCAL_DATE_TIME.exec(v);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = dayjs(v);
  return v !== '' && d.isValid() ? d.format('YYYY-MM-DD') : null;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五 (up to 9999; larger numbers in digits). */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]!}`;
  const units = ['', '十', '百', '千'] as const;
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const pos = digits.length - 1 - i;
    if (d === 0) {
      zero = true;
      return;
    }
    if (zero && out !== '') out += '零';
    zero = false;
    out += CN_DIGITS[d]! + units[pos]!;
  });
  return out;
}

export const cnMarker = (i: number): string => `${cnNumber(i + 1)}、`;
export const parenMarker = (i: number): string => `（${cnNumber(i + 1)}）`;
export const arabicMarker = (i: number): string => `${i + 1}．`;

export function list(items: readonly string[], marker: (i: number) => string): ListBlock {
  const texts = items.map(str).filter((t) => t !== '');
  return { kind: 'list', items: texts.map((text, i) => ({ marker: marker(i), text })) };
}

/**
 * A labelled text as paragraphs: the label goes on the first, each further line of the text is a
 * paragraph of its own. An empty text keeps the label with a blank to fill in by hand.
 */
export function para(
  label: string | undefined,
  text: string | null | undefined,
  opts: Pick<ParagraphBlock, 'align' | 'indent'> = {},
): ParagraphBlock[] {
  const ls = textLines(text);
  const first = ls[0] ?? '';
  const head: ParagraphBlock = { kind: 'paragraph', ...(label !== undefined ? { label } : {}), text: first, ...opts };
  return [head, ...ls.slice(1).map((l): ParagraphBlock => ({ kind: 'paragraph', text: l, ...opts }))];
}

export function amountText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `人民币${formatYuan(fen)}元（大写：${yuanInWords(fen)}）`;
}

/**
 * The money the agreement settles, in figures and in words (人民币1,200.00元（大写：壹仟贰佰元整）),
 * after its terms in every document that quotes them: the terms are the parties' own words and may
 * name no sum ("相关款项"), while the amount stored with the agreement is what was agreed.
 */
export function agreedAmount(c: Pick<CaseInput, 'agreedAmountFen'>): ParagraphBlock[] {
  const fen = c.agreedAmountFen;
  if (fen === null || fen === undefined || fen <= 0) return [];
  return [{ kind: 'paragraph', label: '协议金额：', text: amountText(fen) }];
}

export const principals = (parties: readonly PartyInput[]): PartyInput[] => parties.filter((p) => p.role !== 'agent');
export const agents = (parties: readonly PartyInput[]): PartyInput[] => parties.filter((p) => p.role === 'agent');

/**
 * Applicants, respondents, third parties (each in the caller's order), every one followed by its
 * agents; agents whose principal is not found come last rather than disappear.
 */
export function orderedParties(parties: readonly PartyInput[]): PartyInput[] {
  const out: PartyInput[] = [];
  const placed = new Set<PartyInput>();
  for (const role of ROLE_ORDER) {
    for (const p of parties) {
      if (p.role !== role) continue;
      out.push(p);
      for (const a of parties) {
        if (a.role === 'agent' && !placed.has(a) && str(a.representsName) !== '' && str(a.representsName) === str(p.name)) {
          out.push(a);
          placed.add(a);
        }
      }
    }
  }
  for (const a of parties) if (a.role === 'agent' && !placed.has(a)) out.push(a);
  return out;
}

export function names(list: readonly { name: string }[]): string {
  return list
    .map((x) => str(x.name))
    .filter((n) => n !== '')
    .join('、');
}

const SEX_LABELS = { male: '男', female: '女' } as const;
const AUTHORITY_LABELS = { general: '一般授权', special: '特别授权' } as const;

function idRow(p: PartyInput): FieldRow {
  // 居民身份证号码, 护照号码, …: the document type is named so the number can be checked against it.
  const label = p.idType ? `${idTypeLabel(p.idType)}号码` : '身份证件号码';
  return [{ label, value: str(p.idNumber) }];
}

function ageCell(p: PartyInput): { label: string; value: string } {
  if (str(p.birthDate) !== '') return { label: '出生日期', value: fmtDate(p.birthDate) };
  if (p.age !== null && p.age !== undefined) return { label: '年龄', value: `${p.age}岁` };
  return { label: '出生日期', value: '' };
}

/**
 * 当事人的基本情况 (人民调解法 Art. 29 ¶1 (一)); fields and their names follow the 司法部 2010
 * formats: a person's name, sex, ethnicity, birth date or age, occupation, phone, ID, address; an
 * organisation's name, address and legal representative.
 */
export function partyRows(p: PartyInput): FieldRow[] {
  const phone = { label: '联系电话', value: str(p.phone) };
  if (p.kind === 'org') {
    return [
      [{ label: '名称', value: str(p.name) }],
      [{ label: '统一社会信用代码', value: str(p.creditCode) }],
      ...(p.role === 'agent' ? [agentRow(p)] : []),
      [{ label: '法定代表人', value: str(p.legalRepresentative) }, phone],
      [{ label: '住所', value: str(p.address) }],
    ];
  }
  const nameSex: FieldRow = [
    { label: '姓名', value: str(p.name) },
    { label: '性别', value: p.sex ? SEX_LABELS[p.sex] : '' },
  ];
  if (p.role === 'agent') {
    return [
      nameSex,
      agentRow(p),
      [{ label: '职业', value: str(p.occupation) }, phone],
      idRow(p),
      [{ label: '住址', value: str(p.address) }],
    ];
  }
  return [
    nameSex,
    [{ label: '民族', value: str(p.ethnicity) }, ageCell(p)],
    [{ label: '职业', value: str(p.occupation) }, phone],
    idRow(p),
    [{ label: '住址', value: str(p.address) }],
  ];
}

function agentRow(p: PartyInput): FieldRow {
  return [
    { label: '被代理人', value: str(p.representsName) },
    { label: '代理权限', value: p.authority ? AUTHORITY_LABELS[p.authority] : '' },
  ];
}

/**
 * Labels per party: the role, numbered when a role occurs more than once (申请人（一）…).
 * `roleOf` lets a document name roles its own way (a 司法确认申请书 calls every party 申请人).
 */
export function partyLabels(ordered: readonly PartyInput[], roleOf: (p: PartyInput) => string = (p) => ROLE_LABELS[p.role]): string[] {
  const totals = new Map<string, number>();
  for (const p of ordered) totals.set(roleOf(p), (totals.get(roleOf(p)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return ordered.map((p) => {
    const role = roleOf(p);
    const n = (seen.get(role) ?? 0) + 1;
    seen.set(role, n);
    return (totals.get(role) ?? 0) > 1 ? `${role}（${cnNumber(n)}）` : role;
  });
}

export function partyBlocks(parties: readonly PartyInput[], roleOf?: (p: PartyInput) => string): FieldsBlock[] {
  const ordered = orderedParties(parties);
  const labels = partyLabels(ordered, roleOf);
  return ordered.map((p, i) => ({ kind: 'fields', caption: labels[i] ?? ROLE_LABELS[p.role], rows: partyRows(p) }));
}

/** One signature line per party and agent, in the order of the party blocks. */
export function signersFor(
  parties: readonly PartyInput[],
  note: string = PARTY_SIGN_NOTE,
  roleOf?: (p: PartyInput) => string,
  date = BLANK_DATE,
): Signer[] {
  const ordered = orderedParties(parties);
  const role = roleOf ?? ((p: PartyInput) => ROLE_LABELS[p.role]);
  return ordered.map((p) => ({ label: `${role(p)}：${str(p.name)}`, note: p.kind === 'org' ? ORG_SIGN_NOTE : note, date }));
}

/** The court and its reference number on a referred case (特邀调解规定 Art. 24: filed with the court). */
export function courtParagraphs(c: CaseInput): ParagraphBlock[] {
  const r = c.courtReferral;
  if (!r) return [];
  const verb = r.mode === 'delegated' ? '委派' : '委托';
  return [
    { kind: 'paragraph', label: `${verb}法院：`, text: str(r.court), indent: false },
    { kind: 'paragraph', label: `${verb}调解案号：`, text: str(r.referenceNumber), indent: false },
  ];
}

export function sealText(centre: CentreInput): string {
  return `${str(centre.committeeName)}（印）`;
}

export function mediatorOfficials(input: DocumentInput, label = '人民调解员（签名）：'): Official[] {
  // One line per mediator on the case, the name printed under it: each signs (人民调解法 Art. 29
  // ¶2). At least one line, to be filled in by hand when nobody is assigned yet.
  const named = input.mediators.map((m) => str(m.name)).filter((n) => n !== '');
  return named.length === 0 ? [{ label, name: '' }] : named.map((name) => ({ label, name }));
}

/** The recorder's line, the name under it when known. */
export function recorderOfficial(name: string | null | undefined): Official {
  return { label: '记录人（签名）：', name: str(name) };
}

/** The session's place in the case ("第二次"), when it is among the case's sessions. */
export function sessionOrdinal(input: DocumentInput): number | null {
  const s = input.session;
  if (!s) return null;
  const i = input.sessions.findIndex((x) => x === s || (x.heldAt === s.heldAt && x.place === s.place));
  return i < 0 ? null : i + 1;
}
