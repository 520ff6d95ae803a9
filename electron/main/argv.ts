/**
 * What the executable was asked to do, from its command line. Pure, so it is unit-tested.
 *
 * `mediation-desk --cli <command> ...` runs an operator command headless (the OS scheduler's
 * nightly upload); anything before `--cli` stays with Electron/Chromium (e.g.
 * `--ozone-platform=headless`), everything after it goes to the CLI untouched.
 */
export type LaunchMode = { kind: 'cli'; args: string[] } | { kind: 'app'; kiosk: boolean };

/**
 * `argv` is process.argv: [exe, ...args] when packaged, [electron, appPath, ...args] when started
 * as `electron .` (process.defaultApp).
 */
export function parseLaunchArgs(argv: readonly string[], defaultApp: boolean): LaunchMode {
  const args = argv.slice(defaultApp ? 2 : 1);
  const cli = args.indexOf('--cli');
  if (cli >= 0) return { kind: 'cli', args: args.slice(cli + 1) };
  return { kind: 'app', kiosk: args.includes('--kiosk') };
}
