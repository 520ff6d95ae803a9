/**
 * `cli doc`: one document of a case to a .docx or a .pdf, registered first like the UI; refusals
 * with the reason and exit 1 (a bad type or extension, a document the case cannot have, an unknown
 * case number, PDF without Chromium).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import type { CaseDetail } from '../../../electron/common/api/cases';
import { startTestApp, type TestApp } from '../../support/backend';
import { walkInCase } from '../../support/cases';
import { tempDir } from '../../support/tmp';
import { dayIs, mediator, steps } from '../court/helpers';
import { ink, readDocx, withoutPageNumbers } from './harness';

const repo = path.resolve(import.meta.dirname, '..', '..', '..');

/** The real command line, in its own process (slow to start: used once, for the PDF). */
function spawnCli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', 'doc', ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, TZ: 'Asia/Shanghai' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same command run in this process (runCli), its output captured. */
async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const write = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  process.stdout.write = (chunk: string | Uint8Array) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true);
  try {
    const code = await runCli(['doc', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    process.exitCode = 0;
  }
}

let app: TestApp;
let s: string;
let agreed: CaseDetail;
let failed: CaseDetail;
const out = tempDir('md-doc-cli-');
const rows = (caseId: string) =>
  app.backend.app.ctx.db.sqlite
    .prepare('SELECT type, doc_version AS v, generated_by AS by FROM documents WHERE case_id = ? ORDER BY type, doc_version')
    .all(caseId);

beforeAll(async () => {
  app = await startTestApp({ now: '2026-11-10T09:00:00+08:00' });
  s = await app.login();
  const m = await mediator(app, s, '陈秀兰', { phone: '13700003333' });
  const ids: string[] = [];
  for (const title of ['宅基地边界纠纷', '借款纠纷']) {
    const c = await app.call('cases.register', walkInCase({ title }), s);
    const accepted = await steps(app, s, c.id, ['accept']);
    await app.call('cases.assignMediator', { id: c.id, version: accepted.version, mediatorId: m.id }, s);
    await steps(app, s, c.id, ['start']);
    ids.push(c.id);
  }
  s = await dayIs(app, '2026-11-12');
  for (const [i, id] of ids.entries()) {
    await app.call(
      'sessions.add',
      {
        caseId: id,
        session: {
          heldAt: '2026-11-12T09:30',
          place: '王村调解室',
          participants: '张建国、李秀英',
          record: `第一次调解记录${i}`,
          recorder: '刘洋',
        },
      },
      s,
    );
    await app.call(
      'sessions.add',
      {
        caseId: id,
        session: {
          heldAt: '2026-11-12T15:00',
          place: '现场',
          participants: '张建国、李秀英',
          record: `第二次调解记录${i}`,
          recorder: '刘洋',
        },
      },
      s,
    );
    await app.call(
      'sessions.add',
      {
        caseId: id,
        session: {
          kind: 'investigation',
          heldAt: '2026-11-12T11:00',
          place: '王村村委会',
          participants: '村委会委员王立新',
          record: `调查记录${i}`,
          recorder: '刘洋',
        },
      },
      s,
    );
  }
  agreed = await steps(app, s, ids[0]!, [
    [
      'agree',
      {
        agreement: {
          responsibility: '被申请人翻建院墙越界，应承担全部责任。',
          terms: ['被申请人于2026年12月31日前拆除越界院墙', '拆除费用由被申请人承担'],
          performanceMethod: '自行拆除',
          performanceDeadline: '2026-12-31',
        },
        agreementEffectiveAt: '2026-11-12',
      },
    ],
  ]);
  failed = await steps(app, s, ids[1]!, [['fail', { reason: '双方分歧较大' }]]);
}, 120_000);

afterAll(() => {
  // Each in-process CLI run has closed its log file before returning (withServices awaits the logger).
  app?.close();
  out.cleanup();
});

describe('cli doc', () => {
  it('writes the agreement as .docx, registered; again unchanged → the same version', async () => {
    const file = path.join(out.dir, 'a.docx');
    const r = await cli(['--data-dir', app.dir, '--case', agreed.caseNumber, '--type', 'agreement', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('人民调解协议书 第1版');
    expect(r.stdout).toContain('新登记');
    const docx = await readDocx(fs.readFileSync(file));
    const text = ink(docx.text);
    for (const t of [
      `编号：${agreed.caseNumber}`,
      '一、被申请人于2026年12月31日前拆除越界院墙',
      '二、拆除费用由被申请人承担',
      '本协议一式三份',
      '牧野区人民调解委员会（印）',
      '张建国',
      '李秀英',
    ]) {
      expect(text).toContain(ink(t));
    }
    // The written file is the registered one, byte for byte.
    const row = app.backend.app.ctx.db.sqlite
      .prepare("SELECT file_path AS f FROM documents WHERE case_id = ? AND type = 'agreement'")
      .get(agreed.id) as { f: string };
    expect(fs.readFileSync(path.join(app.dir, row.f)).equals(fs.readFileSync(file))).toBe(true);
    expect(rows(agreed.id)).toEqual([{ type: 'agreement', v: 1, by: '命令行' }]);

    // Half-width brackets as typed on a terminal; the same content reuses version 1.
    const again = await cli([
      '--data-dir',
      app.dir,
      '--case',
      agreed.caseNumber.replace('（', '(').replace('）', ')'),
      '--type',
      'agreement',
      '--out',
      path.join(out.dir, 'a2.docx'),
    ]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('沿用已登记的版本');
    expect(rows(agreed.id)).toHaveLength(1);
  });

  it('writes a session record as .pdf through Chromium; --session picks the session', async () => {
    const file = path.join(out.dir, 'session.pdf');
    const r = spawnCli(['--data-dir', app.dir, '--case', agreed.caseNumber, '--type', 'session-record', '--session', '1', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第一次调解');
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = ink(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    for (const t of ['人民调解记录', agreed.caseNumber, '调解次数第一次', '第一次调解记录0']) expect(text).toContain(ink(t));
    expect(text).not.toContain('第二次调解记录0');
    // Default: the latest session.
    const latest = await cli([
      '--data-dir',
      app.dir,
      '--case',
      agreed.caseNumber,
      '--type',
      'session-record',
      '--out',
      path.join(out.dir, 'latest.docx'),
    ]);
    expect(latest.code).toBe(0);
    expect(ink((await readDocx(fs.readFileSync(path.join(out.dir, 'latest.docx')))).text)).toContain('第二次调解记录0');
    const noSuch = await cli([
      '--data-dir',
      app.dir,
      '--case',
      agreed.caseNumber,
      '--type',
      'session-record',
      '--session',
      '3',
      '--out',
      path.join(out.dir, 'x.docx'),
    ]);
    expect(noSuch.code).toBe(1);
    expect(noSuch.stderr).toContain('本案只有 2 次调解记录，没有第 3 次');
  }, 120_000);

  it('refuses a document the case cannot have, with the reason, and registers nothing', async () => {
    const file = path.join(out.dir, 'failed.docx');
    const r = await cli(['--data-dir', app.dir, '--case', failed.caseNumber, '--type', 'agreement', '--out', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不能制作人民调解协议书：本案尚未达成调解协议');
    expect(fs.existsSync(file)).toBe(false);
    expect(rows(failed.id)).toEqual([]);
  });

  it('takes the new types: the termination notice of the failed case; the court report refused with the reason', async () => {
    const file = path.join(out.dir, 'termination.docx');
    const r = await cli(['--data-dir', app.dir, '--case', failed.caseNumber, '--type', 'termination-notice', '--out', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = ink((await readDocx(fs.readFileSync(file))).text);
    expect(text).toContain('终止调解告知书');
    expect(text).toContain(ink('根据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定'));
    expect(rows(failed.id)).toContainEqual(expect.objectContaining({ type: 'termination-notice', v: 1 }));
    const report = path.join(out.dir, 'report.docx');
    const refused = await cli(['--data-dir', app.dir, '--case', failed.caseNumber, '--type', 'court-result-report', '--out', report]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('不能制作委派（委托）调解结果报告：本案不是人民法院委派或委托调解的案件');
    expect(fs.existsSync(report)).toBe(false);
  });

  it('writes the whole case file as .docx and as one PDF; the investigation record and the cover by type', async () => {
    const docxFile = path.join(out.dir, 'file.docx');
    const r = await cli(['--data-dir', app.dir, '--case', agreed.caseNumber, '--type', 'case-file', '--out', docxFile]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('人民调解卷宗（全卷） 第1版');
    const docx = await readDocx(fs.readFileSync(docxFile));
    const text = ink(docx.text);
    // Cover, contents, then the documents in binding order, each on a new page.
    const order = ['人民调解卷宗', '卷内目录', '人民调解受理登记表', '人民调解调查记录', '人民调解记录', '人民调解协议书'].map((t) =>
      text.indexOf(ink(t)),
    );
    expect(order.every((p, n) => p >= 0 && (n === 0 || p > order[n - 1]!))).toBe(true);
    for (const t of ['调解结果达成协议', '第一次调解记录0', '第二次调解记录0', '一、被申请人于2026年12月31日前拆除越界院墙'])
      expect(text).toContain(ink(t));
    expect(docx.document.length).toBeGreaterThan(0);

    const pdfFile = path.join(out.dir, 'file.pdf');
    const p = await cli(['--data-dir', app.dir, '--case', failed.caseNumber, '--type', 'case-file', '--out', pdfFile]);
    expect(p.code).toBe(0);
    expect(fs.readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((x) => x.trim() !== '');
    const n = pages.length;
    expect(n).toBeGreaterThan(3);
    expect(ink(pages[0]!)).toContain('调解结果调解不成');
    expect(ink(pages[n - 1]!)).toContain(`第${n}页共${n}页`);
    expect(ink(pages.join(''))).toContain(ink('终止调解告知书'));
    // A document that bears no date yet (to be filled in by hand) is listed without one.
    expect(ink(pages[1]!)).toContain('人民调解权利义务告知书');
    expect(ink(pages[1]!)).not.toContain('告知书（年月日）');
    // The contents' 页号: the page each document starts on, counted part by part before printing.
    const contents = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '2', '-l', '2', pdfFile, '-'], { encoding: 'utf8' });
    const rows = [...contents.matchAll(/^\s*(\d+)\s+(\S.*?)\s+(\d+)\s*$/gm)].map((m) => ({
      no: Number(m[1]),
      title: m[2]!,
      page: Number(m[3]),
    }));
    expect(rows.map((r) => r.no)).toEqual(rows.map((_r, k) => k + 1));
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows)
      expect(
        ink(withoutPageNumbers(pages[r.page - 1]!)).startsWith(ink(r.title.replace(/（.*$/, ''))),
        `${r.no} ${r.title} → ${r.page}`,
      ).toBe(true);
    expect(rows.at(-1)!.page).toBeLessThanOrEqual(n);

    const inv = path.join(out.dir, 'inv.docx');
    expect((await cli(['--data-dir', app.dir, '--case', agreed.caseNumber, '--type', 'investigation-record', '--out', inv])).code).toBe(0);
    expect(ink((await readDocx(fs.readFileSync(inv))).text)).toContain(ink('调查地点：王村村委会'));
    const cover = path.join(out.dir, 'cover.docx');
    expect((await cli(['--data-dir', app.dir, '--case', agreed.caseNumber, '--type', 'file-cover', '--out', cover])).code).toBe(0);
    expect(ink((await readDocx(fs.readFileSync(cover))).text)).toContain(ink('保管期限短期（10年）'));
  }, 180_000); // Chromium prints the file once per document to count its pages, then the whole file.

  it('refuses a bad type, a bad extension, an unknown case number, PDF without Chromium', async () => {
    const base = ['--data-dir', app.dir, '--case', agreed.caseNumber];
    const badType = await cli([...base, '--type', 'contract', '--out', path.join(out.dir, 'x.docx')]);
    expect(badType.code).toBe(1);
    expect(badType.stderr).toContain('未知的文书类型“contract”');
    expect(badType.stderr).toContain('undisputed-facts（无争议事实记载）');
    const badExt = await cli([...base, '--type', 'agreement', '--out', path.join(out.dir, 'x.odt')]);
    expect(badExt.code).toBe(1);
    expect(badExt.stderr).toContain('输出文件的扩展名只能是 .docx 或 .pdf');
    const unknown = await cli([
      '--data-dir',
      app.dir,
      '--case',
      '（2026）牧调字第9999号',
      '--type',
      'agreement',
      '--out',
      path.join(out.dir, 'x.docx'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('找不到案号为“（2026）牧调字第9999号”的案件');
    const before = rows(agreed.id).length;
    const noChromium = await cli([...base, '--type', 'intake-form', '--out', path.join(out.dir, 'x.pdf')], {
      MEDIATION_CHROMIUM_PATH: '/nonexistent/chromium',
    });
    expect(noChromium.code).toBe(1);
    expect(noChromium.stderr).toContain('生成 PDF 需要 Chromium');
    expect(noChromium.stderr).toContain('.docx');
    expect(rows(agreed.id)).toHaveLength(before);
    for (const f of ['x.docx', 'x.odt', 'x.pdf']) expect(fs.existsSync(path.join(out.dir, f))).toBe(false);
  });
});
