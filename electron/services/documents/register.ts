/**
 * The document register (table `documents`; DESIGN.md "Printing"): every printed document is
 * generated from the case as it is, registered with its type, version and content hash, and kept.
 *
 * - Generating a document whose content (the model's hash) equals the latest registered version of
 *   the same case, type and subject returns that version: reprinting unchanged content makes no new
 *   version. Changed content makes version N+1 (numbered per case and type), never overwriting an
 *   earlier file.
 * - The files live in the data dir: documents/<case number>/<type>-v<N>.docx, and next to it the
 *   model as <type>-v<N>.json, from which the HTML print view of that very version is rendered again.
 * - File first, row second: the files are written (temp file, then rename) inside the transaction
 *   that inserts the row and the audit event; if anything fails, the files are removed. A file
 *   without a row can only be left by a crash, and is overwritten by the next version N.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { documents } from '../../../db/schema';
import type { DocType, DocumentEntry, DocumentOption, DocumentPreview, GeneratedDocument } from '../../common/api/documents';
import { AppError } from '../../common/errors';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { bumpRow, loadCase } from '../cases/versioning';
import { inputFor, loadDocumentData, resolveSubject, subjectsFor, type CaseDocData, type Subject } from './assemble';
import { buildDocument, documentFits } from './builders';
import { contentHash, DOCUMENT_TYPE_CODES, DOCUMENT_TYPES, isDocumentType, type DocModel, type DocumentType } from './model';
import { renderHtml } from './render-html';

type Row = typeof documents.$inferSelect;

// The docx library is loaded on the first document, not with the app: a headless upload or an
// intake counter never needs it (about 11 MB of memory).
const renderDocx = async (model: DocModel): Promise<Buffer> => (await import('./render-docx')).renderDocx(model);

/** Characters no file system of the centre's machines accepts in a name (Windows is the strictest). */
export function sanitiseFileName(s: string): string {
  const cleaned = s
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '_')
    .replace(/[. ]+$/g, '')
    .trim();
  return cleaned === '' || /^\.+$/.test(cleaned) ? '' : cleaned;
}

const titleOf = (type: string): string => (isDocumentType(type) ? DOCUMENT_TYPES[type] : type);

function subjectLabels(data: CaseDocData): Map<string, string> {
  return new Map([...data.sessions, ...data.followups].map((s) => [s.id, s.label]));
}

function entry(row: Row, labels: Map<string, string>, latest: boolean): DocumentEntry {
  return {
    id: row.id,
    version: row.version,
    caseId: row.caseId,
    type: row.type as DocType,
    title: titleOf(row.type),
    docVersion: row.docVersion,
    subjectId: row.subjectId,
    subjectLabel: row.subjectId ? (labels.get(row.subjectId) ?? null) : null,
    contentHash: row.contentHash,
    filePath: row.filePath,
    generatedBy: row.generatedBy,
    generatedAt: row.generatedAt,
    printedAt: row.printedAt,
    printCount: row.printCount,
    signedCopyAt: row.signedCopyAt,
    latest,
  };
}

const sameSubject = (subjectId: string | null) =>
  subjectId === null ? sql`${documents.subjectId} IS NULL` : eq(documents.subjectId, subjectId);

/** The newest registered version of a case's document of this type and subject. */
function latestRow(ctx: Pick<ServiceContext, 'db'>, caseId: string, type: DocumentType, subjectId: string | null): Row | undefined {
  return ctx.db.orm
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.type, type), sameSubject(subjectId), eq(documents.deleted, false)))
    .orderBy(desc(documents.docVersion))
    .limit(1)
    .get();
}

function loadRow(ctx: Pick<ServiceContext, 'db'>, id: string): Row {
  const row = ctx.db.orm.select().from(documents).where(eq(documents.id, id)).get();
  if (!row || row.deleted) throw new AppError('NOT_FOUND', '找不到该文书登记记录');
  return row;
}

function entryOf(ctx: ServiceContext, row: Row): DocumentEntry {
  const latest = latestRow(ctx, row.caseId, row.type as DocumentType, row.subjectId);
  return entry(row, subjectLabels(loadDocumentData(ctx, row.caseId)), latest?.id === row.id);
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** The absolute path of a register entry's file; refused if it points outside the documents folder. */
function absolutePath(ctx: Pick<ServiceContext, 'paths'>, filePath: string): string {
  const abs = path.resolve(ctx.paths.root, filePath);
  const base = path.resolve(ctx.paths.documents) + path.sep;
  if (!abs.startsWith(base)) throw new AppError('REFUSED', `文书文件路径不在数据目录的文书文件夹中：${filePath}`);
  return abs;
}

const modelPathOf = (docxPath: string): string => docxPath.replace(/\.docx$/i, '.json');

/** Write through a temp file in the same folder, flushed, then renamed over the target. */
function writeFileAtomic(target: string, data: Buffer | string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function modelFileText(model: DocModel): string {
  return `${JSON.stringify(model, null, 1)}\n`;
}

function readModel(ctx: ServiceContext, row: Row): DocModel {
  const file = modelPathOf(absolutePath(ctx, row.filePath));
  let model: DocModel;
  try {
    model = JSON.parse(fs.readFileSync(file, 'utf8')) as DocModel;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('NOT_FOUND', `找不到该文书的内容文件（${path.basename(file)}${code ? `，${code}` : ''}），请重新制作该文书`);
  }
  if (contentHash(model) !== row.contentHash) {
    throw new AppError('REFUSED', `文书内容文件与登记的内容摘要不一致（${path.basename(file)}），文件可能被改动过；请重新制作该文书`);
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// What the case can have, preview
// ---------------------------------------------------------------------------------------------

/** Every document type, one option per session / follow-up for the per-subject types. */
export function documentOptions(ctx: ServiceContext, caseId: string): DocumentOption[] {
  const data = loadDocumentData(ctx, caseId);
  const out: DocumentOption[] = [];
  for (const type of DOCUMENT_TYPE_CODES) {
    const subjects: (Subject | null)[] = subjectsFor(data, type);
    if (subjects.length === 0) subjects.push(null);
    for (const subject of subjects) {
      const fit = documentFits(type, inputFor(data, type, subject));
      let reason = fit.ok ? null : fit.reason;
      if (!fit.ok && subject === null && reason?.startsWith('请先选择')) {
        reason = type === 'session-record' ? '本案还没有调解记录' : '本案还没有安排回访';
      }
      const latest = latestRow(ctx, caseId, type, subject?.id ?? null);
      out.push({
        type,
        title: DOCUMENT_TYPES[type],
        subjectId: subject?.id ?? null,
        subjectLabel: subject?.label ?? null,
        fits: fit.ok,
        reason,
        latestVersion: latest?.docVersion ?? null,
      });
    }
  }
  return out;
}

/** The model of a document as the case now is (REFUSED with the reason when it does not fit). */
export function currentModel(
  ctx: ServiceContext,
  caseId: string,
  type: DocumentType,
  subjectId?: string | null,
): { model: DocModel; subject: Subject | null; data: CaseDocData } {
  const data = loadDocumentData(ctx, caseId);
  const subject = resolveSubject(data, type, subjectId);
  return { model: buildDocument(type, inputFor(data, type, subject)), subject, data };
}

/** The print view of the document as the case now is, without registering anything. */
export function previewDocument(ctx: ServiceContext, caseId: string, type: DocumentType, subjectId?: string | null): DocumentPreview {
  const data = loadDocumentData(ctx, caseId);
  const subject = resolveSubject(data, type, subjectId);
  const input = inputFor(data, type, subject);
  const fit = documentFits(type, input);
  if (!fit.ok) return { type, title: DOCUMENT_TYPES[type], fits: false, reason: fit.reason, html: '', contentHash: null };
  const model = buildDocument(type, input);
  return { type, title: DOCUMENT_TYPES[type], fits: true, reason: null, html: renderHtml(model), contentHash: contentHash(model) };
}

// ---------------------------------------------------------------------------------------------
// Generate and register
// ---------------------------------------------------------------------------------------------

/** If the files of a reused version are gone, write them again: the same model, the same content. */
function restoreFiles(ctx: ServiceContext, row: Row, model: DocModel, docx: () => Promise<Buffer>): Promise<void> | void {
  const abs = absolutePath(ctx, row.filePath);
  const json = modelPathOf(abs);
  if (!fs.existsSync(json)) writeFileAtomic(json, modelFileText(model));
  if (!fs.existsSync(abs)) {
    ctx.logger.warn('document file missing; written again from the same content', { filePath: row.filePath });
    return docx().then((buf) => writeFileAtomic(abs, buf));
  }
}

/**
 * Generate a case's document and register it, or return the latest registered version when the
 * content is unchanged. REFUSED (with the reason) when the case cannot have that document.
 */
export async function generateDocument(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  type: DocumentType,
  subjectId?: string | null,
): Promise<GeneratedDocument> {
  if (!isDocumentType(type)) throw new AppError('VALIDATION', `未知的文书类型：${String(type)}`);
  // The .docx is rendered outside the transaction (it is asynchronous); inside, the model is built
  // again and must still have the same hash, else the case changed meanwhile and we start over.
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = currentModel(ctx, caseId, type, subjectId);
    const hash = contentHash(first.model);
    const subject = first.subject?.id ?? null;
    const existing = latestRow(ctx, caseId, type, subject);
    if (existing && existing.contentHash === hash) {
      await restoreFiles(ctx, existing, first.model, () => renderDocx(first.model));
      return { ...entry(existing, subjectLabels(first.data), true), created: false };
    }
    const docx = await renderDocx(first.model);
    const written: string[] = [];
    const register = ctx.db.sqlite.transaction((): GeneratedDocument | null => {
      const again = currentModel(ctx, caseId, type, subject);
      if (contentHash(again.model) !== hash) return null;
      const latest = latestRow(ctx, caseId, type, subject);
      if (latest && latest.contentHash === hash) return { ...entry(latest, subjectLabels(again.data), true), created: false };
      const c = loadCase(ctx, caseId);
      const max = ctx.db.orm
        .select({ n: sql<number | null>`max(${documents.docVersion})` })
        .from(documents)
        .where(and(eq(documents.caseId, caseId), eq(documents.type, type)))
        .get()?.n;
      const docVersion = (max ?? 0) + 1;
      const folder = sanitiseFileName(c.caseNumber) || c.id;
      const filePath = path.posix.join('documents', folder, `${type}-v${docVersion}.docx`);
      const abs = absolutePath(ctx, filePath);
      written.push(abs, modelPathOf(abs));
      writeFileAtomic(abs, docx);
      writeFileAtomic(modelPathOf(abs), modelFileText(again.model));
      const now = rfc3339(ctx.clock.now());
      const id = newId();
      ctx.db.orm
        .insert(documents)
        .values({
          id,
          version: 1,
          updatedAt: now,
          deleted: false,
          caseId,
          type,
          docVersion,
          subjectId: subject,
          contentHash: hash,
          filePath,
          generatedBy: actor.name,
          generatedAt: now,
          printCount: 0,
        })
        .run();
      recordAudit(ctx, actor, {
        operation: 'documents.generate',
        entityKind: 'document',
        entityId: id,
        caseId,
        summary: `制作文书：${DOCUMENT_TYPES[type]}（第${docVersion}版${again.subject ? `，${again.subject.label}` : ''}）`,
        after: { type, docVersion, subjectId: subject, contentHash: hash, filePath },
      });
      return { ...entry(loadRow(ctx, id), subjectLabels(again.data), true), created: true };
    });
    let result: GeneratedDocument | null;
    try {
      result = register.immediate();
    } catch (e) {
      // File first, row second: no row, no file.
      for (const f of written) fs.rmSync(f, { force: true });
      throw e;
    }
    if (result) return result;
  }
  throw new AppError('CONFLICT', '制作文书时案件正被他人修改，请稍后重试');
}

// ---------------------------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------------------------

/** A case's registered documents: by type (in the order of the types), then newest version first. */
export function listDocuments(ctx: ServiceContext, caseId: string): DocumentEntry[] {
  const data = loadDocumentData(ctx, caseId);
  const labels = subjectLabels(data);
  const rows = ctx.db.orm
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.deleted, false)))
    .orderBy(asc(documents.type), desc(documents.docVersion))
    .all();
  const order = (t: string) => (DOCUMENT_TYPE_CODES as string[]).indexOf(t);
  const seen = new Set<string>();
  return rows
    .sort((a, b) => order(a.type) - order(b.type) || b.docVersion - a.docVersion)
    .map((r) => {
      const key = `${r.type}\u0000${r.subjectId ?? ''}`;
      const latest = !seen.has(key);
      seen.add(key);
      return entry(r, labels, latest);
    });
}

export function getDocument(ctx: ServiceContext, id: string): DocumentEntry {
  return entryOf(ctx, loadRow(ctx, id));
}

/** The printer took the document: printedAt and one more print. */
export function markPrinted(ctx: ServiceContext, actor: Actor, id: string): DocumentEntry {
  ctx.db.sqlite
    .transaction(() => {
      const row = loadRow(ctx, id);
      const now = rfc3339(ctx.clock.now());
      bumpRow(ctx, documents, id, row.version, { printedAt: now, printCount: row.printCount + 1 });
      recordAudit(ctx, actor, {
        operation: 'documents.print',
        entityKind: 'document',
        entityId: id,
        caseId: row.caseId,
        summary: `打印文书：${titleOf(row.type)}（第${row.docVersion}版，第${row.printCount + 1}次打印）`,
        before: { printedAt: row.printedAt, printCount: row.printCount },
        after: { printedAt: now, printCount: row.printCount + 1 },
      });
    })
    .immediate();
  return getDocument(ctx, id);
}

/** The copy signed by the parties came back (or, `received: false`, that was recorded by mistake). */
export function markSigned(ctx: ServiceContext, actor: Actor, id: string, received = true): DocumentEntry {
  ctx.db.sqlite
    .transaction(() => {
      const row = loadRow(ctx, id);
      if (received === (row.signedCopyAt !== null)) return;
      const at = received ? rfc3339(ctx.clock.now()) : null;
      bumpRow(ctx, documents, id, row.version, { signedCopyAt: at });
      recordAudit(ctx, actor, {
        operation: received ? 'documents.signed' : 'documents.unsigned',
        entityKind: 'document',
        entityId: id,
        caseId: row.caseId,
        summary: `${received ? '已收回签字件' : '撤销收回签字件登记'}：${titleOf(row.type)}（第${row.docVersion}版）`,
        before: { signedCopyAt: row.signedCopyAt },
        after: { signedCopyAt: at },
      });
    })
    .immediate();
  return getDocument(ctx, id);
}

/** The registered .docx, byte for byte, and a file name for saving it. */
export function documentDocx(ctx: ServiceContext, id: string): { buffer: Buffer; fileName: string } {
  const row = loadRow(ctx, id);
  const abs = absolutePath(ctx, row.filePath);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(abs);
  } catch (e) {
    throw new AppError(
      'NOT_FOUND',
      `找不到该文书的文件（${row.filePath}，${(e as NodeJS.ErrnoException).code ?? '无法读取'}），请重新制作该文书`,
    );
  }
  const c = loadCase(ctx, row.caseId);
  const fileName = `${sanitiseFileName(c.caseNumber) || c.id}-${titleOf(row.type)}-第${row.docVersion}版.docx`;
  return { buffer, fileName };
}

/** The HTML print view of a registered version, rendered from its stored model. */
export function documentHtml(ctx: ServiceContext, id: string): { html: string; title: string; model: DocModel } {
  const row = loadRow(ctx, id);
  const model = readModel(ctx, row);
  return { html: renderHtml(model), title: model.title, model };
}
