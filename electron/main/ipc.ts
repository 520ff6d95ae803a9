/**
 * The main side of the preload bridge: three channels, each answering only frames that show the
 * app's own pages (sender check first, then input validation, then the work).
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { BridgeChannel, PrintHtmlResult, SavePdfResult } from '../common/api/bridge';
import type { ApiResponse } from '../common/api/contract';
import type { ErrorBody } from '../common/errors';
import type { Backend } from '../backend';
import type { A4Printer } from './print';
import type { ShellLog } from './security';
import { isTrustedSender, printHtmlArgsSchema, safePdfFileName, savePdfArgsSchema } from './security-rules';

const FORBIDDEN: ErrorBody = { code: 'FORBIDDEN', message: '请求来源不受信任' };
const QUITTING: ErrorBody = { code: 'INTERNAL', message: '程序正在退出，请稍后重新打开' };
const NO_LOCAL_DATA: ErrorBody = { code: 'INTERNAL', message: '本机不保存数据，请通过中心主机操作' };

export interface IpcDeps {
  /** null when this process holds no data (centre host and workstation modes: the pages use HTTPS). */
  backend: Backend | null;
  printer: A4Printer;
  /** Where the app's pages come from (app://mediation-desk, or the dev server). */
  appOrigin: string;
  /** The A4 printer chosen for this machine, if any. */
  a4PrinterName: () => string | null;
  log: ShellLog;
}

/**
 * Only the top frame of one of our pages may call. `senderFrame` is null when the frame has
 * navigated away or been destroyed since it sent the message: refused too.
 */
function trusted(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isTrustedSender(frame.url, appOrigin);
}

const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? '请求格式错误';

export function registerIpc(deps: IpcDeps): { stop(): void } {
  let stopped = false;
  const handle = <R>(
    channel: BridgeChannel,
    refuse: (error: ErrorBody) => R,
    run: (event: IpcMainInvokeEvent, args: unknown[]) => Promise<R>,
  ) => {
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      if (!trusted(event, deps.appOrigin)) {
        deps.log.warn('IPC from an untrusted frame refused', { channel, url: event.senderFrame?.url.slice(0, 200) ?? null });
        return refuse(FORBIDDEN);
      }
      if (stopped) return refuse(QUITTING);
      return run(event, args);
    });
  };

  handle<ApiResponse>(
    'api:invoke',
    (error) => ({ ok: false, error }),
    // backend.invoke validates the request itself and never throws.
    async (_event, args) => (deps.backend ? deps.backend.invoke(args[0]) : { ok: false, error: NO_LOCAL_DATA }),
  );

  handle<PrintHtmlResult>(
    'print:html',
    ({ message }) => ({ ok: false, message }),
    async (_event, args) => {
      const parsed = printHtmlArgsSchema.safeParse(args);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      try {
        const outcome = await deps.printer.print(parsed.data[0], { deviceName: deps.a4PrinterName() });
        if (outcome.printed) return { ok: true };
        if (outcome.cancelled) return { ok: false, cancelled: true, message: '已取消打印' };
        deps.log.warn('A4 print failed', { reason: outcome.reason });
        return { ok: false, message: `打印失败：${outcome.reason || '打印机未响应'}。请检查打印机是否开启、是否缺纸，然后重试。` };
      } catch (e) {
        deps.log.warn('A4 print failed', { error: (e as Error).message });
        return { ok: false, message: '打印失败：无法生成打印内容，请重试。' };
      }
    },
  );

  handle<SavePdfResult>(
    'print:pdf',
    ({ message }) => ({ ok: false, message }),
    async (event, args) => {
      const parsed = savePdfArgsSchema.safeParse(args);
      if (!parsed.success) return { ok: false, message: firstIssue(parsed.error) };
      const [html, suggestedName] = parsed.data;
      // The user picks the path in the native dialog: the renderer never decides where files go.
      const options = {
        title: '保存为 PDF',
        defaultPath: path.join(app.getPath('documents'), safePdfFileName(suggestedName)),
        filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const parent = BrowserWindow.fromWebContents(event.sender);
      const choice = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: false, cancelled: true, message: '已取消保存' };
      const filePath = /\.pdf$/i.test(choice.filePath) ? choice.filePath : `${choice.filePath}.pdf`;
      try {
        await deps.printer.savePdf(html, filePath);
        return { ok: true, path: filePath };
      } catch (e) {
        deps.log.warn('saving a PDF failed', { error: (e as Error).message });
        return {
          ok: false,
          message: `保存 PDF 失败：${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有写入该位置的权限' : '请换一个位置重试'}。`,
        };
      }
    },
  );

  return {
    /** From before-quit on: answer politely instead of touching a closed database. */
    stop: () => {
      stopped = true;
    },
  };
}
