/**
 * What the Electron preload exposes to the renderer as `window.mediationDesk`: one `invoke` for the
 * API contract, plus printing of A4 HTML (which only Electron can do without a dialog of the browser).
 */
import type { ApiRequest, ApiResponse } from './contract';

export interface MediationDeskBridge {
  platform: 'electron';
  invoke(req: ApiRequest): Promise<ApiResponse>;
  printHtml?(html: string): Promise<{ ok: boolean; message?: string }>;
  savePdf?(html: string, suggestedName: string): Promise<{ ok: boolean; path?: string; message?: string }>;
}
