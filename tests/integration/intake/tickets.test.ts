/**
 * Registrations print their ticket on the real ESC/POS test printer; a printer that is off, never
 * reads or has no paper never costs a registration, says so in Chinese within seconds, and the
 * ticket can be reprinted once the printer is back.
 */
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import registerPrintTest from '../../../electron/cli/commands/print-test';
import registerTicket from '../../../electron/cli/commands/ticket';
import { normalizeQueryCode } from '../../../electron/common/api/intake';
import { walkInCase } from '../../support/cases';
import { CENTRE } from '../../support/backend';
import { closedPort, failure, kioskInput, startEnv, type Env } from './harness';

let env: Env;
beforeEach(async () => {
  env = await startEnv();
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await env.close();
});

describe('the ticket of a kiosk registration', () => {
  it('prints centre, queue number, time, kind of dispute, registration number, query code with QR, phone and privacy line', async () => {
    const printer = await env.printer();
    await env.usePrinter(printer.uri);
    const r = await env.app.call('intake.submit', kioskInput());

    // The kiosk gets the ticket's content and nothing else: no internal id, no name, no phone.
    expect(Object.keys(r).sort()).toEqual(
      [
        'categoryLabel',
        'intakeId',
        'issuedAt',
        'printError',
        'printed',
        'queryCode',
        'queueCode',
        'registrationNumber',
        'reprintToken',
      ].sort(),
    );
    expect(r).toMatchObject({
      printed: true,
      printError: null,
      intakeId: null,
      queueCode: 'A001',
      categoryLabel: '邻里纠纷',
      registrationNumber: '20261120-A001',
    });
    expect(r.queryCode).toMatch(/^[23456789ACDEFGHJKMNPQRTUVWXY]{4}-[23456789ACDEFGHJKMNPQRTUVWXY]{4}$/);
    expect(JSON.stringify(r)).not.toContain('王秀兰');

    const [t] = await printer.received();
    expect(t!.chineseMode).toBe(true);
    expect(t!.initialised).toBe(true);
    expect(t!.cut).toBe(true);
    expect(t!.problems).toEqual([]);
    expect(t!.unknown).toEqual([]);
    expect(t!.lines).toEqual(
      expect.arrayContaining([
        CENTRE.name,
        '排队号',
        'A001',
        '邻里纠纷',
        '取号时间：2026-11-20 09:00',
        '登记编号：20261120-A001',
        `查询码：${r.queryCode}`,
        `咨询电话：${CENTRE.phone}`,
        '本小票含查询码，请妥善保管，勿交给他人。',
      ]),
    );
    expect(t!.styledLines.find((l) => l.text === 'A001')).toMatchObject({ bold: true, width: 2, height: 2, align: 'center' });
    expect(t!.qr).toEqual([`MDQ:${normalizeQueryCode(r.queryCode)}`]);
    // The citizen's personal data never goes on paper.
    expect(t!.lines.join('\n')).not.toMatch(/王秀兰|赵大勇|4321|漏水/);
  });

  it('fits 58 mm paper and, after acceptance, carries the case number', async () => {
    const printer = await env.printer();
    await env.usePrinter(printer.uri, 58);
    await env.app.call('intake.submit', kioskInput({ category: 'labor' }));
    const [pending] = await env.app.call('intake.pending', {}, env.admin);
    const c = await env.app.call('intake.accept', { intakeId: pending!.id }, env.admin);
    expect(c.caseNumber).toBe('（2026）牧调字第0001号');
    expect(await env.app.call('intake.reprint', { intakeId: pending!.id }, env.admin)).toEqual({ printed: true, printError: null });
    const [first, again] = await printer.received();
    expect(first!.lines).toContain('登记编号：20261120-A001');
    expect(again!.lines).toEqual(expect.arrayContaining(['A001', '劳动争议', '登记编号：（2026）牧调字第0001号']));
    for (const l of [...first!.styledLines, ...again!.styledLines]) expect(l.columns, l.text).toBeLessThanOrEqual(32);
    expect(again!.qr).toEqual(first!.qr);
  });
});

describe('when the printer fails, the registration stands', () => {
  async function expectSavedWithoutTicket(r: { printed: boolean; printError: string | null; queueCode: string }) {
    expect(r.printed).toBe(false);
    expect(r.queueCode).toBe('A001');
    const pending = await env.app.call('intake.pending', {}, env.admin);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ name: '王秀兰', status: 'pending', queueCode: 'A001' });
    const q = await env.app.call('queue.today', {}, env.admin);
    expect(q.tickets.map((t) => [t.code, t.status])).toEqual([['A001', 'waiting']]);
  }

  it('printer switched off: 打印机未连接 at once; reprint with the kiosk token once it is back', async () => {
    await env.usePrinter(`tcp://127.0.0.1:${await closedPort()}`);
    const started = Date.now();
    const r = await env.app.call('intake.submit', kioskInput());
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.printError).toMatch(/打印机未连接.*重新打印/);
    await expectSavedWithoutTicket(r);

    const printer = await env.printer();
    await env.usePrinter(printer.uri);
    expect(await env.app.call('intake.reprint', { reprintToken: r.reprintToken })).toEqual({ printed: true, printError: null });
    const [t] = await printer.received();
    expect(t!.lines).toEqual(expect.arrayContaining(['A001', `查询码：${r.queryCode}`]));
  });

  it('printer that never reads: a PRINTER message within the time-out, nothing lost', async () => {
    const stuck = await env.printer('refuse-read');
    await env.usePrinter(stuck.uri);
    const started = Date.now();
    const r = await env.app.call('intake.submit', kioskInput());
    expect(Date.now() - started).toBeLessThan(8000);
    expect(r.printError).toMatch(/打印机/);
    expect(r.printError).toMatch(/重新打印/);
    await expectSavedWithoutTicket(r);
  }, 20_000);

  it('paper out: 缺纸, nothing sent; reprint by the clerk after loading paper', async () => {
    const empty = await env.printer('paper-out');
    await env.usePrinter(empty.uri);
    const r = await env.app.call('intake.submit', kioskInput());
    expect(r.printError).toMatch(/缺纸/);
    await expectSavedWithoutTicket(r);
    const [nothing] = await empty.received();
    expect(nothing!.lines).toEqual([]);

    const printer = await env.printer();
    await env.usePrinter(printer.uri);
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    expect(await env.app.call('intake.reprint', { intakeId: p!.id }, env.admin)).toMatchObject({ printed: true });
    expect((await printer.received())[0]!.lines).toContain('A001');
  });

  it('no ticket printer set up on this machine: says so, registration saved', async () => {
    const r = await env.app.call('intake.submit', kioskInput());
    expect(r.printError).toMatch(/还没有设置小票打印机/);
    await expectSavedWithoutTicket(r);
  });
});

describe('reprinting from the kiosk', () => {
  it('needs the token of the ticket just issued; a guessed token or an intake id without login is refused', async () => {
    const printer = await env.printer();
    await env.usePrinter(printer.uri);
    const r = await env.app.call('intake.submit', kioskInput());
    expect((await failure(env.app.call('intake.reprint', { reprintToken: 'x'.repeat(24) }))).code).toBe('REFUSED');
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    expect((await failure(env.app.call('intake.reprint', { intakeId: p!.id }))).code).toBe('UNAUTHENTICATED');
    // A few reprints, then the counter takes over.
    for (let i = 0; i < 3; i++) expect((await env.app.call('intake.reprint', { reprintToken: r.reprintToken })).printed).toBe(true);
    expect((await failure(env.app.call('intake.reprint', { reprintToken: r.reprintToken }))).message).toMatch(/窗口/);
    // And the token expires.
    const r2 = await env.app.call('intake.submit', kioskInput({ name: '李四' }));
    env.app.clock.advance(16 * 60_000);
    expect((await failure(env.app.call('intake.reprint', { reprintToken: r2.reprintToken }))).message).toMatch(/超过重新打印的时间/);
  });
});

describe('printers at the counter', () => {
  it('status shows online, paper out and offline; test print goes to the printer; configuration is for admins', async () => {
    const printer = await env.printer();
    await env.usePrinter(printer.uri);
    const clerk = await env.app.call(
      'users.create',
      { loginName: 'clerk', displayName: '窗口小刘', role: 'intake', password: 'Tiaojie2026' },
      env.admin,
    );
    expect(clerk.role).toBe('intake');
    const s = await env.app.login('clerk', 'Tiaojie2026');

    expect(await env.app.call('printers.status', {}, s)).toMatchObject({ online: true, ready: true, paper: 'ok' });
    expect(await env.app.call('printers.test', {}, s)).toEqual({ printed: true, printError: null });
    const [statusCheck, test] = await printer.received();
    expect(statusCheck!.lines).toEqual([]); // the status check only asks for the paper state
    expect(test!.lines).toEqual(expect.arrayContaining([CENTRE.name, '打印测试']));

    const empty = await env.printer('paper-out');
    await env.usePrinter(empty.uri);
    expect(await env.app.call('printers.status', {}, s)).toMatchObject({ online: true, ready: false, paper: 'out' });
    expect((await env.app.call('printers.test', {}, s)).printError).toMatch(/缺纸/);

    await env.usePrinter(`127.0.0.1:${await closedPort()}`);
    const off = await env.app.call('printers.status', {}, s);
    expect(off).toMatchObject({ online: false, ready: false });
    expect(off.message).toMatch(/打印机未连接/);

    expect((await failure(env.app.call('printers.save', { name: 'x', address: '127.0.0.1:9100', width: 80 }, s))).code).toBe('FORBIDDEN');
    expect(
      (await failure(env.app.call('printers.save', { name: '坏地址', address: 'http://1.2.3.4', width: 80 }, env.admin))).message,
    ).toMatch(/打印机地址无效/);
  });

  it('add, choose and remove printers: a TCP printer and a system printer name', async () => {
    const a = await env.app.call('printers.save', { name: '一号窗口', address: '192.168.1.50', width: 80 }, env.admin);
    expect(a).toEqual([
      { id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: '一号窗口', uri: 'tcp://192.168.1.50:9100', width: 80, ticket: true },
    ]);
    const b = await env.app.call('printers.save', { name: '自助机', address: 'printer:XP-58', width: 58 }, env.admin);
    expect(b.map((p) => [p.name, p.uri, p.ticket])).toEqual([
      ['一号窗口', 'tcp://192.168.1.50:9100', true],
      ['自助机', 'printer:XP-58', false],
    ]);
    const c = await env.app.call('printers.setTicket', { id: b[1]!.id }, env.admin);
    expect(c.find((p) => p.ticket)?.name).toBe('自助机');
    const d = await env.app.call('printers.remove', { id: b[1]!.id }, env.admin);
    expect(d).toEqual([expect.objectContaining({ name: '一号窗口', ticket: true })]);
    expect((await failure(env.app.call('printers.save', { name: '一号窗口', address: '10.0.0.2', width: 80 }, env.admin))).message).toMatch(
      /已有名为/,
    );
  });
});

describe('cli ticket', () => {
  let out: string[];
  let err: string[];
  beforeEach(() => {
    out = [];
    err = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
    process.exitCode = undefined;
  });

  async function run(register: (p: Command) => void, ...args: string[]): Promise<number> {
    process.exitCode = undefined;
    const program = new Command();
    program.exitOverride();
    register(program);
    await program.parseAsync(['node', 'cli', ...args]);
    return Number(process.exitCode ?? 0);
  }

  it('reprints the ticket of a case taken up from the kiosk, with the case number; exit 0', async () => {
    await env.app.call('intake.submit', kioskInput());
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    const c = await env.app.call('intake.accept', { intakeId: p!.id }, env.admin);
    const printer = await env.printer();
    expect(
      await run(registerTicket, 'ticket', '--data-dir', env.app.dir, '--case', c.caseNumber, '--printer', printer.uri, '--width', '58'),
    ).toBe(0);
    expect(out.join('')).toContain('已补打小票');
    const [t] = await printer.received();
    expect(t!.lines).toEqual(expect.arrayContaining(['A001', `登记编号：${c.caseNumber}`]));
    expect(t!.qr[0]).toMatch(/^MDQ:[0-9A-Z]{8}$/);
    expect(t!.cut && t!.chineseMode).toBe(true);
  });

  it('without --printer uses the data dir’s ticket printer; a printer that is off → exit 1 with the reason', async () => {
    await env.app.call('intake.submit', kioskInput());
    const [p] = await env.app.call('intake.pending', {}, env.admin);
    const c = await env.app.call('intake.accept', { intakeId: p!.id }, env.admin);
    const printer = await env.printer();
    await env.usePrinter(printer.uri, 58);
    expect(await run(registerTicket, 'ticket', '--data-dir', env.app.dir, '--case', c.caseNumber)).toBe(0);
    expect((await printer.received())[0]!.lines).toContain('A001');

    expect(
      await run(
        registerTicket,
        'ticket',
        '--data-dir',
        env.app.dir,
        '--case',
        c.caseNumber,
        '--printer',
        `tcp://127.0.0.1:${await closedPort()}`,
      ),
    ).toBe(1);
    expect(err.join('')).toMatch(/打印机未连接/);
  });

  it('refuses a case registered at a desk (no ticket, no query code) and an unknown case number', async () => {
    const direct = await env.app.call('cases.register', walkInCase(), env.admin);
    const printer = await env.printer();
    expect(await run(registerTicket, 'ticket', '--data-dir', env.app.dir, '--case', direct.caseNumber, '--printer', printer.uri)).toBe(1);
    expect(err.join('')).toMatch(/没有排队小票和查询码/);
    expect(
      await run(registerTicket, 'ticket', '--data-dir', env.app.dir, '--case', '（2026）牧调字第9999号', '--printer', printer.uri),
    ).toBe(1);
    expect(err.join('')).toMatch(/找不到案号/);
    expect(await run(registerTicket, 'ticket', '--data-dir', env.app.dir, '--printer', printer.uri)).toBe(1);
    expect(err.join('')).toMatch(/--case/);
    expect(printer.connections()).toBe(0);
  });

  it('print-test --data-dir prints the centre’s real name', async () => {
    const printer = await env.printer();
    expect(await run(registerPrintTest, 'print-test', '--printer', printer.uri, '--data-dir', env.app.dir)).toBe(0);
    expect((await printer.received())[0]!.lines).toEqual(expect.arrayContaining([CENTRE.name, '打印测试']));
  });
});
