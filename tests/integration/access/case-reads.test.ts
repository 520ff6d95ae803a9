/**
 * Issue #12 items 3 and 4: who reads a case in full. The intake counter gets what it needs
 * (registrations, finding a citizen's case, its status) with ID numbers and phones masked, no
 * session records, agreements or timeline, and no change once the case is accepted; a mediator not
 * on a case sees it as the counter does; one who must stand aside sees nothing of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTAKE_AFTER_ACCEPT_MESSAGE, NOT_ASSIGNED_MESSAGE } from '../../../electron/common/access';
import type { CaseDetail } from '../../../electron/common/api/cases';
import { maskIdNumber } from '../../../electron/common/domain/identity';
import { startTestApp, type TestApp } from '../../support/backend';
import { LI_ID, ZHANG_ID, walkInCase } from '../../support/cases';
import { PASSWORD, people, runningCase, snapshot, type People } from './helpers';

const ZHANG_PHONE = '13803731234';

let app: TestApp;
let p: People;
let agreed: CaseDetail;

beforeAll(async () => {
  app = await startTestApp();
  p = await people(app);
  agreed = await runningCase(app, p, 'agreed');
});
afterAll(() => app.close());

/** Nothing in the answer carries a full ID number or phone of the parties. */
function expectNoFullNumbers(value: unknown) {
  const json = JSON.stringify(value);
  for (const secret of [ZHANG_ID, LI_ID, ZHANG_PHONE, '13903735678']) expect(json).not.toContain(secret);
}

describe('the intake counter', () => {
  it('sees an accepted case’s status and parties with numbers masked, and no records, agreement or timeline', async () => {
    const c = await app.call('cases.get', { id: agreed.id }, p.intake);
    expect(c).toMatchObject({
      caseNumber: agreed.caseNumber,
      status: 'agreement',
      sessions: [],
      agreement: null,
      undisputed: null,
      timeline: [],
      availableActions: [],
    });
    expect(c.permissions).toEqual({ canReadFull: false, canEdit: false, reason: INTAKE_AFTER_ACCEPT_MESSAGE });
    const zhang = c.parties.find((x) => x.name === '张建国')!;
    expect(zhang.idNumber).toBe(maskIdNumber(ZHANG_ID));
    expect(zhang.phone).toBe('138****1234');
    expectNoFullNumbers(c);
    // The same case in full, for the centre head.
    const full = await app.call('cases.get', { id: agreed.id }, p.admin);
    expect(full.parties.find((x) => x.name === '张建国')).toMatchObject({ idNumber: ZHANG_ID, phone: ZHANG_PHONE });
    expect(full.sessions).toHaveLength(1);
    expect(full.agreement?.terms).toHaveLength(1);
    expect(full.permissions).toEqual({ canReadFull: true, canEdit: true, reason: null });
  });

  it('cannot rename a party once the case is accepted, and nothing changes', async () => {
    const zhang = (await app.call('cases.get', { id: agreed.id }, p.admin)).parties.find((x) => x.name === '张建国')!;
    const before = snapshot(app);
    const res = await app.raw({
      op: 'parties.update',
      input: {
        caseId: agreed.id,
        partyId: zhang.id,
        partyVersion: zhang.version,
        party: { role: 'applicant', kind: 'person', name: '张建军' },
      },
      session: p.intake,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: INTAKE_AFTER_ACCEPT_MESSAGE } });
    expect(snapshot(app)).toEqual(before);
    expect((await app.call('cases.get', { id: agreed.id }, p.admin)).parties.map((x) => x.name)).toContain('张建国');
  });

  it('registers a case and corrects a party before acceptance, seeing it masked', async () => {
    const c = await app.call('cases.register', walkInCase({ title: '借款纠纷' }), p.intake);
    expect(c.permissions).toMatchObject({ canReadFull: false, canEdit: true });
    expectNoFullNumbers(c);
    const li = c.parties.find((x) => x.name === '李秀英')!;
    const fixed = await app.call(
      'parties.update',
      { caseId: c.id, partyId: li.id, partyVersion: li.version, party: { role: 'respondent', kind: 'person', name: '李秀云' } },
      p.intake,
    );
    expect(fixed.parties.map((x) => x.name)).toContain('李秀云');
    const accepted = await app.call('cases.step', { id: c.id, version: fixed.version, action: 'accept' }, p.admin);
    const again = accepted.parties.find((x) => x.name === '李秀云')!;
    const refused = await app.raw({
      op: 'parties.update',
      input: {
        caseId: c.id,
        partyId: again.id,
        partyVersion: again.version,
        party: { role: 'respondent', kind: 'person', name: '李秀英' },
      },
      session: p.intake,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('finds whether a citizen already has a case, by ID number or phone, with the numbers masked', async () => {
    const byId = await app.call('cases.search', { q: ZHANG_ID }, p.intake);
    expect(byId.map((h) => h.caseNumber)).toContain(agreed.caseNumber);
    const byPhone = await app.call('cases.search', { q: ZHANG_PHONE }, p.intake);
    expect(byPhone.find((h) => h.id === agreed.id)?.matchedParty).toBe('张建国（138****1234）');
    expectNoFullNumbers([byId, byPhone]);
    const repeats = await app.call('cases.checkRepeat', { parties: [{ name: '张建国', idNumber: ZHANG_ID }] }, p.intake);
    // The repeat warning names open cases (the 借款纠纷 registered above), never the numbers.
    expect(repeats.length).toBeGreaterThan(0);
    expect(repeats.every((r) => r.partyName === '张建国')).toBe(true);
    expectNoFullNumbers(repeats);
    const list = await app.call('cases.list', { page: 1, pageSize: 50 }, p.intake);
    expect(list.rows.find((r) => r.id === agreed.id)?.status).toBe('agreement');
  });

  it('sees registrations with phones masked; reviewers see them in full', async () => {
    await app.call('intake.submit', {
      channel: 'kiosk',
      category: 'neighbor',
      name: '王秀兰',
      phone: '13803734321',
      otherParty: '赵四',
      otherPartyPhone: '13903734321',
      description: '楼上漏水',
      consent: true,
    });
    const clerk = await app.call('intake.pending', {}, p.intake);
    expect(clerk.find((r) => r.name === '王秀兰')).toMatchObject({ phone: '138****4321', otherPartyPhone: '139****4321' });
    const listed = await app.call('intake.list', {}, p.intake);
    expect(JSON.stringify(listed)).not.toContain('13803734321');
    const head = await app.call('intake.pending', {}, p.admin);
    expect(head.find((r) => r.name === '王秀兰')).toMatchObject({ phone: '13803734321', otherPartyPhone: '13903734321' });
  });

  it('is shown no documents of the case but the register', async () => {
    const doc = await app.call('documents.generate', { caseId: agreed.id, type: 'agreement' }, p.admin);
    expect((await app.call('documents.list', { caseId: agreed.id }, p.intake)).map((d) => d.id)).toContain(doc.id);
    for (const [op, input] of [
      ['documents.html', { id: doc.id }],
      ['documents.preview', { caseId: agreed.id, type: 'agreement' }],
    ] as const) {
      expect(await app.raw({ op, input, session: p.intake })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});

describe('mediators', () => {
  it('read their own case in full; a mediator not on it sees it as the counter does and gets no documents', async () => {
    const own = await app.call('cases.get', { id: agreed.id }, p.assigned.mediator);
    expect(own.permissions).toEqual({ canReadFull: true, canEdit: true, reason: null });
    expect(own.parties.find((x) => x.name === '张建国')?.idNumber).toBe(ZHANG_ID);

    const other = await app.call('cases.get', { id: agreed.id }, p.unassigned.mediator);
    expect(other.permissions).toEqual({ canReadFull: false, canEdit: false, reason: NOT_ASSIGNED_MESSAGE });
    expect(other).toMatchObject({ sessions: [], agreement: null, timeline: [], availableActions: [] });
    expectNoFullNumbers(other);
    const doc = await app.call('documents.generate', { caseId: agreed.id, type: 'agreement' }, p.admin);
    for (const [op, input] of [
      ['documents.types', { caseId: agreed.id }],
      ['documents.html', { id: doc.id }],
      ['documents.docx', { id: doc.id }],
    ] as const) {
      const res = await app.raw({ op, input, session: p.unassigned.mediator! });
      expect(res, op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: NOT_ASSIGNED_MESSAGE } });
    }
    expect((await app.call('documents.html', { id: doc.id }, p.assigned.court_mediator)).html).toContain('张建国');
  });

  it('take a case nobody runs yet from the pool; then others may no longer change it', async () => {
    let c = await app.call('cases.register', walkInCase({ title: '劳务费纠纷' }), p.admin);
    expect((await app.call('cases.get', { id: c.id }, p.unassigned.mediator)).permissions.canEdit).toBe(true);
    c = await app.call('cases.step', { id: c.id, version: c.version, action: 'accept' }, p.unassigned.mediator);
    c = await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: p.roster.other }, p.unassigned.mediator);
    expect(c.permissions.canEdit).toBe(true);
    const late = await app.raw({
      op: 'cases.step',
      input: { id: c.id, version: c.version, action: 'start' },
      session: p.assigned.mediator!,
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: NOT_ASSIGNED_MESSAGE } });
  });
});

describe('a person who must stand aside', () => {
  it('reads nothing of the case, though assigned to it', async () => {
    for (const [op, input] of [
      ['cases.get', { id: agreed.id }],
      ['court.referral', { caseId: agreed.id }],
      ['confirmations.get', { caseId: agreed.id }],
      ['followups.list', { caseId: agreed.id }],
      ['documents.list', { caseId: agreed.id }],
      ['roster.candidates', { caseId: agreed.id }],
    ] as const) {
      const res = await app.raw({ op, input, session: p.recused.mediator! });
      expect(res, op).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      if (!res.ok) expect(res.error.message).toContain('回避');
    }
  });

  it('is refused even as the centre head', async () => {
    await app.call(
      'users.create',
      { loginName: 'head2', displayName: '孙主任', role: 'admin', password: PASSWORD, mediatorId: p.roster.recused },
      p.admin,
    );
    const head = await app.login('head2', PASSWORD);
    const res = await app.raw({
      op: 'cases.update',
      input: { id: agreed.id, version: agreed.version, patch: { title: '改名' } },
      session: head,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await app.raw({ op: 'cases.get', input: { id: agreed.id }, session: head })).ok).toBe(false);
    // Another case, without his relative, he runs as before.
    const c = await app.call('cases.register', walkInCase({ title: '相邻通行纠纷' }), head);
    expect((await app.call('cases.update', { id: c.id, version: c.version, patch: { title: '相邻通行权纠纷' } }, head)).title).toBe(
      '相邻通行权纠纷',
    );
  });
});
