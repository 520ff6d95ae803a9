/**
 * Electron main entry. Two ways in:
 * - `mediation-desk --cli <command> ...`: an operator command, headless (no window, no lock), so
 *   the OS scheduler can run the nightly upload while the window is open or closed;
 * - otherwise the app: one instance per machine, the data dir opened (or a clear error and exit
 *   without touching it), the window, and the background jobs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createBackend, type Backend } from '../backend';
import { isAppError } from '../common/errors';
import { dataPaths, ensureWritableDataDir, resolveDataDir } from '../services/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { parseLaunchArgs } from './argv';
import { registerIpc } from './ipc';
import { openShellPrefs } from './prefs';
import { createA4Printer } from './print';
import { safeStorageSecrets } from './safe-storage-secrets';
import { guardAllWebContents, hardenSession, type ShellLog } from './security';
import { APP_ORIGIN, cspHeader, originOf } from './security-rules';
import { pinCentreCertificate, startCentreHost } from './centre';
import { createAppWindow } from './window';

// The data dir defaults to userData; name it like the browser host's default
// (services/data-dir.ts defaultDataDir) rather than after the Chinese productName, so both hosts
// find the same data. Chromium's own files go one level down, keeping the data dir readable.
app.setPath('userData', path.join(app.getPath('appData'), 'mediation-desk'));
app.setPath('sessionData', path.join(app.getPath('userData'), 'chromium'));

/** Until the backend's logger exists (it writes to the data dir), log to the console. */
const consoleLog: ShellLog = {
  info: (message, meta) => console.log(`[main] ${message}`, meta ?? ''),
  warn: (message, meta) => console.warn(`[main] ${message}`, meta ?? ''),
};
let log: ShellLog = consoleLog;
const shellLog: ShellLog = { info: (m, meta) => log.info(m, meta), warn: (m, meta) => log.warn(m, meta) };

const mode = parseLaunchArgs(process.argv, process.defaultApp === true);
if (mode.kind === 'cli') runCliMode(mode.args);
else runApp(mode.kiosk);

function runCliMode(args: string[]): void {
  app.disableHardwareAcceleration();
  // The CLI's default data dir is the window's, should a command fall back to the environment.
  process.env.MEDIATION_DATA_DIR ??= app.getPath('userData');
  void app
    .whenReady()
    .then(async () => {
      const { runCli } = await import('../cli/run');
      // The nightly `--cli upload` must read the token the window stored with safeStorage.
      return runCli(args, { secrets: (dataDir) => safeStorageSecrets(dataPaths(dataDir).secrets) });
    })
    .then(
      (code) => app.exit(code),
      (e: unknown) => {
        process.stderr.write(`错误 / error: ${isAppError(e) ? e.message : ((e as Error)?.message ?? String(e))}\n`);
        app.exit(1);
      },
    );
}

function runApp(kiosk: boolean): void {
  app.enableSandbox();
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    console.log('调解工作台已在运行：已切换到已打开的窗口 / mediation-desk is already running: focusing its window');
    app.quit();
    return;
  }

  // Electron's dev server URL is honoured only unpackaged: a packaged app loads its own files.
  const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
  const appOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
  guardAllWebContents({ appOrigin: () => appOrigin, log: shellLog });

  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => {
    log.info('second instance started: focusing the existing window');
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    const dataDir = resolveDataDir({ argv: process.argv, env: process.env, fallback: app.getPath('userData') });
    let backend: Backend;
    let prefs: ReturnType<typeof openShellPrefs>;
    try {
      const paths = ensureWritableDataDir(dataDir);
      prefs = openShellPrefs(dataDir);
      backend = createBackend({ dataDir, host: 'electron', secrets: safeStorageSecrets(paths.secrets, shellLog), prefs: prefs.services });
    } catch (e) {
      showStartupError(e, dataDir);
      // exit, not quit: nothing was opened, so there is nothing to close or save.
      app.exit(1);
      return;
    }
    log = backend.app.ctx.logger;
    log.info('electron shell started', { kiosk, packaged: app.isPackaged, version: app.getVersion() });

    hardenSession(session.defaultSession, {
      appOrigin,
      csp: cspHeader(devServerUrl ? { devServerOrigin: devServerUrl } : {}),
      log: shellLog,
    });
    serveRenderer(session.defaultSession, path.join(import.meta.dirname, '..', 'renderer'));
    pinCentreCertificate(session.defaultSession, () => prefs.get('pinnedHost'), shellLog);
    // 本机作为中心主机: the LAN host runs in its own process on this data dir (SQLite arbitrates the writes).
    const centreHost = prefs.get('centreHost')
      ? startCentreHost({ dataDir, staticDir: path.join(import.meta.dirname, '..', 'renderer-web'), log: shellLog })
      : null;

    const ipc = registerIpc({
      backend,
      printer: createA4Printer({ log: shellLog }),
      appOrigin,
      a4PrinterName: () => prefs.get('a4PrinterName'),
      log: shellLog,
    });

    let closed = false;
    const closeBackend = () => {
      if (closed) return;
      closed = true;
      centreHost?.stop();
      ipc.stop();
      log.info('electron shell quitting');
      backend.close();
      log = consoleLog;
    };
    app.on('before-quit', closeBackend);

    mainWindow = createAppWindow({
      kiosk,
      prefs,
      preloadPath: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      devServerUrl,
      iconPath: app.isPackaged
        ? path.join(process.resourcesPath, 'icon.png')
        : path.join(import.meta.dirname, '..', '..', 'build', 'icon.png'),
      log: shellLog,
    });
    // Windows log-off/shutdown ends the process without before-quit.
    mainWindow.on('session-end', () => closeBackend());

    backend.startBackgroundJobs();

    // A service manager or a terminal stops us with a signal: quit through the normal path.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  });
}

function showStartupError(e: unknown, dataDir: string): void {
  const reason = isAppError(e) ? e.message : `启动时发生意外错误：${(e as Error)?.message ?? String(e)}`;
  if (!isAppError(e)) console.error(e);
  const closing = /未被改动/.test(reason) ? '程序将退出。' : '程序将退出，数据未被改动。';
  dialog.showErrorBox('调解工作台无法启动', `${reason}\n\n数据目录：${dataDir}\n${closing}`);
}
