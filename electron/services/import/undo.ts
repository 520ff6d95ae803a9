/**
 * Taking an import back as a whole (issue #16), only while nothing else has touched its cases or
 * roster entries: no case or party changed since (version still 1), no event on a case but its
 * own import line, no case of the centre's linked to a mediator the batch added. Rows are never
 * removed (the nightly upload must send deletions), so the batch's rows become tombstones; their
 * case numbers get a 已撤销导入 mark and lose their fingerprint, so the same ledger can be imported
 * again later.
 */
import { eq } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import { AppError } from '../../common/errors';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';

export interface UndoOutcome {
  readonly batchId: string;
  readonly cases: number;
  readonly mediators: number;
}

export function undoImport(ctx: ServiceContext, actor: Actor, batchId: string): UndoOutcome {
  const sqlite = ctx.db.sqlite;
  return sqlite
    .transaction((): UndoOutcome => {
      const batch = ctx.db.orm.select().from(importBatches).where(eq(importBatches.id, batchId)).get();
      if (!batch) throw new AppError('NOT_FOUND', '找不到这次导入');
      if (batch.undoneAt) throw new AppError('CONFLICT', `这次导入已于 ${batch.undoneAt.slice(0, 16).replace('T', ' ')} 撤销`);
      const touched = sqlite
        .prepare(
          `SELECT c.case_number AS n FROM cases c
            WHERE c.import_batch_id = @b AND (c.version > 1 OR c.deleted = 1
               OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND (p.version > 1 OR p.deleted = 1))
               OR EXISTS (SELECT 1 FROM audit a WHERE a.case_id = c.id AND a.operation <> 'import.case'))
            LIMIT 3`,
        )
        .all({ b: batchId }) as { n: string }[];
      if (touched.length > 0) {
        throw new AppError('CONFLICT', `导入后已有案件被修改或办理（如 ${touched.map((t) => t.n).join('、')}），不能整体撤销`);
      }
      const linkedElsewhere = sqlite
        .prepare(
          `SELECT m.name AS n FROM mediators m
            WHERE m.import_batch_id = @b AND (m.version > 1 OR EXISTS (
              SELECT 1 FROM case_mediators cm JOIN cases c ON c.id = cm.case_id
               WHERE cm.mediator_id = m.id AND coalesce(c.import_batch_id, '') <> @b))
            LIMIT 3`,
        )
        .all({ b: batchId }) as { n: string }[];
      if (linkedElsewhere.length > 0) {
        throw new AppError(
          'CONFLICT',
          `导入时加入名册的调解员已承办其他案件或被修改（${linkedElsewhere.map((t) => t.n).join('、')}），不能整体撤销`,
        );
      }
      const now = rfc3339(ctx.clock.now());
      const mark = `（已撤销导入${batchId.slice(-4)}）`;
      const p = { b: batchId, now, mark };
      sqlite
        .prepare(
          `UPDATE parties SET deleted = 1, version = version + 1, updated_at = @now
            WHERE case_id IN (SELECT id FROM cases WHERE import_batch_id = @b)`,
        )
        .run(p);
      const cases = sqlite
        .prepare(
          `UPDATE cases SET deleted = 1, version = version + 1, updated_at = @now,
                  case_number = case_number || @mark, import_fingerprint = NULL
            WHERE import_batch_id = @b`,
        )
        .run(p).changes;
      const mediators = sqlite
        .prepare('UPDATE mediators SET deleted = 1, version = version + 1, updated_at = @now WHERE import_batch_id = @b AND deleted = 0')
        .run({ b: batchId, now }).changes;
      ctx.db.orm.update(importBatches).set({ undoneAt: now }).where(eq(importBatches.id, batchId)).run();
      recordAudit(ctx, actor, {
        operation: 'import.undo',
        entityKind: 'import_batch',
        entityId: batchId,
        summary: `撤销导入 ${batch.fileName}（${batch.sheet}）：${cases} 件案件${mediators > 0 ? `、${mediators} 名调解员` : ''}`,
      });
      return { batchId, cases, mediators };
    })
    .immediate();
}
