/**
 * The roster (调解员名册): resident mediators, the court's invited mediators and invited
 * organisations. Cases assign mediators from here.
 */
import { z } from 'zod';
import { categoryCodeSchema } from '../domain/categories';
import { isoDateSchema, LAST_DAY } from '../domain/dates';
import { validatePhone, validateResidentId } from '../domain/identity';
import type { Role } from '../roles';
import { op } from './contract';
import { optionalText, requiredText } from './fields';

import { MEDIATOR_KINDS, type MediatorKind } from '../domain/mediatorKinds';

export { MEDIATOR_KINDS, MEDIATOR_KIND_LABELS, type MediatorKind } from '../domain/mediatorKinds';
/**
 * The roster entry a user who mediates gets when created without one: a 人民调解员 is the centre's
 * 专职 mediator, a 驻院调解员 one of the court's 特邀调解员. Other roles have none.
 */
export const ROSTER_KIND_OF_ROLE: Readonly<Partial<Record<Role, MediatorKind>>> = { mediator: 'resident', court_mediator: 'invited' };

export const MEDIATOR_STATUSES = ['active', 'suspended', 'removed'] as const;
export type MediatorStatus = (typeof MEDIATOR_STATUSES)[number];
export const MEDIATOR_STATUS_LABELS: Record<MediatorStatus, string> = { active: '在册', suspended: '暂停', removed: '除名' };

export const mediatorInput = z
  .object({
    name: requiredText('姓名或名称', 100),
    kind: z.enum(MEDIATOR_KINDS, { error: '请选择类别' }),
    organisation: optionalText('所在单位', 100),
    phone: optionalText('联系电话', 30),
    idNumber: optionalText('身份证号码', 18),
    specialties: z.array(categoryCodeSchema).max(20).default([]),
    certificateNo: optionalText('资格证书编号', 50),
    region: optionalText('所在区域', 100),
  })
  .superRefine((m, ctx) => {
    if (m.phone) {
      const c = validatePhone(m.phone);
      if (!c.ok) ctx.addIssue({ code: 'custom', path: ['phone'], message: c.message });
    }
    if (m.idNumber) {
      // "Not after today" needs the clock: the roster service checks it (services/roster/mediators.ts).
      const c = validateResidentId(m.idNumber, LAST_DAY);
      if (!c.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: c.message });
    }
  });

export interface MediatorView {
  id: string;
  version: number;
  name: string;
  kind: MediatorKind;
  organisation: string;
  phone: string;
  specialties: string[];
  certificateNo: string;
  region: string;
  status: MediatorStatus;
  statusDate: string | null;
  statusReason: string | null;
  openCases: number;
  /** Whether a user account is linked to this entry (the roster offers to create one when not). */
  hasLogin: boolean;
}

/** The role a login created for a roster entry gets: a 特邀调解员 of the court's list mediates as a 驻院调解员. */
export const ROLE_OF_ROSTER_KIND: Readonly<Record<MediatorKind, Role>> = {
  resident: 'mediator',
  invited: 'court_mediator',
  invited_org: 'court_mediator',
};

export const mediatorsOps = {
  'mediators.list': op<MediatorView[]>()({
    input: z
      .object({
        status: z.enum(MEDIATOR_STATUSES).optional(),
        kind: z.enum(MEDIATOR_KINDS).optional(),
        specialty: categoryCodeSchema.optional(),
        q: z.string().trim().max(50).optional(),
      })
      .default({}),
    access: 'signed-in',
    title: '调解员名册',
  }),
  'mediators.create': op<MediatorView>()({ input: mediatorInput, access: ['admin', 'court_mediator'], title: '新增调解员' }),
  'mediators.update': op<MediatorView>()({
    input: z.object({ id: z.string().min(1), version: z.number().int().min(1), mediator: mediatorInput }),
    access: ['admin', 'court_mediator'],
    title: '修改调解员',
  }),
  'mediators.setStatus': op<MediatorView>()({
    input: z
      .object({
        id: z.string().min(1),
        version: z.number().int().min(1),
        status: z.enum(MEDIATOR_STATUSES),
        date: isoDateSchema,
        reason: optionalText('原因', 500),
      })
      .refine((v) => v.status === 'active' || !!v.reason, { path: ['reason'], message: '暂停或除名须填写原因' }),
    access: ['admin'],
    title: '变更调解员状态',
  }),
};
