/**
 * The intake counter: citizens' self-service registration (kiosk) and the clerk's registration,
 * the review of registrations (accept into a case / merge with an open case / reject), thermal
 * tickets, the day's queue, the hall display, the citizens' progress lookup, and ticket printers.
 *
 * Public operations (no signed-in user: the kiosk and the hall screen) return nothing beyond the
 * citizen's own ticket, a status in plain words, or queue codes with desks.
 */
import { z } from 'zod';
import { categoryCodeSchema, type CategoryCode } from '../domain/categories';
import { LAST_DAY } from '../domain/dates';
import { idTypeSchema, validateIdNumber, validatePhone } from '../domain/identity';
import type { Status } from '../domain/lifecycle';
import type { RepeatMatch } from './cases';
import { op } from './contract';

// ---------------------------------------------------------------------------------------------
// Query codes: 8 characters a citizen can read off a ticket and type on a touch screen
// ---------------------------------------------------------------------------------------------

/**
 * 28 characters: digits and capitals without the pairs people confuse on paper and screens
 * (0/O, 1/I/L, 2/Z, 5/S, 8/B). 28^8 ≈ 3.8 × 10^11 codes; together with the last four digits of
 * the phone and the lookup rate limit, guessing one is hopeless.
 */
export const QUERY_CODE_ALPHABET = '23456789ACDEFGHJKMNPQRTUVWXY';
export const QUERY_CODE_LENGTH = 8;

/** 'K7Q2M9PD' → 'K7Q2-M9PD' (how tickets and screens show it). */
export function formatQueryCode(code: string): string {
  return code.length === QUERY_CODE_LENGTH ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** What a citizen typed (full-width, lower case, spaces, dashes) → the stored form, or null. */
export function normalizeQueryCode(input: string): string | null {
  const s = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/^MDQ:/, '')
    .replace(/[\s\-–—_·.]/g, '')
    // The letters left out of the alphabet are read as the digits they look like.
    .replace(/[BSZ]/g, (c) => ({ B: '8', S: '5', Z: '2' })[c] ?? c);
  if (s.length !== QUERY_CODE_LENGTH) return null;
  for (const ch of s) if (!QUERY_CODE_ALPHABET.includes(ch)) return null;
  return s;
}

/** The QR payload on the ticket: short, so the symbol stays large and easy to scan. */
export const queryCodeQrPayload = (code: string): string => `MDQ:${code}`;

// ---------------------------------------------------------------------------------------------
// What the citizen is told
// ---------------------------------------------------------------------------------------------

/** The most common kinds of dispute, for the kiosk's picture tiles (the rest are under 其他). */
export interface KioskCategory {
  code: CategoryCode;
  /** short, large on the tile */
  title: string;
  /** examples in everyday words */
  hint: string;
  /** name of the tile's icon (the renderer maps it) */
  icon: 'neighbor' | 'family' | 'house' | 'contract' | 'labor' | 'damages' | 'traffic' | 'property' | 'consumer' | 'other';
}

export const KIOSK_CATEGORIES: readonly KioskCategory[] = [
  { code: 'neighbor', title: '邻里纠纷', hint: '噪音、漏水、通道、占地', icon: 'neighbor' },
  { code: 'marriage_family', title: '婚姻家庭', hint: '离婚、赡养、抚养、继承', icon: 'family' },
  { code: 'housing_homestead', title: '房屋宅基地', hint: '租房、买房、宅基地边界', icon: 'house' },
  { code: 'contract', title: '借款合同', hint: '借钱不还、买卖、装修', icon: 'contract' },
  { code: 'labor', title: '劳动工资', hint: '拖欠工资、工伤、辞退', icon: 'labor' },
  { code: 'damages', title: '损害赔偿', hint: '受伤、财物损坏', icon: 'damages' },
  { code: 'traffic_accident', title: '交通事故', hint: '车辆碰撞、赔偿', icon: 'traffic' },
  { code: 'property_management', title: '物业纠纷', hint: '物业费、停车、维修', icon: 'property' },
  { code: 'consumer', title: '消费纠纷', hint: '商品质量、退款', icon: 'consumer' },
  { code: 'other', title: '其他纠纷', hint: '以上都不是', icon: 'other' },
];

/** Registrations not taken up as a case are deleted after this many days (retention.ts). */
export const INTAKE_RETENTION_DAYS = 180;

/**
 * The notice the citizen agrees to before submitting (人民调解法 Art. 3, 17: mediation is voluntary;
 * 个人信息保护法 Art. 17: what is collected, why, who sees it, for how long).
 */
export const CONSENT_NOTICE = {
  voluntary:
    '人民调解遵循自愿、平等的原则，不收取任何费用。您可以随时不再参加调解，也可以通过仲裁、行政、司法等途径维护自己的权利（《人民调解法》第三条、第十七条）。',
  what: '本中心将保存您填写的姓名、联系电话、身份证号码（如填写）、对方的姓名和电话（如填写）以及纠纷情况。',
  why: '这些信息仅用于受理和安排调解、与您和对方联系，以及向您告知办理进度。',
  who: '只有本中心的登记员和调解员可以查看，不会提供给其他单位或个人（法律另有规定的除外）。',
  howLong: `未受理的登记在 ${INTAKE_RETENTION_DAYS} 天后自动删除；受理后随调解卷宗按档案管理规定保存。`,
  agree: '我自愿申请人民调解，并同意本中心按上述方式使用我的个人信息。',
} as const;

/** Printed at the bottom of every ticket. */
export const TICKET_PRIVACY_LINE = '本小票含查询码，请妥善保管，勿交给他人。';

/** Where a registration stands, for the citizen: no names, no numbers, only the stage. */
export type LookupStage = 'waiting' | 'accepted' | 'mediating' | 'closed' | 'not_accepted';
export interface LookupResult {
  stage: LookupStage;
  /** e.g. 已登记，等待受理 */
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** Control and invisible formatting characters: never part of a name, they garble screens and printers. */
const INVISIBLE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;
const clean = (s: string) => s.replace(INVISIBLE, '').trim();
/** Text that keeps its line breaks (what happened). */
const cleanMultiline = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu, (c) => (c === '\n' ? c : ''))
    .replace(/\n{3,}/g, '\n\n')
    .trim();

const text = (label: string, max: number, required: boolean) =>
  z
    .string({ error: `请填写${label}` })
    .max(max * 2, `${label}不能超过 ${max} 个字`)
    .transform(clean)
    .refine((s) => !required || s.length > 0, `请填写${label}`)
    .refine((s) => s.length <= max, `${label}不能超过 ${max} 个字`);

const phoneField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .max(40, `${label}格式不正确`)
    .transform((v, ctx) => {
      const check = validatePhone(v);
      if (!check.ok) {
        ctx.addIssue({ code: 'custom', message: v.trim() === '' ? `请填写${label}` : check.message });
        return z.NEVER;
      }
      return check.normalized;
    });

export const INTAKE_CHANNELS = ['kiosk', 'clerk'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const MAX_NAME = 50;
export const MAX_DESCRIPTION = 500;

export const intakeInput = z
  .object({
    channel: z.enum(INTAKE_CHANNELS).default('kiosk'),
    category: categoryCodeSchema,
    name: text('姓名', MAX_NAME, true),
    phone: phoneField('联系电话'),
    idType: idTypeSchema.optional(),
    idNumber: z.string().max(60, '证件号码格式不正确').optional(),
    otherParty: text('对方姓名或名称', MAX_NAME, false).optional(),
    otherPartyPhone: z.string().max(40, '对方电话格式不正确').optional(),
    description: z
      .string({ error: '请简单说说发生了什么' })
      .max(MAX_DESCRIPTION * 2, `纠纷情况不能超过 ${MAX_DESCRIPTION} 个字`)
      .transform(cleanMultiline)
      .refine((s) => s.length > 0, '请简单说说发生了什么')
      .refine((s) => s.length <= MAX_DESCRIPTION, `纠纷情况不能超过 ${MAX_DESCRIPTION} 个字`),
    consent: z.literal(true, { error: '请阅读告知内容并勾选同意后再提交' }),
  })
  .strict()
  .transform((v, ctx) => {
    let idNumber: string | null = null;
    const rawId = (v.idNumber ?? '').replace(/\s+/g, '');
    if (rawId !== '') {
      // "Not after today" needs the clock: submitIntake checks it (services/intake/submit.ts).
      const check = validateIdNumber(v.idType ?? 'resident_id', rawId, LAST_DAY);
      if (check.ok) idNumber = check.normalized;
      else ctx.addIssue({ code: 'custom', path: ['idNumber'], message: check.message });
    }
    let otherPartyPhone = '';
    const rawOther = (v.otherPartyPhone ?? '').trim();
    if (rawOther !== '') {
      const check = validatePhone(rawOther);
      if (check.ok) otherPartyPhone = check.normalized;
      else ctx.addIssue({ code: 'custom', path: ['otherPartyPhone'], message: `对方电话：${check.message}` });
    }
    return {
      channel: v.channel,
      category: v.category,
      name: v.name,
      phone: v.phone,
      idType: idNumber ? (v.idType ?? 'resident_id') : null,
      idNumber,
      otherParty: v.otherParty ?? '',
      otherPartyPhone,
      description: v.description,
    };
  });
export type IntakeInput = z.input<typeof intakeInput>;
export type IntakeValues = z.output<typeof intakeInput>;

export const lookupInput = z
  .object({
    code: z.string({ error: '请输入查询码' }).max(30, '查询码为 8 位字母和数字'),
    phoneLast4: z
      .string({ error: '请输入手机号后四位' })
      .transform((s) => s.normalize('NFKC').trim())
      .refine((s) => /^\d{4}$/.test(s), '请输入登记时所留电话的后四位数字'),
  })
  .strict();

const id = z.string().min(1).max(64);
const printerId = z.string().min(1).max(64);

// ---------------------------------------------------------------------------------------------
// Outputs
// ---------------------------------------------------------------------------------------------

export interface PrintOutcome {
  printed: boolean;
  /** why not, in Chinese, with what to do (null when printed) */
  printError: string | null;
}

/** What the citizen gets: exactly what the ticket says, plus a short-lived token to reprint it. */
export interface TicketInfo extends PrintOutcome {
  queueCode: string;
  /** formatted, e.g. K7Q2-M9PD */
  queryCode: string;
  issuedAt: string;
  categoryLabel: string;
  registrationNumber: string;
  /** lets the kiosk reprint this one ticket for a few minutes, without a login */
  reprintToken: string;
}

export interface SubmitResult extends TicketInfo {
  /** the clerk's channel only; null for the kiosk (the citizen gets no internal ids) */
  intakeId: string | null;
}

export const INTAKE_STATUSES = ['pending', 'accepted', 'merged', 'rejected'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export const INTAKE_STATUS_LABELS: Record<IntakeStatus, string> = {
  pending: '待审核',
  accepted: '已受理立案',
  merged: '已并案',
  rejected: '不予受理',
};

export interface IntakeRow {
  id: string;
  createdAt: string;
  channel: IntakeChannel;
  category: CategoryCode;
  categoryLabel: string;
  name: string;
  phone: string;
  /** masked, as in every list */
  idNumber: string | null;
  otherParty: string;
  otherPartyPhone: string;
  description: string;
  status: IntakeStatus;
  caseId: string | null;
  caseNumber: string | null;
  rejectReason: string | null;
  reviewedAt: string | null;
  reviewerName: string | null;
  queueCode: string | null;
  registrationNumber: string;
}

export interface PendingIntake extends IntakeRow {
  /** open cases that share a party with this registration (same ID number, or name and phone) */
  repeats: RepeatMatch[];
}

export const QUEUE_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  waiting: '等候中',
  called: '已叫号',
  serving: '办理中',
  done: '已办结',
  no_show: '过号',
};

export interface QueueTicketRow {
  id: string;
  code: string;
  number: number;
  status: QueueStatus;
  createdAt: string;
  calledAt: string | null;
  calledByName: string | null;
  desk: string | null;
  finishedAt: string | null;
  intakeId: string | null;
  caseId: string | null;
  caseNumber: string | null;
  name: string | null;
  categoryLabel: string | null;
}

export interface QueueToday {
  day: string;
  /** this machine's desk (prefs.deskName), the default for calls */
  desk: string;
  tickets: QueueTicketRow[];
  counts: Record<QueueStatus, number>;
}

/** The hall screen: codes and desks only. */
export interface QueueDisplay {
  day: string;
  called: { code: string; desk: string; calledAt: string }[];
  waiting: number;
}

export interface PrinterView {
  id: string;
  name: string;
  uri: string;
  width: 58 | 80;
  /** the ticket printer of this machine */
  ticket: boolean;
}

export interface PrinterStatusView {
  id: string | null;
  name: string | null;
  uri: string | null;
  online: boolean;
  ready: boolean;
  paper: 'ok' | 'low' | 'out' | 'unknown';
  message: string;
  checkedAt: string;
}

export interface KioskInfo {
  centreName: string;
  centrePhone: string;
  idleSeconds: number;
  /** how long "还在操作吗？" waits before clearing */
  promptSeconds: number;
}

export interface CaseStatusRef {
  id: string;
  caseNumber: string;
  status: Status;
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

const REVIEWERS = ['intake', 'mediator', 'admin'] as const;
const COUNTER = ['intake', 'mediator', 'admin'] as const;

export const intakeOps = {
  'intake.kioskInfo': op<KioskInfo>()({ input: z.object({}).strict().optional(), access: 'public', title: '自助登记屏信息' }),
  'intake.submit': op<SubmitResult>()({ input: intakeInput, access: 'public', title: '登记纠纷' }),
  'intake.lookup': op<LookupResult>()({ input: lookupInput, access: 'public', title: '查询办理进度' }),
  /** The kiosk reprints with the token it got; staff reprint any registration's ticket by id. */
  'intake.reprint': op<PrintOutcome>()({
    input: z.union([z.object({ reprintToken: z.string().min(16).max(64) }).strict(), z.object({ intakeId: id }).strict()], {
      error: '请指定要重新打印的小票',
    }),
    access: 'public',
    title: '重新打印小票',
  }),
  'intake.list': op<{ rows: IntakeRow[]; total: number }>()({
    input: z.object({
      status: z.array(z.enum(INTAKE_STATUSES)).optional(),
      day: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
        .optional(),
      page: z.number().int().min(1).max(100000).default(1),
      pageSize: z.number().int().min(1).max(200).default(50),
    }),
    access: REVIEWERS,
    title: '登记列表',
  }),
  'intake.pending': op<PendingIntake[]>()({ input: z.object({}).optional(), access: REVIEWERS, title: '待审核登记' }),
  'intake.accept': op<CaseStatusRef>()({
    input: z.object({
      intakeId: id,
      title: z.string().trim().max(100, '纠纷简述不能超过 100 个字').optional(),
    }),
    access: REVIEWERS,
    title: '受理登记',
  }),
  'intake.merge': op<CaseStatusRef>()({
    input: z.object({ intakeId: id, caseId: z.string().min(1, '请选择要合并的案件').max(64) }),
    access: REVIEWERS,
    title: '合并到已有案件',
  }),
  'intake.reject': op<IntakeRow>()({
    input: z.object({
      intakeId: id,
      reason: z.string({ error: '请填写不予受理的理由' }).trim().min(1, '请填写不予受理的理由').max(500, '理由不能超过 500 个字'),
    }),
    access: REVIEWERS,
    title: '不予受理登记',
  }),
  'queue.today': op<QueueToday>()({ input: z.object({}).optional(), access: COUNTER, title: '今日排队' }),
  'queue.callNext': op<QueueTicketRow>()({
    input: z.object({ desk: z.string().trim().min(1).max(20, '窗口名称不能超过 20 个字').optional() }),
    access: COUNTER,
    title: '叫下一号',
  }),
  'queue.call': op<QueueTicketRow>()({
    input: z.object({ ticketId: id, desk: z.string().trim().min(1).max(20, '窗口名称不能超过 20 个字').optional() }),
    access: COUNTER,
    title: '叫号',
  }),
  'queue.setStatus': op<QueueTicketRow>()({
    input: z.object({ ticketId: id, status: z.enum(['waiting', 'serving', 'done', 'no_show'], { error: '状态无效' }) }),
    access: COUNTER,
    title: '更新排队状态',
  }),
  'queue.setDesk': op<{ desk: string }>()({
    input: z.object({
      desk: z.string({ error: '请填写窗口或调解室名称' }).trim().min(1, '请填写窗口或调解室名称').max(20, '窗口名称不能超过 20 个字'),
    }),
    access: COUNTER,
    title: '设置本机窗口',
  }),
  'queue.display': op<QueueDisplay>()({ input: z.object({}).strict().optional(), access: 'public', title: '叫号显示' }),
  'printers.list': op<PrinterView[]>()({ input: z.object({}).optional(), access: 'signed-in', title: '打印机列表' }),
  'printers.save': op<PrinterView[]>()({
    input: z.object({
      id: printerId.optional(),
      name: z.string({ error: '请填写打印机名称' }).trim().min(1, '请填写打印机名称').max(40, '打印机名称不能超过 40 个字'),
      address: z.string({ error: '请填写打印机地址' }).trim().min(1, '请填写打印机地址').max(220, '打印机地址太长'),
      width: z.union([z.literal(58), z.literal(80)], { error: '纸宽只能是 58 或 80 毫米' }),
      ticket: z.boolean().optional(),
    }),
    access: ['admin'],
    title: '保存打印机',
  }),
  'printers.remove': op<PrinterView[]>()({ input: z.object({ id: printerId }), access: ['admin'], title: '删除打印机' }),
  'printers.setTicket': op<PrinterView[]>()({ input: z.object({ id: printerId }), access: ['admin'], title: '选择小票打印机' }),
  'printers.test': op<PrintOutcome>()({ input: z.object({ id: printerId.optional() }), access: COUNTER, title: '测试打印' }),
  'printers.status': op<PrinterStatusView>()({ input: z.object({ id: printerId.optional() }), access: 'signed-in', title: '打印机状态' }),
};
