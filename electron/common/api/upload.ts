/**
 * 设置 › 区级上传: the district server's address, the centre's token (write-only: only its masked
 * form ever comes back), the night window, a connection test, 立即上传 with its progress, and the
 * upload status with the rejected records and a way to send them again. District-api.md says
 * what goes over the wire; this is what the window sees of it.
 */
import { z } from 'zod';
import { op } from './contract';

/** The kinds of record that leave this installation (district-api.md, POST /api/v1/batches). */
export const RECORD_KINDS = ['case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What started an upload run, and how it ended (upload_runs). */
export const UPLOAD_TRIGGERS = ['schedule', 'manual', 'cli', 'catch-up'] as const;
export type UploadTrigger = (typeof UPLOAD_TRIGGERS)[number];
export const UPLOAD_RESULTS = ['ok', 'partial', 'failed'] as const;
export type UploadResult = (typeof UPLOAD_RESULTS)[number];

export const RECORD_KIND_LABELS: Readonly<Record<RecordKind, string>> = {
  case: '案件',
  party: '当事人',
  session: '调解记录',
  document: '文书',
  event: '事件',
  mediator: '调解员',
  confirmation: '司法确认',
  followup: '回访',
};

/** A kind's name for people; an unknown code (from a newer district) is shown as it is. */
// Any string: a kind the district names in its answer may be one this build does not know, and is shown as it is.
export const recordKindLabel = (kind: string): string => RECORD_KIND_LABELS[kind as RecordKind] ?? kind;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why an address cannot be the district server's (district-api.md "Transport"), or null. Pure: the form uses it too. */
export function serverUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '请输入完整的区平台地址，例如 https://district.example.cn';
  }
  if (url.username || url.password) return '地址中不能包含用户名或密码，令牌请单独填写';
  if (url.search || url.hash) return '地址中不能包含“?”或“#”后的内容';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return null;
  if (url.protocol === 'http:') return '区平台地址必须使用 HTTPS（仅本机测试地址 127.0.0.1 / localhost 可用 HTTP）';
  return '区平台地址应以 https:// 开头';
}

export const serverUrlField = z
  .string()
  .trim()
  .min(1, '请填写区平台地址')
  .max(500, '地址过长')
  .superRefine((v, ctx) => {
    const problem = serverUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Bearer tokens are visible ASCII (they go into an HTTP header). Empty: keep the saved one. */
export const tokenField = z
  .string()
  .trim()
  .max(4096, '令牌过长')
  .refine((v) => v === '' || /^[\x21-\x7e]+$/.test(v), '令牌只能包含英文字母、数字和符号，不能有空格或中文')
  .refine((v) => v === '' || v.length >= 8, '令牌太短，请核对区平台下发的令牌');

const time = (label: string) => z.string().regex(HHMM, `${label}格式应为 HH:MM，例如 01:00`);

export const uploadSettingsInput = z
  .object({
    serverUrl: serverUrlField,
    token: tokenField.optional(),
    windowStart: time('开始时间'),
    windowEnd: time('结束时间'),
  })
  .refine((v) => v.windowStart !== v.windowEnd, { path: ['windowEnd'], message: '结束时间不能与开始时间相同' });
export type UploadSettingsInput = z.input<typeof uploadSettingsInput>;

export const testConnectionInput = z
  .object({
    serverUrl: serverUrlField.optional(),
    token: tokenField.optional(),
  })
  .optional();

export const resendInput = z.object({
  kind: z.enum(RECORD_KINDS),
  recordId: z.string().trim().min(1).max(100),
});

export interface UploadSettingsView {
  serverUrl: string | null;
  tokenSet: boolean;
  /** e.g. "abcd************yz"; never the token itself. */
  tokenMasked: string | null;
  windowStart: string;
  windowEnd: string;
  centreCode: string | null;
}

export interface UploadRunView {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  trigger: UploadTrigger;
  result: UploadResult | null;
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  pending: number;
  message: string | null;
  reconciliation: {
    checkedAt: string;
    ok: boolean;
    local: Record<string, number>;
    server: Record<string, number> | null;
    differences: { kind: string; local: number; server: number }[];
    error?: string;
  } | null;
}

export interface RejectionView {
  kind: string;
  kindLabel: string;
  recordId: string;
  version: number;
  /** The case the record belongs to, to find it (null when it has none or it is gone). */
  caseNumber: string | null;
  message: string;
  at: string;
}

export interface UploadStatusView {
  configured: boolean;
  lastRun: UploadRunView | null;
  pending: number;
  inFlightBatches: number;
  rejections: RejectionView[];
  /** All rejections in force; `rejections` lists at most the 200 newest. */
  rejectionCount: number;
  /** The next automatic upload (night window or catch-up), when the scheduler runs in this process. */
  nextRunAt: string | null;
}

export interface UploadProgressView {
  running: boolean;
  runId: string | null;
  trigger: string | null;
  startedAt: string | null;
  phase: 'resend' | 'send' | 'reconcile' | null;
  /** Records waiting when the run started; `done` of them have been delivered (or refused). */
  total: number;
  done: number;
  percent: number;
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** An upload holds the lock in another process (`cli upload`, another desk). */
  elsewhere: boolean;
  /** How the last upload started here ended, for the message after the bar. */
  last: { runId: string | null; result: UploadResult; message: string } | null;
}

export const uploadOps = {
  'upload.settings.get': op<UploadSettingsView>()({ input: z.object({}).optional(), access: ['admin'], title: '查看区级上传设置' }),
  'upload.settings.save': op<UploadSettingsView>()({ input: uploadSettingsInput, access: ['admin'], title: '修改区级上传设置' }),
  'upload.testConnection': op<{ ok: boolean; message: string }>()({
    input: testConnectionInput,
    access: ['admin'],
    title: '测试区平台连接',
  }),
  'upload.runNow': op<{ runId: string }>()({ input: z.object({}).optional(), access: ['admin'], title: '立即上传' }),
  'upload.status': op<UploadStatusView>()({ input: z.object({}).optional(), access: ['admin'], title: '查看上传状态' }),
  'upload.progress': op<UploadProgressView>()({ input: z.object({}).optional(), access: ['admin'], title: '查看上传进度' }),
  'upload.resend': op<{ released: number }>()({ input: resendInput, access: ['admin'], title: '重新上传被拒记录' }),
};
