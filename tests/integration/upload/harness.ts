/**
 * Running the real upload against the real test server, and the checks every upload test ends
 * with: the district holds each record at its latest version, and its log shows no batch over the
 * limits and no batch id used for two bodies.
 */
import { expect } from 'vitest';
import type { Db } from '../../../db/open';
import { runUpload, type RunUploadOptions } from '../../../electron/services/upload/run';
import { MAX_BYTES, MAX_RECORDS, type DistrictServer } from '../../peers/district-server';
import { CENTRE, DEVICE, latestLocal, noWait } from './seed';

export function upload(server: DistrictServer, db: Db, over: Partial<RunUploadOptions> = {}) {
  return runUpload({
    db,
    serverUrl: server.url,
    token: server.tokens[CENTRE]!,
    centreCode: CENTRE,
    deviceId: DEVICE,
    trigger: 'manual',
    sleep: noWait,
    timeoutMs: 3000,
    ...over,
  });
}

export function expectServerHoldsLatest(server: DistrictServer, db: Db) {
  const local = latestLocal(db);
  const mismatches: string[] = [];
  for (const [key, r] of local) {
    const held = server.state.record(CENTRE, r.kind, r.id);
    if (!held || held.version !== r.version || held.deleted !== r.deleted)
      mismatches.push(`${key}: local v${r.version} server ${held ? `v${held.version}` : 'none'}`);
  }
  expect(mismatches).toEqual([]);
  const heldForCentre = [...server.state.records.keys()].filter((k) => k.startsWith(`${CENTRE}/`)).length;
  expect(heldForCentre).toBe(local.size);
}

export function expectCleanLog(server: DistrictServer, limits: { maxRecords?: number; maxBytes?: number } = {}) {
  const bodies = new Map<string, string>();
  for (const e of server.state.log) {
    if (e.batchId === null) continue;
    expect(e.records, `batch ${e.batchId} records`).toBeLessThanOrEqual(limits.maxRecords ?? MAX_RECORDS);
    expect(e.bytes, `batch ${e.batchId} bytes`).toBeLessThanOrEqual(limits.maxBytes ?? MAX_BYTES);
    expect(e.gzip).toBe(true);
    expect(e.idempotencyKey).toBe(e.batchId);
    const first = bodies.get(e.batchId);
    if (first === undefined) bodies.set(e.batchId, e.sha256!);
    else expect(e.sha256, `batch ${e.batchId} reused for other content`).toBe(first);
  }
  expect(server.state.log.some((e) => e.status === 409)).toBe(false);
}

/** Each (record, version) went out in exactly one batch id: retries reused the batch, never rebatched it. */
export function expectEachVersionInOneBatch(server: DistrictServer) {
  const spread = [...server.state.sightings].filter(([, ids]) => ids.size !== 1).map(([key, ids]) => `${key} in ${ids.size} batches`);
  expect(spread).toEqual([]);
}

/** district-api.md "Case fields": what every uploaded or exported case record must carry (copied from the spec, not from the code under test). */
export const DISTRICT_CASE_FIELDS = [
  'caseNumber',
  'title',
  'category',
  'source',
  'tier',
  'status',
  'registeredAt',
  'acceptedAt',
  'deadline',
  'closedAt',
  'outcome',
  'leadUnit',
  'responsibleLeader',
  'responsiblePerson',
  'mediatorIds',
  'partyIds',
  'courtReferral',
] as const;
