/**
 * .docx → PDF through LibreOffice (Debian's libreoffice-writer-nogui, `soffice`), as Word-like
 * software lays the file out: the check that what Chromium prints is not the only layout tested.
 *
 * Starting soffice costs seconds, so a call converts many files at once. Each call has its own
 * profile dir (-env:UserInstallation): two soffice processes on one profile wait on each other's
 * lock or hand their files to the first, so parallel test files would collide.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ConvertOptions {
  /** Milliseconds before soffice is killed and the call fails; default 120 s. */
  timeoutMs?: number;
}

/**
 * Converts every .docx to a PDF of the same base name in `outDir`, in one soffice process; resolves
 * to the PDFs' paths in the order given. Base names must differ (they share the out dir).
 */
export async function docxToPdf(files: readonly string[], outDir: string, opts: ConvertOptions = {}): Promise<string[]> {
  if (files.length === 0) return [];
  const bases = files.map((f) => path.basename(f, path.extname(f)));
  if (new Set(bases).size !== bases.length) throw new Error('docxToPdf: two files with the same base name');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'md-soffice-'));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        'soffice',
        [
          `-env:UserInstallation=${pathToFileURL(profile).href}`,
          '--headless',
          '--norestore',
          '--nolockcheck',
          '--convert-to',
          'pdf',
          '--outdir',
          outDir,
          ...files,
        ],
        { timeout: opts.timeoutMs ?? 120_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
        (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve()),
      );
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdfs = bases.map((b) => path.join(outDir, `${b}.pdf`));
  const missing = pdfs.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) throw new Error(`soffice wrote no PDF for: ${missing.map((p) => path.basename(p)).join(', ')}`);
  return pdfs;
}
