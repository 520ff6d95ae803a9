/**
 * The search box finds what people type (issue 19): given names alone, any piece of a name,
 * names that start with an emoji or a rare character, the short forms of case numbers, and court
 * reference numbers in either bracket style.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { referralInput } from '../court/helpers';

let app: TestApp;
let s: string;
const person = (name: string) => ({ role: 'respondent' as const, kind: 'person' as const, name });
const applicant = (name: string) => ({ role: 'applicant' as const, kind: 'person' as const, name });

beforeAll(async () => {
  app = await startTestApp();
  s = await app.login();
  await app.call('cases.register', walkInCase({ parties: [applicant('王秀兰'), person('李𠀀明')] }), s); // 0001
  await app.call('cases.register', walkInCase({ title: '邻里纠纷', parties: [applicant('😀阿福'), person('𠀀小龙')] }), s); // 0002
  await app.call('cases.register', walkInCase({ title: '劳务费纠纷', parties: [applicant('赵大勇'), person('欧阳秀兰花')] }), s); // 0003
  await app.call('court.registerReferral', referralInput(), s); // 0004, （2026）豫0711民诉前调1234号
});
// One app for the whole file: the searches only read (the rename test starts its own).
afterAll(() => app.close());

const numbers = async (q: string) => (await app.call('cases.search', { q }, s)).map((h) => h.caseNumber).sort();
const no = (n: number) => `（2026）牧调字第${String(n).padStart(4, '0')}号`;

describe('names', () => {
  it('finds a given name alone, wherever it is in the name', async () => {
    expect(await numbers('秀兰')).toEqual([no(1), no(3)]);
    expect(await numbers('大勇')).toEqual([no(3)]);
    expect(await numbers('兰花')).toEqual([no(3)]);
  });

  it('finds one character anywhere in a name, and still ranks surnames first', async () => {
    expect(await numbers('勇')).toEqual([no(3)]);
    const hits = await app.call('cases.search', { q: '王' }, s);
    expect(hits[0]).toMatchObject({ caseNumber: no(1), matchedOn: 'name' });
  });

  it('finds names that start with an emoji or a rare character, by that character', async () => {
    expect(await numbers('😀')).toEqual([no(2)]);
    expect(await numbers('😀阿福')).toEqual([no(2)]);
    expect(await numbers('𠀀')).toEqual([no(1), no(2)]);
    expect(await numbers('𠀀小龙')).toEqual([no(2)]);
    expect(await numbers('𠀀明')).toEqual([no(1)]);
  });

  it('follows a corrected name: the old pieces no longer match', async () => {
    const local = await startTestApp();
    const ls = await local.login();
    const c = await local.call('cases.register', walkInCase({ parties: [applicant('王秀兰'), person('李四')] }), ls);
    const p = c.parties.find((x) => x.name === '王秀兰')!;
    await local.call('parties.update', { caseId: c.id, partyId: p.id, partyVersion: p.version, party: applicant('王淑芬') }, ls);
    expect(await local.call('cases.search', { q: '秀兰' }, ls)).toEqual([]);
    expect((await local.call('cases.search', { q: '淑芬' }, ls)).map((h) => h.id)).toEqual([c.id]);
    local.close();
  });
});

describe('case numbers in the forms people say and write', () => {
  it.each([
    ['（2026）牧调字第0002号'],
    ['(2026)牧调字第0002号'],
    ['〔2026〕牧调字第2号'],
    ['（2026）牧调字第2号'],
    ['2026牧调字2号'],
    ['2026年牧调字第2号'],
    ['2026-2'],
    ['2026-0002'],
    ['２０２６－２'],
  ])('%s finds case 2 only', async (q) => {
    expect(await numbers(q)).toEqual([no(2)]);
  });

  it.each([['牧调字2号'], ['牧调字第2号'], ['第2号'], ['2号'], ['0002']])('%s finds case 2 (any year)', async (q) => {
    expect(await numbers(q)).toEqual([no(2)]);
  });

  it('does not take a name with digits for a case number', async () => {
    expect(await numbers('张三12')).toEqual([]);
  });
});

describe('court reference numbers', () => {
  it.each([
    ['（2026）豫0711民诉前调1234号'],
    ['(2026)豫0711民诉前调1234号'],
    ['豫0711民诉前调1234号'],
    ['民诉前调1234号'],
    ['民诉前调 1234 号'],
    ['调1234'],
  ])('%s finds the referred case', async (q) => {
    const hits = await app.call('cases.search', { q }, s);
    expect(hits.map((h) => h.caseNumber)).toEqual([no(4)]);
    expect(hits[0]).toMatchObject({ matchedOn: 'courtReference', matchedParty: '（2026）豫0711民诉前调1234号' });
  });

  it('does not match another serial or another court’s number', async () => {
    expect(await numbers('民诉前调123号')).toEqual([]);
    expect(await numbers('民初1234号')).toEqual([]);
    expect(await numbers("'1234号")).toEqual([]);
  });
});
