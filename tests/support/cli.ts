/** One CLI command run in-process as an operator would, with what it printed on stdout and stderr. */
import { vi } from 'vitest';
import { runCli } from '../../electron/cli/run';

export async function runCliCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  try {
    return { code: await runCli(args), out: out.join(''), err: err.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}
