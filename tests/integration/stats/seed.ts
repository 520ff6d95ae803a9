/**
 * A centre with realistic history for the statistics tests: the demo generator's cases (two
 * years up to the test's "now"), plus what it does not write and what tests the edges: intakes
 * and queue tickets, a deleted case and a deleted 司法确认 (never counted), a mediation ended on
 * other grounds (counted as failed), a source code the district does not know (counted as other).
 */
import { v7 as uuidv7 } from 'uuid';
import { generateDemo } from '../../../electron/services/demo/generate';
import { startTestApp, type TestApp } from '../../support/backend';
import { withoutCodeChecks } from '../../support/migrations';

export const NOW = '2026-11-20T09:00:00+08:00';
export const TODAY = '2026-11-20';

export interface Seeded {
  app: TestApp;
  session: string;
  db: TestApp['backend']['app']['ctx']['db'];
  deletedCaseId: string;
  endedCaseId: string;
  oddSourceCaseId: string;
  repeatCaseId: string;
}

export async function seededCentre(cases = 800, seed = 11): Promise<Seeded> {
  const app = await startTestApp({ now: NOW });
  const session = await app.login();
  const ctx = app.backend.app.ctx;
  generateDemo(ctx, { cases, seed });
  const db = ctx.db;
  const sqlite = db.sqlite;

  const pick = (where: string) =>
    (sqlite.prepare(`SELECT id FROM cases WHERE ${where} ORDER BY id LIMIT 1`).get() as { id: string } | undefined)?.id;
  // A case registered, mediated and successful this year, then deleted: it must vanish everywhere.
  const deletedCaseId = pick("outcome = 'agreement' AND registered_at >= '2026-03-01' AND outcome_at < '2026-11-01' AND deleted = 0")!;
  sqlite.prepare('UPDATE cases SET deleted = 1, version = version + 1 WHERE id = ?').run(deletedCaseId);
  // A failed mediation recorded as ended on other grounds (终止调解): the district counts it as failed.
  const endedCaseId = pick("outcome = 'failed' AND outcome_at >= '2026-01-01' AND deleted = 0")!;
  sqlite.prepare("UPDATE cases SET outcome = 'ended', version = version + 1 WHERE id = ?").run(endedCaseId);
  // A source code from an older version (SQLite refuses it since migration 0014, but keeps what is there): reported as other.
  const oddSourceCaseId = pick("source = 'walk_in' AND registered_at >= '2026-01-01' AND deleted = 0")!;
  withoutCodeChecks(sqlite, 'cases', () =>
    sqlite.prepare("UPDATE cases SET source = 'legacy_visit', version = version + 1 WHERE id = ?").run(oddSourceCaseId),
  );
  // An open petition referral not marked as a repeat, whose applicant was a party of an earlier
  // case (the same ID number): a repeat petition all the same.
  const repeatCaseId = (
    sqlite
      .prepare(
        "SELECT id FROM cases WHERE source = 'walk_in' AND repeat_petition = 0 AND status IN ('accepted', 'mediating') AND deleted = 0 ORDER BY registered_at DESC LIMIT 1",
      )
      .get() as { id: string }
  ).id;
  sqlite.prepare("UPDATE cases SET source = 'petition_referral', version = version + 1 WHERE id = ?").run(repeatCaseId);
  const earlierParty = sqlite
    .prepare(
      `SELECT p.id_number AS idNumber FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE p.id_number IS NOT NULL AND p.role <> 'agent' AND p.deleted = 0 AND c.deleted = 0
          AND c.registered_at < (SELECT registered_at FROM cases WHERE id = ?) ORDER BY p.id LIMIT 1`,
    )
    .get(repeatCaseId) as { idNumber: string };
  sqlite
    .prepare(
      "UPDATE parties SET id_number = ?, version = version + 1 WHERE id = (SELECT id FROM parties WHERE case_id = ? AND role = 'applicant' AND deleted = 0 ORDER BY ordinal LIMIT 1)",
    )
    .run(earlierParty.idNumber, repeatCaseId);
  // A 司法确认 withdrawn from the register (deleted): not counted.
  const conf = sqlite.prepare("SELECT id FROM confirmations WHERE applied_at >= '2026-01-01' AND deleted = 0 ORDER BY id LIMIT 1").get() as
    { id: string } | undefined;
  if (conf) sqlite.prepare('UPDATE confirmations SET deleted = 1, version = version + 1 WHERE id = ?').run(conf.id);

  // Intakes and queue tickets over the last weeks.
  const insertIntake = sqlite.prepare(
    `INSERT INTO intakes (id, created_at, channel, category, name, phone, description, consent_at, query_code, status)
     VALUES (@id, @createdAt, @channel, 'neighbor', '张三', '13800001111', '邻居占道', @createdAt, @code, @status)`,
  );
  const insertTicket = sqlite.prepare(
    `INSERT INTO queue_tickets (id, day, number, code, status, created_at, called_at)
     VALUES (@id, @day, @number, @code, @status, @createdAt, @calledAt)`,
  );
  const statuses = ['pending', 'accepted', 'accepted', 'merged', 'rejected'];
  const ticketStatuses = ['done', 'done', 'no_show', 'waiting', 'serving', 'called'];
  let code = 0;
  sqlite.transaction(() => {
    for (let d = 0; d < 40; d++) {
      const date = new Date(Date.parse('2026-10-12T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10);
      for (let k = 0; k < (d % 4) + 1; k++) {
        code += 1;
        const createdAt = `${date}T${String(9 + k).padStart(2, '0')}:15:00+08:00`;
        insertIntake.run({
          id: uuidv7(),
          createdAt,
          channel: k % 2 ? 'kiosk' : 'clerk',
          code: `Q${String(code).padStart(6, '0')}`,
          status: statuses[(d + k) % statuses.length],
        });
        const status = ticketStatuses[(d + k) % ticketStatuses.length]!;
        insertTicket.run({
          id: uuidv7(),
          day: date,
          number: k + 1,
          code: `A${String(k + 1).padStart(3, '0')}`,
          status,
          createdAt,
          calledAt:
            status === 'waiting' ? null : `${date}T${String(9 + k).padStart(2, '0')}:${String(20 + k * 3).padStart(2, '0')}:00+08:00`,
        });
      }
    }
  })();
  return { app, session, db, deletedCaseId, endedCaseId, oddSourceCaseId, repeatCaseId };
}
