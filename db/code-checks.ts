/**
 * SQLite's own check of every code column: the triggers that refuse a value outside the column's list.
 *
 * The lists are those db/schema.ts declares (`text(name, { enum: LIST })`, each LIST from
 * electron/common), read here from the schema itself, so the triggers cannot name another list than
 * the compiler does. They are triggers rather than CHECK constraints because SQLite adds a CHECK to
 * an existing column only by rebuilding the table (and every index, trigger and search-index
 * trigger on it); a BEFORE trigger with RAISE(ABORT) refuses the same writes without touching the data.
 *
 * What they refuse: an INSERT with a value outside the list, and an UPDATE that writes a new value
 * outside it. Rows already in the database are not re-checked (no build ever wrote a code outside
 * its list; an update that leaves a column as it was passes whatever it holds).
 *
 * A list that changes needs a migration: render the SQL of the tables concerned with
 * `codeCheckMigration(['cases', …])` (it drops and recreates their triggers) into a custom migration.
 * tests/integration/foundation/code-checks.test.ts fails until the database's triggers are this
 * file's.
 */
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

export interface CodeColumn {
  table: string;
  column: string;
  values: readonly string[];
}

/** Every column of the schema declared with a list of codes, table by table in schema order. */
export function codeColumns(): CodeColumn[] {
  const out: CodeColumn[] = [];
  // Every table db/schema.ts exports (its `schema` object, drizzle's query map, leaves some out).
  for (const table of Object.values(schema as Record<string, unknown>).filter((t): t is SQLiteTable => is(t, SQLiteTable))) {
    const config = getTableConfig(table);
    for (const column of config.columns) {
      const values = (column as { enumValues?: readonly string[] }).enumValues;
      if (values?.length) out.push({ table: config.name, column: column.name, values });
    }
  }
  return out;
}

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function refusal(c: CodeColumn, when: string): string {
  const message = `代码不在列表中 / not a code of its list: ${c.table}.${c.column}`;
  return `  SELECT RAISE(ABORT, ${quote(message)}) WHERE ${when}NEW.${c.column} IS NOT NULL AND NEW.${c.column} NOT IN (${c.values.map(quote).join(', ')});`;
}

export interface CodeTrigger {
  name: string;
  table: string;
  sql: string;
}

/** The two triggers of each table with code columns: one on INSERT, one on UPDATE OF those columns. */
export function codeCheckTriggers(tables?: readonly string[]): CodeTrigger[] {
  const byTable = new Map<string, CodeColumn[]>();
  for (const c of codeColumns()) {
    if (tables && !tables.includes(c.table)) continue;
    byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  }
  const out: CodeTrigger[] = [];
  for (const [table, columns] of byTable) {
    const insert = `code_check_${table}_insert`;
    const update = `code_check_${table}_update`;
    out.push({
      name: insert,
      table,
      sql: [`CREATE TRIGGER ${insert} BEFORE INSERT ON ${table}`, 'BEGIN', ...columns.map((c) => refusal(c, '')), 'END'].join('\n'),
    });
    out.push({
      name: update,
      table,
      sql: [
        `CREATE TRIGGER ${update} BEFORE UPDATE OF ${columns.map((c) => c.column).join(', ')} ON ${table}`,
        'BEGIN',
        // Only a value the update changes is checked: a row is never refused for what it already held.
        ...columns.map((c) => refusal(c, `NEW.${c.column} IS NOT OLD.${c.column} AND `)),
        'END',
      ].join('\n'),
    });
  }
  return out;
}

/** The statements of a migration that (re)creates the triggers of `tables` (all tables with code columns when omitted). */
export function codeCheckMigration(tables?: readonly string[]): string {
  return codeCheckTriggers(tables)
    .flatMap((t) => [`DROP TRIGGER IF EXISTS ${t.name};`, `${t.sql};`])
    .join('\n--> statement-breakpoint\n');
}
