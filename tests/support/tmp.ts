import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temp dir per test; removed afterwards unless KEEP_TMP is set (for debugging). */
export function tempDir(prefix = 'md-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => (process.env.KEEP_TMP ? undefined : fs.rmSync(dir, { recursive: true, force: true })) };
}
