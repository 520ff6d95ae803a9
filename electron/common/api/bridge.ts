/**
 * What the Electron preload exposes to the renderer as `window.mediationDesk`: one `invoke` for the
 * API contract, plus printing of A4 HTML (which only Electron can do without a dialog of the browser).
 * Types only: the renderer, the preload and the main process all import this file.
 */
import type { ApiRequest, ApiResponse } from './contract';

/** `cancelled`: the user closed the print or save dialog; not an error to show. */
export interface PrintHtmlResult {
  ok: boolean;
  cancelled?: boolean;
  message?: string;
}

export interface SavePdfResult {
  ok: boolean;
  cancelled?: boolean;
  /** Where the PDF was saved (the user chose it in the native dialog). */
  path?: string;
  message?: string;
}

export interface MediationDeskBridge {
  platform: 'electron';
  /**
   * The API over IPC, to the services in this machine. Absent when the window shows a centre host's
   * pages over HTTPS (本机作为中心主机, or a workstation): those pages call the host, as any browser does.
   */
  invoke?(req: ApiRequest): Promise<ApiResponse>;
  /** System print dialog for an A4 document (self-contained HTML, at most 5 MB). */
  printHtml?(html: string): Promise<PrintHtmlResult>;
  /** Save an A4 document as PDF where the user chooses; `suggestedName` is only the default name. */
  savePdf?(html: string, suggestedName: string): Promise<SavePdfResult>;
}

/** The IPC channels behind the bridge; main answers these and nothing else. */
export type BridgeChannel = 'api:invoke' | 'print:html' | 'print:pdf';
