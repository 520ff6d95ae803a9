/**
 * Entry of the desktop app's centre host utility process (electron/main/centre.ts): the same
 * `serve` command as `mediation-desk --cli serve`, in plain Node inside Electron's utility process.
 * Its secrets come from main over the parent port (relayed-secrets.ts): only main can use safeStorage.
 */
import { runCli } from '../cli/run';
import { receiveSecrets, relayedSecrets, type MessagePortLike } from './relayed-secrets';

/** Electron's utility process has a `parentPort`; started any other way there is none. */
const parentPort = (process as NodeJS.Process & { parentPort?: MessagePortLike }).parentPort;

async function main(): Promise<number> {
  if (!parentPort) return runCli(process.argv.slice(2));
  const initial = await receiveSecrets(parentPort, 5_000);
  const store = relayedSecrets(initial, parentPort);
  return runCli(process.argv.slice(2), { secrets: () => store });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`错误 / error: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
