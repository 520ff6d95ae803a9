import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/common/errors';
import {
  ACTIONS,
  ACTION_CODES,
  OUTCOMES,
  STATUSES,
  STATUS_LABELS,
  assertStepInputs,
  availableActions,
  canStep,
  isOpen,
  missingStepInputs,
  nextStatus,
  outcomeFor,
  statusSchema,
  type ActionCode,
  type Status,
} from '../../../electron/common/domain/lifecycle';

/** The legal steps, written out independently of the table under test. */
const LEGAL: Record<ActionCode, Partial<Record<Status, Status>>> = {
  accept: { registered: 'accepted' },
  reject: { registered: 'rejected' },
  start: { accepted: 'mediating' },
  agree: { mediating: 'agreement' },
  fail: { mediating: 'failed' },
  withdraw: { accepted: 'withdrawn', mediating: 'withdrawn' },
  transfer: { registered: 'transferred', accepted: 'transferred', mediating: 'transferred' },
  close: { agreement: 'closed', failed: 'closed', withdrawn: 'closed', transferred: 'closed' },
};

describe('lifecycle', () => {
  it('has the nine statuses with their Chinese labels', () => {
    expect(STATUS_LABELS).toEqual({
      registered: '已登记',
      accepted: '已受理',
      rejected: '不予受理',
      mediating: '调解中',
      agreement: '达成协议',
      failed: '调解不成',
      withdrawn: '已撤回',
      transferred: '已移交',
      closed: '已结案',
    });
    expect(STATUSES).toHaveLength(9);
    expect(statusSchema.safeParse('closed').success).toBe(true);
    expect(statusSchema.safeParse('escalated').success).toBe(false);
  });

  it('has the eight actions with Chinese labels', () => {
    expect(ACTION_CODES).toEqual(['accept', 'reject', 'start', 'agree', 'fail', 'withdraw', 'transfer', 'close']);
    expect(Object.keys(ACTIONS)).toEqual([...ACTION_CODES]);
    for (const a of ACTION_CODES) expect(ACTIONS[a].label).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(ACTIONS.reject.label).toBe('不予受理');
    expect(ACTIONS.close.label).toBe('结案');
  });

  describe.each(ACTION_CODES.flatMap((a) => STATUSES.map((s) => [a, s] as const)))('%s from %s', (action, status) => {
    const expected = LEGAL[action][status];
    if (expected) {
      it(`is legal and leads to ${expected}`, () => {
        expect(canStep(status, action)).toBe(true);
        expect(nextStatus(status, action)).toBe(expected);
        expect(availableActions(status)).toContain(action);
      });
    } else {
      it('is illegal and throws ILLEGAL_STEP naming the status and the action', () => {
        expect(canStep(status, action)).toBe(false);
        expect(availableActions(status)).not.toContain(action);
        let caught: unknown;
        try {
          nextStatus(status, action);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(AppError);
        expect((caught as AppError).code).toBe('ILLEGAL_STEP');
        expect((caught as AppError).message).toContain(STATUS_LABELS[status]);
        expect((caught as AppError).message).toContain(ACTIONS[action].label);
      });
    }
  });

  it('lists the available actions per status in table order', () => {
    expect(availableActions('registered')).toEqual(['accept', 'reject', 'transfer']);
    expect(availableActions('accepted')).toEqual(['start', 'withdraw', 'transfer']);
    expect(availableActions('mediating')).toEqual(['agree', 'fail', 'withdraw', 'transfer']);
    expect(availableActions('agreement')).toEqual(['close']);
    expect(availableActions('rejected')).toEqual([]);
    expect(availableActions('closed')).toEqual([]);
  });

  it('requires a reason to reject and a target unit and reason to transfer', () => {
    expect(ACTIONS.reject.requires).toEqual(['reason']);
    expect(ACTIONS.transfer.requires).toEqual(['targetUnit', 'reason']);
    expect(missingStepInputs('reject', {})).toEqual({ reason: '不予受理须填写理由' });
    expect(missingStepInputs('transfer', { reason: '涉及多部门', targetUnit: ' ' })).toEqual({ targetUnit: '移交须填写移交单位' });
    expect(missingStepInputs('accept', {})).toEqual({});
    expect(() => assertStepInputs('transfer', { reason: '跨镇纠纷', targetUnit: '王村镇调委会' })).not.toThrow();
    try {
      assertStepInputs('transfer', {});
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('VALIDATION');
      expect((e as AppError).fields).toEqual({ targetUnit: '移交须填写移交单位', reason: '移交须填写理由' });
    }
  });

  it('counts registered, accepted and mediating cases as open', () => {
    expect(STATUSES.filter(isOpen)).toEqual(['registered', 'accepted', 'mediating']);
  });

  it('maps statuses to district outcome codes', () => {
    expect(OUTCOMES).toEqual(['agreement', 'failed', 'withdrawn', 'transferred']);
    expect(Object.fromEntries(STATUSES.map((s) => [s, outcomeFor(s)]))).toEqual({
      registered: null,
      accepted: null,
      rejected: null,
      mediating: null,
      agreement: 'agreement',
      failed: 'failed',
      withdrawn: 'withdrawn',
      transferred: 'transferred',
      closed: null,
    });
  });
});
