/**
 * One search box: case number, party name, phone or ID number. Every path is an index lookup:
 * - a case number (full, or year + serial, or a serial) → cases(year, serial) / case_number;
 * - an ID number → parties.id_number; a phone (7+ digits) → parties.phone (prefix range);
 * - a court reference number, or its tail (民诉前调123号) → the serial's expression index;
 * - a name of one or two characters → prefix range on parties.name (a surname, a short name), then
 *   party_name_grams (the same characters anywhere: a given name 秀兰 in 王秀兰);
 * - three or more characters → FTS5 trigram (any substring), plus the prefix range.
 * User text only ever travels as a bound parameter; FTS gets it as one quoted phrase, so `%`, `_`,
 * quotes and FTS operators are plain characters.
 */
import type { SearchHit } from '../../common/api/cases';
import { matchCaseNumberQuery } from '../../common/domain/caseNumber';
import type { ServiceContext } from '../core/context';
import { maskedParty } from './views';

/** Above every code point: the upper bound of a prefix range on a UTF-8 text index. */
const MAX_CHAR = '\u{10FFFF}';

interface PartyHit {
  caseId: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
}

/** The indexed serial of a court reference number (court_referrals_serial_idx): 123 of …民初123号. */
const COURT_REF_SERIAL = `CAST(substr(r.reference_number, length(rtrim(r.reference_number, '0123456789号')) + 1) AS INTEGER)`;

const HIT_COLUMNS = `c.id AS id, c.case_number AS caseNumber, c.title AS title, c.status AS status, c.registered_at AS registeredAt`;

export function searchCases(ctx: Pick<ServiceContext, 'db'>, raw: string, limit = 30): SearchHit[] {
  const q = raw.trim().normalize('NFC');
  if (!q) return [];
  const db = ctx.db.sqlite;
  const hits = new Map<string, SearchHit>();
  const add = (
    rows: Omit<SearchHit, 'matchedParty' | 'matchedOn'>[],
    on: SearchHit['matchedOn'],
    party?: (id: string) => string | null,
  ) => {
    for (const r of rows) {
      if (hits.size >= limit) return;
      if (!hits.has(r.id)) hits.set(r.id, { ...r, status: r.status, matchedOn: on, matchedParty: party ? party(r.id) : null });
    }
  };
  const byParties = (found: PartyHit[], on: 'name' | 'phone' | 'idNumber') => {
    if (found.length === 0) return;
    const ids = [...new Set(found.map((p) => p.caseId))];
    const byCase = new Map(found.map((p) => [p.caseId, p]));
    const rows = db
      .prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.deleted = 0 AND c.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as Omit<SearchHit, 'matchedParty' | 'matchedOn'>[];
    const order = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    add(rows, on, (id) => {
      const p = byCase.get(id);
      return p ? maskedParty(p, on) : null;
    });
  };
  const partyCols = 'case_id AS caseId, name, phone, id_number AS idNumber';
  const fetchN = limit * 2;

  // A case number exactly as stored: also the numbers of imported ledgers, in their own schemes (issue #16).
  add(db.prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.case_number = ? AND c.deleted = 0`).all(q.trim()) as never[], 'caseNumber');

  // Case numbers, in any of the forms people write (full, either bracket style, unpadded, short).
  const asCase = matchCaseNumberQuery(q);
  const full = asCase?.year !== undefined && asCase.serial !== undefined;
  if (asCase?.serial !== undefined) {
    const bySerial = db.prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.year = ? AND c.serial = ? AND c.deleted = 0`);
    if (asCase.year !== undefined) add(bySerial.all(asCase.year, asCase.serial) as never[], 'caseNumber');
    else {
      // A serial without a year: newest year first, one (year, serial) lookup per year the centre
      // has (a handful), instead of scanning the whole index for the serial.
      const span = db.prepare(`SELECT (SELECT min(year) FROM cases) AS lo, (SELECT max(year) FROM cases) AS hi`).get() as {
        lo: number | null;
        hi: number | null;
      };
      for (let y = span.hi ?? 0; span.lo !== null && y >= span.lo && hits.size < limit; y--)
        add(bySerial.all(y, asCase.serial) as never[], 'caseNumber');
    }
  }

  // Court reference numbers by their serial (expression index, migration 0010), then kept when
  // they contain what was typed, with brackets and spaces made alike.
  const refKey = (v: string) =>
    v
      .replace(/[（〔［]/g, '(')
      .replace(/[）〕］]/g, ')')
      .replace(/\s+/g, '')
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
  const ref = refKey(q);
  const refSerial = /\D(\d{1,9})号?$/.exec(ref)?.[1];
  if (refSerial && hits.size < limit) {
    const rows = db
      .prepare(
        `SELECT ${HIT_COLUMNS}, r.reference_number AS ref FROM court_referrals r JOIN cases c ON c.id = r.case_id
         WHERE ${COURT_REF_SERIAL} = ? AND c.deleted = 0 LIMIT 200`,
      )
      .all(Number(refSerial)) as (Omit<SearchHit, 'matchedParty' | 'matchedOn'> & { ref: string })[];
    const found = rows.filter((r) => refKey(r.ref).includes(ref));
    const refs = new Map(found.map((r) => [r.id, r.ref]));
    add(
      found.map(({ ref: _ref, ...r }) => r),
      'courtReference',
      (id) => refs.get(id) ?? null,
    );
  }

  const compact = q.replace(/[\s-]/g, '').toUpperCase();
  // ID numbers: 15/18-character resident IDs and other documents' numbers (letters + digits).
  if (/^[0-9A-Z]{8,20}$/.test(compact) && /\d{6,}/.test(compact)) {
    byParties(
      db.prepare(`SELECT ${partyCols} FROM parties WHERE id_number = ? AND deleted = 0 LIMIT ?`).all(compact, fetchN) as PartyHit[],
      'idNumber',
    );
  }
  // Phones: digits only (a landline may be typed with a dash); prefix so a partial number works.
  if (/^\d{7,12}$/.test(compact)) {
    // Landlines are stored as 区号-号码: try both 3- and 4-digit area codes.
    const phones = compact.startsWith('0')
      ? [compact, `${compact.slice(0, 3)}-${compact.slice(3)}`, `${compact.slice(0, 4)}-${compact.slice(4)}`]
      : [compact];
    for (const p of phones) {
      byParties(
        db
          .prepare(`SELECT ${partyCols} FROM parties WHERE phone >= ? AND phone < ? AND deleted = 0 LIMIT ?`)
          .all(p, p + MAX_CHAR, fetchN) as PartyHit[],
        'phone',
      );
    }
  }
  // Names: any text with a letter, a CJK character (rare ones like 𠀀 too) or an emoji — names
  // are written with all of these; ASCII punctuation alone is not a name.
  if (/[\p{L}\p{So}\p{Extended_Pictographic}]/u.test(q) && !full) {
    byParties(
      db
        .prepare(`SELECT ${partyCols} FROM parties WHERE name >= ? AND name < ? AND deleted = 0 ORDER BY name LIMIT ?`)
        .all(q, q + MAX_CHAR, fetchN) as PartyHit[],
      'name',
    );
    // One or two characters anywhere in a name: a given name (秀兰 in 王秀兰), a middle character.
    if ([...q].length <= 2 && hits.size < limit) {
      byParties(
        db
          .prepare(
            `SELECT p.case_id AS caseId, p.name, p.phone, p.id_number AS idNumber FROM party_name_grams g JOIN parties p ON p.rowid = g.party_rowid WHERE g.gram = ? AND p.deleted = 0 LIMIT ?`,
          )
          .all(q, limit - hits.size + 5) as PartyHit[], // only what the list still has room for
        'name',
      );
    }
    if ([...q].length >= 3 && hits.size < limit) {
      const phrase = `"${q.replace(/"/g, '""')}"`;
      const rows = db
        .prepare(
          `SELECT p.case_id AS caseId, p.name, p.phone, p.id_number AS idNumber FROM parties_fts f JOIN parties p ON p.rowid = f.rowid WHERE parties_fts MATCH ? AND p.deleted = 0 LIMIT ?`,
        )
        .all(phrase, fetchN) as PartyHit[];
      byParties(rows, 'name');
    }
  }
  return [...hits.values()];
}
