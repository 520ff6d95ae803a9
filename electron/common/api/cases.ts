/**
 * Cases at the mediator's desk: registration, parties, the life cycle, sessions, deadlines,
 * the list, search and the case page.
 */
import { z } from 'zod';
import { categoryCodeSchema } from '../domain/categories';
import { isoDateSchema, LAST_DAY } from '../domain/dates';
import { idTypeSchema, validateCreditCode, validateIdNumber, validatePhone } from '../domain/identity';
import { actionSchema, statusSchema, type ActionCode, type Status, type StoredOutcome } from '../domain/lifecycle';
import { fenSchema } from '../domain/money';
import { sessionKindSchema, type SessionKind } from '../domain/sessionKinds';
import { sourceCodeSchema } from '../domain/sources';
import { tierSchema, type Tier } from '../domain/tiers';
import type { CasePermissions } from '../access';
import type { DeadlineState } from '../domain/deadlines';
import type { AgreementDetails, Reporter, UndisputedDetails } from './case-details';
import { op } from './contract';
import { optionalText, requiredText } from './fields';
import { TEXT_LIMITS, tooLongMessage } from './limits';

/** The longest text field (a summary of facts): generous for a real case, bounded against abuse. */
export const MAX_LONG_TEXT = TEXT_LIMITS.longText;

/** An amount in fen (分), as every amount travels: the forms parse what the user typed in yuan (parseYuan). */
const fen = fenSchema.optional();

// The code lists of a party and of a mediator's place on a case: the schema's columns take their types from
// these, and migration 0014's triggers make SQLite refuse anything else (db/code-checks.ts).
export const PARTY_ROLES = ['applicant', 'respondent', 'third_party', 'agent'] as const;
export const PARTY_KINDS = ['person', 'org'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];
/** An agent's authority: 一般授权 / 特别授权. */
export const AGENT_AUTHORITIES = ['general', 'special'] as const;
export type AgentAuthority = (typeof AGENT_AUTHORITIES)[number];
export const CASE_MEDIATOR_ROLES = ['lead', 'assistant'] as const;
export type CaseMediatorRole = (typeof CASE_MEDIATOR_ROLES)[number];
/** Whether the parties chose the mediator or the centre assigned one. */
export const CHOSEN_BY = ['parties', 'assigned'] as const;
export type ChosenBy = (typeof CHOSEN_BY)[number];

export const partyRoleSchema = z.enum(PARTY_ROLES, { error: '请选择当事人身份' });
export type PartyRole = z.infer<typeof partyRoleSchema>;
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '代理人',
};

export const partyInput = z
  .object({
    role: partyRoleSchema,
    kind: z.enum(PARTY_KINDS, { error: '请选择自然人或单位' }),
    name: requiredText('姓名或名称', TEXT_LIMITS.partyName),
    sex: z.enum(SEXES).optional().nullable(),
    birthDate: isoDateSchema.optional().nullable(),
    ethnicity: optionalText('民族', TEXT_LIMITS.ethnicity),
    occupation: optionalText('职业或职务', TEXT_LIMITS.shortName),
    idType: idTypeSchema.optional().nullable(),
    idNumber: optionalText('证件号码', 50),
    creditCode: optionalText('统一社会信用代码', 18),
    legalRepresentative: optionalText('法定代表人', TEXT_LIMITS.shortName),
    phone: optionalText('联系电话', 30),
    address: optionalText('住址', TEXT_LIMITS.address),
    /** Agents: index (in the same request) or id of the party they act for. */
    representsIndex: z.number().int().min(0).optional().nullable(),
    representsId: z.string().optional().nullable(),
    authority: z.enum(AGENT_AUTHORITIES).optional().nullable(),
  })
  .superRefine((p, ctx) => {
    // Whether a date lies in the future depends on the app's clock, which a schema does not have: the
    // service checks that (refuseFutureDates in services/cases/parties.ts). Here, everything else.
    if (p.idNumber) {
      const check = validateIdNumber(p.idType ?? 'resident_id', p.idNumber, LAST_DAY);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.message });
    }
    if (p.creditCode) {
      const check = validateCreditCode(p.creditCode);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['creditCode'], message: check.message });
    }
    if (p.phone) {
      const check = validatePhone(p.phone);
      if (!check.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: check.message });
    }
    if (p.kind === 'org' && p.role === 'agent') ctx.addIssue({ code: 'custom', path: ['kind'], message: '代理人应为自然人' });
  });
export type PartyInput = z.input<typeof partyInput>;

export const reporterInput = z
  .object({
    name: optionalText('上报人姓名', 50),
    grid: optionalText('网格', 100),
    reference: optionalText('转办文号', 100),
    organisation: optionalText('上报单位', 100),
    phone: optionalText('上报人电话', 30),
  })
  .optional()
  .nullable();

const summary = z.string().max(MAX_LONG_TEXT, tooLongMessage('事实经过', MAX_LONG_TEXT)).default('');
const claims = z.string().max(TEXT_LIMITS.mediumText, tooLongMessage('争议事项', TEXT_LIMITS.mediumText)).default('');

export const registerCaseInput = z.object({
  title: requiredText('纠纷简述', TEXT_LIMITS.title),
  category: categoryCodeSchema,
  source: sourceCodeSchema,
  tier: tierSchema,
  summary,
  claims,
  amountFen: fen,
  reporter: reporterInput,
  parties: z
    .array(partyInput)
    .min(1, '至少填写一名当事人')
    .max(50, '当事人不能超过 50 名')
    .refine((ps) => ps.some((p) => p.role === 'applicant'), '至少要有一名申请人'),
  intakeId: z.string().optional(),
  repeatPetition: z.boolean().optional(),
});
export type RegisterCaseInput = z.input<typeof registerCaseInput>;

export const caseFieldsPatch = z.object({
  title: requiredText('纠纷简述', TEXT_LIMITS.title).optional(),
  category: categoryCodeSchema.optional(),
  summary: summary.optional(),
  claims: claims.optional(),
  amountFen: fen,
  reporter: reporterInput,
  leadUnit: optionalText('牵头单位', 100).nullable(),
  coUnits: z.array(requiredText('协办单位', 100)).max(20).optional(),
  responsibleLeader: optionalText('包案领导', 50).nullable(),
  responsiblePerson: optionalText('责任人', 50).nullable(),
  repeatPetition: z.boolean().optional(),
  preventedCriminalPeople: z.number().int().min(0).max(10000).optional(),
  preventedPetitionPeople: z.number().int().min(0).max(100000).optional(),
});

export const agreementInput = z.object({
  responsibility: z.string().max(5000, '责任认定不能超过 5000 字').optional(),
  terms: z
    .array(z.string().trim().min(1, '协议条款不能为空').max(5000, '每条协议条款不能超过 5000 字'))
    .max(100, '协议条款不能超过 100 条'),
  performanceMethod: optionalText('履行方式', 500),
  performancePlace: optionalText('履行地点', 200),
  performanceDeadline: isoDateSchema.optional(),
  oral: z.boolean().optional(),
});

export const undisputedInput = z.object({
  consent: z.boolean(),
  facts: z.array(z.string().trim().min(1, '事实不能为空').max(5000)).max(100),
  disputedPoints: z.array(z.string().trim().min(1).max(5000)).max(100),
  failureReason: z.string().trim().max(5000),
  place: optionalText('地点', 200),
  /** The day the facts were recorded with the parties; absent: kept as saved, or today on the first save. */
  recordedOn: isoDateSchema.optional(),
});

const caseRef = { id: z.string().min(1), version: z.number().int().min(1) };

export const stepInput = z.object({
  ...caseRef,
  action: actionSchema,
  reason: optionalText('理由', 2000),
  targetUnit: optionalText('移交单位', 100),
  /** agree: the agreement's details (may also be filled in later) */
  agreement: agreementInput.optional(),
  agreedAmountFen: fen,
  agreementEffectiveAt: isoDateSchema.optional(),
});

export const sessionInput = z.object({
  /** 调解 (a session, 调解记录) or 调查 (an investigation, 调查记录); older clients send none: 调解. */
  kind: sessionKindSchema.default('mediation'),
  heldAt: z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?/, '请填写时间'),
  place: requiredText('地点', TEXT_LIMITS.place),
  participants: requiredText('参加人员', TEXT_LIMITS.participants),
  record: z.string().max(MAX_LONG_TEXT, tooLongMessage('调解情况', MAX_LONG_TEXT)).default(''),
  recorder: optionalText('记录人', TEXT_LIMITS.recorder),
  mediatorId: z.string().optional().nullable(),
});

export const listCasesInput = z.object({
  status: z.array(statusSchema).optional(),
  category: z.array(categoryCodeSchema).optional(),
  source: z.array(sourceCodeSchema).optional(),
  tier: z.array(tierSchema).optional(),
  mediatorId: z.string().optional(),
  overdue: z.boolean().optional(),
  open: z.boolean().optional(),
  registeredFrom: isoDateSchema.optional(),
  registeredTo: isoDateSchema.optional(),
  sort: z.enum(['registeredAt', 'deadline', 'caseNumber', 'updatedAt']).default('registeredAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.number().int().min(1).max(100000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
export type ListCasesInput = z.input<typeof listCasesInput>;

/**
 * What every list of cases shows of a case: the desk's list (CaseRow), the supervision list
 * (court.ts SupervisionRow), the key cases and the cases behind a figure (stats.ts KeyCaseRow,
 * StatsCaseRow) each extend it with what that list adds.
 */
export interface CaseRowBase {
  id: string;
  caseNumber: string;
  title: string;
  category: string;
  tier: Tier;
  status: Status;
  registeredAt: string;
  deadline: string | null;
}

export interface CaseRow extends CaseRowBase {
  version: number;
  source: string;
  deadlineState: DeadlineState;
  daysLeft: number | null;
  /** Working days left (negative: working days since it passed); null when closed or no deadline. */
  workingDaysLeft: number | null;
  /** How a holiday or weekend moved the deadline ("原到期日 10-01 为国庆假期，顺延"), else null. */
  deadlineNote: string | null;
  /** "张三 诉 李四" style names, for the list. */
  partyNames: string;
  mediatorNames: string;
}

export interface PartyView {
  id: string;
  version: number;
  role: PartyRole;
  kind: PartyKind;
  name: string;
  sex: Sex | null;
  birthDate: string | null;
  ethnicity: string | null;
  occupation: string | null;
  idType: string | null;
  idNumber: string | null;
  creditCode: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  representsId: string | null;
  authority: AgentAuthority | null;
}

export interface SessionView {
  id: string;
  version: number;
  kind: SessionKind;
  heldAt: string;
  place: string;
  participants: string;
  record: string;
  recorder: string;
  mediatorId: string | null;
}

export interface MediatorRef {
  id: string;
  name: string;
  kind: string;
  organisation: string;
  role: 'lead' | 'assistant';
  chosenBy: 'parties' | 'assigned';
}

export interface TimelineEntry {
  id: string;
  at: string;
  actorName: string;
  operation: string;
  summary: string;
}

export interface CaseDetail {
  id: string;
  version: number;
  updatedAt: string;
  caseNumber: string;
  title: string;
  category: string;
  source: string;
  tier: Tier;
  originTier: Tier;
  status: Status;
  summary: string;
  claims: string;
  amountFen: number | null;
  agreedAmountFen: number | null;
  reporter: Reporter | null;
  registeredAt: string;
  acceptedAt: string | null;
  deadline: string | null;
  deadlineState: DeadlineState;
  daysLeft: number | null;
  /** Working days left (negative: working days since it passed); null when closed or no deadline. */
  workingDaysLeft: number | null;
  /** How a holiday or weekend moved the deadline ("原到期日 10-01 为国庆假期，顺延"), else null. */
  deadlineNote: string | null;
  closedAt: string | null;
  outcome: StoredOutcome | null;
  outcomeAt: string | null;
  outcomeNote: string | null;
  rejectReason: string | null;
  leadUnit: string | null;
  coUnits: string[];
  responsibleLeader: string | null;
  responsiblePerson: string | null;
  escalatedAt: string | null;
  transferredTo: string | null;
  repeatPetition: boolean;
  preventedCriminalPeople: number;
  preventedPetitionPeople: number;
  /** 历史导入: where the case came from ("王村台账.xlsx 第 4 行"); null for the centre's own cases. */
  importedFrom: string | null;
  agreement: AgreementDetails | null;
  agreementEffectiveAt: string | null;
  undisputed: UndisputedDetails | null;
  parties: PartyView[];
  mediators: MediatorRef[];
  sessions: SessionView[];
  timeline: TimelineEntry[];
  availableActions: ActionCode[];
  /** What the caller may do with this case (common/access.ts): screens hide what would be refused. */
  permissions: CasePermissions;
}

export interface RepeatMatch {
  caseId: string;
  caseNumber: string;
  title: string;
  status: Status;
  partyName: string;
  /** Why it matched: 证件号码相同 / 姓名和电话相同 */
  reason: string;
}

export interface SearchHit {
  id: string;
  caseNumber: string;
  title: string;
  status: Status;
  registeredAt: string;
  /** The party that matched, masked as in lists. */
  matchedParty: string | null;
  matchedOn: 'caseNumber' | 'courtReference' | 'name' | 'phone' | 'idNumber' | 'title';
}

export interface DeskSummary {
  today: string;
  /** From December while next year's holiday schedule is missing (domain/calendar), else null. */
  calendarWarning: string | null;
  overdue: CaseRow[];
  dueSoon: CaseRow[];
  counts: { open: number; mine: number; registered: number; mediating: number };
}

const MEDIATOR_ROLES = ['mediator', 'court_mediator', 'admin'] as const;
const ALL_STAFF = ['intake', 'mediator', 'court_mediator', 'admin'] as const;

export const casesOps = {
  'cases.register': op<CaseDetail>()({ input: registerCaseInput, access: ALL_STAFF, title: '登记案件' }),
  'cases.checkRepeat': op<RepeatMatch[]>()({
    input: z.object({
      parties: z
        .array(
          z.object({ name: z.string().max(100).optional(), idNumber: z.string().max(50).optional(), phone: z.string().max(30).optional() }),
        )
        .max(50),
      excludeCaseId: z.string().optional(),
    }),
    access: ALL_STAFF,
    title: '重复纠纷提示',
  }),
  'cases.get': op<CaseDetail>()({ input: z.object({ id: z.string().min(1) }), access: ALL_STAFF, title: '查看案件' }),
  'cases.list': op<{ rows: CaseRow[]; total: number; page: number; pageSize: number }>()({
    input: listCasesInput,
    access: ALL_STAFF,
    title: '案件列表',
  }),
  'cases.search': op<SearchHit[]>()({
    input: z.object({
      q: z.string().trim().min(1, '请输入案号、姓名、电话或证件号码').max(50, '搜索内容不能超过 50 个字'),
      limit: z.number().int().min(1).max(100).default(30),
    }),
    access: ALL_STAFF,
    title: '搜索案件',
  }),
  'cases.desk': op<DeskSummary>()({ input: z.object({}).optional(), access: ALL_STAFF, title: '今日待办' }),
  'cases.update': op<CaseDetail>()({ input: z.object({ ...caseRef, patch: caseFieldsPatch }), access: MEDIATOR_ROLES, title: '修改案件' }),
  'cases.step': op<CaseDetail>()({ input: stepInput, access: MEDIATOR_ROLES, title: '办理案件' }),
  'cases.setDeadline': op<CaseDetail>()({
    input: z.object({ ...caseRef, deadline: isoDateSchema, reason: requiredText('调整理由', 500) }),
    access: MEDIATOR_ROLES,
    title: '调整化解期限',
  }),
  'cases.escalate': op<CaseDetail>()({
    input: z.object({ ...caseRef, reason: requiredText('上报理由', 1000) }),
    access: MEDIATOR_ROLES,
    title: '上报上级',
  }),
  'cases.setAgreement': op<CaseDetail>()({
    input: z.object({ ...caseRef, agreement: agreementInput, agreedAmountFen: fen, agreementEffectiveAt: isoDateSchema.optional() }),
    access: MEDIATOR_ROLES,
    title: '编辑协议内容',
  }),
  'cases.setUndisputed': op<CaseDetail>()({
    input: z.object({ ...caseRef, undisputed: undisputedInput }),
    access: MEDIATOR_ROLES,
    title: '编辑无争议事实',
  }),
  'cases.assignMediator': op<CaseDetail>()({
    input: z.object({
      ...caseRef,
      mediatorId: z.string().min(1, '请选择调解员'),
      role: z.enum(CASE_MEDIATOR_ROLES).default('lead'),
      chosenBy: z.enum(CHOSEN_BY).default('assigned'),
    }),
    access: MEDIATOR_ROLES,
    title: '指派调解员',
  }),
  'cases.unassignMediator': op<CaseDetail>()({
    input: z.object({ ...caseRef, mediatorId: z.string().min(1) }),
    access: MEDIATOR_ROLES,
    title: '取消指派',
  }),
  'parties.add': op<CaseDetail>()({ input: z.object({ ...caseRef, party: partyInput }), access: ALL_STAFF, title: '添加当事人' }),
  'parties.update': op<CaseDetail>()({
    input: z.object({ caseId: z.string().min(1), partyId: z.string().min(1), partyVersion: z.number().int().min(1), party: partyInput }),
    access: ALL_STAFF,
    title: '修改当事人',
  }),
  'parties.remove': op<CaseDetail>()({
    input: z.object({ ...caseRef, partyId: z.string().min(1) }),
    access: MEDIATOR_ROLES,
    title: '删除当事人',
  }),
  'sessions.add': op<CaseDetail>()({
    input: z.object({ caseId: z.string().min(1), session: sessionInput }),
    access: MEDIATOR_ROLES,
    title: '记录调解',
  }),
  'sessions.update': op<CaseDetail>()({
    input: z.object({
      caseId: z.string().min(1),
      sessionId: z.string().min(1),
      sessionVersion: z.number().int().min(1),
      session: sessionInput,
    }),
    access: MEDIATOR_ROLES,
    title: '修改调解记录',
  }),
};
