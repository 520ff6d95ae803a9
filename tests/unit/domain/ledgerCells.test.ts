import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  categoryFromWord,
  cellText,
  outcomeStatus,
  parseLedgerAmount,
  parseLedgerDate,
  splitPartyNames,
} from '../../../electron/common/domain/ledgerCells';

describe('parseLedgerDate', () => {
  it.each([
    ['2023.5.6', '2023-05-06'],
    ['2023年5月6日', '2023-05-06'],
    ['2023/05/06', '2023-05-06'],
    ['2023-5-6', '2023-05-06'],
    [' 2023 年 12 月 31 日 ', '2023-12-31'],
    ['２０２３.５.６', '2023-05-06'],
    ['20230506', '2023-05-06'],
    [45052, '2023-05-06'],
    ['45052', '2023-05-06'],
  ])('%s → %s', (cell, iso) => {
    expect(parseLedgerDate(cell)).toBe(iso);
  });

  it('reads the day exceljs gives for a date cell, whatever the machine zone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = new Date(Date.UTC(2023, 4, 6));
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf);
    expect(parseLedgerDate(back.getWorksheet('台账')!.getCell('A1').value)).toBe('2023-05-06');
  });

  it.each(['2023.2.30', '2023年13月1日', '2023-0-1', '1800.1.1', '明天', '', 'abc', 5, Number.NaN])('refuses %s in Chinese', (cell) => {
    expect(() => parseLedgerDate(cell)).toThrow(/日期/);
  });
});

describe('parseLedgerAmount', () => {
  it.each([
    ['1,234.5元', 123450],
    ['1.5万元', 1_500_000],
    ['3万', 3_000_000],
    ['￥800', 80000],
    [2500, 250000],
    [12.345, 1235],
  ])('%s → %d fen', (cell, fen) => {
    expect(parseLedgerAmount(cell)).toBe(fen);
  });

  it.each(['-5元', '五千元', '', '1..2万', -3])('refuses %s', (cell) => {
    expect(() => parseLedgerAmount(cell)).toThrow(/金额/);
  });
});

describe('cellText', () => {
  it('reads rich text, hyperlinks and formula results; objects without text are empty', () => {
    expect(cellText({ richText: [{ text: '张' }, { text: '三' }] })).toBe('张三');
    expect(cellText({ text: '李四', hyperlink: 'x' })).toBe('李四');
    expect(cellText({ formula: 'A1', result: 45052 })).toBe('45052');
    expect(cellText({ foo: 1 })).toBe('');
    expect(parseLedgerDate({ formula: 'A1', result: '2023.5.6' })).toBe('2023-05-06');
    expect(parseLedgerDate({ formula: 'A1', result: new Date(Date.UTC(2023, 4, 6)) })).toBe('2023-05-06');
  });
});

describe('splitPartyNames', () => {
  it.each([
    ['张三、李四', ['张三', '李四']],
    ['张三,李四', ['张三', '李四']],
    ['张三，李四；王五', ['张三', '李四', '王五']],
    ['张三 李四', ['张三', '李四']],
    ['  ', []],
    [null, []],
  ])('%s', (cell, names) => {
    expect(splitPartyNames(cell)).toEqual(names);
  });
});

describe('outcomeStatus', () => {
  it.each([
    ['调解成功', 'agreement'],
    ['达成协议', 'agreement'],
    ['未成功', 'failed'],
    ['调解不成功', 'failed'],
    ['终止', 'failed'],
    ['终止调解', 'failed'],
    ['申请人撤回', 'withdrawn'],
    ['移交法院', 'transferred'],
  ])('%s → %s', (word, status) => {
    expect(outcomeStatus(word)).toBe(status);
  });
  it('unknown or empty words give null', () => {
    expect(outcomeStatus('看情况')).toBeNull();
    expect(outcomeStatus('')).toBeNull();
  });
});

describe('categoryFromWord', () => {
  it.each([
    ['婚姻家庭', 'marriage_family'],
    ['婚姻家庭纠纷', 'marriage_family'],
    ['邻里纠纷', 'neighbor'],
    ['欠薪', 'labor'],
    ['道路交通事故', 'traffic_accident'],
    ['物业纠纷', 'property_management'],
  ])('%s → %s', (word, code) => {
    expect(categoryFromWord(word)).toEqual({ code, known: true });
  });
  it('其他 is known; unknown words fall to 其他 unknown (so the importer warns)', () => {
    expect(categoryFromWord('其他')).toEqual({ code: 'other', known: true });
    expect(categoryFromWord('养狗吵闹')).toEqual({ code: 'other', known: false });
    expect(categoryFromWord('')).toEqual({ code: 'other', known: false });
  });
});
