/**
 * The exported files read back: each .xlsx with ExcelJS (title row, Chinese headers, frozen
 * header, widths, the dashboard's numbers), the two .docx reports unzipped (house style page and
 * fonts, titles, real values from the data).
 */
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TABLES, XLSX_TABLE_LABELS, type Dashboard, type KeyCaseList } from '../../../electron/common/api/stats';
import { categoryLabel } from '../../../electron/common/domain/categories';
import { formatYuan } from '../../../electron/common/domain/money';
import { chineseDate } from '../../../electron/common/stats/period';
import { DOCX_LANDSCAPE } from '../../../electron/services/documents/render-docx';
import { seededCentre, type Seeded } from './seed';

let s: Seeded;
const quarter = { from: '2026-07-01', to: '2026-09-30' };
let d: Dashboard;
beforeAll(async () => {
  s = await seededCentre(600, 5);
  d = await s.app.call('stats.dashboard', quarter, s.session);
}, 120_000);
afterAll(() => s?.app.close());

async function xlsx(table: (typeof XLSX_TABLES)[number], period = quarter) {
  const file = await s.app.call('stats.exportXlsx', { table, period }, s.session);
  expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(file.fileName).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  return { file, ws };
}

const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

async function docxText(base64: string) {
  const zip = await JSZip.loadAsync(Buffer.from(base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const styles = await zip.file('word/styles.xml')!.async('string');
  const fonts = await zip.file('word/fontTable.xml')!.async('string');
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });
  const tree = parser.parse(xml) as unknown[];
  // Paragraph texts in order: the concatenated w:t of each w:p.
  const paragraphs: string[] = [];
  const walk = (nodes: unknown[], into: string[] | null) => {
    for (const n of nodes as Record<string, unknown>[]) {
      for (const [tag, children] of Object.entries(n)) {
        if (tag === ':@' || !Array.isArray(children)) continue;
        if (tag === 'w:p') {
          const acc: string[] = [];
          walk(children, acc);
          paragraphs.push(acc.join(''));
        } else if (tag === 'w:t' && into) {
          for (const c of children as Record<string, unknown>[]) if ('#text' in c) into.push(String(c['#text']));
        } else walk(children, into);
      }
    }
  };
  walk(tree, null);
  return { xml, styles, fonts, paragraphs, text: paragraphs.join('\n') };
}

describe('.xlsx exports', () => {
  it('every table exports with a title row naming the centre and the period, and frozen Chinese headers', async () => {
    for (const table of XLSX_TABLES) {
      const { ws } = await xlsx(table);
      const title = ws.getCell(1, 1).text;
      expect(title, table).toContain('牧野区非诉讼服务中心');
      expect(title).toContain(XLSX_TABLE_LABELS[table]);
      expect(title).toContain('2026年第三季度');
      expect(title).toContain('2026年7月1日至2026年9月30日');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const headers = rowValues(ws, 2);
      expect(headers.length).toBeGreaterThan(1);
      for (const h of headers) expect(String(h)).toMatch(/[\u4e00-\u9fa5]/);
      expect(
        ws.columns.map((c) => c.width ?? 0).filter((w) => w < 5),
        table,
      ).toEqual([]);
    }
  });

  it('the category table holds the dashboard’s numbers as numbers, with the total row and the rules', async () => {
    const { ws } = await xlsx('byCategory');
    expect(rowValues(ws, 2)).toEqual(['纠纷类型', '受理（登记）', '受理调解', '调解', '成功', '成功率', '协议金额（元）', '逾期']);
    d.byCategory.forEach((r, i) => {
      const v = rowValues(ws, 3 + i);
      expect(v[0]).toBe(r.label);
      expect(v.slice(1, 5)).toEqual([r.received, r.accepted, r.mediated, r.successful]);
      if (r.successRate === null) expect(v[5]).toBe('—');
      else expect(v[5]).toBeCloseTo(r.successRate, 10);
      expect(v[6]).toBeCloseTo(r.amountFen / 100, 2);
      expect(v[7]).toBe(r.overdue);
    });
    const total = rowValues(ws, 3 + d.byCategory.length);
    expect(total.slice(0, 5)).toEqual(['合计', d.kpi.received, d.kpi.accepted, d.kpi.mediated, d.kpi.successful]);
    expect(ws.getCell(3, 6).numFmt).toBe('0.0%');
    expect(ws.getCell(3, 7).numFmt).toBe('#,##0.00');
    const notes = [];
    for (let r = 4 + d.byCategory.length; r <= ws.rowCount; r++) notes.push(ws.getCell(r, 1).text);
    expect(notes.join('\n')).toContain('调解成功数：调解结果为“达成协议”');
    // Made at the test clock's moment, written as people at the centre read it; no code names.
    const made = notes.find((n) => n.startsWith('统计口径'));
    expect(made).toBe('统计口径（生成于2026年11月20日 09:00）：');
    expect(notes.join('\n')).not.toMatch(/[A-Za-z]{3,}|T\d{2}:\d{2}/);
  });

  it('the summary and trend tables read back with the dashboard’s values', async () => {
    const { ws } = await xlsx('summary');
    const byLabel = new Map<string, unknown>();
    for (let r = 3; r <= ws.rowCount; r++) byLabel.set(ws.getCell(r, 1).text, ws.getCell(r, 2).value);
    expect(byLabel.get('受理（登记）案件数（件）')).toBe(d.kpi.received);
    expect(byLabel.get('调解成功数（件）')).toBe(d.kpi.successful);
    expect(byLabel.get('逾期案件数（件）')).toBe(d.kpi.overdue);
    expect(byLabel.get('协议涉及金额（元）')).toBeCloseTo(d.kpi.amountFen / 100, 2);
    expect(byLabel.get('申请司法确认（件）')).toBe(d.confirmations.applied);
    const trend = (await xlsx('trend')).ws;
    expect(rowValues(trend, 3)).toEqual([
      '2026年7月',
      d.trend[0]!.received,
      d.trend[0]!.mediated,
      d.trend[0]!.successful,
      d.trend[0]!.successRate,
    ]);
    expect(rowValues(trend, 5)[0]).toBe('2026年9月');
  });

  it('the key-case sheet lists the key cases with lead unit, leader and person', async () => {
    const k: KeyCaseList = await s.app.call('stats.keyCaseList', { period: quarter, pageSize: 200 }, s.session);
    const { ws } = await xlsx('keyCases');
    expect(rowValues(ws, 2)).toEqual([
      '序号',
      '案号',
      '纠纷简述',
      '纠纷类型',
      '督办事由',
      '化解期限',
      '剩余天数',
      '牵头单位',
      '包案领导',
      '责任人',
      '调解员',
      '状态',
      '承办层级',
    ]);
    const first = k.rows[0]!;
    expect(rowValues(ws, 3).slice(0, 4)).toEqual([1, first.caseNumber, first.title, categoryLabel(first.category)]);
    expect(ws.getRow(2 + k.rows.length).getCell(2).value).toBe(k.rows.at(-1)!.caseNumber);
    expect(k.asOf).toBe('2026-09-30');
  });

  it('an empty period exports a sheet that says so, not a broken file', async () => {
    const { ws } = await xlsx('byCategory', { from: '2020-01-01', to: '2020-03-31' });
    expect(ws.getCell(3, 1).value).toBe('合计');
    expect(ws.getCell(3, 2).value).toBe(0);
    expect(ws.getCell(3, 6).value).toBe('—');
    const trend = (await xlsx('trend', { from: '2020-01-01', to: '2020-03-31' })).ws;
    expect(trend.getCell(3, 1).value).toBe('本期间暂无数据');
  });
});

describe('.docx reports', () => {
  it('the quarterly joint-meeting report: house style, titles and the real figures', async () => {
    const file = await s.app.call('stats.exportDocx', { report: 'quarterly', period: quarter }, s.session);
    expect(file.fileName).toBe('2026年第三季度联席会议报告_2026-07-01_2026-09-30.docx');
    const doc = await docxText(file.base64);
    // A4, top 37 mm, left 28 mm, text block 156 × 225 mm (in twips).
    const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
    expect(/<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(doc.xml)?.slice(1)).toEqual(['11906', '16838']);
    const margin = (side: string) => Number(new RegExp(`<w:pgMar[^>]* w:${side}="(\\d+)"`).exec(doc.xml)?.[1]);
    expect(margin('top')).toBe(twips(37));
    expect(margin('left')).toBe(twips(28));
    expect(11906 - margin('left') - margin('right')).toBe(twips(156));
    expect(16838 - margin('top') - margin('bottom')).toBe(twips(225));
    expect(doc.styles).toMatch(/w:eastAsia="仿宋"/);
    expect(doc.styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(doc.fonts).toContain('<w:altName w:val="FangSong"/>');
    expect(doc.xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(doc.xml).toMatch(/<w:sz w:val="44"\/>/);

    expect(doc.paragraphs[0]).toBe('牧野区非诉讼服务中心2026年第三季度矛盾纠纷化解工作情况报告');
    expect(doc.text).toContain('（季度联席会议材料）');
    for (const h of [
      '一、总体情况',
      '二、纠纷类型与主要问题',
      '三、案件来源与就地化解',
      '四、诉调对接与司法确认',
      '五、重点案件',
      '六、统计口径说明',
    ])
      expect(doc.paragraphs).toContain(h);
    expect(doc.text).toContain(
      `共受理（登记）矛盾纠纷${d.kpi.received}件，受理调解${d.kpi.accepted}件；调解${d.kpi.mediated}件，其中调解成功${d.kpi.successful}件`,
    );
    expect(doc.text).toContain(`调解协议涉及金额${formatYuan(d.kpi.amountFen)}元`);
    const top = d.byCategory[0]!;
    expect(doc.text).toContain(`受理量居前3位的是：${top.label}纠纷${top.received}件`);
    expect(doc.text).toContain(`法院委派调解${d.courtReferrals.delegated}件、委托调解${d.courtReferrals.entrusted}件`);
    expect(doc.text).toContain(`申请司法确认${d.confirmations.applied}件，法院裁定确认有效${d.confirmations.granted}件`);
    // The category table: header, then a row per category with its counts.
    const i = doc.paragraphs.indexOf('表2　按纠纷类型统计');
    expect(doc.paragraphs.slice(i + 1, i + 9)).toEqual([
      '纠纷类型',
      '受理（登记）',
      '受理调解',
      '调解',
      '成功',
      '成功率',
      '协议金额（元）',
      '逾期',
    ]);
    expect(doc.paragraphs.slice(i + 9, i + 14)).toEqual([
      top.label,
      String(top.received),
      String(top.accepted),
      String(top.mediated),
      String(top.successful),
    ]);
    expect(doc.text).toContain('小纠纷不出村');
    expect(doc.text).not.toMatch(/NaN|undefined|\[object/);
    // Chinese dates in the text, no ISO dates; 统计口径 in Chinese words, no code names.
    expect(doc.text).toContain('统计期间：2026年7月1日至2026年9月30日');
    expect(doc.text).not.toMatch(/\d{4}-\d{2}-\d{2}[^\d]/);
    const rules = doc.paragraphs.slice(doc.paragraphs.indexOf('六、统计口径说明') + 1);
    expect(rules.join('')).toContain('受理（登记）案件数：登记时间在统计期间内的案件');
    expect(rules.join('')).not.toMatch(/registeredAt|agreedAmountFen|originTier|ruling|[A-Za-z]{3,}/);
    // Three sections: portrait, the key-case table on landscape pages, portrait again.
    const sizes = [...doc.xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(sizes).toHaveLength(3);
    expect(sizes[0]).toMatch(/w:w="11906" w:h="16838"/);
    expect(sizes[1]).toMatch(/w:w="16838" w:h="11906" w:orient="landscape"/);
    expect(sizes[2]).toMatch(/w:w="11906" w:h="16838"/);
    const table6 = doc.xml.indexOf('表6　重点案件督办清单');
    expect(table6).toBeGreaterThan(doc.xml.indexOf('五、重点案件'));
    // A section's properties close it: the key-case table lies between the first and second sectPr.
    const ends = [...doc.xml.matchAll(/<w:sectPr/g)].map((m) => m.index);
    expect(table6).toBeGreaterThan(ends[0]!);
    expect(table6).toBeLessThan(ends[1]!);
    expect(doc.xml.indexOf('六、统计口径说明')).toBeGreaterThan(ends[1]!);
  });

  it('the key-case list (重点案件督办清单): title, date, counts and every case with who answers for it', async () => {
    const file = await s.app.call('stats.exportDocx', { report: 'key-cases', period: { from: '2026-09-16', to: '2026-09-30' } }, s.session);
    const k = await s.app.call('stats.keyCaseList', { period: { from: '2026-09-16', to: '2026-09-30' }, pageSize: 200 }, s.session);
    expect(k.total).toBeGreaterThan(0);
    expect(file.fileName).toBe('重点案件督办清单_截至2026-09-30.docx');
    const doc = await docxText(file.base64);
    expect(doc.paragraphs[0]).toBe('重点案件督办清单');
    // The list is a wide table: landscape pages, the table as wide as their text block (243 mm).
    expect([...doc.xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1])).toEqual(['w:w="16838" w:h="11906" w:orient="landscape"']);
    expect(Math.round((DOCX_LANDSCAPE.textWidth * 25.4) / 1440)).toBe(243);
    expect(doc.xml).toMatch(new RegExp(`<w:tblW [^>]*w:w="${DOCX_LANDSCAPE.textWidth}"`));
    expect(doc.text).toContain('（2026年9月下半月，截至2026年9月30日）');
    expect(doc.text).toContain('填报单位：牧野区非诉讼服务中心');
    expect(doc.text).toContain(`列入督办的重点案件共${k.counts.total}件，其中已逾期${k.counts.overdue}件`);
    const header = doc.paragraphs.indexOf('序号');
    expect(doc.paragraphs.slice(header, header + 8)).toEqual([
      '序号',
      '案号',
      '纠纷简述',
      '督办事由',
      '化解期限',
      '牵头单位',
      '包案领导',
      '责任人',
    ]);
    for (const row of k.rows) expect(doc.paragraphs).toContain(row.caseNumber);
    const first = k.rows[0]!;
    const at = doc.paragraphs.indexOf(first.caseNumber);
    expect(doc.paragraphs.slice(at - 1, at + 7)).toEqual([
      '1',
      first.caseNumber,
      first.title,
      first.reasons.map((r) => ({ overdue: '已逾期', near: '临近期限', escalated: '已上报上级', repeat: '重复信访' })[r]).join('、'),
      first.deadline ? chineseDate(first.deadline) : '未设定',
      first.leadUnit ?? '',
      first.responsibleLeader ?? '',
      first.responsiblePerson ?? '',
    ]);
  });

  it('reports for an empty period still open and say there is nothing', async () => {
    const file = await s.app.call('stats.exportDocx', { report: 'quarterly', period: { from: '2020-01-01', to: '2020-03-31' } }, s.session);
    const doc = await docxText(file.base64);
    expect(doc.text).toContain('共受理（登记）矛盾纠纷0件');
    expect(doc.text).toContain('调解成功率—');
    expect(doc.text).toContain('本期间暂无数据');
    expect(doc.text).not.toMatch(/NaN/);
  });
});
