/**
 * A copy of the migrations folder holding only the first `count` migrations: opening a database
 * with it makes the database an earlier build would have left, for tests of upgrades.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { codeCheckTriggers } from '../../db/code-checks';
import { defaultMigrationsFolder } from '../../db/migrations-folder';

export function migrationsUpTo(dir: string, count: number): string {
  const folder = defaultMigrationsFolder();
  const out = path.join(dir, `migrations-${count}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(path.join(out, 'meta/_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(folder, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  return out;
}

/**
 * Write what only a build before migration 0014 could have written (a code outside its list): the
 * table's code checks are dropped for `write` and put back as the migration made them.
 */
export function withoutCodeChecks(sqlite: Database.Database, table: string, write: () => void): void {
  const triggers = codeCheckTriggers([table]);
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  try {
    write();
  } finally {
    for (const t of triggers) sqlite.exec(t.sql);
  }
}
