import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Kept by CI, ignored by git. */
export const screenshotDir = path.join(repoRoot, 'tests', 'artifacts', 'screenshots');
