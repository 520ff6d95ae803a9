/**
 * The app's one window: the workbench (1280×800, remembered bounds) or, with `--kiosk`, the
 * citizens' self-service screen (full screen, kiosk mode, the renderer's #/kiosk route) on the
 * display chosen in the machine prefs.
 */
import { app, BrowserWindow, Menu, screen, type MenuItemConstructorOptions } from 'electron';
import type { ShellPrefs } from './desktop-prefs';
import { secureWebPreferences, type ShellLog } from './security';
import { APP_ORIGIN } from './security-rules';
import { MIN_SIZE, restoreBounds } from './window-bounds';

export interface WindowOptions {
  kiosk: boolean;
  prefs: ShellPrefs;
  preloadPath: string;
  /** The first page: the app's own (rendererUrl), or a centre host's (centre-plan.ts remoteWindowUrl). */
  url: string;
  /** For pages from a centre host: while it cannot be reached, show this page and try again every few seconds. */
  retryUntilLoaded: { waitingPage: (attempt: number) => string } | null;
  iconPath: string | undefined;
  log: ShellLog;
}

export function rendererUrl(devServerUrl: string | null, kiosk: boolean): string {
  const base = devServerUrl ?? `${APP_ORIGIN}/index.html`;
  return kiosk ? `${base.replace(/#.*$/, '')}#/kiosk` : base;
}

/**
 * A small Chinese menu instead of Electron's English default: editing and zoom (older mediators
 * read long case files), and no Reload or DevTools for a clerk to hit by accident, except when
 * developing. The kiosk gets no menu, hence no shortcuts at all.
 */
function appMenu(developing: boolean): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        // Ctrl+= as well: on most keyboards "+" needs Shift.
        { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
        ...(developing
          ? ([{ type: 'separator' }, { role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }] as const)
          : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

export function createAppWindow(opts: WindowOptions): BrowserWindow {
  const common = {
    title: '调解工作台',
    backgroundColor: '#f5f5f5',
    show: false,
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: secureWebPreferences({ preload: opts.preloadPath }),
  };
  Menu.setApplicationMenu(opts.kiosk ? null : appMenu(!app.isPackaged));

  let win: BrowserWindow;
  if (opts.kiosk) {
    const wanted = opts.prefs.get('kioskDisplayId');
    const display = screen.getAllDisplays().find((d) => d.id === wanted) ?? screen.getPrimaryDisplay();
    win = new BrowserWindow({ ...common, ...display.bounds, kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
  } else {
    const bounds = restoreBounds(
      opts.prefs.get('windowBounds'),
      screen.getAllDisplays().map((d) => d.workArea),
      screen.getPrimaryDisplay().workArea,
    );
    win = new BrowserWindow({
      ...common,
      x: bounds.x,
      y: bounds.y,
      width: bounds.width,
      height: bounds.height,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      autoHideMenuBar: true,
    });
    if (bounds.maximized) win.maximize();
    win.on('close', () => {
      const b = win.getNormalBounds();
      opts.prefs.set('windowBounds', { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
    });
  }

  // Shown once painted, so the clerk never sees a white flash.
  win.once('ready-to-show', () => win.show());
  // The page sets its own titles per screen; the window keeps the product name for the taskbar.
  win.on('page-title-updated', (event) => event.preventDefault());

  // A crashed renderer leaves a blank window; on an unattended kiosk nobody would notice. Reload,
  // but not in a loop.
  let lastReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    opts.log.warn('renderer process gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || Date.now() - lastReload < 10_000) return;
    lastReload = Date.now();
    setTimeout(() => !win.isDestroyed() && win.webContents.reload(), 1_000);
  });

  if (opts.retryUntilLoaded) retryWhileUnreachable(win, opts.url, opts.retryUntilLoaded.waitingPage, opts.log);
  void win.loadURL(opts.url).catch((e: Error) => opts.log.warn('renderer failed to load', { error: e.message }));
  return win;
}

/** Seconds between tries to load the centre host's pages. */
const RETRY_SECONDS = 5;

/**
 * A centre host that is off or unreachable leaves the window blank: instead it shows a page that
 * says so (the waiting page is self-contained HTML with no script, loaded as a data: URL) and
 * tries again until the host answers. A certificate that does not match the pinned one is a
 * failure too: it is reported in the same page, never accepted.
 */
function retryWhileUnreachable(win: BrowserWindow, url: string, page: (attempt: number) => string, log: WindowOptions['log']): void {
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  win.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
    if (!isMainFrame || errorCode === -3 || validatedURL.startsWith('data:')) return;
    attempt += 1;
    log.warn('centre host unreachable', { attempt, error: errorDescription });
    void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page(attempt))}`).catch(() => undefined);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      if (!win.isDestroyed()) void win.loadURL(url).catch(() => undefined);
    }, RETRY_SECONDS * 1000);
  });
  win.on('closed', () => timer && clearTimeout(timer));
}
