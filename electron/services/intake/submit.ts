/**
 * A registration, from the kiosk or the clerk: the intake row and its queue ticket are written in
 * ONE immediate transaction, before anything is printed, so a printer that fails can never lose
 * a registration or leave a ticket without one.
 */
import type { IntakeValues } from '../../common/api/intake';
import { categoryLabel } from '../../common/domain/categories';
import { refuseFutureId } from '../core/future-id';
import { AppError } from '../../common/errors';
import { requireCentre } from '../centre';
import { recordAudit } from '../core/audit';
import { localDate, rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { disputeKindLabel } from '../../common/domain/categories';
import { drawQueueNumber, formatQueueCode, newQueryCode, registrationNumberOf } from './codes';

export interface SubmittedIntake {
  intakeId: string;
  ticketId: string;
  day: string;
  queueCode: string;
  /** stored form, 8 characters */
  queryCode: string;
  issuedAt: string;
  categoryLabel: string;
  registrationNumber: string;
}

export function submitIntake(ctx: ServiceContext, actor: Actor, values: IntakeValues): SubmittedIntake {
  requireCentre(ctx);
  const now = ctx.clock.now();
  const at = rfc3339(now);
  const day = localDate(now);
  if (values.idNumber) refuseFutureId(values.idType ?? 'resident_id', values.idNumber, day);
  const intakeId = newId();
  const ticketId = newId();
  const exists = ctx.db.sqlite.prepare('SELECT 1 FROM intakes WHERE query_code = ?');
  const insertIntake = ctx.db.sqlite.prepare(
    `INSERT INTO intakes (id, created_at, channel, category, name, phone, id_number, other_party, other_party_phone,
                          description, consent_at, query_code, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')`,
  );
  const insertTicket = ctx.db.sqlite.prepare(
    `INSERT INTO queue_tickets (id, day, number, code, intake_id, status, created_at) VALUES (?, ?, ?, ?, ?, 'waiting', ?)`,
  );

  return ctx.db.sqlite
    .transaction((): SubmittedIntake => {
      let queryCode = newQueryCode();
      // 28^8 codes: a clash is a one-in-billions event, but the column is unique, so look first.
      for (let tries = 0; exists.get(queryCode) !== undefined; tries++) {
        if (tries >= 5) throw new AppError('INTERNAL', '生成查询码失败，请重试');
        queryCode = newQueryCode();
      }
      insertIntake.run(
        intakeId,
        at,
        values.channel,
        values.category,
        values.name,
        values.phone,
        values.idNumber,
        values.otherParty,
        values.otherPartyPhone,
        values.description,
        at, // consent is required by the input schema: given now
        queryCode,
      );
      const number = drawQueueNumber(ctx, day);
      const queueCode = formatQueueCode(number);
      insertTicket.run(ticketId, day, number, queueCode, intakeId, at);
      // No names or phones in the audit trail: it is append-only, and a registration that is
      // never taken up must be deletable (retention.ts).
      recordAudit(ctx, actor, {
        operation: 'intake.submit',
        entityKind: 'intake',
        entityId: intakeId,
        summary: `${values.channel === 'kiosk' ? '自助登记' : '窗口登记'}，排队号 ${queueCode}（${categoryLabel(values.category)}）`,
      });
      return {
        intakeId,
        ticketId,
        day,
        queueCode,
        queryCode,
        issuedAt: at,
        categoryLabel: disputeKindLabel(values.category),
        registrationNumber: registrationNumberOf(day, queueCode),
      };
    })
    .immediate();
}
