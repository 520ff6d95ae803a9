/** `npm run cli -- <command>`: see run.ts. */
import { runCli } from './run';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`错误 / error: ${(e as Error).message}\n`);
    process.exitCode = 1;
  },
);
