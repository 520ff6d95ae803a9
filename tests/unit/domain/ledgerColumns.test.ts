import { describe, expect, it } from 'vitest';
import { findHeaderRow, headerField, proposeMapping } from '../../../electron/common/domain/ledgerColumns';

describe('headerField', () => {
  it.each([
    ['案件编号', 'caseNumber'],
    ['案 号', 'caseNumber'],
    ['受理日期', 'receivedDate'],
    ['登记时间', 'receivedDate'],
    ['结案日期', 'closedDate'],
    ['双方当事人', 'parties'],
    ['申请人', 'parties'],
    ['身份证号码', 'idNumbers'],
    ['纠纷类别', 'category'],
    ['调解结果', 'outcome'],
    ['涉及金额（元）', 'amount'],
    ['承办人', 'mediator'],
    ['纠纷简要情况', 'summary'],
  ])('%s → %s', (h, f) => {
    expect(headerField(h)).toBe(f);
  });
  it.each(['序号', '备注', '', null, '天气'])('%s → not imported', (h) => {
    expect(headerField(h)).toBeNull();
  });
});

describe('proposeMapping', () => {
  it('maps a real ledger header, keeping both party columns and the first date column only once', () => {
    const headers = ['序号', '编号', '申请人', '被申请人', '纠纷类型', '受理日期', '调解员', '调解结果', '结案日期', '备注'];
    expect(proposeMapping(headers)).toEqual({
      1: 'caseNumber',
      2: 'parties',
      3: 'parties',
      4: 'category',
      5: 'receivedDate',
      6: 'mediator',
      7: 'outcome',
      8: 'closedDate',
    });
  });
  it('a second column naming the same field is left for the clerk', () => {
    expect(proposeMapping(['登记日期', '受理日期'])).toEqual({ 0: 'receivedDate' });
  });
});

describe('findHeaderRow', () => {
  it('skips a title row and finds the header below it', () => {
    const rows = [
      ['2023年人民调解登记台账'],
      ['填报单位：某某街道调委会', '', '', ''],
      ['序号', '案号', '当事人', '受理日期'],
      [1, 'A-1', '张三', '2023.5.6'],
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });
  it('returns -1 when no row names two fields', () => {
    expect(findHeaderRow([['hello'], ['a', 'b']])).toBe(-1);
  });
});
