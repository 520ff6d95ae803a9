import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { LI_ID, walkInCase, ZHANG_ID } from '../../support/cases';

let app: TestApp;
let s: string;
beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  role: 'respondent' as const,
  kind: 'person' as const,
  name,
  ...extra,
});

describe('search: one box for case number, name, phone and ID number', () => {
  beforeEach(async () => {
    await app.call('cases.register', walkInCase(), s); // 张建国 v 李秀英
    await app.call(
      'cases.register',
      walkInCase({
        title: '劳务费纠纷',
        category: 'labor',
        parties: [{ role: 'applicant', kind: 'person', name: '王芳', phone: '0373-5551234' }, person('欧阳建华')],
      }),
      s,
    );
    await app.call(
      'cases.register',
      walkInCase({
        title: '邻里纠纷',
        category: 'neighbor',
        parties: [{ role: 'applicant', kind: 'person', name: '张伟' }, person('刘张伟民')],
      }),
      s,
    );
  });
  const numbers = async (q: string) => (await app.call('cases.search', { q }, s)).map((h) => h.caseNumber).sort();

  it('finds by a one-character surname and a two-character name', async () => {
    expect(await numbers('张')).toEqual(['（2026）牧调字第0001号', '（2026）牧调字第0003号']);
    expect(await numbers('王芳')).toEqual(['（2026）牧调字第0002号']);
    expect(await numbers('张伟')).toEqual(['（2026）牧调字第0003号']);
  });

  it('finds any three-character substring of a name', async () => {
    expect(await numbers('张伟民')).toEqual(['（2026）牧调字第0003号']);
    expect(await numbers('阳建华')).toEqual(['（2026）牧调字第0002号']);
  });

  it('finds by phone (mobile, landline with or without dash) and masks it in the hit', async () => {
    const hits = await app.call('cases.search', { q: '13803731234' }, s);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ caseNumber: '（2026）牧调字第0001号', matchedOn: 'phone', matchedParty: '张建国（138****1234）' });
    expect(await numbers('03735551234')).toEqual(['（2026）牧调字第0002号']);
    expect(await numbers('0373-5551234')).toEqual(['（2026）牧调字第0002号']);
  });

  it('finds by full ID number (lower-case x too) and masks it', async () => {
    const hits = await app.call('cases.search', { q: LI_ID.toLowerCase() }, s);
    expect(hits.map((h) => h.caseNumber)).toEqual(['（2026）牧调字第0001号']);
    expect(hits[0]!.matchedParty).toContain('**********');
    expect(hits[0]!.matchedParty).not.toContain(LI_ID);
  });

  it('finds by the full case number, by 2026-2 and by a bare serial', async () => {
    expect(await numbers('（2026）牧调字第0002号')).toEqual(['（2026）牧调字第0002号']);
    expect(await numbers('2026-2')).toEqual(['（2026）牧调字第0002号']);
    expect(await numbers('0003')).toEqual(['（2026）牧调字第0003号']);
  });

  it('treats SQL wildcards, quotes and FTS syntax as plain text', async () => {
    for (const q of ['%', '_', "'", '%张%', "张' OR 1=1 --", '"张', 'NEAR(张 伟)', '张*']) {
      const res = await app.raw({ op: 'cases.search', input: { q }, session: s });
      expect(res.ok, q).toBe(true);
      if (res.ok) expect((res.data as unknown[]).length, q).toBe(0);
    }
    expect(await app.raw({ op: 'cases.search', input: { q: '' }, session: s })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('list: filters, sorting and paging', () => {
  it('filters by status, category, source, tier, mediator, overdue and dates, and pages', async () => {
    const a = await app.call('cases.register', walkInCase(), s);
    await app.call('cases.register', walkInCase({ category: 'labor', source: 'hotline', tier: 'town' }), s);
    for (let i = 0; i < 23; i++) await app.call('cases.register', walkInCase({ title: `批量${i}` }), s);
    const m = await app.call('mediators.create', { name: '赵调解', kind: 'resident', phone: '13700001111' }, s);
    const c = await app.call('cases.step', { id: a.id, version: a.version, action: 'accept' }, s);
    await app.call('cases.assignMediator', { id: c.id, version: c.version, mediatorId: m.id }, s);

    const list = (input: Record<string, unknown>) => app.call('cases.list', input, s);
    expect((await list({})).total).toBe(25);
    expect((await list({ pageSize: 10, page: 3 })).rows).toHaveLength(5);
    expect((await list({ status: ['accepted'] })).rows.map((r) => r.id)).toEqual([a.id]);
    expect((await list({ category: ['labor'] })).total).toBe(1);
    expect((await list({ source: ['hotline'], tier: ['town'] })).total).toBe(1);
    expect((await list({ mediatorId: m.id })).rows[0]).toMatchObject({ id: a.id, mediatorNames: '赵调解', partyNames: '张建国 与 李秀英' });
    expect((await list({ overdue: true })).total).toBe(0);
    app.clock.advance(40 * 86_400_000);
    s = await app.login(); // the old session timed out over those 40 days
    const overdue = await list({ overdue: true });
    expect(overdue.rows.map((r) => r.id)).toEqual([a.id]);
    expect(overdue.rows[0]!.deadlineState).toBe('overdue');
    expect((await list({ registeredFrom: '2026-11-21' })).total).toBe(0);
    expect((await list({ registeredFrom: '2026-11-20', registeredTo: '2026-11-20' })).total).toBe(25);
    const asc = await list({ sort: 'caseNumber', order: 'asc', pageSize: 2 });
    expect(asc.rows.map((r) => r.caseNumber)).toEqual(['（2026）牧调字第0001号', '（2026）牧调字第0002号']);
    const desk = await app.call('cases.desk', undefined, s);
    expect(desk.overdue.map((r) => r.id)).toEqual([a.id]);
  });
});

describe('repeat disputes', () => {
  it('tells about an open case with the same ID number, or the same name and phone', async () => {
    const first = await app.call('cases.register', walkInCase(), s);
    const byId = await app.call('cases.checkRepeat', { parties: [{ name: '张建国', idNumber: ZHANG_ID }] }, s);
    expect(byId).toEqual([
      expect.objectContaining({ caseId: first.id, caseNumber: first.caseNumber, reason: expect.stringContaining('证件号码相同') }),
    ]);
    const byNamePhone = await app.call('cases.checkRepeat', { parties: [{ name: '李秀英', phone: '139 0373 5678' }] }, s);
    expect(byNamePhone[0]!.reason).toContain('姓名和电话相同');
    expect(await app.call('cases.checkRepeat', { parties: [{ name: '李秀英', phone: '13900000000' }] }, s)).toEqual([]);
    // a closed case is not a repeat any more
    await app.call('cases.step', { id: first.id, version: first.version, action: 'reject', reason: '不属于受理范围' }, s);
    expect(await app.call('cases.checkRepeat', { parties: [{ idNumber: ZHANG_ID }] }, s)).toEqual([]);
  });
});

describe('bad input at the boundary', () => {
  const register = (overrides: Record<string, unknown>) => app.raw({ op: 'cases.register', input: walkInCase(overrides), session: s });

  it('refuses invalid ID numbers, credit codes, phones and a future birth date with Chinese messages', async () => {
    const badId = await register({
      parties: [{ role: 'applicant', kind: 'person', name: '张三', idType: 'resident_id', idNumber: '410711196803120000' }],
    });
    expect(badId).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!badId.ok) expect(badId.error.fields?.['parties.0.idNumber']).toMatch(/校验/);
    const badCode = await register({ parties: [{ role: 'applicant', kind: 'org', name: '某公司', creditCode: '91350100M000100Y44' }] });
    expect(badCode.ok).toBe(false);
    if (!badCode.ok) expect(badCode.error.fields?.['parties.0.creditCode']).toBeTruthy();
    const badPhone = await register({ parties: [{ role: 'applicant', kind: 'person', name: '张三', phone: '12345' }] });
    expect(badPhone.ok).toBe(false);
    const future = await register({ parties: [{ role: 'applicant', kind: 'person', name: '张三', birthDate: '2099-01-01' }] });
    expect(future.ok).toBe(false);
    const noApplicant = await register({ parties: [person('李四')] });
    expect(noApplicant).toMatchObject({ ok: false, error: { message: '至少要有一名申请人' } });
    const empty = await register({ title: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { fields: { title: '请填写纠纷简述' } } });
    expect((await app.call('cases.list', {}, s)).total).toBe(0);
  });

  it('refuses 100 KB of text in a summary', async () => {
    const res = await register({ summary: '事'.repeat(100 * 1024) });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!res.ok) expect(res.error.message).toContain('不能超过');
  });

  it('stores HTML, rare characters, middle dots and emoji exactly', async () => {
    const names = ['<script>alert(1)</script>', '𠀀𠀁明', '王䶮', '阿依古丽·买买提', '李😀'];
    const c = await app.call(
      'cases.register',
      walkInCase({
        title: '<b>粗体</b> & "引号"',
        summary: "O'Brien; DROP TABLE cases; --",
        parties: names.map((name, i) => ({ role: i === 0 ? 'applicant' : 'respondent', kind: 'person', name })),
      }),
      s,
    );
    const back = await app.call('cases.get', { id: c.id }, s);
    expect(back.title).toBe('<b>粗体</b> & "引号"');
    expect(back.summary).toBe("O'Brien; DROP TABLE cases; --");
    expect(back.parties.map((p) => p.name)).toEqual(names);
    expect((await app.call('cases.search', { q: '𠀀' }, s)).map((h) => h.id)).toEqual([c.id]);
    expect((await app.call('cases.search', { q: '阿依古丽·买' }, s)).map((h) => h.id)).toEqual([c.id]);
  });

  it('refuses an agent who represents nobody, and an organisation as agent', async () => {
    const res = await register({
      parties: [
        { role: 'applicant', kind: 'person', name: '张三' },
        { role: 'agent', kind: 'person', name: '律师甲' },
      ],
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const ok = await app.call(
      'cases.register',
      walkInCase({
        parties: [
          { role: 'applicant', kind: 'person', name: '张三' },
          { role: 'agent', kind: 'person', name: '律师甲', representsIndex: 0, authority: 'special' },
        ],
      }),
      s,
    );
    expect(ok.parties[1]).toMatchObject({ role: 'agent', representsId: ok.parties[0]!.id, authority: 'special' });
  });
});
