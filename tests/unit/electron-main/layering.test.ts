/**
 * Where `electron` may be imported: only the shell (electron/main, electron/preload). Services,
 * the API, the browser host and the CLI run under plain Node, where `require('electron')` throws;
 * the pure rule modules of the shell must stay importable by these tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const ELECTRON = join(ROOT, 'electron');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Value imports only: `import type` disappears at compile time. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /^\s*(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => (m[1] ?? m[2] ?? m[3] ?? m[4])!);
}

const rel = (f: string) => relative(ROOT, f).split('\\').join('/');
const usesElectron = (f: string) => runtimeImports(f).some((s) => s === 'electron' || s.startsWith('electron/') || s === 'electron-store');

describe('electron is imported only by the shell', () => {
  const outside = tsFiles(ELECTRON).filter(
    (f) => !/^electron\/(main|preload)\//.test(rel(f)) && rel(f) !== 'electron/electron.vite.config.ts',
  );

  it.each(outside.map(rel))('%s does not import electron', (file) => {
    expect(usesElectron(join(ROOT, file))).toBe(false);
  });

  it.each(['electron/main/security-rules.ts', 'electron/main/window-bounds.ts', 'electron/main/argv.ts', 'electron/launcher/plan.ts'])(
    '%s stays pure (unit-tested without Electron)',
    (file) => {
      expect(usesElectron(join(ROOT, file))).toBe(false);
      for (const s of runtimeImports(join(ROOT, file)))
        expect(s, `${file}: ${s}`).not.toMatch(/^\.\/(security|window|ipc|print|prefs|app-protocol|safe-storage-secrets|index)$/);
    },
  );

  it('the preload requires nothing but electron (a sandboxed preload cannot)', () => {
    for (const file of tsFiles(join(ELECTRON, 'preload'))) expect(runtimeImports(file), rel(file)).toEqual(['electron']);
  });
});
