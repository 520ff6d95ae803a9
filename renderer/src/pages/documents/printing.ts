/**
 * Printing an A4 document's HTML print view and saving files, wherever the renderer runs:
 * in Electron through the preload bridge (the system print dialog, A4 and the chosen printer), in
 * the browser host with the browser's own print dialog on a hidden frame.
 */
import type { MediationDeskBridge } from '../../../../electron/common/api/bridge';

const bridge = (): MediationDeskBridge | undefined => (window as unknown as { mediationDesk?: MediationDeskBridge }).mediationDesk;

export type PrintResult = 'printed' | 'cancelled';

let lastFrame: HTMLIFrameElement | null = null;

/**
 * The browser host: the document in a hidden frame, printed with the browser's dialog. The frame
 * is sandboxed without scripts (the document runs none: its CSP says so too); same-origin and
 * modals are allowed only so that this page may call its print().
 */
function printInFrame(html: string): Promise<void> {
  lastFrame?.remove();
  return new Promise<void>((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
    frame.setAttribute('aria-hidden', 'true');
    frame.setAttribute('tabindex', '-1');
    frame.dataset.testid = 'print-frame';
    frame.title = '打印';
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;opacity:0;pointer-events:none';
    frame.onload = () => {
      const w = frame.contentWindow;
      if (!w) {
        reject(new Error('无法打开打印页面'));
        return;
      }
      try {
        w.addEventListener('afterprint', () => setTimeout(() => frame.remove(), 0), { once: true });
        w.focus();
        // Blocks until the dialog closes in Chromium; the frame is removed after printing.
        w.print();
        resolve();
      } catch (e) {
        frame.remove();
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
    lastFrame = frame;
  });
}

/** Print a standalone A4 HTML document; 'cancelled' when the user closed Electron's dialog. */
export async function printHtml(html: string): Promise<PrintResult> {
  const b = bridge();
  if (b?.printHtml) {
    const r = await b.printHtml(html);
    if (r.ok) return 'printed';
    if (r.cancelled) return 'cancelled';
    throw new Error(r.message ?? '打印失败，请检查打印机');
  }
  await printInFrame(html);
  return 'printed';
}

/** Save bytes (base64 from the API) as a file the way the browser downloads one. */
export function downloadBase64(base64: string, fileName: string, mime: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
