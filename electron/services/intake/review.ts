/**
 * The clerk's review of registrations: take one up as a case (registerCase with the citizen as
 * applicant), merge it into an open case about the same dispute, or reject it with a reason.
 * Each is one immediate transaction that also re-reads the registration, so two clerks acting on
 * the same one at once cannot both succeed.
 */
import type { z } from 'zod';
import { registerCaseInput, type RegisterCaseInput } from '../../common/api/cases';
import type { CaseStatusRef, IntakeRow, IntakeStatus, PendingIntake } from '../../common/api/intake';
import { INTAKE_STATUS_LABELS } from '../../common/api/intake';
import { categoryLabel } from '../../common/domain/categories';
import { LAST_DAY } from '../../common/domain/dates';
import type { Tier } from '../../common/domain/tiers';
import { maskIdNumber, validateIdNumber, type IdType } from '../../common/domain/identity';
import { isOpen, type Status } from '../../common/domain/lifecycle';
import { AppError } from '../../common/errors';
import { requireCentre } from '../centre';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { registerCase } from '../cases/register';
import { findRepeats } from '../cases/repeat-dispute-check';
import { disputeKindLabel } from '../../common/domain/categories';
import { registrationNumberOf } from './codes';

/** A row as read here: the listed registration before its labels and number are derived, plus its queue day. */
type IntakeRecord = Omit<IntakeRow, 'categoryLabel' | 'registrationNumber'> & { day: string | null };

const SELECT = `
  SELECT i.id, i.created_at AS createdAt, i.channel, i.category, i.name, i.phone, i.id_number AS idNumber,
         i.other_party AS otherParty, i.other_party_phone AS otherPartyPhone, i.description, i.status,
         i.case_id AS caseId, c.case_number AS caseNumber, i.reject_reason AS rejectReason,
         i.reviewed_at AS reviewedAt, u.display_name AS reviewerName,
         (SELECT t.code FROM queue_tickets t WHERE t.intake_id = i.id ORDER BY t.created_at LIMIT 1) AS queueCode,
         (SELECT t.day FROM queue_tickets t WHERE t.intake_id = i.id ORDER BY t.created_at LIMIT 1) AS day
    FROM intakes i
    LEFT JOIN cases c ON c.id = i.case_id
    LEFT JOIN users u ON u.id = i.reviewed_by`;

function loadIntake(ctx: Pick<ServiceContext, 'db'>, id: string): IntakeRecord {
  const row = ctx.db.sqlite.prepare(`${SELECT} WHERE i.id = ?`).get(id) as IntakeRecord | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到这条登记，可能已超过保存期限被删除');
  return row;
}

function toRow(r: IntakeRecord): IntakeRow {
  const { day, ...rest } = r;
  return {
    ...rest,
    categoryLabel: categoryLabel(r.category),
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    registrationNumber: r.caseNumber ?? (day && r.queueCode ? registrationNumberOf(day, r.queueCode) : ''),
  };
}

export function getIntake(ctx: Pick<ServiceContext, 'db'>, id: string): IntakeRow {
  return toRow(loadIntake(ctx, id));
}

export function listIntakes(
  ctx: Pick<ServiceContext, 'db'>,
  q: { status?: IntakeStatus[] | undefined; day?: string | undefined; page: number; pageSize: number },
): { rows: IntakeRow[]; total: number } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.status && q.status.length > 0) {
    where.push(`i.status IN (${q.status.map(() => '?').join(',')})`);
    args.push(...q.status);
  }
  if (q.day) {
    // created_at is RFC 3339 with the local offset, so its first ten characters are the local day.
    where.push('substr(i.created_at, 1, 10) = ?');
    args.push(q.day);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const { total } = ctx.db.sqlite.prepare(`SELECT count(*) AS total FROM intakes i${clause}`).get(...args) as { total: number };
  const rows = ctx.db.sqlite
    .prepare(`${SELECT}${clause} ORDER BY i.created_at DESC, i.id DESC LIMIT ? OFFSET ?`)
    .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as IntakeRecord[];
  return { rows: rows.map(toRow), total };
}

/** Registrations waiting for review, oldest first, each with the open cases it may repeat. */
export function pendingIntakes(ctx: Pick<ServiceContext, 'db'>): PendingIntake[] {
  const rows = ctx.db.sqlite.prepare(`${SELECT} WHERE i.status = 'pending' ORDER BY i.created_at, i.id LIMIT 200`).all() as IntakeRecord[];
  return rows.map((r) => ({
    ...toRow(r),
    repeats: findRepeats(ctx, [
      { name: r.name, phone: r.phone, idNumber: r.idNumber ?? undefined },
      ...(r.otherParty ? [{ name: r.otherParty, phone: r.otherPartyPhone || undefined }] : []),
    ]),
  }));
}

function requirePending(r: IntakeRecord): void {
  if (r.status !== 'pending') {
    throw new AppError('ILLEGAL_STEP', `这条登记已经处理过了（${INTAKE_STATUS_LABELS[r.status]}），请刷新列表`);
  }
}

/** The stored ID number carries no type: the first document whose rules it satisfies. */
export function inferIdType(idNumber: string): IdType {
  const order: IdType[] = ['resident_id', 'foreign_permanent', 'hk_macao_permit', 'taiwan_permit', 'passport'];
  return order.find((t) => validateIdNumber(t, idNumber, LAST_DAY).ok) ?? 'other';
}

function defaultTitle(category: string): string {
  const kind = disputeKindLabel(category);
  return kind === '其他' ? '其他纠纷' : kind;
}

/** What registerCase gets for a registration (exported for tests). */
export function caseInputFor(
  r: Pick<IntakeRecord, 'category' | 'name' | 'phone' | 'idNumber' | 'otherParty' | 'otherPartyPhone' | 'description' | 'id'>,
  tier: Tier,
  title?: string,
): RegisterCaseInput {
  const applicant: RegisterCaseInput['parties'][number] = {
    role: 'applicant',
    kind: 'person',
    name: r.name,
    phone: r.phone,
    ...(r.idNumber ? { idType: inferIdType(r.idNumber), idNumber: r.idNumber } : {}),
  };
  const parties: RegisterCaseInput['parties'] = [applicant];
  if (r.otherParty) {
    parties.push({ role: 'respondent', kind: 'person', name: r.otherParty, ...(r.otherPartyPhone ? { phone: r.otherPartyPhone } : {}) });
  }
  return {
    title: title?.trim() || defaultTitle(r.category),
    category: r.category,
    source: 'walk_in',
    tier,
    summary: r.description,
    claims: '',
    parties,
    intakeId: r.id,
  };
}

function parseCaseInput(raw: RegisterCaseInput): z.output<typeof registerCaseInput> {
  const parsed = registerCaseInput.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError('VALIDATION', `登记信息不能直接立案：${issue?.message ?? '信息不完整'}，请在案件页补充`);
}

function link(ctx: ServiceContext, actor: Actor, r: IntakeRecord, status: 'accepted' | 'merged', caseId: string): void {
  const at = rfc3339(ctx.clock.now());
  ctx.db.sqlite
    .prepare(`UPDATE intakes SET status = ?, case_id = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'pending'`)
    .run(status, caseId, actor.id, at, r.id);
  ctx.db.sqlite.prepare('UPDATE queue_tickets SET case_id = ? WHERE intake_id = ?').run(caseId, r.id);
}

function caseRef(ctx: Pick<ServiceContext, 'db'>, caseId: string): CaseStatusRef {
  const c = ctx.db.sqlite.prepare('SELECT id, case_number AS caseNumber, status FROM cases WHERE id = ? AND deleted = 0').get(caseId) as
    { id: string; caseNumber: string; status: Status } | undefined;
  if (!c) throw new AppError('NOT_FOUND', '找不到该案件，可能已被删除');
  return c;
}

/** Takes a registration up as a new case (source 来访, the citizen as applicant, the other party as respondent). */
export function acceptIntake(ctx: ServiceContext, actor: Actor, intakeId: string, title?: string): CaseStatusRef {
  const tier = requireCentre(ctx).tier;
  const caseId = ctx.db.sqlite
    .transaction(() => {
      const r = loadIntake(ctx, intakeId);
      requirePending(r);
      // registerCase's own immediate transaction runs as a savepoint of this one: the case and
      // the link to it are written together or not at all.
      const id = registerCase(ctx, actor, parseCaseInput(caseInputFor(r, tier, title)));
      link(ctx, actor, r, 'accepted', id);
      recordAudit(ctx, actor, {
        operation: 'intake.accept',
        entityKind: 'intake',
        entityId: r.id,
        caseId: id,
        summary: `受理${r.channel === 'kiosk' ? '自助' : '窗口'}登记${r.queueCode ? `（排队号 ${r.queueCode}）` : ''}并立案`,
      });
      return id;
    })
    .immediate();
  return caseRef(ctx, caseId);
}

/** Links a registration to an open case about the same dispute instead of opening a second one. */
export function mergeIntake(ctx: ServiceContext, actor: Actor, intakeId: string, caseId: string): CaseStatusRef {
  ctx.db.sqlite
    .transaction(() => {
      const r = loadIntake(ctx, intakeId);
      requirePending(r);
      const c = caseRef(ctx, caseId);
      if (!isOpen(c.status)) throw new AppError('ILLEGAL_STEP', `案件 ${c.caseNumber} 已不在办理中，不能并入；请受理为新案件`);
      link(ctx, actor, r, 'merged', c.id);
      recordAudit(ctx, actor, {
        operation: 'intake.merge',
        entityKind: 'intake',
        entityId: r.id,
        caseId: c.id,
        summary: `将${r.channel === 'kiosk' ? '自助' : '窗口'}登记${r.queueCode ? `（排队号 ${r.queueCode}）` : ''}并入本案（重复纠纷）`,
      });
    })
    .immediate();
  return caseRef(ctx, caseId);
}

export function rejectIntake(ctx: ServiceContext, actor: Actor, intakeId: string, reason: string): IntakeRow {
  const at = rfc3339(ctx.clock.now());
  ctx.db.sqlite
    .transaction(() => {
      const r = loadIntake(ctx, intakeId);
      requirePending(r);
      ctx.db.sqlite
        .prepare(
          `UPDATE intakes SET status = 'rejected', reject_reason = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ? AND status = 'pending'`,
        )
        .run(reason, actor.id, at, r.id);
      recordAudit(ctx, actor, {
        operation: 'intake.reject',
        entityKind: 'intake',
        entityId: r.id,
        summary: `不予受理登记${r.queueCode ? `（排队号 ${r.queueCode}）` : ''}`,
      });
    })
    .immediate();
  return getIntake(ctx, intakeId);
}
