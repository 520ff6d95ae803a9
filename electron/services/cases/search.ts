/**
 * One search box: case number, party name, phone or ID number. Every path is an index lookup:
 * - a case number (full, or year + serial, or a serial) → cases(year, serial) / case_number;
 * - an ID number → parties.id_number; a phone (7+ digits) → parties.phone (prefix range);
 * - a name of one or two characters → prefix range on parties.name (a surname, a short name);
 * - three or more characters → FTS5 trigram (any substring), plus the prefix range.
 * User text only ever travels as a bound parameter; FTS gets it as one quoted phrase, so `%`, `_`,
 * quotes and FTS operators are plain characters.
 */
import type { SearchHit } from '../../common/api/cases';
import { matchCaseNumberQuery, parseCaseNumber } from '../../common/domain/caseNumber';
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

  // Case numbers
  const full = parseCaseNumber(q);
  if (full) add(db.prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.case_number = ? AND c.deleted = 0`).all(q) as never[], 'caseNumber');
  const loose = full ? null : matchCaseNumberQuery(q);
  if (loose?.serial !== undefined) {
    const rows =
      loose.year !== undefined
        ? db.prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.year = ? AND c.serial = ? AND c.deleted = 0`).all(loose.year, loose.serial)
        : db
            .prepare(`SELECT ${HIT_COLUMNS} FROM cases c WHERE c.serial = ? AND c.deleted = 0 ORDER BY c.year DESC LIMIT ?`)
            .all(loose.serial, fetchN);
    add(rows as never[], 'caseNumber');
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
  // Names: any text with a letter or a CJK character.
  if (/[\p{L}]/u.test(q) && !full) {
    byParties(
      db
        .prepare(`SELECT ${partyCols} FROM parties WHERE name >= ? AND name < ? AND deleted = 0 ORDER BY name LIMIT ?`)
        .all(q, q + MAX_CHAR, fetchN) as PartyHit[],
      'name',
    );
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
  column: 'name' | 'phone' | 'id_number' | 'case_number',
  limit = 30,
): number {
  const table = column === 'case_number' ? 'cases' : 'parties';
  const rows = ctx.db.sqlite
    .prepare(`SELECT rowid FROM ${table} WHERE ${column} LIKE ? ESCAPE '\\' ORDER BY ${column} LIMIT ?`)
    .all(`%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`, limit);
  return rows.length;
}
