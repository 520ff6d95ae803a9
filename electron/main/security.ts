/**
 * Every Electron security guard of the shell, in one place (the decisions themselves are in
 * security-rules.ts, unit-tested without Electron):
 * - renderers: sandboxed, context-isolated, no Node, web security on, no <webview>;
 * - sessions: a strict CSP on every response, every permission denied (clipboard write excepted);
 * - all web contents, including ones we did not create ourselves: no navigation away from the
 *   app, no new windows, no webviews.
 * The IPC sender check is in ipc.ts, next to the handlers it protects.
 */
import { app, type Session, type WebPreferences } from 'electron';
import { cspHeader, isAllowedNavigation, isAllowedPermission } from './security-rules';

export interface ShellLog {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export function secureWebPreferences(opts: { preload?: string; session?: Session; javascript?: boolean } = {}): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    javascript: opts.javascript ?? true,
    ...(opts.preload ? { preload: opts.preload } : {}),
    ...(opts.session ? { session: opts.session } : {}),
  };
}

/**
 * CSP and permissions for a session. The CSP is also set by the app:// handler itself; this hook
 * covers http(s) responses, i.e. the electron-vite dev server.
 */
export function hardenSession(ses: Session, opts: { appOrigin: string; csp?: string; log: ShellLog }): void {
  const csp = opts.csp ?? cspHeader();
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'content-security-policy') delete headers[key];
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isAllowedPermission(permission, details.requestingUrl, opts.appOrigin);
    if (!allowed) opts.log.warn('permission request denied', { permission, url: details.requestingUrl });
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, opts.appOrigin),
  );
  // WebUSB / WebHID / Web Serial: thermal printers are driven from main, never from a page.
  ses.setDevicePermissionHandler(() => false);
}

/** Applies to every WebContents the app ever creates: must be installed before the first window. */
export function guardAllWebContents(opts: { appOrigin: () => string; log: ShellLog }): void {
  app.on('web-contents-created', (_event, contents) => {
    const refuseNavigation = (event: { preventDefault(): void }, url: string, kind: string) => {
      if (isAllowedNavigation(url, opts.appOrigin())) return;
      event.preventDefault();
      opts.log.warn(`${kind} refused`, { url: url.slice(0, 200) });
    };
    contents.on('will-navigate', (event) => refuseNavigation(event, event.url, 'navigation'));
    contents.on('will-redirect', (event) => refuseNavigation(event, event.url, 'redirect'));
    // No page of ours opens windows; links to the outside world are not part of the job.
    contents.setWindowOpenHandler(({ url }) => {
      opts.log.warn('new window refused', { url: url.slice(0, 200) });
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      opts.log.warn('webview refused');
    });
  });
}
