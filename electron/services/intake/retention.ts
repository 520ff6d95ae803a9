/**
 * Registrations that never became part of a case are personal data without a purpose once the
 * centre has dealt with them: they are deleted INTAKE_RETENTION_DAYS after they were made (the
 * kiosk's consent notice promises it). Accepted and merged ones stay: the case refers to them.
 */
import { INTAKE_RETENTION_DAYS } from '../../common/api/intake';
import { rfc3339 } from '../core/clock';
import type { ServiceContext } from '../core/context';

export function purgeExpiredIntakes(ctx: Pick<ServiceContext, 'db' | 'clock'>, days = INTAKE_RETENTION_DAYS): number {
  const cutoff = rfc3339(new Date(ctx.clock.now().getTime() - days * 86_400_000));
  return ctx.db.sqlite
    .transaction(() => {
      const expired = `SELECT id FROM intakes WHERE status IN ('pending', 'rejected') AND case_id IS NULL AND created_at < ?`;
      ctx.db.sqlite.prepare(`DELETE FROM queue_tickets WHERE case_id IS NULL AND intake_id IN (${expired})`).run(cutoff);
      return ctx.db.sqlite.prepare(`DELETE FROM intakes WHERE id IN (${expired})`).run(cutoff).changes;
    })
    .immediate();
}
