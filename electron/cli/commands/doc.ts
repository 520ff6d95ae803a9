/**
 * `doc`: writes one document of a case to a file, as the case page's 打印 would print it:
 * `.docx` (the registered Word file) or `.pdf` (the HTML print view rendered by Chromium).
 *
 * The document is generated and registered first (like the UI: unchanged content reuses the
 * latest registered version, changed content makes a new one), then written out. A document the
 * case cannot have (an agreement for a failed mediation) is refused with the reason, exit 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { formatCaseNumber, parseCaseNumber } from '../../common/domain';
import { AppError } from '../../common/errors';
import { cliActor, type ServiceContext } from '../../services/core/context';
import { dataPaths } from '../../services/data-dir';
import { loadDocumentData, subjectsFor } from '../../services/documents/assemble';
import { DOCUMENT_TYPE_CODES, DOCUMENT_TYPES, isDocumentType, type DocModel, type DocumentType } from '../../services/documents/model';
import { bundleSections, partStartPages, pdfPages } from '../../services/documents/part-pages';
import { documentDocx, documentHtml, generateDocument } from '../../services/documents/register';
import { renderHtml } from '../../services/documents/render-html';
import { action, out, required, withServices } from '../support';

/**
 * Debian's Chromium: the one browser the PDF rendering uses (never downloaded). Another path can be
 * given in MEDIATION_CHROMIUM_PATH (e.g. /usr/bin/chromium-browser on other distributions).
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const chromiumPath = (): string => process.env.MEDIATION_CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;

interface DocOptions {
  dataDir?: string;
  case?: string;
  type?: string;
  out?: string;
  session?: string;
  followup?: string;
}

function findCase(ctx: ServiceContext, raw: string): { id: string; caseNumber: string } {
  const byNumber = ctx.db.sqlite.prepare('SELECT id, case_number AS caseNumber FROM cases WHERE case_number = ? AND deleted = 0');
  const given = raw.normalize('NFC').trim();
  let c = byNumber.get(given) as { id: string; caseNumber: string } | undefined;
  // Half-width brackets or spaces typed on a terminal: try the canonical form.
  const parts = c ? null : parseCaseNumber(given);
  if (!c && parts) c = byNumber.get(formatCaseNumber(parts)) as typeof c;
  if (!c) throw new AppError('NOT_FOUND', `找不到案号为“${given}”的案件 / no case with number ${given}`);
  return c;
}

function ordinal(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const v = raw.trim();
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new AppError('VALIDATION', `${flag} 应为从 1 开始的序号（收到“${raw}”）/ ${flag} must be a number from 1`);
  return Number(v);
}

/** Minimal shape of what we use from playwright-core, loaded only for a PDF. */
interface PdfBrowser {
  newPage(): Promise<{
    setContent(html: string, o: { waitUntil: 'load' }): Promise<void>;
    evaluate(s: string): Promise<unknown>;
    pdf(o: Record<string, unknown>): Promise<Buffer>;
  }>;
  close(): Promise<void>;
}

async function launchChromium(): Promise<PdfBrowser> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new AppError(
      'REFUSED',
      `生成 PDF 需要 Chromium（${executablePath}），本机没有；请改用 .docx 输出 / PDF output needs Chromium at ${executablePath}; write a .docx file instead`,
    );
  }
  // A computed specifier: the Electron bundle must not try to include playwright (a dev tool).
  const spec = 'playwright-core';
  let mod: { chromium: { launch(o: Record<string, unknown>): Promise<PdfBrowser> } };
  try {
    mod = (await import(/* @vite-ignore */ spec)) as typeof mod;
  } catch {
    throw new AppError(
      'REFUSED',
      `生成 PDF 需要 playwright-core 和 Chromium，本机不可用；请改用 .docx 输出 / PDF output is not available here; use a .docx file instead`,
    );
  }
  return mod.chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The print view as an A4 PDF: page size, margins and page numbers come from its CSS @page. */
export async function htmlToPdf(html: string, browser?: PdfBrowser): Promise<Buffer> {
  const b = browser ?? (await launchChromium());
  try {
    const page = await b.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready.then(() => true)');
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    if (!browser) await b.close();
  }
}

/**
 * The whole case file as a PDF with its 卷内目录's 页号 filled in: each part printed on its own to
 * count its pages (part-pages.ts), then the file printed with the numbers. One pass per part: the
 * price of a contents page that a clerk can hand to the court as it is.
 */
async function caseFilePdf(model: DocModel, browser: PdfBrowser): Promise<Buffer> {
  const { front, parts } = bundleSections(model);
  const frontPages = pdfPages(await htmlToPdf(renderHtml(front), browser));
  const counted: { anchor: string; pages: number }[] = [];
  for (const p of parts) counted.push({ anchor: p.anchor, pages: pdfPages(await htmlToPdf(renderHtml(p.model), browser)) });
  return htmlToPdf(renderHtml(model, { contentsPages: partStartPages(frontPages, counted) }), browser);
}

/** Through a temp file in the same folder, so a failed write never leaves half a file. */
export function writeOut(file: string, data: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new AppError(
      'DATA_DIR',
      `无法写入文件 ${file}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）/ cannot write ${file}`,
    );
  }
}

export default function register(program: Command): void {
  program
    .command('doc')
    .description('制作并登记案件的一份文书，输出为 .docx 或 .pdf / generate, register and write one document of a case')
    .option('--data-dir <dir>', '数据目录 / data dir')
    .option('--case <number>', '案号，例如 （2026）牧调字第0001号 / case number')
    .option('--type <type>', `文书类型：${DOCUMENT_TYPE_CODES.join(' | ')} / document type`)
    .option('--out <file>', '输出文件，扩展名 .docx 或 .pdf / output file (.docx or .pdf)')
    .option('--session <n>', '调解记录：第几次调解（从 1 起，默认最近一次）/ session-record: which session, default the latest')
    .option('--followup <n>', '回访记录：第几次回访（从 1 起，默认最近一次）/ followup-record: which visit, default the latest')
    .action(
      action(async (o: DocOptions) => {
        const dataDir = required(o.dataDir, '--data-dir', '数据目录');
        const caseNumber = required(o.case, '--case', '案号');
        const typeRaw = required(o.type, '--type', '文书类型');
        const file = path.resolve(required(o.out, '--out', '输出文件'));
        if (!isDocumentType(typeRaw)) {
          throw new AppError(
            'VALIDATION',
            `未知的文书类型“${typeRaw}”，可用：${DOCUMENT_TYPE_CODES.map((t) => `${t}（${DOCUMENT_TYPES[t]}）`).join('、')} / unknown type`,
          );
        }
        const type: DocumentType = typeRaw;
        const ext = path.extname(file).toLowerCase();
        if (ext !== '.docx' && ext !== '.pdf') {
          throw new AppError(
            'VALIDATION',
            `输出文件的扩展名只能是 .docx 或 .pdf（收到“${path.basename(file)}”）/ --out must end in .docx or .pdf`,
          );
        }
        const sessionN = ordinal(o.session, '--session');
        const followupN = ordinal(o.followup, '--followup');
        if (sessionN !== undefined && type !== 'session-record')
          throw new AppError('VALIDATION', '--session 只用于 session-record（调解记录）/ --session is for session-record only');
        if (followupN !== undefined && type !== 'followup-record')
          throw new AppError('VALIDATION', '--followup 只用于 followup-record（回访记录）/ --followup is for followup-record only');
        if (!fs.existsSync(dataPaths(dataDir).database))
          throw new AppError('NOT_FOUND', `数据目录中没有数据库：${dataDir} / no database in ${dataDir}`);
        // Refuse before registering anything when the PDF cannot be made here.
        const browser = ext === '.pdf' ? await launchChromium() : undefined;
        try {
          const { doc, bytes } = await withServices(dataDir, async (ctx) => {
            const c = findCase(ctx, caseNumber);
            let subjectId: string | undefined;
            const n = sessionN ?? followupN;
            if (n !== undefined) {
              const subjects = subjectsFor(loadDocumentData(ctx, c.id), type);
              const s = subjects[n - 1];
              const what = type === 'session-record' ? '调解记录' : '回访';
              if (!s)
                throw new AppError('NOT_FOUND', `本案只有 ${subjects.length} 次${what}，没有第 ${n} 次 / the case has ${subjects.length}`);
              subjectId = s.id;
            }
            const doc = await generateDocument(ctx, cliActor, c.id, type, subjectId);
            const bytes =
              ext === '.docx'
                ? documentDocx(ctx, doc.id).buffer
                : type === 'case-file'
                  ? await caseFilePdf(documentHtml(ctx, doc.id).model, browser!)
                  : await htmlToPdf(documentHtml(ctx, doc.id).html, browser);
            return { doc, bytes };
          });
          writeOut(file, bytes);
          const how = doc.created ? '新登记 / registered' : '内容未变，沿用已登记的版本 / unchanged, registered version reused';
          out(
            `已写出 / written: ${doc.title} 第${doc.docVersion}版${doc.subjectLabel ? `（${doc.subjectLabel}）` : ''}，${how}，内容摘要 / hash ${doc.contentHash.slice(0, 12)} → ${file}`,
          );
        } finally {
          await browser?.close();
        }
      }),
    );
}
