/**
 * Electron main entry. Two ways in:
 * - `mediation-desk --cli <command> ...`: an operator command, headless (no window, no lock), so
 *   the OS scheduler can run the nightly upload while the window is open or closed;
 * - otherwise the app: one instance per machine, started as its centre mode says (centre-plan.ts):
 *   the data dir opened here (or a clear error and exit without touching it), the window and the
 *   background jobs; or the centre host in a utility process and the window as its client; or the
 *   window as a workstation of a centre host elsewhere.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createBackend, type Backend } from '../backend';
import { readCentreMode } from '../common/centre-mode';
import { AppError, isAppError } from '../common/errors';
import { createLogger } from '../services/core/logger';
import { dataPaths, ensureWritableDataDir, resolveDataDir } from '../services/data-dir';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { parseLaunchArgs } from './argv';
import { registerIpc } from './ipc';
import { openShellPrefs, type ShellPrefs } from './desktop-prefs';
import { createA4Printer } from './print';
import { safeStorageSecrets } from './safe-storage-secrets';
import { guardAllWebContents, hardenSession, type ShellLog } from './security';
import { APP_ORIGIN, cspHeader, originOf } from './security-rules';
import { keepWorkstationCredential, pinCentreCertificate, startCentreHost, type CentreHostProcess } from './centre';
import { LOOPBACK_HOST, planCentreMode, remoteWindowUrl, waitingPage, type HostBanner } from './centre-plan';
import type { PinnedHost } from './pinning-rules';
import { createAppWindow, rendererUrl } from './window';

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
  // The pages' origin: the app's own, or (host and workstation modes) the centre host's, set below.
  let appOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
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

  void app.whenReady().then(async () => {
    const dataDir = resolveDataDir({ argv: process.argv, env: process.env, fallback: app.getPath('userData') });
    let prefs: ShellPrefs;
    let paths: ReturnType<typeof ensureWritableDataDir>;
    try {
      paths = ensureWritableDataDir(dataDir);
      prefs = openShellPrefs(dataDir);
    } catch (e) {
      showStartupError(e, dataDir);
      // exit, not quit: nothing was opened, so there is nothing to close or save.
      app.exit(1);
      return;
    }
    const plan = planCentreMode(readCentreMode(prefs.services.get('centreMode')));
    const rendererDir = path.join(import.meta.dirname, '..', 'renderer');
    const secrets = safeStorageSecrets(paths.secrets, shellLog);

    let backend: Backend | null = null;
    let shellFileLog: ReturnType<typeof createLogger> | null = null;
    let centreHost: CentreHostProcess | null = null;
    let pinned: PinnedHost | null = plan.pinned;
    let windowOrigin = appOrigin;
    let url = rendererUrl(devServerUrl, kiosk);
    let quitting = false;
    pinCentreCertificate(session.defaultSession, () => pinned, shellLog);

    if (plan.kind === 'standalone') {
      try {
        backend = createBackend({ dataDir, host: 'electron', secrets, prefs: prefs.services });
      } catch (e) {
        showStartupError(e, dataDir);
        app.exit(1);
        return;
      }
      log = backend.app.ctx.logger;
    } else {
      // No database in this process: the shell logs to the data dir itself.
      shellFileLog = createLogger({ logsDir: dataPaths(dataDir).logs });
      log = shellFileLog;
    }
    log.info('electron shell started', { kiosk, centreMode: plan.kind, packaged: app.isPackaged, version: app.getVersion() });

    if (plan.kind === 'host') {
      centreHost = startCentreHost({
        dataDir,
        staticDir: rendererDir,
        port: plan.utilityHost.port,
        secrets,
        log: shellLog,
        onExit: (code) => {
          if (quitting) return;
          // The services are gone: say so rather than leave every window failing.
          dialog.showErrorBox(
            '中心主机已停止',
            `中心主机进程意外退出（${code}），程序将退出。请重新打开调解工作台；如反复出现，请查看数据目录下 logs/ 中的日志。`,
          );
          app.quit();
        },
      });
      let banner: HostBanner;
      try {
        banner = await centreHost.ready;
      } catch (e) {
        showStartupError(new AppError('DATA_DIR', (e as Error).message), dataDir);
        app.exit(1);
        return;
      }
      pinned = { host: LOOPBACK_HOST, fingerprint: banner.fingerprint };
      windowOrigin = `https://${LOOPBACK_HOST}:${banner.port}`;
      url = remoteWindowUrl(windowOrigin, { token: banner.token, kiosk });
    } else if (plan.kind === 'workstation') {
      windowOrigin = plan.origin;
      url = remoteWindowUrl(windowOrigin, { kiosk });
      await keepWorkstationCredential(session.defaultSession, { dataDir, origin: plan.origin, pinned: plan.pinned, log: shellLog });
    }
    appOrigin = windowOrigin;

    hardenSession(session.defaultSession, {
      appOrigin,
      csp: cspHeader(devServerUrl && plan.kind === 'standalone' ? { devServerOrigin: devServerUrl } : {}),
      log: shellLog,
    });
    serveRenderer(session.defaultSession, rendererDir);

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
      quitting = true;
      centreHost?.stop();
      ipc.stop();
      log.info('electron shell quitting');
      backend?.close();
      void shellFileLog?.close();
      log = consoleLog;
    };
    app.on('before-quit', closeBackend);

    mainWindow = createAppWindow({
      kiosk,
      prefs,
      preloadPath: path.join(import.meta.dirname, '..', 'preload', 'index.cjs'),
      url,
      // A workstation may start before its host: it keeps trying, and says so.
      retryUntilLoaded: plan.kind === 'standalone' ? null : { waitingPage: waitingPage(windowOrigin) },
      iconPath: app.isPackaged
        ? path.join(process.resourcesPath, 'icon.png')
        : path.join(import.meta.dirname, '..', '..', 'build', 'icon.png'),
      log: shellLog,
    });
    // Windows log-off/shutdown ends the process without before-quit.
    mainWindow.on('session-end', () => closeBackend());

    backend?.startBackgroundJobs();

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
