/**
 * A real district server on 127.0.0.1 that follows district-api.md, with faults that can be
 * injected at start and changed while it runs. Tests talk to it over HTTP exactly as the app
 * talks to the district, so what passes here is the interface, not a mock's idea of it.
 *
 * Every POST it receives is logged (batch id, record count, uncompressed bytes, sha256 of the
 * body) so a test can prove afterwards that no batch broke the limits and no batch id was used for
 * two different bodies.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { z } from 'zod';

export const KINDS = ['case', 'party', 'session', 'document', 'event', 'mediator', 'confirmation', 'followup'] as const;
export type Kind = (typeof KINDS)[number];

export const MAX_RECORDS = 500;
export const MAX_BYTES = 4 * 1024 * 1024;
/** A gzip body may not be bigger than the uncompressed limit either; past it we stop reading. */
const MAX_WIRE_BYTES = MAX_BYTES + 64 * 1024;

/**
 * - `500-before` / `reset-before` / `429` / `503` / `html`: nothing stored.
 * - `500-after` / `reset-after` / `slow` / `garbage`: the batch IS stored, the client cannot tell.
 * - `slow-before`: works for `slowMs` before storing, and stores nothing if the client has gone.
 * `html` answers 200 with a web page (a captive portal or proxy), `garbage` answers 200 with
 * broken JSON, `slow` answers after `slowMs` (meant to be past the client's time-out).
 */
export const FAULT_KINDS = [
  '500-before',
  '500-after',
  'reset-before',
  'reset-after',
  'slow',
  'slow-before',
  '429',
  '503',
  'html',
  'garbage',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
const STORES_FIRST: ReadonlySet<FaultKind> = new Set(['500-after', 'reset-after', 'slow', 'garbage']);

export interface Faults {
  /** Share of POSTs (0..1) that get a fault picked by the seeded PRNG from `kinds`. */
  rate: number;
  kinds: FaultKind[];
  /** Faults for the next valid POSTs, in order, before `rate` applies (null: answer normally). */
  script: (FaultKind | null)[];
  retryAfterSeconds: number;
  slowMs: number;
  /** Answer 413 to batches with more records than this (the real limit stays 500). */
  force413Above: number | null;
  /** Record ids the server calls invalid (422). */
  rejectIds: string[];
}

export interface DistrictServerOptions {
  /** centreCode → bearer token. Default: two centres of Muye District with random tokens. */
  centres?: Record<string, string>;
  faults?: Partial<Faults>;
  seed?: number;
  /** Keep each record's data, stored versions and sightings (default true); a benchmark of 10^5+ records turns it off. */
  keepData?: boolean;
}

export interface BatchLogEntry {
  at: string;
  batchId: string | null;
  idempotencyKey: string | null;
  centreCode: string | null;
  records: number;
  /** Uncompressed body size. */
  bytes: number;
  sha256: string | null;
  /** sha256 of the bytes as they came over the wire (compressed or not): "the same bytes" on a retry. */
  wireSha256: string | null;
  gzip: boolean;
  /** 'reset': the server cut the connection; 'abandoned': the client left before the answer. */
  status: number | 'reset' | 'abandoned';
  fault: FaultKind | null;
  /** Records newly stored by this request (0 for a replay or a refusal). */
  stored: number;
}

export interface StoredRecord {
  kind: Kind;
  id: string;
  version: number;
  deleted: boolean;
  updatedAt: string;
  batchId: string;
  data?: Record<string, unknown>;
}

interface BatchSeen {
  sha256: string;
  centreCode: string;
  /** The 200 answer of the first time it was stored: a replay gets exactly this. */
  answer: string | null;
}

export interface DistrictState {
  log: BatchLogEntry[];
  /** `${centre}/${kind}/${id}` → the highest version held. */
  records: Map<string, StoredRecord>;
  /** Every version ever stored per record, in order: a version stored twice would show up here. */
  storedVersions: Map<string, number[]>;
  batches: Map<string, BatchSeen>;
  /**
   * `${kind}/${id}@${version}` → the batch ids it was seen in (valid batches only). A client that
   * resends an unanswered batch under a new id shows up here as two ids for one version.
   */
  sightings: Map<string, Set<string>>;
  record(centreCode: string, kind: Kind, id: string): StoredRecord | undefined;
  counts(centreCode: string): Record<Kind, number>;
  statusRequests: number;
}

export interface DistrictServer {
  url: string;
  port: number;
  tokens: Record<string, string>;
  state: DistrictState;
  faults(): Faults;
  setFaults(change: Partial<Faults>): void;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Validation (district-api.md)
// ---------------------------------------------------------------------------------------------

const time = z.iso.datetime({ offset: true });
const date = z.iso.date();
const nullableString = z.string().nullable();

const envelopeSchema = z.object({
  schema: z.literal('mediation-upload/1'),
  batchId: z.uuid(),
  centreCode: z.string().regex(/^\d{9}$/),
  deviceId: z.uuid(),
  sentAt: time,
  records: z.array(z.unknown()),
});

const recordSchema = z.object({
  kind: z.enum(KINDS),
  id: z.uuid(),
  version: z.number().int().min(1),
  updatedAt: time,
  deleted: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});

const caseDataSchema = z.object({
  caseNumber: z.string().min(1),
  title: z.string(),
  category: z.string().min(1),
  source: z.enum([
    'walk_in',
    'grid_report',
    'petition_referral',
    'informant_report',
    'court_delegated',
    'court_entrusted',
    'agency_referral',
    'hotline',
    'other',
  ]),
  tier: z.enum(['village', 'town', 'district']),
  status: z.string().min(1),
  registeredAt: time,
  acceptedAt: time.nullable(),
  deadline: date.nullable(),
  closedAt: time.nullable(),
  outcome: z.enum(['agreement', 'failed', 'withdrawn', 'transferred']).nullable(),
  leadUnit: nullableString,
  responsibleLeader: nullableString,
  responsiblePerson: nullableString,
  mediatorIds: z.array(z.uuid()),
  partyIds: z.array(z.uuid()),
  courtReferral: z
    .object({
      mode: z.enum(['delegated', 'entrusted']),
      court: z.string().min(1),
      referenceNumber: z.string(),
      referredAt: z.union([time, date]),
    })
    .nullable(),
});

type ValidRecord = z.infer<typeof recordSchema>;

function issueText(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(记录)'}：${i.message}`)
    .join('；');
}

function validateRecord(raw: unknown, rejectIds: ReadonlySet<string>): { ok: true; record: ValidRecord } | { ok: false; message: string } {
  const head = recordSchema.safeParse(raw);
  if (!head.success) return { ok: false, message: issueText(head.error.issues) };
  const rec = head.data;
  if (rec.kind === 'event' && rec.version !== 1) return { ok: false, message: 'event 记录只能是第 1 版（只增不改）' };
  if (rec.kind === 'case' && !rec.deleted) {
    const data = caseDataSchema.safeParse(rec.data);
    if (!data.success)
      return { ok: false, message: `案件字段不合规：${issueText(data.error.issues.map((i) => ({ ...i, path: ['data', ...i.path] })))}` };
  }
  if (rejectIds.has(rec.id)) return { ok: false, message: '区平台拒收该记录（测试注入）' };
  return { ok: true, record: rec };
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, seeded, good enough to pick faults reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const defaultFaults = (): Faults => ({
  rate: 0,
  kinds: [...FAULT_KINDS],
  script: [],
  retryAfterSeconds: 1,
  slowMs: 2000,
  force413Above: null,
  rejectIds: [],
});

class TooLarge extends Error {}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Keep draining so the answer can still be written, but stop keeping what we cannot use.
      if (size > MAX_WIRE_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => (tooLarge ? reject(new TooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

const emptyCounts = (): Record<Kind, number> => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;

export async function startDistrictServer(options: DistrictServerOptions = {}): Promise<DistrictServer> {
  const tokens: Record<string, string> = options.centres ?? {
    '410711001': crypto.randomBytes(24).toString('base64url'),
    '410711002': crypto.randomBytes(24).toString('base64url'),
  };
  const centreOfToken = new Map(Object.entries(tokens).map(([code, token]) => [token, code]));
  // Copied: `script` is consumed as it runs and must not eat the caller's array.
  let faults: Faults = { ...defaultFaults(), ...options.faults, script: [...(options.faults?.script ?? [])] };
  const random = prng(options.seed ?? 1);
  const keepData = options.keepData ?? true;
  const live = new Map<string, Record<Kind, number>>();
  const last = new Map<string, { batchId: string; receivedAt: string }>();
  const timers = new Set<NodeJS.Timeout>();

  const state: DistrictState = {
    log: [],
    records: new Map(),
    storedVersions: new Map(),
    batches: new Map(),
    sightings: new Map(),
    record: (centreCode, kind, id) => state.records.get(`${centreCode}/${kind}/${id}`),
    counts: (centreCode) => ({ ...(live.get(centreCode) ?? emptyCounts()) }),
    statusRequests: 0,
  };

  function pickFault(): FaultKind | null {
    if (faults.script.length > 0) return faults.script.shift() ?? null;
    if (faults.rate > 0 && faults.kinds.length > 0 && random() < faults.rate) {
      return faults.kinds[Math.floor(random() * faults.kinds.length)] ?? null;
    }
    return null;
  }

  function store(centreCode: string, batchId: string, records: ValidRecord[], receivedAt: string) {
    let accepted = 0;
    let duplicates = 0;
    const counts = live.get(centreCode) ?? emptyCounts();
    live.set(centreCode, counts);
    for (const r of records) {
      const key = `${centreCode}/${r.kind}/${r.id}`;
      const held = state.records.get(key);
      if (held && r.version <= held.version) {
        duplicates += 1;
        continue;
      }
      accepted += 1;
      if (held && !held.deleted) counts[r.kind] -= 1;
      if (!r.deleted) counts[r.kind] += 1;
      const stored: StoredRecord = { kind: r.kind, id: r.id, version: r.version, deleted: r.deleted, updatedAt: r.updatedAt, batchId };
      state.records.set(key, stored);
      if (!keepData) continue;
      stored.data = r.data;
      const versions = state.storedVersions.get(key);
      if (versions) versions.push(r.version);
      else state.storedVersions.set(key, [r.version]);
    }
    last.set(centreCode, { batchId, receivedAt });
    return { batchId, accepted, duplicates, receivedAt };
  }

  const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  };

  function bearer(req: http.IncomingMessage): string | null {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    return m?.[1] ?? null;
  }

  async function postBatch(req: http.IncomingMessage, res: http.ServerResponse) {
    const entry: BatchLogEntry = {
      at: new Date().toISOString(),
      batchId: null,
      idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null,
      centreCode: null,
      records: 0,
      bytes: 0,
      sha256: null,
      wireSha256: null,
      gzip: req.headers['content-encoding'] === 'gzip',
      status: 0,
      fault: null,
      stored: 0,
    };
    state.log.push(entry);
    const answer = (status: number, body: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      json(res, status, body, headers);
    };

    let wire: Buffer;
    try {
      wire = await readBody(req);
    } catch (e) {
      if (e instanceof TooLarge) return answer(413, { error: 'body over 4 MiB' });
      throw e;
    }
    entry.wireSha256 = crypto.createHash('sha256').update(wire).digest('hex');
    const token = bearer(req);
    const tokenCentre = token === null ? undefined : centreOfToken.get(token);
    if (tokenCentre === undefined) return answer(401, { error: 'missing or wrong token' });

    const encoding = req.headers['content-encoding'];
    let body: Buffer;
    if (encoding === undefined || encoding === 'identity') body = wire;
    else if (encoding === 'gzip') {
      try {
        body = zlib.gunzipSync(wire, { maxOutputLength: MAX_BYTES + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return answer(413, { error: 'body over 4 MiB' });
        return answer(400, { error: 'bad gzip body' });
      }
    } else return answer(400, { error: `unsupported Content-Encoding ${encoding}` });
    entry.bytes = body.length;
    entry.sha256 = crypto.createHash('sha256').update(body).digest('hex');
    if (body.length > MAX_BYTES) return answer(413, { error: 'body over 4 MiB' });

    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(400, { error: 'malformed JSON' });
    }
    const envelope = envelopeSchema.safeParse(parsed);
    if (!envelope.success) return answer(400, { error: `bad envelope: ${issueText(envelope.error.issues)}` });
    const batch = envelope.data;
    entry.batchId = batch.batchId;
    entry.centreCode = batch.centreCode;
    entry.records = batch.records.length;
    if (entry.idempotencyKey !== batch.batchId) return answer(400, { error: 'Idempotency-Key must equal batchId' });
    if (batch.centreCode !== tokenCentre) return answer(403, { error: 'token belongs to another centre' });

    const seen = state.batches.get(batch.batchId);
    if (seen && seen.sha256 !== entry.sha256) return answer(409, { error: 'batchId already used with a different body' });
    if (!seen) state.batches.set(batch.batchId, { sha256: entry.sha256, centreCode: batch.centreCode, answer: null });
    const known = state.batches.get(batch.batchId)!;

    if (batch.records.length > MAX_RECORDS) return answer(413, { error: 'over 500 records' });
    if (faults.force413Above !== null && batch.records.length > faults.force413Above) return answer(413, { error: 'batch too large' });

    const rejectIds = new Set(faults.rejectIds);
    const errors: { index: number; message: string }[] = [];
    const valid: ValidRecord[] = [];
    batch.records.forEach((raw, index) => {
      const v = validateRecord(raw, rejectIds);
      if (v.ok) valid.push(v.record);
      else errors.push({ index, message: v.message });
    });
    if (errors.length > 0) return answer(422, { errors });
    if (keepData) {
      for (const r of valid) {
        const key = `${r.kind}/${r.id}@${r.version}`;
        const ids = state.sightings.get(key);
        if (ids) ids.add(batch.batchId);
        else state.sightings.set(key, new Set([batch.batchId]));
      }
    }

    const fault = pickFault();
    entry.fault = fault;
    const commit = () => {
      if (known.answer !== null) return known.answer;
      const result = store(batch.centreCode, batch.batchId, valid, new Date().toISOString());
      entry.stored = result.accepted;
      known.answer = JSON.stringify(result);
      return known.answer;
    };
    if (fault && STORES_FIRST.has(fault)) commit();
    switch (fault) {
      case '500-before':
      case '500-after':
        return answer(500, { error: 'internal error' });
      case 'reset-before':
      case 'reset-after':
        entry.status = 'reset';
        req.socket.destroy();
        return;
      case '429':
      case '503':
        return answer(Number(fault), { error: 'busy' }, { 'Retry-After': String(faults.retryAfterSeconds) });
      case 'html':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!DOCTYPE html><html><head><title>网关维护</title></head><body><h1>系统维护中，请稍后再试</h1></body></html>');
        return;
      case 'garbage':
        entry.status = 200;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"batchId": "0193a3f2-7c1e-7b5e-9d1a-3f0c2b9e4a11", "accep\u0000\u00ff');
        return;
      case 'slow-before': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (res.destroyed || req.socket.destroyed) {
            entry.status = 'abandoned';
            return;
          }
          answer(200, commit());
        }, faults.slowMs);
        timers.add(timer);
        return;
      }
      case 'slow': {
        const text = commit();
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (res.destroyed || req.socket.destroyed) entry.status = 'abandoned';
          else answer(200, text);
        }, faults.slowMs);
        timers.add(timer);
        return;
      }
      case null:
        return answer(200, commit());
    }
  }

  function getStatus(req: http.IncomingMessage, res: http.ServerResponse, centreCode: string) {
    state.statusRequests += 1;
    const token = bearer(req);
    const tokenCentre = token === null ? undefined : centreOfToken.get(token);
    if (tokenCentre === undefined) return json(res, 401, { error: 'missing or wrong token' });
    if (tokenCentre !== centreCode) return json(res, 403, { error: 'token belongs to another centre' });
    const l = last.get(centreCode);
    json(res, 200, {
      centreCode,
      lastBatchId: l?.batchId ?? null,
      lastReceivedAt: l?.receivedAt ?? null,
      counts: state.counts(centreCode),
    });
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const statusMatch = /^\/api\/v1\/centres\/([^/]+)\/status$/.exec(url.pathname);
    if (url.pathname === '/api/v1/batches') {
      if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' });
      postBatch(req, res).catch(() => {
        if (!res.headersSent) json(res, 500, { error: 'internal error' });
      });
      return;
    }
    if (statusMatch && req.method === 'GET') return getStatus(req, res, decodeURIComponent(statusMatch[1] ?? ''));
    req.resume();
    json(res, 404, { error: 'not found' });
  });
  // A socket destroyed on purpose (the reset faults) or by a killed client must not crash the peer.
  server.on('clientError', (_e, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tokens,
    state,
    faults: () => ({ ...faults, script: [...faults.script], kinds: [...faults.kinds], rejectIds: [...faults.rejectIds] }),
    setFaults: (change) => {
      faults = { ...faults, ...change, script: [...(change.script ?? faults.script)] };
    },
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
