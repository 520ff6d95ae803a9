/**
 * The browser host serves the renderer built by `npm run build:renderer` into out/renderer-web.
 * When that build is missing or older than the sources, build it first (quietly), so that
 * `npm run serve` and `npm start` work on a fresh checkout.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const rendererOut = path.join(repoRoot, 'out', 'renderer-web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function rendererBuildIsStale(): boolean {
  const index = path.join(rendererOut, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(path.join(repoRoot, 'renderer')), newestMtime(path.join(repoRoot, 'electron', 'common')));
  return sources > built;
}

export async function ensureRendererBuilt(): Promise<void> {
  if (!rendererBuildIsStale()) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'renderer', 'vite.config.ts'), logLevel: 'error' });
}
