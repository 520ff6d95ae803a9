/**
 * One search box: case number, party name, phone or ID number. Every path is an index lookup:
 * - a case number (full, or year + serial, or a serial) → cases(year, serial) / case_number;
 * - an ID number → parties.id_number; a phone (7+ digits) → parties.phone (prefix range);
 * - a court reference number, or any 3+ character piece of one → FTS5 trigram on court_refs_fts;
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

  // Case numbers, in any of the forms people write (full, either bracket style, unpadded, short).
  const asCase = matchCaseNumberQuery(q);
  const full = asCase?.year !== undefined && asCase.serial !== undefined;
  if (asCase?.serial !== undefined) {
    const rows =
      asCase.year !== undefined
        ? db.prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.year = ? AND c.serial = ? AND c.deleted = 0`).all(asCase.year, asCase.serial)
        : db
            .prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.serial = ? AND c.deleted = 0 ORDER BY c.year DESC LIMIT ?`)
            .all(asCase.serial, fetchN);
    add(rows as never[], 'caseNumber');
  }

  // Court reference numbers: indexed with ASCII brackets and no spaces (migration 0010). Only for
  // text with a digit and something else, so phone numbers and bare serials do not go there.
  const ref = q.replace(/[（〔［]/g, '(').replace(/[）〕］]/g, ')').replace(/\s+/g, '');
  if ([...ref].length >= 3 && /\d/.test(ref) && /[^\d\-]/.test(ref) && hits.size < limit) {
    const rows = db
      .prepare(
        `SELECT ${HIT_COLUMNS}, r.reference_number AS ref FROM court_refs_fts f JOIN court_referrals r ON r.rowid = f.rowid JOIN cases c ON c.id = r.case_id WHERE court_refs_fts MATCH ? AND c.deleted = 0 LIMIT ?`,
      )
      .all(`"${ref.replace(/"/g, '""')}"`, fetchN) as (Omit<SearchHit, 'matchedParty' | 'matchedOn'> & { ref: string })[];
    const refs = new Map(rows.map((r) => [r.id, r.ref]));
    add(
      rows.map(({ ref: _ref, ...r }) => r),
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
          .all(q, fetchN) as PartyHit[],
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

/** The same searches done the slow way, for `npm run bench` to compare against. */
export function searchBaseline(
  ctx: Pick<ServiceContext, 'db'>,
  q: string,
  column: 'name' | 'phone' | 'id_number' | 'case_number' | 'reference_number',
  limit = 30,
): number {
  const table = column === 'case_number' ? 'cases' : column === 'reference_number' ? 'court_referrals' : 'parties';
  const rows = ctx.db.sqlite
    .prepare(`SELECT rowid FROM ${table} WHERE ${column} LIKE ? ESCAPE '\\' ORDER BY ${column} LIMIT ?`)
    .all(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, limit);
  return rows.length;
}
