/**
 * The data dir: one folder with the SQLite file, generated documents, backups and logs.
 * Chosen by `--data-dir`, then MEDIATION_DATA_DIR, then the caller's fallback (Electron's userData,
 * or a per-user folder for the browser host and the CLI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../common/errors';

export function resolveDataDir(opts: { argv: readonly string[]; env: NodeJS.ProcessEnv; fallback: string }): string {
  const { argv, env, fallback } = opts;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]!);
    if (a.startsWith('--data-dir=')) return path.resolve(a.slice('--data-dir='.length));
  }
  if (env.MEDIATION_DATA_DIR) return path.resolve(env.MEDIATION_DATA_DIR);
  return path.resolve(fallback);
}

/** The per-user default outside Electron; matches what Electron's userData would be for this app. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'mediation-desk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'mediation-desk');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'mediation-desk');
}

export const dataPaths = (dir: string) => ({
  root: dir,
  database: path.join(dir, 'mediation.sqlite'),
  backups: path.join(dir, 'backups'),
  logs: path.join(dir, 'logs'),
  documents: path.join(dir, 'documents'),
  secrets: path.join(dir, 'secrets.json'),
  prefs: dir,
});
export type DataPaths = ReturnType<typeof dataPaths>;

/** Create the data dir and its folders, and prove it is writable before anything else touches it. */
export function ensureWritableDataDir(dir: string): DataPaths {
  const p = dataPaths(dir);
  try {
    for (const d of [p.root, p.backups, p.logs, p.documents]) fs.mkdirSync(d, { recursive: true });
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (e) {
    throw new AppError('DATA_DIR', `数据目录不可写：${dir}（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）。请选择一个有写权限的目录，或联系管理员。`);
  }
  return p;
}
