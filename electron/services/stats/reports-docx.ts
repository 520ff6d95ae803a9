/**
 * The two .docx reports of 统计考核:
 * - 重点案件督办清单 (half-monthly key-case list): the open cases that need pushing, with who
 *   answers for each;
 * - 季度联席会议报告 (quarterly joint-meeting report): the figures, the main problems by category
 *   (counts and success rate per category, the top categories), sources and tier resolution, court
 *   docking and confirmations, the key cases, and the rules behind the figures.
 * The text is generated from the same dashboard and table specs the screen and the .xlsx show.
 */
import type { Paragraph, Table } from 'docx';
import { formatYuan } from '../../common/domain/money';
import type { Dashboard, KeyCaseList } from '../../common/api/stats';
import { formatRate } from '../../common/stats/definitions';
import { chineseDate } from '../../common/stats/period';
import { DOCX_LANDSCAPE, blank, body, caption, dataTable, heading, note, renderReport, subtitle, title } from './docx-style';
import { keyCaseSpec, tableSpec, topCategories } from './tables';

/** How many key cases the quarterly report prints in full; the list itself has them all. */
export const REPORT_KEY_CASES = 30;

const pctOf = (part: number, whole: number) => (whole > 0 ? formatRate(part / whole) : '—');

export function keyCasesParagraph(k: KeyCaseList): string {
  if (k.counts.total === 0) return `截至${chineseDate(k.asOf)}，无需要督办的重点案件。`;
  return (
    `截至${chineseDate(k.asOf)}，列入督办的重点案件共${k.counts.total}件，其中已逾期${k.counts.overdue}件、` +
    `临近化解期限（${k.nearDays}日内）${k.counts.near}件、已上报上级${k.counts.escalated}件、重复信访${k.counts.repeat}件（一案可有多项事由）。` +
    '请各牵头单位、包案领导和责任人按期化解，逾期案件逐案说明原因。'
  );
}

export async function keyCasesDocx(d: Pick<Dashboard, 'centre' | 'period'>, k: KeyCaseList): Promise<Buffer> {
  const spec = keyCaseSpec(k, true);
  const children: (Paragraph | Table)[] = [
    title('重点案件督办清单'),
    subtitle(`（${d.period.label}，截至${chineseDate(k.asOf)}）`),
    body(`填报单位：${d.centre.name}`, { indent: false }),
    body(keyCasesParagraph(k)),
    dataTable(spec, '本期无重点督办案件', DOCX_LANDSCAPE.textWidth),
    ...spec.notes.slice(1).map((n) => note(`说明：${n}`)),
    blank(),
    body(d.centre.name, { align: 'right', indent: false }),
    body(chineseDate(d.period.today), { align: 'right', indent: false }),
  ];
  // The list is a wide table: on landscape pages, one row a line rather than a character a line.
  return renderReport('重点案件督办清单', [{ children, landscape: true }]);
}

export function overviewParagraph(d: Dashboard): string {
  const k = d.kpi;
  if (d.period.state === 'future') return `${d.period.label}尚未开始，暂无统计数据。`;
  return (
    `${d.period.label}，本中心共受理（登记）矛盾纠纷${k.received}件，受理调解${k.accepted}件；调解${k.mediated}件，` +
    `其中调解成功${k.successful}件，调解成功率${formatRate(k.successRate)}；调解协议涉及金额${formatYuan(k.amountFen)}元。` +
    `通过调解防止民转刑${k.preventedCriminalCases}件${k.preventedCriminalPeople}人，防止群体性上访${k.preventedPetitionCases}件${k.preventedPetitionPeople}人。` +
    `截至${chineseDate(d.period.cutoff)}，逾期未化解案件${k.overdue}件。`
  );
}

export function categoryParagraphs(d: Dashboard): string[] {
  const top = topCategories(d, 3);
  if (top.length === 0) return ['本期间未受理矛盾纠纷，暂无分类数据。'];
  const out = [
    `从纠纷类型看，受理量居前${top.length === 1 ? '' : `${top.length}位`}的是：` +
      top
        .map((r) => `${r.label}纠纷${r.received}件（占${pctOf(r.received, d.kpi.received)}，调解成功率${formatRate(r.successRate)}）`)
        .join('、') +
      '。',
  ];
  const overall = d.kpi.successRate;
  const weak = overall === null ? [] : d.byCategory.filter((r) => r.mediated >= 3 && r.successRate !== null && r.successRate < overall);
  if (weak.length > 0) {
    out.push(
      `调解成功率低于平均水平（${formatRate(overall)}）的类型有：${weak.map((r) => `${r.label}（${formatRate(r.successRate)}，调解${r.mediated}件）`).join('、')}，需重点研判成因、加强专业调解力量。`,
    );
  }
  const overdue = d.byCategory
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .slice(0, 3);
  if (overdue.length > 0) out.push(`逾期未化解案件较多的类型有：${overdue.map((r) => `${r.label}${r.overdue}件`).join('、')}。`);
  return out;
}

export function tierParagraph(d: Dashboard): string {
  const r = d.resolvedAtTier;
  if (r.successful === 0) return '本期间无调解成功案件，暂无就地化解数据。';
  const parts = r.byOriginTier.map(
    (t) => `${t.slogan}：发生在${t.label}的${t.successful}件中就地化解${t.atTier}件（${formatRate(t.share)}）`,
  );
  return `调解成功的${r.successful}件中，在纠纷发生层级就地化解${r.atTier}件，就地化解率${formatRate(r.share)}。其中，${parts.join('；')}。`;
}

export function courtParagraph(d: Dashboard): string {
  const c = d.courtReferrals;
  const rows = c.rows.map(
    (r) => `${r.label}${r.referred}件，调解成功${r.agreement}件${r.avgDaysUsed === null ? '' : `，平均用时${r.avgDaysUsed}天`}`,
  );
  return (
    `诉调对接方面，法院委派调解${c.delegated}件、委托调解${c.entrusted}件${rows.length > 0 ? `（${rows.join('；')}）` : ''}。` +
    `申请司法确认${d.confirmations.applied}件，法院裁定确认有效${d.confirmations.granted}件。` +
    `经回访，调解协议已履行${d.agreementsPerformed.performed}件、部分履行${d.agreementsPerformed.partly}件、未履行${d.agreementsPerformed.notPerformed}件。`
  );
}

export async function quarterlyDocx(d: Dashboard, k: KeyCaseList): Promise<Buffer> {
  const spec = (t: Parameters<typeof tableSpec>[0]) => tableSpec(t, d, k);
  const keyCases = keyCaseSpec({ ...k, rows: k.rows.slice(0, REPORT_KEY_CASES) }, true);
  const more = k.counts.total - Math.min(k.rows.length, REPORT_KEY_CASES);
  const children: (Paragraph | Table)[] = [
    title(`${d.centre.name}\n${d.period.label}矛盾纠纷化解工作情况报告`),
    subtitle('（季度联席会议材料）'),
    subtitle(
      `统计期间：${chineseDate(d.period.from)}至${chineseDate(d.period.to)}${d.period.state === 'current' ? `（统计至${chineseDate(d.period.today)}）` : ''}`,
    ),
    blank(),
    heading('一、总体情况'),
    body(overviewParagraph(d)),
    ...d.notes.map((n) => body(n)),
    caption('表1　主要指标'),
    dataTable(spec('summary')),
    blank(),
    heading('二、纠纷类型与主要问题'),
    ...categoryParagraphs(d).map((p) => body(p)),
    caption('表2　按纠纷类型统计'),
    dataTable(spec('byCategory')),
    blank(),
    heading('三、案件来源与就地化解'),
    body(tierParagraph(d)),
    caption('表3　按来源统计'),
    dataTable(spec('bySource')),
    caption('表4　就地化解情况'),
    dataTable(spec('resolvedAtTier')),
    blank(),
    heading('四、诉调对接与司法确认'),
    body(courtParagraph(d)),
    caption('表5　法院委派委托调解情况'),
    dataTable(spec('courtReferrals')),
    blank(),
    heading('五、重点案件'),
    body(keyCasesParagraph(k)),
  ];
  // The key-case table is wide: it stands on landscape pages of its own, then portrait resumes.
  const wide: (Paragraph | Table)[] = [
    caption('表6　重点案件督办清单'),
    dataTable(keyCases, '本期无重点督办案件', DOCX_LANDSCAPE.textWidth),
    ...(more > 0 ? [note(`另有${more}件未列出，详见重点案件督办清单。`)] : []),
  ];
  const closing: (Paragraph | Table)[] = [
    heading('六、统计口径说明'),
    ...d.definitions.map((x) => note(`${x.label}：${x.rule}`)),
    blank(),
    body(d.centre.name, { align: 'right', indent: false }),
    body(chineseDate(d.period.today), { align: 'right', indent: false }),
  ];
  return renderReport(`${d.period.label}矛盾纠纷化解工作情况报告`, [
    { children },
    { children: wide, landscape: true },
    { children: closing },
  ]);
}
