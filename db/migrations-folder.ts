import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the committed migrations are: next to this file when run from source (tsx, vitest),
 * two levels up from the bundle in out/main when built, or in the packaged app's resources.
 */
export function defaultMigrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    process.env.MEDIATION_MIGRATIONS_DIR,
    path.join(here, 'migrations'),
    path.join(here, '..', '..', 'db', 'migrations'),
    resources ? path.join(resources, 'migrations') : undefined,
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(path.join(p, 'meta', '_journal.json')));
  if (!found) throw new Error(`migrations not found; looked in: ${candidates.join(', ')}`);
  return found;
}
