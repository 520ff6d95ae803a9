/**
 * The preload: the renderer's only door to the main process. It exposes `window.mediationDesk`
 * with the one API `invoke` and the two A4 print calls, each a fixed channel: no generic
 * send/invoke, no Node, no ipcRenderer object. Built as CommonJS (out/preload/index.cjs) because
 * a sandboxed preload cannot be an ES module; bundled, so it requires nothing but 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeChannel, MediationDeskBridge } from '../common/api/bridge';

const call = (channel: BridgeChannel, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args);

const bridge: MediationDeskBridge = {
  platform: 'electron',
  invoke: (req) => call('api:invoke', req),
  printHtml: (html) => call('print:html', html),
  savePdf: (html, suggestedName) => call('print:pdf', html, suggestedName),
};

contextBridge.exposeInMainWorld('mediationDesk', bridge);
