/**
 * A4 documents (agreements, records, forms) printed or saved as PDF from an HTML string, in a
 * hidden window. No IPC here: ipc.ts exposes it to the renderer, and the backend may call it
 * directly later. 80 mm tickets do not come here: they go to the thermal printer as raw ESC/POS.
 *
 * The HTML is our own document renderer's output, yet it carries user-entered text, so it is
 * shown with the least power possible: its own in-memory session, JavaScript off, no preload,
 * served from memory on app://print/ (nothing written to disk), and a CSP plus a request filter
 * that let nothing load from anywhere. Documents must therefore be self-contained: inline CSS,
 * data: images. Page size and margins come from the document's CSS `@page`.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { BrowserWindow, session, type Session } from 'electron';
import { APP_ORIGIN, APP_SCHEME, PRINT_HOST, printCspHeader } from './security-rules';
import { hardenSession, secureWebPreferences, type ShellLog } from './security';

export type PrintOutcome = { printed: true } | { printed: false; cancelled: boolean; reason: string };

export interface A4Printer {
  /** Show the system print dialog for the document (A4 and `deviceName` pre-selected). */
  print(html: string, opts?: { deviceName?: string | null }): Promise<PrintOutcome>;
  /** The document as PDF bytes. */
  renderPdf(html: string): Promise<Buffer>;
  /** The document as a PDF file at `filePath` (written to a temporary name, then renamed). */
  savePdf(html: string, filePath: string): Promise<void>;
}

const LOAD_TIMEOUT_MS = 30_000;
const PDF_TIMEOUT_MS = 60_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Call after `app.whenReady()`. */
export function createA4Printer(opts: { log: ShellLog }): A4Printer {
  const jobs = new Map<string, string>();
  let printSession: Session | null = null;
  // One job at a time: two print dialogs at once only confuse, and memory stays bounded.
  let queue: Promise<unknown> = Promise.resolve();

  const getSession = (): Session => {
    if (printSession) return printSession;
    // No "persist:" prefix: an in-memory session, nothing of a document survives on disk.
    const ses = session.fromPartition('mediation-print', { cache: false });
    hardenSession(ses, { appOrigin: APP_ORIGIN, csp: printCspHeader(), log: opts.log });
    ses.webRequest.onBeforeRequest((details, callback) => {
      let allowed = details.url.startsWith('data:');
      try {
        const url = new URL(details.url);
        allowed ||= url.protocol === `${APP_SCHEME}:` && url.host === PRINT_HOST;
      } catch {
        // unparsable: refused
      }
      if (!allowed) opts.log.warn('print document tried to load a resource; refused', { url: details.url.slice(0, 120) });
      callback({ cancel: !allowed });
    });
    ses.protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url);
      const id = url.host === PRINT_HOST ? /^\/([0-9a-f-]{36})\.html$/.exec(url.pathname)?.[1] : undefined;
      const html = id ? jobs.get(id) : undefined;
      if (html === undefined) return new Response('Not found', { status: 404 });
      return new Response(html, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': printCspHeader(),
          'x-content-type-options': 'nosniff',
        },
      });
    });
    printSession = ses;
    return ses;
  };

  /** Load the document into a fresh hidden window, run `use`, always clean up. */
  const withDocument = <T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> => {
    const run = async () => {
      const id = randomUUID();
      jobs.set(id, html);
      const win = new BrowserWindow({
        show: false,
        // About A4 at 96 dpi; layout for printing follows @page, this only avoids a reflow.
        width: 794,
        height: 1123,
        webPreferences: secureWebPreferences({ session: getSession(), javascript: false }),
      });
      try {
        await withTimeout(win.loadURL(`${APP_SCHEME}://${PRINT_HOST}/${id}.html`), LOAD_TIMEOUT_MS, 'loading the document');
        return await use(win);
      } finally {
        jobs.delete(id);
        if (!win.isDestroyed()) win.destroy();
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  const renderPdf = (html: string) =>
    withDocument(html, (win) =>
      withTimeout(
        win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
        PDF_TIMEOUT_MS,
        'rendering the PDF',
      ),
    );

  return {
    print: (html, printOpts = {}) =>
      withDocument(
        html,
        (win) =>
          new Promise<PrintOutcome>((resolve) => {
            win.webContents.print(
              {
                silent: false,
                printBackground: true,
                pageSize: 'A4',
                ...(printOpts.deviceName ? { deviceName: printOpts.deviceName } : {}),
              },
              (success, failureReason) => {
                if (success) resolve({ printed: true });
                // Chromium reports a closed dialog as "Print job canceled" (sic); not an error for the user.
                else resolve({ printed: false, cancelled: /cancel/i.test(failureReason), reason: failureReason });
              },
            );
          }),
      ),
    renderPdf,
    async savePdf(html, filePath) {
      const pdf = await renderPdf(html);
      const tmp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
      try {
        await fs.writeFile(tmp, pdf);
        await fs.rename(tmp, filePath);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
    },
  };
}
