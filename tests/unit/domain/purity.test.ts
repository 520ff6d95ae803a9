import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as domain from '../../../electron/common/domain';

const DIR = join(import.meta.dirname, '../../../electron/common/domain');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('electron/common/domain stays pure (the renderer imports it)', () => {
  it.each(files)('%s imports only zod, dayjs, ../errors and its siblings', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const specifiers = [
      ...text.matchAll(
        /^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]/gm,
      ),
    ].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
    // A file that imports must have its imports found (the pattern is not silently broken); a rule
    // that needs nothing at all imports nothing.
    if (/^\s*import\b/m.test(text)) expect(specifiers.length, file).toBeGreaterThan(0);
    for (const s of specifiers) {
      expect(s === 'zod' || s === 'dayjs' || s === '../errors' || /^\.\/[A-Za-z]+$/.test(s ?? ''), `${file}: ${s}`).toBe(true);
    }
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\bwindow\.|\bdocument\./);
  });

  it('starts every file with a header comment', () => {
    for (const file of files) expect(readFileSync(join(DIR, file), 'utf8').startsWith('/**'), file).toBe(true);
  });

  it('re-exports every module from index.ts', () => {
    const index = readFileSync(join(DIR, 'index.ts'), 'utf8');
    for (const file of files.filter((f) => f !== 'index.ts')) {
      expect(index, file).toContain(`export * from './${file.replace(/\.ts$/, '')}';`);
    }
    expect(typeof domain.nextStatus).toBe('function');
    expect(typeof domain.validateResidentId).toBe('function');
    expect(typeof domain.formatCaseNumber).toBe('function');
  });
});
