import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserFallbackLine, findElectronBinary, planLaunch } from '../../../electron/launcher/plan';
import { parseLaunchArgs } from '../../../electron/main/argv';

describe('the executable command line', () => {
  it('runs `--cli <command> ...` headless with everything after --cli', () => {
    expect(parseLaunchArgs(['/opt/调解工作台/mediation-desk', '--cli', 'upload', '--data-dir', '/srv/md'], false)).toEqual({
      kind: 'cli',
      args: ['upload', '--data-dir', '/srv/md'],
    });
    expect(parseLaunchArgs(['C:\\md\\mediation-desk.exe', '--ozone-platform=headless', '--cli', 'check'], false)).toEqual({
      kind: 'cli',
      args: ['check'],
    });
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--cli', '--help'], true)).toEqual({ kind: 'cli', args: ['--help'] });
  });

  it('opens the window otherwise, the kiosk with --kiosk', () => {
    expect(parseLaunchArgs(['/opt/md/mediation-desk'], false)).toEqual({ kind: 'app', kiosk: false });
    expect(parseLaunchArgs(['/opt/md/mediation-desk', '--kiosk', '--data-dir', '/srv/md'], false)).toEqual({ kind: 'app', kiosk: true });
    // `electron .`: the app path is not an argument of ours.
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--data-dir=/srv/md'], true)).toEqual({ kind: 'app', kiosk: false });
  });
});

describe('is an Electron runtime installed?', () => {
  const packageDir = path.join('/repo', 'node_modules', 'electron');
  const probe = (pathTxt: string | null, files: string[], overrideDistPath?: string) => ({
    packageDir,
    pathTxt,
    overrideDistPath,
    exists: (f: string) => files.includes(f),
  });

  it('finds the binary that path.txt names', () => {
    const bin = path.join(packageDir, 'dist', 'electron');
    expect(findElectronBinary(probe('electron', [bin]))).toBe(bin);
    expect(findElectronBinary(probe('electron\n', [bin]))).toBe(bin);
    const exe = path.join(packageDir, 'dist', 'electron.exe');
    expect(findElectronBinary(probe('electron.exe', [exe]))).toBe(exe);
  });

  it('says no when the download never happened (no path.txt) or the binary is gone', () => {
    expect(findElectronBinary(probe(null, []))).toBeNull();
    expect(findElectronBinary(probe('', []))).toBeNull();
    expect(findElectronBinary(probe('electron', []))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const bin = path.join('/opt/electron-45', 'electron');
    expect(findElectronBinary(probe(null, [bin], '/opt/electron-45'))).toBe(bin);
    expect(findElectronBinary(probe('electron', [], '/opt/electron-45'))).toBeNull();
  });
});

describe('what npm start launches', () => {
  const base = { env: {} as NodeJS.ProcessEnv, defaultDataDir: '/home/clerk/.config/mediation-desk' };

  it('starts Electron with the arguments as given when it is installed', () => {
    expect(planLaunch({ ...base, args: ['--data-dir', '/srv/md', '--kiosk'], electronBinary: '/e/electron' })).toEqual({
      kind: 'electron',
      electronArgs: ['--data-dir', '/srv/md', '--kiosk'],
    });
  });

  it('falls back to the browser host with the default per-user data dir', () => {
    expect(planLaunch({ ...base, args: [], electronBinary: null })).toEqual({
      kind: 'browser',
      dataDir: path.resolve('/home/clerk/.config/mediation-desk'),
      serveArgs: ['--data-dir', path.resolve('/home/clerk/.config/mediation-desk')],
      reason: 'no-electron',
    });
  });

  it('takes the data dir from --data-dir, --data-dir=, then MEDIATION_DATA_DIR', () => {
    const dir = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const plan = planLaunch({ ...base, env, args, electronBinary: null });
      return plan.kind === 'browser' ? plan.dataDir : null;
    };
    expect(dir(['--data-dir', '/srv/a'])).toBe(path.resolve('/srv/a'));
    expect(dir(['--data-dir=/srv/b'])).toBe(path.resolve('/srv/b'));
    expect(dir([], { MEDIATION_DATA_DIR: '/srv/c' })).toBe(path.resolve('/srv/c'));
    expect(dir(['--data-dir', '/srv/a'], { MEDIATION_DATA_DIR: '/srv/c' })).toBe(path.resolve('/srv/a'));
  });

  it('passes on browser-host options, drops Electron-only ones, and obeys --browser', () => {
    expect(
      planLaunch({ ...base, args: ['--browser', '--kiosk', '--port', '8080', '--data-dir=/srv/a'], electronBinary: '/e/electron' }),
    ).toEqual({
      kind: 'browser',
      dataDir: path.resolve('/srv/a'),
      serveArgs: ['--data-dir', path.resolve('/srv/a'), '--port', '8080'],
      reason: 'asked',
    });
  });

  it('explains the fallback in one line, in Chinese and English', () => {
    const line = browserFallbackLine('no-electron');
    expect(line).toContain('未找到 Electron 运行时');
    expect(line).toContain('Electron runtime not found');
    expect(line).not.toContain('\n');
  });
});
