/** The same seed gives the same demo, whatever the run: only UUIDs differ. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDir, type DemoDir } from './harness';

const N = 300;
let first: DemoDir;
let second: DemoDir;
let other: DemoDir;

beforeAll(() => {
  first = demoDir(N, 42);
  second = demoDir(N, 42);
  other = demoDir(N, 43);
});
afterAll(() => {
  for (const d of [first, second, other]) d?.close();
});

/** Everything but ids and updatedAt, joined through case numbers rather than ids. */
function projection(d: DemoDir) {
  return {
    cases: d.all(
      `SELECT case_number, year, serial, title, category, source, tier, origin_tier, status, summary, claims, amount_fen, agreed_amount_fen,
              reporter, registered_at, accepted_at, deadline, closed_at, outcome, outcome_at, outcome_note, reject_reason, lead_unit, co_units,
              responsible_leader, responsible_person, escalated_at, transferred_to, repeat_petition, agreement, agreement_effective_at, undisputed, version
         FROM cases ORDER BY case_number`,
    ),
    parties: d.all(
      `SELECT c.case_number, p.ordinal, p.role, p.kind, p.name, p.sex, p.birth_date, p.id_number, p.credit_code, p.phone, p.address,
              (SELECT r.ordinal FROM parties r WHERE r.id = p.represents_id) AS represents
         FROM parties p JOIN cases c ON c.id = p.case_id ORDER BY c.case_number, p.ordinal`,
    ),
    mediators: d.all(
      `SELECT c.case_number, m.name, cm.role, cm.assigned_at FROM case_mediators cm JOIN cases c ON c.id = cm.case_id JOIN mediators m ON m.id = cm.mediator_id
        ORDER BY c.case_number, cm.assigned_at, m.name`,
    ),
    sessions: d.all(
      `SELECT c.case_number, s.held_at, s.record FROM sessions s JOIN cases c ON c.id = s.case_id ORDER BY c.case_number, s.held_at`,
    ),
    referrals: d
      .all(`SELECT c.case_number, r.* FROM court_referrals r JOIN cases c ON c.id = r.case_id ORDER BY c.case_number`)
      .map((r) => ({ ...r, case_id: undefined })),
    confirmations: d.all(
      `SELECT c.case_number, f.applied_at, f.accepted_at, f.acceptance_number, f.ruling, f.ruled_at FROM confirmations f JOIN cases c ON c.id = f.case_id ORDER BY c.case_number`,
    ),
    followups: d.all(
      `SELECT c.case_number, f.due_on, f.done_at, f.performance FROM followups f JOIN cases c ON c.id = f.case_id ORDER BY c.case_number, f.due_on`,
    ),
    audit: d.all(
      `SELECT c.case_number, a.at, a.operation, a.summary FROM audit a JOIN cases c ON c.id = a.case_id ORDER BY c.case_number, a.id`,
    ),
  };
}

describe('demo determinism', () => {
  it('produces identical data for the same seed, apart from ids', () => {
    expect(first.summary).toMatchObject({ ...second.summary, seconds: expect.any(Number) });
    const a = projection(first);
    const b = projection(second);
    expect(a.cases).toHaveLength(N);
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], key).toEqual(a[key]);
    // The ids themselves are fresh UUIDs on every run.
    const ids = (d: DemoDir) => d.all<{ id: string }>('SELECT id FROM cases ORDER BY case_number').map((r) => r.id);
    expect(ids(first)).not.toEqual(ids(second));
  });

  it('produces different data for another seed', () => {
    const a = projection(first);
    const c = projection(other);
    expect(c.cases.map((r) => r.title)).not.toEqual(a.cases.map((r) => r.title));
    expect(c.parties.map((r) => r.id_number)).not.toEqual(a.parties.map((r) => r.id_number));
  });
});
