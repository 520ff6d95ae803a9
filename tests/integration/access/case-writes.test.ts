/**
 * Issue #12 item 3: every operation of the contract that changes a case goes through the one
 * case-level check. The list is read from the contract (api + CASE_SCOPES), not written here: an
 * operation added later is walked too, or this test fails asking for its input.
 *
 * For each: a mediator who must stand aside (assigned, then found to share a phone with a party)
 * and a mediator who is not on the case are refused, of every role the operation admits, and
 * nothing changes; an assigned mediator gets through the check (success, or a business error of
 * the operation itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../../electron/common/api';
import type { OpDef } from '../../../electron/common/api/contract';
import type { CaseDetail } from '../../../electron/common/api/cases';
import { INTAKE_AFTER_ACCEPT_MESSAGE, NOT_ASSIGNED_MESSAGE } from '../../../electron/common/access';
import type { Role } from '../../../electron/common/roles';
import { CASE_SCOPES, type CaseScope } from '../../../electron/api/case-scope';
import { startTestApp, type TestApp } from '../../support/backend';
import { people, runningCase, snapshot, type People } from './helpers';

const ops = api as unknown as Record<string, OpDef>;
const scopes = CASE_SCOPES as Record<string, CaseScope | undefined>;
const WRITE_OPS = Object.keys(ops).filter((op) => scopes[op]?.need === 'write');
const MEDIATOR_KINDS: Role[] = ['mediator', 'court_mediator'];

interface Prepared {
  input: unknown;
}

type Stage = 'mediating' | 'agreed';

/**
 * How to call each case-writing operation on a running case. The preparation (as the centre head)
 * brings the case to where the operation makes sense, so the assigned mediator's call can succeed.
 */
const CALLS: Record<string, { stage: Stage; prepare: (app: TestApp, p: People, c: CaseDetail) => Promise<Prepared> }> = {
  'cases.update': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, patch: { title: '买卖合同货款纠纷（补正）' } } }),
  },
  'cases.step': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, action: 'fail', reason: '双方分歧较大' } }),
  },
  'cases.setDeadline': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, deadline: '2026-12-31', reason: '当事人申请延长' } }),
  },
  'cases.escalate': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, reason: '涉及多个部门' } }),
  },
  'cases.setAgreement': {
    stage: 'agreed',
    prepare: async (_a, _p, c) => ({
      input: {
        id: c.id,
        version: c.version,
        agreement: {
          terms: ['被申请人于2026年12月15日前支付货款30000元'],
          performanceMethod: '银行转账',
          performanceDeadline: '2026-12-15',
        },
      },
    }),
  },
  'cases.setUndisputed': {
    stage: 'mediating',
    prepare: async (app, p, c) => {
      const failed = await app.call('cases.step', { id: c.id, version: c.version, action: 'fail', reason: '双方分歧较大' }, p.admin);
      return {
        input: {
          id: failed.id,
          version: failed.version,
          undisputed: { consent: true, facts: ['双方确认货款金额为30000元'], disputedPoints: ['付款期限'], failureReason: '付款期限分歧' },
        },
      };
    },
  },
  'cases.assignMediator': {
    stage: 'mediating',
    prepare: async (_a, p, c) => ({ input: { id: c.id, version: c.version, mediatorId: p.roster.free, role: 'assistant' } }),
  },
  'cases.unassignMediator': {
    stage: 'mediating',
    prepare: async (_a, p, c) => ({ input: { id: c.id, version: c.version, mediatorId: p.roster.recused } }),
  },
  'parties.add': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({
      input: { id: c.id, version: c.version, party: { role: 'third_party', kind: 'person', name: '王五' } },
    }),
  },
  'parties.update': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => {
      const applicant = c.parties.find((x) => x.role === 'applicant')!;
      return {
        input: {
          caseId: c.id,
          partyId: applicant.id,
          partyVersion: applicant.version,
          party: { role: 'applicant', kind: 'person', name: '张建国（更名）', phone: applicant.phone },
        },
      };
    },
  },
  'parties.remove': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({
      input: { id: c.id, version: c.version, partyId: c.parties.find((x) => x.role === 'third_party')!.id },
    }),
  },
  'sessions.add': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({
      input: { caseId: c.id, session: { heldAt: '2026-11-21T10:00', place: '调解室', participants: '双方', record: '第二次调解。' } },
    }),
  },
  'sessions.update': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => {
      const s = c.sessions[0]!;
      return {
        input: {
          caseId: c.id,
          sessionId: s.id,
          sessionVersion: s.version,
          session: { heldAt: s.heldAt, place: s.place, participants: s.participants, record: '双方陈述意见（更正）。' },
        },
      };
    },
  },
  'court.extend': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, days: 10, bothConsented: true, consent: '双方书面同意延长' } }),
  },
  'court.reportResult': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({
      input: { id: c.id, version: c.version, result: 'failed', reason: '双方分歧较大', reportedAt: '2026-11-20' },
    }),
  },
  'supervision.setResponsibility': {
    stage: 'mediating',
    prepare: async (_a, _p, c) => ({ input: { id: c.id, version: c.version, leadUnit: '王村镇政府', responsiblePerson: '张科长' } }),
  },
  'confirmations.apply': {
    stage: 'agreed',
    prepare: async (_a, _p, c) => ({ input: { caseId: c.id, court: '新乡市牧野区人民法院', appliedAt: '2026-11-20' } }),
  },
  'confirmations.accept': {
    stage: 'agreed',
    prepare: async (app, p, c) => {
      const st = await app.call('confirmations.apply', { caseId: c.id, court: '新乡市牧野区人民法院', appliedAt: '2026-11-20' }, p.admin);
      return {
        input: {
          id: st.confirmation!.id,
          version: st.confirmation!.version,
          acceptedAt: '2026-11-20',
          acceptanceNumber: '（2026）豫0711民特12号',
        },
      };
    },
  },
  'confirmations.rule': {
    stage: 'agreed',
    prepare: async (app, p, c) => {
      let st = await app.call('confirmations.apply', { caseId: c.id, court: '新乡市牧野区人民法院', appliedAt: '2026-11-20' }, p.admin);
      st = await app.call(
        'confirmations.accept',
        {
          id: st.confirmation!.id,
          version: st.confirmation!.version,
          acceptedAt: '2026-11-20',
          acceptanceNumber: '（2026）豫0711民特12号',
        },
        p.admin,
      );
      return { input: { id: st.confirmation!.id, version: st.confirmation!.version, ruling: 'confirmed', ruledAt: '2026-11-20' } };
    },
  },
  'followups.schedule': { stage: 'agreed', prepare: async (_a, _p, c) => ({ input: { caseId: c.id, dates: ['2026-12-20'] } }) },
  'followups.record': {
    stage: 'agreed',
    prepare: async (app, p, c) => {
      const f = (await app.call('followups.schedule', { caseId: c.id, dates: ['2026-11-20'] }, p.admin)).followups[0]!;
      return {
        input: {
          id: f.id,
          version: f.version,
          doneAt: '2026-11-20',
          method: 'phone',
          performance: 'performed',
          notes: '已按期履行',
          visitor: '刘承办',
        },
      };
    },
  },
  'documents.generate': { stage: 'agreed', prepare: async (_a, _p, c) => ({ input: { caseId: c.id, type: 'agreement' } }) },
  'documents.markPrinted': {
    stage: 'agreed',
    prepare: async (app, p, c) => ({
      input: { id: (await app.call('documents.generate', { caseId: c.id, type: 'agreement' }, p.admin)).id },
    }),
  },
  'documents.markSigned': {
    stage: 'agreed',
    prepare: async (app, p, c) => ({
      input: { id: (await app.call('documents.generate', { caseId: c.id, type: 'agreement' }, p.admin)).id, received: true },
    }),
  },
};

/** The top-level keys of an operation's input object, through optional / default wrappers. */
function inputKeys(schema: z.ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s && !(s instanceof z.ZodObject); i++) {
    const def = (s as { def?: { innerType?: unknown; in?: unknown } }).def;
    s = def?.innerType ?? def?.in;
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

let app: TestApp;
let p: People;

beforeAll(async () => {
  app = await startTestApp();
  p = await people(app);
});
afterAll(() => app.close());

describe('the list of case-writing operations comes from the contract', () => {
  it('classifies every operation that names a case, and names only operations of the contract', () => {
    for (const op of Object.keys(scopes)) expect(ops[op], `${op} is classified but not in the contract`).toBeDefined();
    const unclassified = Object.keys(ops).filter(
      (op) => inputKeys(ops[op]!.input).includes('caseId') && (scopes[op]?.need ?? 'none') === 'none',
    );
    expect(unclassified).toEqual([]);
    // Writes to a case carry the version they change (optimistic locking) or name the case's record: each is a 'write'.
    const versioned = Object.keys(ops).filter((op) => {
      const keys = inputKeys(ops[op]!.input);
      return op in scopes && !op.startsWith('mediators.') && keys.includes('version') && keys.includes('id');
    });
    for (const op of versioned) expect(scopes[op]?.need, op).toBe('write');
  });

  it('knows how to call each of them (a new one must be added here)', () => {
    expect(WRITE_OPS.length).toBeGreaterThanOrEqual(20);
    expect(WRITE_OPS.filter((op) => !(op in CALLS))).toEqual([]);
  });
});

describe.each(WRITE_OPS)('%s', (op) => {
  const def = () => ops[op]!;
  const admits = (role: Role) =>
    def().access === 'signed-in' || (Array.isArray(def().access) && (def().access as readonly Role[]).includes(role));

  it('refuses a mediator who must stand aside and one not on the case, and changes nothing', async () => {
    const call = CALLS[op]!;
    const c = await runningCase(app, p, call.stage);
    const { input } = await call.prepare(app, p, c);
    const refusing = [
      ...MEDIATOR_KINDS.filter(admits).map((role) => ({ who: `recused ${role}`, session: p.recused[role]!, message: '回避' })),
      ...MEDIATOR_KINDS.filter(admits).map((role) => ({
        who: `unassigned ${role}`,
        session: p.unassigned[role]!,
        message: NOT_ASSIGNED_MESSAGE,
      })),
      ...MEDIATOR_KINDS.filter(admits).map((role) => ({
        who: `${role} without a roster record`,
        session: p.noRoster[role]!,
        message: NOT_ASSIGNED_MESSAGE,
      })),
    ];
    expect(refusing.length).toBeGreaterThanOrEqual(3);
    const before = snapshot(app);
    for (const r of refusing) {
      const res = await app.raw({ op, input, session: r.session });
      expect(res.ok, `${op} by ${r.who}`).toBe(false);
      if (!res.ok) {
        expect(res.error.code, `${op} by ${r.who}: ${res.error.message}`).toBe('FORBIDDEN');
        expect(res.error.message).toContain(r.message);
      }
    }
    expect(snapshot(app)).toEqual(before);

    // The intake counter may not change a case once it is accepted, whichever way it asks.
    const clerk = await app.raw({ op, input, session: p.intake });
    expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!clerk.ok && admits('intake')) expect(clerk.error.message).toBe(INTAKE_AFTER_ACCEPT_MESSAGE);
    expect(snapshot(app)).toEqual(before);
  });

  it('lets an assigned mediator through the check', async () => {
    const call = CALLS[op]!;
    const c = await runningCase(app, p, call.stage);
    const { input } = await call.prepare(app, p, c);
    const role = MEDIATOR_KINDS.find(admits)!;
    const res = await app.raw({ op, input, session: p.assigned[role]! });
    if (!res.ok) {
      expect(res.error.code, res.error.message).not.toBe('FORBIDDEN');
      expect(res.error.code, res.error.message).not.toBe('VALIDATION');
    }
    // The preparations above bring each case to where the operation applies: all of them succeed.
    expect(res.ok ? 'ok' : `${res.error.code} ${res.error.message}`).toBe('ok');
  });
});
