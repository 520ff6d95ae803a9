/** The imports done so far, newest first: what 设置 › 历史数据导入 lists with its 撤销 buttons. */
import { desc } from 'drizzle-orm';
import { importBatches } from '../../../db/schema';
import type { ServiceContext } from '../core/context';

export function listImportBatches(ctx: Pick<ServiceContext, 'db'>) {
  return ctx.db.orm
    .select()
    .from(importBatches)
    .orderBy(desc(importBatches.importedAt), desc(importBatches.id))
    .all()
    .map((b) => ({ ...b, kind: b.kind === 'roster' ? ('roster' as const) : ('cases' as const) }));
}
