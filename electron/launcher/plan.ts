/**
 * The decisions of `npm start`, kept pure so they are unit-tested: is an Electron runtime
 * installed, and what to launch with which arguments. start.ts does the I/O.
 */
import path from 'node:path';
import { resolveDataDir } from '../services/data-dir';

export interface ElectronProbe {
  /** node_modules/electron */
  packageDir: string;
  /** Contents of node_modules/electron/path.txt, or null when the file is missing. */
  pathTxt: string | null;
  /** ELECTRON_OVERRIDE_DIST_PATH, which the electron package itself honours. */
  overrideDistPath: string | undefined;
  exists(file: string): boolean;
}

/**
 * The Electron executable, or null. Decided from path.txt and the file on disk, as the electron
 * package's own index.js would, but without requiring it: that would try to download the
 * binary when it is missing, which cannot work on machines without access to GitHub.
 */
export function findElectronBinary(probe: ElectronProbe): string | null {
  const relative = probe.pathTxt?.trim() || null;
  const candidate = probe.overrideDistPath
    ? path.join(probe.overrideDistPath, relative ?? 'electron')
    : relative
      ? path.join(probe.packageDir, 'dist', relative)
      : null;
  return candidate && probe.exists(candidate) ? candidate : null;
}

export type LaunchPlan =
  { kind: 'electron'; electronArgs: string[] } | { kind: 'browser'; dataDir: string; serveArgs: string[]; reason: 'no-electron' | 'asked' };

/** Options only the Electron shell understands; the browser host would reject them. */
const ELECTRON_ONLY = new Set(['--kiosk']);

/**
 * `args` are what follows `npm start --`. `--browser` asks for the browser host even when
 * Electron is installed. The data dir is decided here, once, with the same rules as everywhere
 * (--data-dir, MEDIATION_DATA_DIR, the per-user default), and passed on explicitly.
 */
export function planLaunch(opts: {
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  electronBinary: string | null;
  defaultDataDir: string;
}): LaunchPlan {
  const asked = opts.args.includes('--browser');
  const args = opts.args.filter((a) => a !== '--browser');
  if (opts.electronBinary && !asked) return { kind: 'electron', electronArgs: args };

  const dataDir = resolveDataDir({ argv: args, env: opts.env, fallback: opts.defaultDataDir });
  const serveArgs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data-dir') {
      i++;
      continue;
    }
    if (a.startsWith('--data-dir=') || ELECTRON_ONLY.has(a)) continue;
    serveArgs.push(a);
  }
  return { kind: 'browser', dataDir, serveArgs: ['--data-dir', dataDir, ...serveArgs], reason: asked ? 'asked' : 'no-electron' };
}

/** The one line `npm start` prints before handing over to the browser host. */
export const browserFallbackLine = (reason: 'no-electron' | 'asked'): string =>
  reason === 'no-electron'
    ? '未找到 Electron 运行时（本机无法下载）：改为启动浏览器版 / Electron runtime not found: starting the browser host instead'
    : '按要求启动浏览器版 / starting the browser host as asked (--browser)';
