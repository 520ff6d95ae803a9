/**
 * The layering rules: where code runs decides what it may import. ESLint enforces them
 * (eslint.config.js, `npm run lint`); this test proves the rules bite, by linting one-line sources
 * placed in each layer, and that the tree obeys them, so that `npm test` alone also fails when a
 * forbidden import is added.
 * - renderer/ runs in a browser window: no Node, no Electron, no database; from our own code only
 *   electron/common (the contract and the pure domain rules).
 * - electron/common is imported by the renderer: zod, dayjs and itself only.
 * - everything else under electron/ is plain Node (services, API, host, CLI): only electron/main
 *   and electron/preload may import 'electron', so the rest runs under Node and in tests; the
 *   services never reach into the Electron shell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/** The rules that draw the layers; the type-aware rules are `npm run lint`'s business, not this test's. */
const LAYER_RULES = new Set(['@typescript-eslint/no-restricted-imports', 'import-x/no-restricted-paths', 'import-x/no-nodejs-modules']);

const eslint = new ESLint({
  cwd: root,
  // Without type information (the sources below are not files of a TypeScript project), and without the
  // report of disable comments that name rules this test does not run.
  overrideConfig: [tseslint.configs.disableTypeChecked, { linterOptions: { reportUnusedDisableDirectives: 'off' } }],
  ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
});

/** The layer rules that `source`, placed at `file` (relative to the repo), breaks. */
async function broken(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('the layer rules bite', () => {
  const renderer = 'renderer/src/pages/cases/LayerProbe.tsx';
  it.each([
    ["import fs from 'node:fs';", 'import-x/no-nodejs-modules'],
    ["import { join } from 'path';", 'import-x/no-nodejs-modules'],
    ["import { ipcRenderer } from 'electron';", '@typescript-eslint/no-restricted-imports'],
    ["import Database from 'better-sqlite3';", '@typescript-eslint/no-restricted-imports'],
    ["import { eq } from 'drizzle-orm';", '@typescript-eslint/no-restricted-imports'],
    ["import { registerCase } from '../../../../electron/services/cases/register';", 'import-x/no-restricted-paths'],
    ["import { dispatch } from '../../../../electron/api/dispatch';", 'import-x/no-restricted-paths'],
    ["import { cases } from '../../../../db/schema';", 'import-x/no-restricted-paths'],
  ])('the renderer may not: %s', async (source, rule) => {
    expect(await broken(renderer, source)).toContain(rule);
  });

  it('the renderer may import electron/common, React and antd', async () => {
    expect(
      await broken(
        renderer,
        [
          "import { statusLabel } from '../../../../electron/common/domain/lifecycle';",
          "import { useState } from 'react';",
          "import { Button } from 'antd';",
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  const common = 'electron/common/domain/layer-probe.ts';
  it.each([
    ["import crypto from 'node:crypto';", 'import-x/no-nodejs-modules'],
    ["import { eq } from 'drizzle-orm';", '@typescript-eslint/no-restricted-imports'],
    ["import { v7 } from 'uuid';", '@typescript-eslint/no-restricted-imports'],
    ["import { registerCase } from '../../services/cases/register';", 'import-x/no-restricted-paths'],
    ["import { cases } from '../../../db/schema';", 'import-x/no-restricted-paths'],
  ])('electron/common may not: %s', async (source, rule) => {
    expect(await broken(common, source)).toContain(rule);
  });

  it('electron/common may import zod, dayjs and itself', async () => {
    expect(
      await broken(common, ["import { z } from 'zod';", "import dayjs from 'dayjs';", "import { AppError } from '../errors';"].join('\n')),
    ).toEqual([]);
  });

  it.each([
    'electron/services/cases/layer-probe.ts',
    'electron/api/layer-probe.ts',
    'electron/host/layer-probe.ts',
    'electron/cli/layer-probe.ts',
    'db/layer-probe.ts',
    'tests/unit/layer-probe.ts',
  ])("%s may not import 'electron'", async (file) => {
    expect(await broken(file, "import { app } from 'electron';")).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('the services may not reach into the Electron shell', async () => {
    expect(await broken('electron/services/cases/layer-probe.ts', "import { readPrefs } from '../../main/desktop-prefs';")).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it.each(['electron/main/layer-probe.ts', 'electron/preload/layer-probe.ts'])(
    "%s may import 'electron' and the services",
    async (file) => {
      expect(await broken(file, ["import { app } from 'electron';", "import { openDatabase } from '../../db/open';"].join('\n'))).toEqual(
        [],
      );
    },
  );
});

describe('the tree obeys the layer rules', () => {
  it('no source file breaks them', { timeout: 120_000 }, async () => {
    const results = await eslint.lintFiles(['renderer/src', 'electron', 'db', 'tests']);
    const found = results.flatMap((r) =>
      r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId ?? 'fatal'}: ${m.message}`),
    );
    expect(found).toEqual([]);
  });

  it('the database schema lives in one place', () => {
    const files = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
    const sqliteTables = files(path.join(root, 'electron')).filter((f) => /sqliteTable\(/.test(fs.readFileSync(f, 'utf8')));
    expect(sqliteTables.map((f) => path.relative(root, f))).toEqual([]);
  });
});
