/**
 * Printed A4 documents of a case (DESIGN.md "Printing"): which ones the case can have, a preview
 * of the print view, and the register of documents generated (every printed document is
 * registered with its version and content hash; reprinting unchanged content reuses the version).
 *
 * Pure (zod only): the renderer imports it. The document model (services/documents/model.ts) uses
 * the same table of type codes and titles.
 */
import { z } from 'zod';
import { op } from './contract';

/**
 * The one table of document types: the stable code (stored in the register, typed on the CLI) and
 * the title people know the document by. services/documents/model.ts re-exports it.
 */
export const DOC_TYPE_TITLES = {
  application: '人民调解申请书',
  'intake-form': '人民调解受理登记表',
  'rights-notice': '人民调解权利义务告知书',
  'investigation-record': '人民调解调查记录',
  'session-record': '人民调解记录',
  agreement: '人民调解协议书',
  'undisputed-facts': '无争议事实记载',
  'confirmation-application': '司法确认申请书',
  'followup-record': '人民调解回访记录',
  'termination-notice': '终止调解告知书',
  'court-result-report': '委派（委托）调解结果报告',
  'file-cover': '卷宗封面及卷内目录',
  'case-file': '人民调解卷宗（全卷）',
} as const;

export type DocType = keyof typeof DOC_TYPE_TITLES;
export const DOC_TYPE_CODES = Object.keys(DOC_TYPE_TITLES) as [DocType, ...DocType[]];
export const docTypeSchema = z.enum(DOC_TYPE_CODES, { error: `文书类型应为${Object.values(DOC_TYPE_TITLES).join('、')}之一` });

/** The types printed once per session (调解记录) or per follow-up visit (回访记录): they need a subject. */
export const SUBJECT_KIND: Readonly<Record<DocType, 'session' | 'followup' | null>> = {
  application: null,
  'intake-form': null,
  'rights-notice': null,
  'investigation-record': null,
  'session-record': 'session',
  agreement: null,
  'undisputed-facts': null,
  'confirmation-application': null,
  'followup-record': 'followup',
  'termination-notice': null,
  'court-result-report': null,
  'file-cover': null,
  'case-file': null,
};

/** One document the case could have: a type, and for per-session / per-visit types one subject. */
export interface DocumentOption {
  type: DocType;
  title: string;
  /** The session or follow-up it is printed for; null for the other types. */
  subjectId: string | null;
  /** "第2次调解（2026年3月17日）", "回访（应回访日 2026-04-01）". */
  subjectLabel: string | null;
  fits: boolean;
  /** Why the case cannot have it (in Chinese), when it does not fit. */
  reason: string | null;
  /** The latest registered version for this type and subject, if any. */
  latestVersion: number | null;
}

/** One row of the document register (table `documents`). */
export interface DocumentEntry {
  id: string;
  version: number;
  caseId: string;
  type: DocType;
  title: string;
  /** 1, 2, … per case and type: a changed content makes a new version, never overwriting one. */
  docVersion: number;
  subjectId: string | null;
  subjectLabel: string | null;
  /** sha256 (hex) of the document model. */
  contentHash: string;
  /** Relative to the data dir, e.g. documents/（2026）牧调字第0001号/agreement-v1.docx. */
  filePath: string;
  generatedBy: string;
  generatedAt: string;
  printedAt: string | null;
  printCount: number;
  signedCopyAt: string | null;
  /** The newest version of its type and subject (older ones are kept, shown as superseded). */
  latest: boolean;
}

export interface GeneratedDocument extends DocumentEntry {
  /** false: the latest registered version had the same content and is returned as it is. */
  created: boolean;
}

export interface DocumentPreview {
  type: DocType;
  title: string;
  fits: boolean;
  reason: string | null;
  /** The standalone print view (empty when the document does not fit). */
  html: string;
  /** What the register would store; null when it does not fit. */
  contentHash: string | null;
}

const MEDIATOR_ROLES = ['mediator', 'court_mediator', 'admin'] as const;
const ALL_STAFF = ['intake', 'mediator', 'court_mediator', 'admin'] as const;

const caseId = z.string().min(1, '请指定案件');
const docRef = z.object({ id: z.string().min(1, '请指定文书') });
const docRequest = z.object({ caseId, type: docTypeSchema, subjectId: z.string().min(1).optional().nullable() });

export const documentsOps = {
  'documents.types': op<DocumentOption[]>()({ input: z.object({ caseId }), access: MEDIATOR_ROLES, title: '可制作的文书' }),
  'documents.preview': op<DocumentPreview>()({ input: docRequest, access: MEDIATOR_ROLES, title: '预览文书' }),
  'documents.generate': op<GeneratedDocument>()({ input: docRequest, access: MEDIATOR_ROLES, title: '制作文书' }),
  'documents.list': op<DocumentEntry[]>()({ input: z.object({ caseId }), access: ALL_STAFF, title: '文书登记' }),
  'documents.html': op<{ html: string; title: string }>()({ input: docRef, access: MEDIATOR_ROLES, title: '文书打印视图' }),
  'documents.docx': op<{ base64: string; fileName: string }>()({ input: docRef, access: MEDIATOR_ROLES, title: '下载文书' }),
  'documents.markPrinted': op<DocumentEntry>()({ input: docRef, access: MEDIATOR_ROLES, title: '登记文书打印' }),
  'documents.markSigned': op<DocumentEntry>()({
    input: docRef.extend({ received: z.boolean().default(true) }),
    access: MEDIATOR_ROLES,
    title: '登记收回签字件',
  }),
};
