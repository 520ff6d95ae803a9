/**
 * Writing a checked roster sheet (issue #16), in one IMMEDIATE transaction: each person not yet on
 * the roster (same ID number, else same name and phone — so re-importing the sheet, or a longer
 * one, adds only the new people) becomes an active roster entry, marked with the batch so the
 * import can be undone as a whole while none of them has been given a case.
 */
import { importBatches, mediators } from '../../../db/schema';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import type { LedgerSource } from './ledgerImport';
import { importOutcome, type ImportOutcome } from './outcome';
import type { ImportProblem } from './ledgerPlan';
import { rosterKey, type RosterPlan, type RosterRecord } from './rosterPlan';

function screen(
  ctx: Pick<ServiceContext, 'db'>,
  plan: RosterPlan,
): { fresh: RosterRecord[]; duplicates: number; problems: ImportProblem[] } {
  const rows = ctx.db.sqlite.prepare('SELECT name, phone, id_number AS idNumber FROM mediators WHERE deleted = 0').all() as {
    name: string;
    phone: string;
    idNumber: string | null;
  }[];
  const known = new Set<string>();
  for (const m of rows) {
    known.add(rosterKey(m.name, m.phone, null));
    if (m.idNumber) known.add(rosterKey(m.name, m.phone, m.idNumber));
  }
  const fresh: RosterRecord[] = [];
  const problems: ImportProblem[] = [];
  let duplicates = 0;
  for (const r of plan.records) {
    if (known.has(r.key) || known.has(rosterKey(r.name, r.phone, null))) {
      duplicates++;
      problems.push({ row: r.row, field: 'name', message: `“${r.name}”已在名册中，跳过`, level: 'warning' });
    } else fresh.push(r);
  }
  return { fresh, duplicates, problems };
}

export function previewRosterImport(ctx: Pick<ServiceContext, 'db'>, plan: RosterPlan): ImportOutcome {
  return importOutcome(plan, screen(ctx, plan), null, 0);
}

export function importRoster(ctx: ServiceContext, actor: Actor, plan: RosterPlan, source: LedgerSource): ImportOutcome {
  return ctx.db.sqlite
    .transaction((): ImportOutcome => {
      const s = screen(ctx, plan);
      if (s.fresh.length === 0) return importOutcome(plan, s, null, 0);
      const now = rfc3339(ctx.clock.now());
      const batchId = newId();
      ctx.db.orm
        .insert(importBatches)
        .values({
          id: batchId,
          kind: 'roster',
          fileName: source.fileName,
          sheet: source.sheet,
          importedAt: now,
          importedBy: actor.id,
          rows: plan.rows,
          imported: s.fresh.length,
        })
        .run();
      for (const r of s.fresh) {
        ctx.db.orm
          .insert(mediators)
          .values({
            id: newId(),
            version: 1,
            updatedAt: now,
            deleted: false,
            name: r.name,
            kind: r.kind,
            organisation: r.organisation,
            phone: r.phone,
            idNumber: r.idNumber,
            specialties: [...r.specialties],
            certificateNo: r.certificateNo,
            region: r.region,
            createdAt: now,
            importBatchId: batchId,
          })
          .run();
      }
      recordAudit(ctx, actor, {
        operation: 'import.roster',
        entityKind: 'import_batch',
        entityId: batchId,
        summary: `导入调解员名册 ${source.fileName}（${source.sheet}）：新增 ${s.fresh.length} 人`,
      });
      return importOutcome(plan, s, batchId, s.fresh.length);
    })
    .immediate();
}
