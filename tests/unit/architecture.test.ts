/**
 * The layering rules, enforced: where code runs decides what it may import.
 * - renderer/ runs in a browser window: no Node, no Electron, no database; from our own code only
 *   electron/common (the contract and the pure domain rules).
 * - electron/common is imported by the renderer: the same rules.
 * - everything else under electron/ is plain Node (services, API, host, CLI): only electron/main
 *   and electron/preload may import 'electron', so the rest runs under Node and in tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

function files(dir: string, exts = ['.ts', '.tsx']): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, exts));
    else if (exts.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib', 'events', 'worker_threads']);
const browserForbidden = (spec: string) =>
  spec.startsWith('node:') || NODE_BUILTINS.has(spec) || spec === 'electron' || spec.startsWith('electron/') || spec === 'better-sqlite3' || spec.startsWith('drizzle-orm') || spec === 'winston' || spec === 'conf';

function violations(dir: string, check: (file: string, spec: string) => string | null): string[] {
  const out: string[] = [];
  for (const f of files(path.join(root, dir))) {
    if (/vite\.config\.ts$/.test(f)) continue; // build config runs in Node, not in the window
    for (const spec of importsOf(f)) {
      const why = check(f, spec);
      if (why) out.push(`${path.relative(root, f)} imports '${spec}': ${why}`);
    }
  }
  return out;
}

function resolvesInto(file: string, spec: string, target: string): boolean {
  if (!spec.startsWith('.')) return false;
  const abs = path.resolve(path.dirname(file), spec);
  return abs.startsWith(path.join(root, target));
}

describe('layering', () => {
  it('the renderer imports no Node, Electron or database code, and only electron/common of ours', () => {
    expect(
      violations('renderer/src', (f, spec) => {
        if (browserForbidden(spec)) return 'Node/Electron/database code in the renderer';
        if (spec.startsWith('.') && (resolvesInto(f, spec, 'electron') || resolvesInto(f, spec, 'db')) && !resolvesInto(f, spec, 'electron/common')) {
          return 'only electron/common may be imported from the renderer';
        }
        return null;
      }),
    ).toEqual([]);
  });

  it('electron/common stays pure, because the renderer imports it', () => {
    expect(
      violations('electron/common', (f, spec) => {
        if (browserForbidden(spec)) return 'Node/Electron/database code in shared code';
        if (spec.startsWith('.') && !resolvesInto(f, spec, 'electron/common')) return 'shared code may only import shared code';
        return null;
      }),
    ).toEqual([]);
  });

  it("only electron/main and electron/preload import 'electron'", () => {
    expect(
      violations('electron', (f, spec) => {
        const shell = f.includes(`${path.sep}electron${path.sep}main${path.sep}`) || f.includes(`${path.sep}electron${path.sep}preload${path.sep}`);
        return !shell && (spec === 'electron' || spec.startsWith('electron/')) ? 'Electron outside the shell: services must run under plain Node' : null;
      }),
    ).toEqual([]);
  });

  it('the database schema lives in one place', () => {
    const sqliteTables = files(root + '/electron').filter((f) => /sqliteTable\(/.test(fs.readFileSync(f, 'utf8')));
    expect(sqliteTables.map((f) => path.relative(root, f))).toEqual([]);
  });
});
