/**
 * Registering a case: a number drawn in the same immediate transaction as the insert (gapless,
 * never reused), the parties, and the first audit event.
 */
import type { z } from 'zod';
import { cases } from '../../../db/schema';
import type { registerCaseInput } from '../../common/api/cases';
import { AppError } from '../../common/errors';
import { categoryLabel } from '../../common/domain/categories';
import { missingReporterFields, sourceLabel } from '../../common/domain/sources';
import { requireCentre } from '../centre';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { drawCaseNumber } from './numbering';
import { insertParties } from './parties';

export type RegisterInput = z.output<typeof registerCaseInput>;

export function registerCase(ctx: ServiceContext, actor: Actor, input: RegisterInput): string {
  const missing = missingReporterFields(input.source, {
    reporterName: input.reporter?.name ?? input.reporter?.organisation,
    reporterGrid: input.reporter?.grid,
    petitionReference: input.reporter?.reference,
  });
  const missingKeys = Object.keys(missing);
  if (missingKeys.length > 0) {
    const fieldMap: Record<string, string> = {
      reporterName: 'reporter.name',
      reporterGrid: 'reporter.grid',
      petitionReference: 'reporter.reference',
    };
    const fields = Object.fromEntries(Object.entries(missing).map(([k, v]) => [fieldMap[k] ?? k, v]));
    throw new AppError('VALIDATION', `${sourceLabel(input.source)}的案件须填写上报信息：${Object.values(missing).join('；')}`, fields);
  }
  const centre = requireCentre(ctx);
  const now = ctx.clock.now();
  const at = rfc3339(now);
  const id = newId();
  // IMMEDIATE: take the write lock before reading the counter, so concurrent registrations
  // (other desks, the CLI, the kiosk) queue instead of drawing the same number.
  ctx.db.sqlite
    .transaction(() => {
      const number = drawCaseNumber(ctx, now.getFullYear(), centre.committeeAbbr);
      ctx.db.orm
        .insert(cases)
        .values({
          id,
          version: 1,
          updatedAt: at,
          deleted: false,
          caseNumber: number.caseNumber,
          year: number.year,
          serial: number.serial,
          title: input.title,
          category: input.category,
          source: input.source,
          tier: input.tier,
          originTier: input.tier,
          status: 'registered',
          summary: input.summary,
          claims: input.claims,
          amountFen: input.amountFen ?? null,
          reporter: input.reporter ?? null,
          registeredAt: at,
          registeredBy: actor.id,
          repeatPetition: input.repeatPetition ?? false,
          intakeId: input.intakeId ?? null,
        })
        .run();
      insertParties(ctx, id, input.parties, 0);
      recordAudit(ctx, actor, {
        operation: 'cases.register',
        entityKind: 'case',
        entityId: id,
        caseId: id,
        summary: `登记案件 ${number.caseNumber}：${input.title}（${categoryLabel(input.category)}，${sourceLabel(input.source)}）`,
      });
    })
    .immediate();
  return id;
}
