/**
 * Entry of the desktop app's centre host utility process (electron/main/centre.ts): the same
 * `serve` command as `mediation-desk --cli serve`, in plain Node inside Electron's utility process.
 */
import { runCli } from '../cli/run';

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`错误 / error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
