/** Code lists live once (electron/common); what renders them elsewhere must follow them. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RECORD_KIND_LABELS, RECORD_KINDS, recordKindLabel } from '../../electron/common/api/upload';
import { isOpen, OPEN_STATUSES, STATUSES } from '../../electron/common/domain/lifecycle';
import { OPEN_STATUSES_SQL, sqlStringList } from '../../electron/services/core/sql-lists';
import { RECORD_KINDS as SERVICE_RECORD_KINDS } from '../../electron/services/records/kinds';

describe('one vocabulary', () => {
  it('isOpen agrees with OPEN_STATUSES for every status', () => {
    for (const s of STATUSES) expect(isOpen(s), s).toBe((OPEN_STATUSES as readonly string[]).includes(s));
    expect(STATUSES.filter(isOpen)).toEqual(['registered', 'accepted', 'mediating']);
  });

  it('the SQL list matches exactly the open statuses in SQLite', () => {
    const db = new Database(':memory:');
    try {
      const inList = db.prepare(`SELECT ? IN ${OPEN_STATUSES_SQL} AS m`);
      const matches = STATUSES.filter((s) => (inList.get(s) as { m: number }).m === 1);
      expect(matches).toEqual([...OPEN_STATUSES]);
    } finally {
      db.close();
    }
  });

  it('sqlStringList refuses anything that is not a plain code', () => {
    expect(sqlStringList(['a', 'b_c'])).toBe("('a','b_c')");
    expect(() => sqlStringList([])).toThrow();
    expect(() => sqlStringList(["x') OR 1=1 --"])).toThrow();
  });

  it('record kinds: one list, a Chinese name for each, an unknown code shown as it is', () => {
    expect(SERVICE_RECORD_KINDS).toBe(RECORD_KINDS);
    for (const k of RECORD_KINDS) expect(RECORD_KIND_LABELS[k]).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(recordKindLabel('party')).toBe('当事人');
    expect(recordKindLabel('hearing')).toBe('hearing');
  });
});
