/**
 * `npm start [-- --data-dir DIR] [-- --kiosk] [-- --browser]`: the app in Electron when its runtime
 * is installed (electron-vite builds, then starts it), otherwise the browser host, after one line
 * that says so. Signals reach the child exactly once, so the database is closed cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRendererBuilt } from '../host/renderer-build';
import { defaultDataDir } from '../services/data-dir';
import { browserFallbackLine, findElectronBinary, planLaunch } from './plan';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  let packageDir: string;
  try {
    // package.json only: requiring 'electron' itself would start a download when the binary is missing.
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  return findElectronBinary({
    packageDir,
    pathTxt: fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8') : null,
    overrideDistPath: process.env.ELECTRON_OVERRIDE_DIST_PATH,
    exists: (file) => fs.existsSync(file),
  });
}

/**
 * Run the child in its own process group on POSIX: a Ctrl-C in the terminal then reaches only this
 * launcher, which forwards it once (in one shared group the child would get it twice). On Windows
 * the console delivers Ctrl-C to every attached process itself, and there is nothing to forward.
 */
function runChild(command: string, args: string[]): void {
  const posix = process.platform !== 'win32';
  const child: ChildProcess = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'], detached: posix });
  if (posix) {
    let forwardedAt = 0;
    let lastSeen = 0;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.on(signal, () => {
        const now = Date.now();
        const burst = now - lastSeen < 1_000;
        lastSeen = now;
        if (child.exitCode !== null || child.signalCode !== null) return;
        // `npm start` relays the terminal's Ctrl-C to us as well: one key press, two signals.
        if (burst) return;
        if (!forwardedAt) {
          forwardedAt = now;
          child.kill(signal);
        } else {
          // Asked again, later: the child is stuck closing; stop it for good.
          process.stderr.write('强制结束 / forcing the app to stop\n');
          child.kill('SIGKILL');
        }
      });
    }
  }
  // Should the launcher itself die, do not leave a server holding the port and the database.
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
  child.on('error', (e) => {
    process.stderr.write(`无法启动 / cannot start ${path.basename(command)}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main(): Promise<void> {
  const plan = planLaunch({
    args: process.argv.slice(2),
    env: process.env,
    electronBinary: electronBinary(),
    defaultDataDir: defaultDataDir(),
  });

  if (plan.kind === 'electron') {
    // `preview` builds main, preload and renderer, then starts Electron with the args after `--`.
    const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
    runChild(process.execPath, [
      cli,
      'preview',
      '--config',
      path.join(repoRoot, 'electron', 'electron.vite.config.ts'),
      '--logLevel',
      'warn',
      '--',
      ...plan.electronArgs,
    ]);
    return;
  }

  process.stdout.write(`${browserFallbackLine(plan.reason)}\n`);
  const serve = path.join(repoRoot, 'electron', 'host', 'serve.ts');
  if (!fs.existsSync(serve)) throw new Error(`浏览器版入口缺失 / missing ${path.relative(repoRoot, serve)}`);
  await ensureRendererBuilt();
  // The same Node, with tsx's loader, rather than `npx tsx`: one process fewer between the
  // signal and the code that closes the database.
  runChild(process.execPath, ['--import', import.meta.resolve('tsx'), serve, ...plan.serveArgs]);
}

main().catch((e: unknown) => {
  process.stderr.write(`启动失败 / failed to start: ${(e as Error)?.message ?? String(e)}\n`);
  process.exit(1);
});
