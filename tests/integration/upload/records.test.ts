import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cases, parties } from '../../../db/schema';
import { exportJsonl } from '../../../electron/services/records/export';
import { DISTRICT_CASE_FIELDS } from './harness';
import { iterateRecords, loadRecord, loadRecords } from '../../../electron/services/records/load';
import {
  addAudit,
  addCase,
  addDocument,
  addLocalSecrets,
  addMediator,
  addParty,
  addReferral,
  assignMediator,
  change,
  seedCentre,
  tempDb,
  tombstone,
  type TempDb,
} from './seed';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let t: TempDb;
afterEach(() => t?.cleanup());

describe('upload records', () => {
  it('a case carries every "Case fields" entry, with its mediators, live parties and court referral', () => {
    t = tempDb();
    const { db } = t;
    const lead = addMediator(db);
    const assistant = addMediator(db, { name: '赵调解' });
    const caseId = addCase(db, {
      source: 'court_delegated',
      tier: 'town',
      deadline: '2026-12-31',
      leadUnit: '王村镇综治中心',
      outcome: 'ended',
    });
    assignMediator(db, caseId, assistant, 'assistant');
    assignMediator(db, caseId, lead, 'lead');
    const p1 = addParty(db, caseId);
    const p2 = addParty(db, caseId, { role: 'respondent', ordinal: 1 });
    const gone = addParty(db, caseId, { ordinal: 2 });
    tombstone(db, parties, gone);
    addReferral(db, caseId);

    const rec = loadRecord(db, 'case', caseId)!;
    expect(rec).toMatchObject({ kind: 'case', id: caseId, version: 1, deleted: false });
    expect(rec.updatedAt).toMatch(RFC3339);
    const data = rec.data;
    for (const field of DISTRICT_CASE_FIELDS) {
      expect(data, field).toHaveProperty(field);
    }
    expect(data.mediatorIds).toEqual([lead, assistant]);
    expect(data.partyIds).toEqual([p1, p2]);
    expect(data.deadline).toBe('2026-12-31');
    expect(data.registeredAt).toMatch(RFC3339);
    // The district knows four outcomes: "ended" travels as failed, with the app's own code beside it.
    expect(data.outcome).toBe('failed');
    expect(data.outcomeDetail).toBe('ended');
    expect(data.courtReferral).toMatchObject({
      mode: 'delegated',
      court: '牧野区人民法院',
      referenceNumber: '（2026）豫0711民诉前调123号',
      referredAt: expect.stringMatching(RFC3339),
    });
    expect(data).toHaveProperty('summary');
    expect(data).toHaveProperty('originTier');
  });

  it('party data includes personal data; documents never carry the file; tombstones carry nothing', () => {
    t = tempDb();
    const { db } = t;
    const caseId = addCase(db);
    const partyId = addParty(db, caseId);
    const docId = addDocument(db, caseId);
    const party = loadRecord(db, 'party', partyId)!;
    expect(party.data).toMatchObject({ caseId, idNumber: '41071119850101123X', phone: '13912345678', name: '张三' });
    const doc = loadRecord(db, 'document', docId)!;
    expect(doc.data).toMatchObject({ caseId, type: 'agreement', docVersion: 1, contentHash: 'ab'.repeat(32) });
    expect(JSON.stringify(doc)).not.toContain('secret-local-path');

    tombstone(db, cases, caseId);
    expect(loadRecord(db, 'case', caseId)).toEqual({
      kind: 'case',
      id: caseId,
      version: 2,
      updatedAt: expect.stringMatching(RFC3339),
      deleted: true,
      data: {},
    });
  });

  it('events come from the audit trail at version 1, never about users or settings', () => {
    t = tempDb();
    const { db } = t;
    const caseId = addCase(db);
    const ev = addAudit(db, 'case', caseId, caseId, { before: { status: 'registered' }, after: { status: 'accepted' } });
    addLocalSecrets(db);
    const rec = loadRecord(db, 'event', ev)!;
    expect(rec).toMatchObject({
      kind: 'event',
      version: 1,
      deleted: false,
      data: { entityKind: 'case', entityId: caseId, after: { status: 'accepted' } },
    });
    const userEvents = db.sqlite.prepare("SELECT id FROM audit WHERE entity_kind IN ('user','settings')").all() as { id: string }[];
    expect(userEvents).toHaveLength(2);
    for (const e of userEvents) expect(loadRecord(db, 'event', e.id)).toBeNull();
    const events = [...iterateRecords(db, { kinds: ['event'] })];
    expect(events.map((e) => e.id)).toEqual([ev]);
  });

  it('a missing id is null, and many ids load in one call', () => {
    t = tempDb();
    const caseIds = seedCentre(t.db, 5).caseIds;
    expect(loadRecord(t.db, 'case', '0193a3f2-0000-7000-8000-000000000001')).toBeNull();
    expect([...loadRecords(t.db, 'case', caseIds).keys()].sort()).toEqual([...caseIds].sort());
  });

  it('export writes every record as JSONL, streaming, and nothing secret', async () => {
    t = tempDb();
    const { db } = t;
    seedCentre(db, 40);
    addLocalSecrets(db);
    const some = db.sqlite.prepare('SELECT id FROM cases LIMIT 1').get() as { id: string };
    change(db, cases, some.id, { title: '改过的标题' });
    const file = path.join(t.dir, 'export.jsonl');
    // A small page size makes the stream cross many pages.
    const result = await exportJsonl(db, file, { pageSize: 7 });
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(result.records);
    const all = lines.map((l) => JSON.parse(l) as { kind: string; id: string; version: number });
    const domainRows =
      ['cases', 'parties', 'sessions', 'documents', 'mediators', 'confirmations', 'followups']
        .map((tb) => (db.sqlite.prepare(`SELECT count(*) AS n FROM ${tb}`).get() as { n: number }).n)
        .reduce((a, b) => a + b, 0) + 40; // + one case event each
    expect(all).toHaveLength(domainRows);
    expect(new Set(all.map((r) => `${r.kind}/${r.id}`)).size).toBe(all.length);
    expect(all.find((r) => r.id === some.id)?.version).toBe(2);
    expect(result.byKind.case).toBe(40);
    const text = fs.readFileSync(file, 'utf8');
    for (const secret of ['SECRET-HASH', 'SECRET-TOKEN-VALUE', 'passwordHash', 'secret-local-path', '410711198001011234'])
      expect(text).not.toContain(secret);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});
