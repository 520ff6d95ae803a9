/**
 * Real SQLite files in temp dirs with domain rows written straight into the tables (ids UUID v7,
 * versions and updatedAt as the services would write them), so the outbox triggers fire exactly
 * as in the app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, getTableColumns, is, sql } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { schema } from '../../../db/schema';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase, type Db } from '../../../db/open';
import {
  audit,
  caseMediators,
  cases,
  confirmations,
  courtReferrals,
  documents,
  followups,
  mediators,
  parties,
  sessions,
  settings,
  users,
} from '../../../db/schema';
import { iterateRecords } from '../../../electron/services/records/load';
import type { RecordKind } from '../../../electron/services/records/kinds';

export const CENTRE = '410711001';
export const OTHER_CENTRE = '410711002';
export const DEVICE = '8a6f0f1e-1d7e-4a8b-9f5e-2b1c7d9e0a34';

let clockMs = Date.parse('2026-11-28T09:00:00+08:00');
/** Strictly increasing times in +08:00, like the app writes in China. */
export function nextTime(): string {
  clockMs += 1000;
  const d = new Date(clockMs + 8 * 3600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export interface TempDb {
  db: Db;
  dir: string;
  file: string;
  reopen(): Db;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'md-upload-'));
  const file = path.join(dir, 'mediation.db');
  const opened: Db[] = [openDatabase(file)];
  return {
    db: opened[0]!,
    dir,
    file,
    reopen: () => {
      const d = openDatabase(file);
      opened.push(d);
      return d;
    },
    cleanup: () => {
      for (const d of opened) d.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const head = () => ({ id: uuidv7(), version: 1, updatedAt: nextTime(), deleted: false });

let serial = 0;

export function addMediator(db: Db, over: Partial<typeof mediators.$inferInsert> = {}): string {
  const row = {
    ...head(),
    name: '王调解',
    kind: 'resident',
    organisation: '牧野区人民调解委员会',
    phone: '13800000001',
    idNumber: '410711198001011234',
    createdAt: nextTime(),
    ...over,
  };
  insertRow(db, mediators, row);
  return row.id;
}

export function addCase(db: Db, over: Partial<typeof cases.$inferInsert> = {}): string {
  serial += 1;
  const row = {
    ...head(),
    caseNumber: `（2026）牧调字第${String(serial).padStart(5, '0')}号`,
    year: 2026,
    serial,
    title: '邻里通道纠纷',
    category: 'neighbor',
    source: 'walk_in',
    tier: 'village',
    originTier: 'village',
    status: 'registered',
    summary: '双方因院墙通道发生争执',
    registeredAt: nextTime(),
    ...over,
  };
  insertRow(db, cases, row);
  return row.id;
}

export function addParty(db: Db, caseId: string, over: Partial<typeof parties.$inferInsert> = {}): string {
  const row = {
    ...head(),
    caseId,
    role: 'applicant',
    kind: 'person',
    name: '张三',
    idType: 'resident_id',
    idNumber: '41071119850101123X',
    phone: '13912345678',
    address: '牧野区王村镇',
    ...over,
  };
  insertRow(db, parties, row);
  return row.id;
}

export function assignMediator(db: Db, caseId: string, mediatorId: string, role = 'lead') {
  insertRow(db, caseMediators, { caseId, mediatorId, role, assignedAt: nextTime() });
}

export function addReferral(db: Db, caseId: string) {
  insertRow(db, courtReferrals, {
    caseId,
    mode: 'delegated',
    court: '牧野区人民法院',
    referenceNumber: '（2026）豫0711民诉前调123号',
    referredAt: nextTime(),
    timeLimitDays: 30,
  });
}

export function addSession(db: Db, caseId: string): string {
  const row = { ...head(), caseId, heldAt: nextTime(), place: '调解室一', record: '双方陈述意见' };
  insertRow(db, sessions, row);
  return row.id;
}

export function addDocument(db: Db, caseId: string): string {
  const row = {
    ...head(),
    caseId,
    type: 'agreement',
    docVersion: 1,
    contentHash: 'ab'.repeat(32),
    filePath: 'documents/2026/secret-local-path.docx',
    generatedBy: '李书记员',
    generatedAt: nextTime(),
  };
  insertRow(db, documents, row);
  return row.id;
}

export function addConfirmation(db: Db, caseId: string): string {
  const row = { ...head(), caseId, court: '牧野区人民法院', appliedAt: '2026-11-20' };
  insertRow(db, confirmations, row);
  return row.id;
}

export function addFollowup(db: Db, caseId: string): string {
  const row = { ...head(), caseId, dueOn: '2026-12-20' };
  insertRow(db, followups, row);
  return row.id;
}

export function addAudit(
  db: Db,
  entityKind: string,
  entityId: string,
  caseId: string | null = null,
  extra: { before?: unknown; after?: unknown } = {},
): string {
  const id = uuidv7();
  insertRow(db, audit, {
    id,
    at: nextTime(),
    actorId: null,
    actorName: '李书记员',
    operation: `${entityKind}.update`,
    entityKind,
    entityId,
    caseId,
    summary: '修改记录',
    before: extra.before ?? null,
    after: extra.after ?? null,
  });
  return id;
}

/** Users and settings: local only; the tests check none of this ever leaves. */
export function addLocalSecrets(db: Db) {
  const userId = uuidv7();
  insertRow(db, users, {
    id: userId,
    loginName: 'admin',
    displayName: '管理员',
    role: 'admin',
    passwordHash: 'scrypt$16384$8$1$c2FsdA$SECRET-HASH',
    createdAt: nextTime(),
    updatedAt: nextTime(),
  });
  insertRow(db, settings, { key: 'upload.token', value: 'SECRET-TOKEN-VALUE', updatedAt: nextTime() });
  addAudit(db, 'user', userId, null, { after: { passwordHash: 'SECRET-HASH' } });
  addAudit(db, 'settings', 'upload.token', null, { after: { value: 'SECRET-TOKEN-VALUE' } });
}

type Table =
  typeof cases | typeof parties | typeof sessions | typeof documents | typeof mediators | typeof confirmations | typeof followups;

/** One change as the services make it: version + 1, a new updatedAt. */
export function change(db: Db, table: Table, id: string, values: Record<string, unknown> = {}) {
  db.orm
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: nextTime() })
    .where(eq(table.id, id))
    .run();
}

export const tombstone = (db: Db, table: Table, id: string) => change(db, table, id, { deleted: true });

/** A small centre: `n` cases, each with parties, a session, a document, events; some extras. */
export function seedCentre(db: Db, n: number): { caseIds: string[]; mediatorIds: string[] } {
  const caseIds: string[] = [];
  const mediatorIds = [addMediator(db, { name: '王调解' }), addMediator(db, { name: '赵调解', kind: 'invited' })];
  db.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const caseId = addCase(db, { title: `纠纷 ${i}`, source: i % 5 === 0 ? 'court_delegated' : 'walk_in' });
      caseIds.push(caseId);
      addParty(db, caseId, { name: `申请人${i}` });
      addParty(db, caseId, { name: `被申请人${i}`, role: 'respondent', ordinal: 1 });
      assignMediator(db, caseId, mediatorIds[i % 2]!);
      if (i % 5 === 0) addReferral(db, caseId);
      addSession(db, caseId);
      if (i % 3 === 0) addDocument(db, caseId);
      if (i % 7 === 0) addConfirmation(db, caseId);
      if (i % 7 === 0) addFollowup(db, caseId);
      addAudit(db, 'case', caseId, caseId, { after: { status: 'registered' } });
    }
  })();
  return { caseIds, mediatorIds };
}

/** What the district should hold at the end: every record at its latest local version. */
export function latestLocal(db: Db): Map<string, { kind: RecordKind; id: string; version: number; deleted: boolean }> {
  const out = new Map<string, { kind: RecordKind; id: string; version: number; deleted: boolean }>();
  for (const r of iterateRecords(db)) out.set(`${r.kind}/${r.id}`, { kind: r.kind, id: r.id, version: r.version, deleted: r.deleted });
  return out;
}

export const count = (db: Db, table: string, where = 'true'): number =>
  (db.sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

export const noWait = async (): Promise<void> => undefined;

/**
 * Insert a row with the columns the database has. Upgrade tests seed a database at an older
 * migration with today's schema objects: a column a later migration adds is not there yet, and an
 * ORM insert (which names every column) would fail on it.
 */
function insertRow(db: Db, table: SQLiteTable, row: Record<string, unknown>): void {
  const tableName = getTableConfig(table).name;
  const present = new Set((db.sqlite.prepare(`PRAGMA table_info("${tableName}")`).all() as { name: string }[]).map((c) => c.name));
  const names: string[] = [];
  const values: unknown[] = [];
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (!present.has(column.name)) continue;
    let value = row[key];
    if (value === undefined && column.defaultFn) value = column.defaultFn();
    if (value === undefined) continue;
    names.push(`"${column.name}"`);
    values.push(value === null ? null : column.mapToDriverValue(value));
  }
  db.sqlite.prepare(`INSERT INTO "${tableName}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
}

/**
 * Run today's code (an upload) on a database at an older migration, as the older build would have:
 * the columns later migrations add are added empty for the call and dropped again after it, so the
 * database is left exactly at its migration. Today's record loader names every column of today's
 * schema; the older build's named only its own, and those are what it read.
 */
export async function runAsOlderBuild<T>(db: Db, run: () => Promise<T>): Promise<T> {
  const added: [string, string][] = [];
  for (const table of Object.values(schema)) {
    if (!is(table, SQLiteTable)) continue;
    const name = getTableConfig(table).name;
    const present = (db.sqlite.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => c.name);
    if (present.length === 0) continue;
    for (const column of getTableConfig(table).columns) {
      if (present.includes(column.name)) continue;
      db.sqlite.exec(`ALTER TABLE "${name}" ADD COLUMN "${column.name}"`);
      added.push([name, column.name]);
    }
  }
  try {
    return await run();
  } finally {
    for (const [table, column] of added) db.sqlite.exec(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
  }
}
