/**
 * This installation's centre and its first administrator (the first-run setup).
 */
import { randomUUID } from 'node:crypto';
import { centre as centreTable } from '../../db/schema';
import type { CentreInfo, SetupInput } from '../common/api/setup';
import { AppError } from '../common/errors';
import { recordAudit } from './core/audit';
import { rfc3339 } from './core/clock';
import type { ServiceContext } from './core/context';
import { createUserRow } from './auth/users';

export function getCentre(ctx: Pick<ServiceContext, 'db'>): CentreInfo | null {
  const row = ctx.db.orm.select().from(centreTable).get();
  if (!row) return null;
  return {
    centreCode: row.centreCode,
    name: row.name,
    tier: row.tier,
    address: row.address,
    phone: row.phone,
    committeeName: row.committeeName,
    committeeAbbr: row.committeeAbbr,
    deviceId: row.deviceId,
  };
}

export function requireCentre(ctx: Pick<ServiceContext, 'db'>): CentreInfo {
  const c = getCentre(ctx);
  if (!c) throw new AppError('NOT_SET_UP', '尚未完成首次设置：请先创建本中心和管理员账号。');
  return c;
}

/** Create the centre and the first administrator in one transaction; refused once set up. */
export function setUpCentre(ctx: ServiceContext, input: SetupInput): CentreInfo {
  if (getCentre(ctx)) throw new AppError('ALREADY_SET_UP', '本中心已完成设置，不能重复设置。');
  const at = rfc3339(ctx.clock.now());
  // Hashed before the transaction, and blocking: the first run happens once, before anyone can sign in.
  const passwordHash = ctx.passwords.hashSync(input.admin.password);
  ctx.db.sqlite.transaction(() => {
    if (getCentre(ctx)) throw new AppError('ALREADY_SET_UP', '本中心已完成设置，不能重复设置。');
    ctx.db.orm
      .insert(centreTable)
      .values({
        id: 1,
        centreCode: input.centre.centreCode,
        name: input.centre.name,
        tier: input.centre.tier,
        address: input.centre.address ?? '',
        phone: input.centre.phone ?? '',
        committeeName: input.centre.committeeName,
        committeeAbbr: input.centre.committeeAbbr,
        // district-api.md: a UUID made on first start, never changed.
        deviceId: randomUUID(),
        createdAt: at,
      })
      .run();
    const admin = createUserRow(ctx, {
      loginName: input.admin.loginName,
      displayName: input.admin.displayName,
      role: 'admin',
      passwordHash,
    });
    const actor = { id: admin.id, name: admin.displayName, role: 'admin' as const };
    recordAudit(ctx, actor, {
      operation: 'setup.create',
      entityKind: 'centre',
      entityId: input.centre.centreCode,
      summary: `创建中心“${input.centre.name}”和管理员 ${admin.loginName}`,
    });
  })();
  return requireCentre(ctx);
}
