/**
 * The preload: the renderer's only door to the main process. It exposes `window.mediationDesk`
 * with the one API `invoke` and the two A4 print calls, each a fixed channel: no generic
 * send/invoke, no Node, no ipcRenderer object. Built as CommonJS (out/preload/index.cjs) because
 * a sandboxed preload cannot be an ES module; bundled, so it requires nothing but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeChannel, MediationDeskBridge } from '../common/api/bridge';

/** The page's scheme; the preload is type-checked without the DOM library. */
const pageProtocol = (globalThis as { location?: { protocol?: string } }).location?.protocol;

const call = (channel: BridgeChannel, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args);

const bridge: MediationDeskBridge = {
  platform: 'electron',
  // Pages from a centre host (https:) call it over HTTPS; only the app's own pages (app:, or the
  // dev server) have services in this machine to invoke.
  ...(pageProtocol === 'https:' ? {} : { invoke: (req) => call('api:invoke', req) }),
  printHtml: (html) => call('print:html', html),
  savePdf: (html, suggestedName) => call('print:pdf', html, suggestedName),
};

contextBridge.exposeInMainWorld('mediationDesk', bridge);
