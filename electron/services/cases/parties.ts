/**
 * Parties of a case: natural persons and organisations, agents acting for them.
 * One row per party per case (a returning citizen gets a new row in the new case), so the upload
 * sends each case's parties as they were given there.
 */
import { and, asc, eq } from 'drizzle-orm';
import { parties } from '../../../db/schema';
import type { PartyInput, partyInput } from '../../common/api/cases';
import { PARTY_ROLE_LABELS } from '../../common/api/cases';
import { AppError } from '../../common/errors';
import { validateIdNumber, validatePhone } from '../../common/domain/identity';
import type { z } from 'zod';
import { recordAudit } from '../core/audit';
import { rfc3339 } from '../core/clock';
import type { Actor, ServiceContext } from '../core/context';
import { newId } from '../core/ids';
import { bumpRow, lockCase, loadCase, writeCase } from './versioning';

type ParsedParty = z.output<typeof partyInput>;
export type PartyRecord = typeof parties.$inferSelect;

/**
 * Refuses an ID number or a birth date after `today`, the app clock's local day (the input schema cannot
 * know it). `field` is where the party sits in the input ('parties.0', 'party'), for the form to point at.
 */
export function refuseFutureDates(p: ParsedParty, today: string, field: string): void {
  const fields: Record<string, string> = {};
  if (p.idNumber) {
    const check = validateIdNumber(p.idType ?? 'resident_id', p.idNumber, today);
    if (!check.ok) fields[`${field}.idNumber`] = check.message;
  }
  if (p.birthDate && p.birthDate > today) fields[`${field}.birthDate`] = '出生日期不能晚于今天';
  const first = Object.values(fields)[0];
  if (first !== undefined) throw new AppError('VALIDATION', `当事人“${p.name}”：${first}`, fields);
}

/** Normalised values: ID numbers upper-cased without spaces, phones in one format, birth date from the ID. */
export function partyValues(p: ParsedParty, today: string) {
  const idType = p.idNumber ? (p.idType ?? 'resident_id') : (p.idType ?? null);
  let idNumber = p.idNumber ?? null;
  let birthDate = p.birthDate ?? null;
  let sex = p.sex ?? null;
  if (idNumber && idType) {
    const check = validateIdNumber(idType, idNumber, today);
    if (check.ok) {
      idNumber = check.normalized;
      if ('birthDate' in check && check.birthDate) birthDate = birthDate ?? check.birthDate;
      if ('sex' in check && check.sex) sex = sex ?? check.sex;
    }
  }
  const phoneCheck = p.phone ? validatePhone(p.phone) : null;
  return {
    role: p.role,
    kind: p.kind,
    name: p.name,
    sex: p.kind === 'person' ? sex : null,
    birthDate: p.kind === 'person' ? birthDate : null,
    ethnicity: p.ethnicity ?? null,
    occupation: p.occupation ?? null,
    idType: idNumber ? idType : null,
    idNumber,
    creditCode: p.creditCode ? p.creditCode.toUpperCase() : null,
    legalRepresentative: p.legalRepresentative ?? null,
    phone: phoneCheck && phoneCheck.ok ? phoneCheck.normalized : (p.phone ?? null),
    address: p.address ?? null,
    authority: p.role === 'agent' ? (p.authority ?? 'general') : null,
  };
}

export function caseParties(ctx: Pick<ServiceContext, 'db'>, caseId: string): PartyRecord[] {
  return ctx.db.orm
    .select()
    .from(parties)
    .where(and(eq(parties.caseId, caseId), eq(parties.deleted, false)))
    .orderBy(asc(parties.ordinal))
    .all();
}

/** Insert a list of parties for a case; agents point at earlier entries by index or at existing ids. */
export function insertParties(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  caseId: string,
  list: ParsedParty[],
  firstOrdinal: number,
): PartyRecord[] {
  const at = rfc3339(ctx.clock.now());
  const today = at.slice(0, 10);
  const ids = list.map(() => newId());
  const rows: PartyRecord[] = list.map((p, i) => {
    refuseFutureDates(p, today, `parties.${i}`);
    let representsId: string | null = null;
    if (p.role === 'agent') {
      if (p.representsIndex !== undefined && p.representsIndex !== null) {
        const target = list[p.representsIndex];
        if (!target || target.role === 'agent' || p.representsIndex === i) {
          throw new AppError('VALIDATION', `第 ${i + 1} 名当事人（代理人）所代理的当事人不存在`, {
            [`parties.${i}.representsIndex`]: '请选择被代理的当事人',
          });
        }
        representsId = ids[p.representsIndex]!;
      } else if (p.representsId) {
        representsId = p.representsId;
      } else {
        throw new AppError('VALIDATION', `代理人“${p.name}”须注明代理哪一方当事人`, {
          [`parties.${i}.representsIndex`]: '请选择被代理的当事人',
        });
      }
    }
    return {
      id: ids[i]!,
      version: 1,
      updatedAt: at,
      deleted: false,
      caseId,
      ordinal: firstOrdinal + i,
      representsId,
      ...partyValues(p, today),
    };
  });
  if (rows.length) ctx.db.orm.insert(parties).values(rows).run();
  return rows;
}

export function addParty(ctx: ServiceContext, actor: Actor, caseId: string, version: number, p: ParsedParty): void {
  ctx.db.sqlite.transaction(() => {
    const c = lockCase(ctx, caseId, version);
    const existing = caseParties(ctx, caseId);
    if (p.role === 'agent' && p.representsId && !existing.some((e) => e.id === p.representsId && e.role !== 'agent')) {
      throw new AppError('VALIDATION', '被代理的当事人不在本案中', { representsId: '请选择本案的当事人' });
    }
    const [row] = insertParties(ctx, caseId, [{ ...p, representsIndex: null }], existing.length);
    // The case's partyIds change: raise the case version so the upload sends it again.
    writeCase(ctx, c, {});
    recordAudit(ctx, actor, {
      operation: 'parties.add',
      entityKind: 'party',
      entityId: row!.id,
      caseId,
      summary: `添加${PARTY_ROLE_LABELS[p.role]}：${p.name}`,
    });
  })();
}

export function updateParty(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  partyId: string,
  partyVersion: number,
  p: ParsedParty,
): void {
  ctx.db.sqlite.transaction(() => {
    loadCase(ctx, caseId);
    const before = caseParties(ctx, caseId).find((e) => e.id === partyId);
    if (!before) throw new AppError('NOT_FOUND', '找不到该当事人');
    const today = rfc3339(ctx.clock.now()).slice(0, 10);
    refuseFutureDates(p, today, 'party');
    const values = partyValues(p, today);
    bumpRow(ctx, parties, partyId, partyVersion, {
      ...values,
      representsId: p.role === 'agent' ? (p.representsId ?? before.representsId) : null,
    });
    recordAudit(ctx, actor, {
      operation: 'parties.update',
      entityKind: 'party',
      entityId: partyId,
      caseId,
      summary: `修改当事人信息：${p.name}`,
      before: { name: before.name, role: before.role },
      after: { name: values.name, role: values.role },
    });
  })();
}

export function removeParty(ctx: ServiceContext, actor: Actor, caseId: string, version: number, partyId: string): void {
  ctx.db.sqlite.transaction(() => {
    const c = lockCase(ctx, caseId, version);
    const list = caseParties(ctx, caseId);
    const target = list.find((e) => e.id === partyId);
    if (!target) throw new AppError('NOT_FOUND', '找不到该当事人');
    if (target.role === 'applicant' && list.filter((e) => e.role === 'applicant').length === 1) {
      throw new AppError('REFUSED', '不能删除唯一的申请人');
    }
    // A tombstone, not a delete: the district must hear of it.
    bumpRow(ctx, parties, partyId, target.version, { deleted: true });
    for (const agent of list.filter((e) => e.representsId === partyId)) bumpRow(ctx, parties, agent.id, agent.version, { deleted: true });
    writeCase(ctx, c, {});
    recordAudit(ctx, actor, {
      operation: 'parties.remove',
      entityKind: 'party',
      entityId: partyId,
      caseId,
      summary: `删除当事人：${target.name}`,
    });
  })();
}

export type { PartyInput };
