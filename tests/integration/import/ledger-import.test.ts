/**
 * The guided import over the API (issue #16), on a real SQLite file: ledgers made with exceljs in
 * the shapes centres keep, every imported field checked against its source row, re-imports that
 * add only what is new, undo, statistics, search and the upload outbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walkInCase } from '../../support/cases';
import { startTestApp, type TestApp } from '../../support/backend';
import { ID_A, ID_B, ledgerBytes, rosterSheet, streetLedger, toBase64, villageLedger } from '../../support/ledgers';
import ExcelJS from 'exceljs';

let app: TestApp;
let s: string;

beforeEach(async () => {
  app = await startTestApp();
  s = await app.login();
});
afterEach(() => app.close());

const file = async (wb: ExcelJS.Workbook, fileName = 'ledger.xlsx') => ({ fileName, contentBase64: toBase64(await ledgerBytes(wb)) });

async function importBook(wb: ExcelJS.Workbook, fileName = 'ledger.xlsx') {
  const f = await file(wb, fileName);
  const inspected = await app.call('import.inspect', { file: f }, s);
  return app.call('import.run', { file: f, sheet: inspected.sheet, kind: inspected.kind, mapping: inspected.mapping }, s);
}

interface CaseDb {
  id: string;
  case_number: string;
  registered_at: string;
  accepted_at: string | null;
  closed_at: string | null;
  status: string;
  outcome: string | null;
  outcome_at: string | null;
  category: string;
  amount_fen: number | null;
  agreed_amount_fen: number | null;
  import_row: number;
  deleted: number;
}

const db = () => app.backend.app.ctx.db.sqlite;
const importedCases = (): CaseDb[] =>
  db().prepare('SELECT * FROM cases WHERE import_batch_id IS NOT NULL AND deleted = 0 ORDER BY import_row').all() as CaseDb[];
const partiesOf = (caseId: string) =>
  db()
    .prepare('SELECT role, kind, name, id_number AS idNumber FROM parties WHERE case_id = ? AND deleted = 0 ORDER BY ordinal')
    .all(caseId);

describe('import a 街道 ledger (title, two header rows, merged cells, mixed dates and amounts)', () => {
  it('proposes the mapping, checks, imports every field as written, and counts in statistics by its own dates', async () => {
    const f = await file(streetLedger(), '王村街道2023台账.xlsx');
    const inspected = await app.call('import.inspect', { file: f }, s);
    expect(inspected.sheets).toEqual(['2023年台账']);
    expect(inspected.headerRow).toBe(2);
    expect(inspected.rows).toBe(5);
    expect(inspected.headers.slice(2, 4)).toEqual(['申请人姓名', '被申请人姓名']);
    expect(inspected.mapping).toEqual({
      '1': 'caseNumber',
      '2': 'parties',
      '3': 'parties',
      '4': 'idNumbers',
      '5': 'category',
      '6': 'receivedDate',
      '7': 'outcome',
      '8': 'closedDate',
      '9': 'amount',
    });

    const check = await app.call('import.check', { file: f, sheet: inspected.sheet, kind: inspected.kind, mapping: inspected.mapping }, s);
    expect(check).toMatchObject({ batchId: null, rows: 5, imported: 0, importable: 5, duplicates: 0, rejected: 0 });
    expect(importedCases()).toHaveLength(0); // the check writes nothing

    const run = await app.call('import.run', { file: f, sheet: inspected.sheet, kind: inspected.kind, mapping: inspected.mapping }, s);
    expect(run).toMatchObject({ rows: 5, imported: 5, duplicates: 0, rejected: 0 });
    expect(run.batchId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));

    const rows = importedCases();
    expect(
      rows.map((r) => [
        r.import_row,
        r.case_number,
        r.registered_at.slice(0, 10),
        r.status,
        r.outcome,
        r.closed_at?.slice(0, 10) ?? null,
        r.category,
        r.amount_fen,
        r.agreed_amount_fen,
      ]),
    ).toEqual([
      [4, '王调〔2023〕1号', '2023-05-06', 'closed', 'agreement', '2023-05-20', 'neighbor', 1_500_000, 1_500_000],
      [5, '王调〔2023〕2号', '2023-06-01', 'closed', 'agreement', '2023-06-15', 'contract', 1_280_000, 1_280_000],
      [6, '王调〔2023〕3号', '2023-07-03', 'closed', 'failed', '2023-07-20', 'marriage_family', null, null],
      [8, '王调〔2023〕4号', '2023-08-09', 'failed', 'failed', null, 'neighbor', null, null],
      [9, '王调〔2023〕5号', '2023-09-12', 'mediating', null, null, 'neighbor', 300_000, null],
    ]);
    expect(rows[0]!.registered_at).toBe('2023-05-06T00:00:00+08:00');
    expect(partiesOf(rows[0]!.id)).toEqual([
      { role: 'applicant', kind: 'person', name: '张建国', idNumber: ID_A },
      { role: 'respondent', kind: 'person', name: '李秀英', idNumber: null },
      { role: 'respondent', kind: 'person', name: '李明', idNumber: null },
    ]);
    expect(partiesOf(rows[1]!.id)).toEqual([
      { role: 'applicant', kind: 'person', name: '刘芳', idNumber: ID_B },
      { role: 'respondent', kind: 'org', name: '某某建材有限公司', idNumber: null },
    ]);

    // The case page and the search see them like any other case, marked with their source.
    expect((await app.call('cases.get', { id: rows[0]!.id }, s)).importedFrom).toBe('王村街道2023台账.xlsx 第 4 行');
    const hits = await app.call('cases.search', { q: '张建国' }, s);
    expect(hits.map((h) => h.caseNumber)).toContain('王调〔2023〕1号');
    // Found by its own number, in the ledger's scheme.
    expect((await app.call('cases.search', { q: '王调〔2023〕2号' }, s)).map((h) => h.caseNumber)).toEqual(['王调〔2023〕2号']);
    const timeline = db().prepare('SELECT operation, summary FROM audit WHERE case_id = ?').all(rows[0]!.id);
    expect(timeline).toEqual([{ operation: 'import.case', summary: '历史导入：王村街道2023台账.xlsx 第 4 行' }]);

    // Statistics count them on their own dates: 2023, not today.
    const y2023 = await app.call('stats.dashboard', { from: '2023-01-01', to: '2023-12-31' }, s);
    expect(y2023.kpi).toMatchObject({ received: 5, successful: 2, amountFen: 2_780_000 });
    const now = await app.call('stats.dashboard', { from: '2026-01-01', to: '2026-11-20' }, s);
    expect(now.kpi.received).toBe(0);

    // Uploaded like every other record: each case and party is in the outbox.
    const queued = db()
      .prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'case' AND record_id IN (SELECT id FROM cases WHERE import_batch_id = ?)`)
      .get(run.batchId) as { n: number };
    expect(queued.n).toBe(5);
  });

  it('re-importing the file adds nothing; an extended version adds only its new rows', async () => {
    await importBook(streetLedger());
    const again = await importBook(streetLedger());
    expect(again).toMatchObject({ batchId: null, imported: 0, duplicates: 5, rejected: 0 });
    expect(again.problems.filter((p) => p.message === '此前已导入，跳过')).toHaveLength(5);

    const extended = await importBook(
      streetLedger([[6, '王调〔2023〕6号', '冯刚', '冯强', '', '继承', '2023.10.8', '调解成功', '2023.10.9', '2万元']]),
    );
    expect(extended).toMatchObject({ imported: 1, duplicates: 5, rejected: 0 });
    expect(importedCases().map((r) => r.case_number)).toEqual([
      '王调〔2023〕1号',
      '王调〔2023〕2号',
      '王调〔2023〕3号',
      '王调〔2023〕4号',
      '王调〔2023〕5号',
      '王调〔2023〕6号',
    ]);
  });

  it('undoes a whole import while untouched, refuses once a case was worked on, and the file can come in again', async () => {
    const first = await importBook(streetLedger());
    const undone = await app.call('import.undo', { batchId: first.batchId! }, s);
    expect(undone).toEqual({ batchId: first.batchId, cases: 5, mediators: 0 });
    expect(importedCases()).toHaveLength(0);
    // Tombstones, so the upload sends the deletions; the numbers are free for the next import.
    const tomb = db().prepare('SELECT case_number AS n, deleted, version FROM cases WHERE import_batch_id = ?').all(first.batchId) as {
      n: string;
      deleted: number;
      version: number;
    }[];
    expect(tomb.every((t) => t.deleted === 1 && t.version === 2 && t.n.includes('已撤销导入'))).toBe(true);
    await expect(app.call('import.undo', { batchId: first.batchId! }, s)).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await importBook(streetLedger());
    expect(second.imported).toBe(5);
    const c = importedCases()[4]!;
    const detail = await app.call('cases.get', { id: c.id }, s);
    await app.call('cases.update', { id: c.id, version: detail.version, patch: { title: '吴敏与郑磊邻里纠纷（补正）' } }, s);
    await expect(app.call('import.undo', { batchId: second.batchId! }, s)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('王调〔2023〕5号'),
    });
    expect(importedCases()).toHaveLength(5);
    const batches = await app.call('import.batches', {}, s);
    expect(batches.map((b) => [b.imported, b.undoneAt !== null])).toEqual([
      [5, false],
      [5, true],
    ]);
  });
});

describe('import a 村 ledger (other header words, no case numbers, mediators)', () => {
  it('maps other words, numbers rows itself, links mediators to the roster and warns on 其他', async () => {
    const r = await importBook(villageLedger(), '王村登记簿.xlsx');
    expect(r).toMatchObject({ rows: 2, imported: 2, rejected: 0 });
    expect(r.problems.map((p) => [p.row, p.field, p.level])).toEqual([
      [3, 'mediator', 'warning'],
      [4, 'category', 'warning'],
      [4, 'mediator', 'warning'],
    ]);
    const rows = importedCases();
    expect(rows.map((x) => [x.case_number.replace(/-[0-9a-f]{6}-/, '-*-'), x.status, x.outcome, x.category])).toEqual([
      ['历史-2022-*-3', 'closed', 'agreement', 'housing_homestead'],
      ['历史-2022-*-4', 'closed', 'withdrawn', 'other'],
    ]);
    const texts = db()
      .prepare('SELECT title, summary, registered_at AS r FROM cases WHERE import_batch_id IS NOT NULL ORDER BY import_row')
      .all();
    expect(texts).toEqual([
      { title: '马强与马刚房屋宅基地纠纷', summary: '兄弟二人因宅基地界址发生争执', r: '2022-03-15T00:00:00+08:00' },
      { title: '黄英纠纷', summary: '装修噪音扰邻', r: '2022-04-02T00:00:00+08:00' },
    ]);
    const links = db()
      .prepare(
        `SELECT m.name, cm.role FROM case_mediators cm JOIN mediators m ON m.id = cm.mediator_id WHERE cm.case_id = ? ORDER BY cm.role DESC`,
      )
      .all(rows[1]!.id);
    expect(links).toEqual([
      { name: '何玉兰', role: 'lead' },
      { name: '杜峰', role: 'assistant' },
    ]);
    const again = await importBook(villageLedger(), '王村登记簿.xlsx');
    expect(again).toMatchObject({ imported: 0, duplicates: 2 });
    const undo = await app.call('import.undo', { batchId: r.batchId! }, s);
    expect(undo.mediators).toBe(2);
  });
});

describe('imported numbers and the centre’s own cases', () => {
  it('a ledger number in the centre’s own scheme is stepped over by the counter; a number in use is refused; a same-day same-parties row is the same case', async () => {
    const own = await app.call('cases.register', walkInCase(), s);
    const ownNumber = (await app.call('cases.get', { id: own.id }, s)).caseNumber;
    const next = ownNumber.replace(/第(\d+)号/, (_m, n: string) => `第${String(Number(n) + 1).padStart(n.length, '0')}号`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['案件编号', '当事人', '受理日期', '调解结果']);
    ws.addRow([next, '甲某、乙某', '2026.1.5', '调解成功']);
    ws.addRow([ownNumber, '丙某', '2026.1.6', '调解成功']);
    ws.addRow([
      '',
      walkInCase()
        .parties.map((p) => p.name)
        .join('、'),
      '2026.11.20',
      '调解中',
    ]);
    const r = await importBook(wb);
    expect(r).toMatchObject({ imported: 1, rejected: 1, duplicates: 1 });
    expect(r.problems.find((p) => p.row === 3)).toMatchObject({
      level: 'error',
      message: expect.stringContaining('已被本系统中的另一案件使用'),
    });
    expect(r.problems.find((p) => p.row === 4)).toMatchObject({ level: 'warning', message: expect.stringContaining(ownNumber) });

    const mine = await app.call('cases.register', walkInCase({ title: '新登记的案件' }), s);
    const mineNumber = (await app.call('cases.get', { id: mine.id }, s)).caseNumber;
    expect(mineNumber).not.toBe(next);
    expect(mineNumber).toBe(next.replace(/第(\d+)号/, (_m, n: string) => `第${String(Number(n) + 1).padStart(n.length, '0')}号`));
  });
});

describe('refusals', () => {
  it('only an administrator imports; bad files and mappings get Chinese errors and nothing is written', async () => {
    await app.call('users.create', { loginName: 'med', displayName: '调解员甲', role: 'mediator', password: 'Mediator123' }, s);
    const m = await app.login('med', 'Mediator123');
    const f = await file(streetLedger());
    const res = await app.raw({ op: 'import.inspect', input: { file: f }, session: m });
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const bad = await app.raw({ op: 'import.inspect', input: { file: { fileName: 'a.xlsx', contentBase64: '不是base64' } }, session: s });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const text = await app.raw({
      op: 'import.inspect',
      input: { file: { fileName: 'a.xlsx', contentBase64: toBase64(new TextEncoder().encode('hello')) } },
      session: s,
    });
    expect(text).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('不是 Excel 表格文件') } });
    const noDate = await app.raw({
      op: 'import.run',
      input: { file: f, sheet: '2023年台账', kind: 'cases', mapping: { '2': 'parties' } },
      session: s,
    });
    expect(noDate).toMatchObject({ ok: false, error: { message: '列映射不全：请为“受理日期”指定一列' } });
    const outside = await app.raw({
      op: 'import.run',
      input: { file: f, sheet: '2023年台账', kind: 'cases', mapping: { '2': 'parties', '60': 'receivedDate' } },
      session: s,
    });
    expect(outside).toMatchObject({ ok: false, error: { message: expect.stringContaining('超出表头范围') } });
    const noSheet = await app.raw({ op: 'import.inspect', input: { file: f, sheet: '不存在' }, session: s });
    expect(noSheet).toMatchObject({ ok: false, error: { message: expect.stringContaining('现有：2023年台账') } });
    expect(importedCases()).toHaveLength(0);
    await expect(app.call('import.undo', { batchId: 'nope' }, s)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('export the ledger', () => {
  it('writes the centre’s cases in the ledger layout, which imports into another installation as it was', async () => {
    await importBook(streetLedger());
    await app.call('cases.register', walkInCase({ title: '本中心登记的纠纷' }), s);
    const all = await app.call('import.exportLedger', {}, s);
    expect(all.rows).toBe(6);
    expect(all.fileName).toBe('牧野区非诉讼服务中心_人民调解台账.xlsx');
    const only2023 = await app.call('import.exportLedger', { from: '2023-06-01', to: '2023-07-03' }, s);
    expect(only2023.rows).toBe(2);
    await expect(app.call('import.exportLedger', { from: '2023-07-03', to: '2023-06-01' }, s)).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(Buffer.from(all.base64, 'base64')).buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '案件编号',
      '受理日期',
      '当事人',
      '纠纷类型',
      '纠纷简要情况',
      '调解员',
      '调解结果',
      '结案日期',
      '涉及金额',
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      1,
      '王调〔2023〕1号',
      '2023-05-06',
      '张建国、李秀英、李明',
      '邻里纠纷',
      '',
      '',
      '调解成功',
      '2023-05-20',
      '15000.00元',
    ]);

    const before = importedCases().map((r) => [r.case_number, r.registered_at, r.status, r.outcome, r.closed_at, r.category, r.amount_fen]);
    const other = await startTestApp();
    try {
      const os = await other.login();
      const f = { fileName: all.fileName, contentBase64: all.base64 };
      const ins = await other.call('import.inspect', { file: f }, os);
      const r = await other.call('import.run', { file: f, sheet: ins.sheet, kind: ins.kind, mapping: ins.mapping }, os);
      expect(r).toMatchObject({ rows: 6, imported: 6, rejected: 0 });
      const after = (
        other.backend.app.ctx.db.sqlite
          .prepare('SELECT * FROM cases WHERE import_batch_id IS NOT NULL ORDER BY registered_at, case_number')
          .all() as CaseDb[]
      ).map((x) => [x.case_number, x.registered_at, x.status, x.outcome, x.closed_at, x.category, x.amount_fen]);
      expect(after.slice(0, 5)).toEqual(before);
      expect(after[5]!.slice(0, 5)).toEqual([
        expect.stringMatching(/牧调字第0001号$/),
        '2026-11-20T00:00:00+08:00',
        'mediating',
        null,
        null,
      ]);
    } finally {
      other.close();
    }
  });
});

describe('import a mediator roster sheet', () => {
  it('tells a roster from a ledger, adds the new people with their kinds and fields, skips who is already on it, and undoes', async () => {
    const f = await file(rosterSheet(), '调解员名册.xlsx');
    const ins = await app.call('import.inspect', { file: f }, s);
    expect(ins.kind).toBe('roster');
    expect(ins.mapping).toEqual({
      '1': 'name',
      '3': 'kind',
      '4': 'organisation',
      '5': 'phone',
      '6': 'idNumber',
      '7': 'specialties',
      '8': 'certificateNo',
      '9': 'region',
    });
    const r = await app.call('import.run', { file: f, sheet: ins.sheet, kind: 'roster', mapping: ins.mapping }, s);
    expect(r).toMatchObject({ rows: 4, imported: 3, rejected: 1 });
    expect(r.problems.map((p) => [p.row, p.field, p.level])).toEqual([
      [4, 'specialties', 'warning'],
      [6, 'phone', 'error'],
    ]);
    const roster = await app.call('mediators.list', {}, s);
    const byName = new Map(roster.map((m) => [m.name, m]));
    expect(byName.get('何玉兰')).toMatchObject({
      kind: 'resident',
      organisation: '王村街道调委会',
      phone: '13803730001',
      specialties: ['marriage_family', 'neighbor'],
      certificateNo: 'HN-2021-001',
      region: '王村',
      status: 'active',
    });
    expect(byName.get('杜峰')).toMatchObject({ kind: 'invited', phone: '0373-5551234', specialties: ['contract', 'labor'] });
    expect(byName.get('牧野区婚调委')).toMatchObject({ kind: 'invited_org' });

    // Again: everyone is recognised; undo takes the three off while none has a case.
    const again = await app.call('import.run', { file: f, sheet: ins.sheet, kind: 'roster', mapping: ins.mapping }, s);
    expect(again).toMatchObject({ imported: 0, duplicates: 3, rejected: 1 });
    expect(await app.call('import.undo', { batchId: r.batchId! }, s)).toEqual({ batchId: r.batchId, cases: 0, mediators: 3 });
    expect((await app.call('mediators.list', {}, s)).map((m) => m.name)).not.toContain('何玉兰');

    // Imported once more, one of them is given a case: the roster import can no longer be undone.
    const third = await app.call('import.run', { file: f, sheet: ins.sheet, kind: 'roster', mapping: ins.mapping }, s);
    const he = (await app.call('mediators.list', {}, s)).find((m) => m.name === '何玉兰')!;
    const c = await app.call('cases.register', walkInCase(), s);
    db()
      .prepare(`INSERT INTO case_mediators (case_id, mediator_id, role, assigned_at) VALUES (?, ?, 'lead', '2026-11-20T09:00:00+08:00')`)
      .run(c.id, he.id);
    await expect(app.call('import.undo', { batchId: third.batchId! }, s)).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('何玉兰'),
    });
  });

  it('a sheet taken for the wrong kind is refused with the fields it lacks', async () => {
    const f = await file(rosterSheet());
    const ins = await app.call('import.inspect', { file: f, kind: 'cases' }, s);
    expect(ins.kind).toBe('cases');
    const res = await app.raw({
      op: 'import.check',
      input: { file: f, sheet: ins.sheet, kind: 'cases', mapping: { '1': 'name' } },
      session: s,
    });
    expect(res).toMatchObject({ ok: false, error: { message: '“姓名”不是案件台账的项目' } });
  });
});
