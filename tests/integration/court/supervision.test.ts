import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterCaseInput } from '../../../electron/common/api/cases';
import { makeResidentId } from '../../../electron/common/domain/identity';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { counts, dayIs } from './helpers';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

const WANG_ID = makeResidentId('410711', '1980-05-06', 55);
const ZHAO_ID = makeResidentId('410711', '1990-07-08', 66);

/** A case whose parties appear nowhere else (unless `parties` says otherwise). */
function lonelyCase(title: string, overrides: Partial<RegisterCaseInput> = {}): RegisterCaseInput {
  return walkInCase({
    title,
    parties: [
      { role: 'applicant', kind: 'person', name: `${title}甲` },
      { role: 'respondent', kind: 'person', name: `${title}乙` },
    ],
    ...overrides,
  });
}

async function accepted(input: RegisterCaseInput, day: string) {
  s = await dayIs(app, day);
  const c = await app.call('cases.register', input, s);
  return app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, s);
}

describe('督办清单', () => {
  it('lists overdue, near, escalated and repeat-petition cases with their lead unit and responsible people', async () => {
    const overdue = await accepted(lonelyCase('超期'), '2026-10-01'); // day 30 is Saturday 10-31: deadline Monday 11-02
    const near = await accepted(lonelyCase('临期'), '2026-10-22'); // day 30 is Saturday 11-21: deadline Monday 11-23
    const calm = await accepted(lonelyCase('正常'), '2026-11-19'); // day 30 is Saturday 12-19: deadline Monday 12-21
    // Escalated from the town tier, still open.
    const esc = await accepted(lonelyCase('上报', { tier: 'town' }), '2026-11-19');
    // Escalated, then transferred: no longer open, not listed.
    const gone = await accepted(lonelyCase('已移交', { tier: 'village' }), '2026-11-19');
    // Marked as a repeat petition.
    const marked = await accepted(lonelyCase('重复标记', { repeatPetition: true }), '2026-11-19');
    // A petition referral whose party (same ID number) had an earlier case, long closed.
    const earlier = await accepted(
      lonelyCase('旧案', {
        parties: [
          { role: 'applicant', kind: 'person', name: '王五', idType: 'resident_id', idNumber: WANG_ID },
          { role: 'respondent', kind: 'person', name: '某公司' },
        ],
      }),
      '2026-03-01',
    );
    const petition = { source: 'petition_referral' as const, reporter: { reference: '牧信转〔2026〕12号' } };
    const again = await accepted(
      lonelyCase('再访', {
        ...petition,
        parties: [
          { role: 'applicant', kind: 'person', name: '王五', idType: 'resident_id', idNumber: WANG_ID },
          { role: 'respondent', kind: 'person', name: '某单位' },
        ],
      }),
      '2026-11-19',
    );
    // A first petition referral: not a repeat.
    const first = await accepted(
      lonelyCase('初访', {
        ...petition,
        parties: [
          { role: 'applicant', kind: 'person', name: '赵六', idType: 'resident_id', idNumber: ZHAO_ID },
          { role: 'respondent', kind: 'person', name: '某村委' },
        ],
      }),
      '2026-11-19',
    );

    s = await dayIs(app, '2026-11-20');
    let e = await app.call('cases.get', { id: esc.id }, s);
    e = await app.call('cases.escalate', { id: e.id, version: e.version, reason: '涉及多个部门，镇级难以化解' }, s);
    await app.call(
      'supervision.setResponsibility',
      {
        id: e.id,
        version: e.version,
        leadUnit: '区信访局',
        coUnits: ['区住建局', '王村镇政府'],
        responsibleLeader: '李副区长',
        responsiblePerson: '张科长',
      },
      s,
    );
    let g = await app.call('cases.get', { id: gone.id }, s);
    g = await app.call('cases.escalate', { id: g.id, version: g.version, reason: '需镇级协调' }, s);
    await app.call('cases.step', { id: g.id, version: g.version, action: 'transfer', targetUnit: '王村镇司法所', reason: '属地管辖' }, s);
    const oldCase = await app.call('cases.get', { id: earlier.id }, s);
    await app.call('cases.step', { id: oldCase.id, version: oldCase.version, action: 'withdraw', reason: '当事人撤回' }, s);

    const list = await app.call('supervision.list', {}, s);
    const byId = new Map(list.map((r) => [r.id, r]));
    expect(list.map((r) => r.title)).toEqual(['超期', '临期', '上报', '重复标记', '再访']);
    expect(byId.get(overdue.id)).toMatchObject({
      kinds: ['overdue'],
      deadline: '2026-11-02',
      deadlineNote: '原到期日 10-31 为星期六，顺延',
      daysLeft: -18,
      workingDaysLeft: -14,
    });
    expect(byId.get(near.id)).toMatchObject({ kinds: ['near'], daysLeft: 3, workingDaysLeft: 1 });
    expect(byId.get(esc.id)).toMatchObject({
      kinds: ['escalated'],
      tier: 'district',
      originTier: 'town',
      leadUnit: '区信访局',
      coUnits: ['区住建局', '王村镇政府'],
      responsibleLeader: '李副区长',
      responsiblePerson: '张科长',
    });
    expect(byId.get(marked.id)!.kinds).toEqual(['repeat']);
    expect(byId.get(again.id)!.kinds).toEqual(['repeat']);
    for (const absent of [calm.id, gone.id, first.id, earlier.id]) expect(byId.has(absent)).toBe(false);

    expect((await app.call('supervision.list', { kinds: ['escalated'] }, s)).map((r) => r.title)).toEqual(['上报']);
    expect((await app.call('supervision.list', { kinds: ['overdue', 'repeat'] }, s)).map((r) => r.title)).toEqual([
      '超期',
      '重复标记',
      '再访',
    ]);
  }, 60_000);

  it('sets the lead unit and responsible people with a Chinese audit line and optimistic locking', async () => {
    const c = await app.call('cases.register', walkInCase(), s);
    const row = await app.call(
      'supervision.setResponsibility',
      {
        id: c.id,
        version: c.version,
        leadUnit: '王村镇综治中心',
        coUnits: ['王村镇派出所'],
        responsibleLeader: '刘书记',
        responsiblePerson: '陈干事',
      },
      s,
    );
    expect(row).toMatchObject({ version: c.version + 1, leadUnit: '王村镇综治中心', kinds: [] });
    const d = await app.call('cases.get', { id: c.id }, s);
    expect(d.timeline.at(-1)!.summary).toBe(
      '设定牵头单位：无 → 王村镇综治中心；协办单位：无 → 王村镇派出所；包案领导：无 → 刘书记；责任人：无 → 陈干事',
    );
    const before = counts(app);
    const stale = await app.raw({
      op: 'supervision.setResponsibility',
      input: { id: c.id, version: c.version, leadUnit: '别的单位' },
      session: s,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const same = await app.raw({
      op: 'supervision.setResponsibility',
      input: {
        id: c.id,
        version: row.version,
        leadUnit: '王村镇综治中心',
        coUnits: ['王村镇派出所'],
        responsibleLeader: '刘书记',
        responsiblePerson: '陈干事',
      },
      session: s,
    });
    expect(same).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '没有需要保存的修改' } });
    const dup = await app.raw({
      op: 'supervision.setResponsibility',
      input: { id: c.id, version: row.version, leadUnit: '王村镇派出所', coUnits: ['王村镇派出所'] },
      session: s,
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(counts(app)).toEqual(before);
  });

  it('is for the centre head and court mediators', async () => {
    await app.call('users.create', { loginName: 'wangfang', displayName: '王芳', role: 'mediator', password: 'Tiaojie2026' }, s);
    const m = await app.login('wangfang', 'Tiaojie2026');
    expect(await app.raw({ op: 'supervision.list', input: {}, session: m })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await app.call('users.create', { loginName: 'zhoujing', displayName: '周静', role: 'court_mediator', password: 'Fayuan2026' }, s);
    expect(await app.call('supervision.list', {}, await app.login('zhoujing', 'Fayuan2026'))).toEqual([]);
  });
});
