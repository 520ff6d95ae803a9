/**
 * Save a file the app returned as base64 (an export): a Blob behind an object URL and a
 * temporary link with `download` (the CSP allows blob:). Works in the browser host and in the
 * Electron window alike.
 */
import type { ExportedFile } from '../../../../electron/common/api/stats';

export function saveExportedFile(file: ExportedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
