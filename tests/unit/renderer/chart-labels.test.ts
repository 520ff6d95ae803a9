/**
 * Charts (issue 19): value labels on small or adjacent bars never print over each other ("4 4",
 * "2 2 2"). The charts are rendered for real by ECharts (server-side SVG) and the label boxes checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BreakdownRow, CourtReferralRow } from '../../../electron/common/api/stats';

// Loaded by path at run time, like client.test.ts: the renderer (JSX, DOM types) is outside this
// project's type check, which has its own (renderer/tsconfig.json).
const CHARTS = '../../../renderer/src/pages/stats/charts';
const ECHARTS = 'echarts';
type Option = Record<string, unknown>;
interface Echarts {
  init(
    dom: null,
    theme: null,
    opts: { renderer: 'svg'; ssr: true; width: number; height: number },
  ): { setOption(o: Option): void; renderToSVGString(): string; dispose(): void };
}
let echarts: Echarts;
let breakdownChart: (rows: BreakdownRow[], dimension: string) => { option: Option };
let referralChart: (rows: CourtReferralRow[]) => { option: Option };
beforeAll(async () => {
  echarts = (await import(/* @vite-ignore */ ECHARTS)) as Echarts;
  ({ breakdownChart, referralChart } = (await import(/* @vite-ignore */ CHARTS)) as {
    breakdownChart: typeof breakdownChart;
    referralChart: typeof referralChart;
  });
});

interface Box {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The value labels of a rendered chart (digits, not the axes' grey labels) as boxes. */
function valueLabels(option: Record<string, unknown>, width: number, height: number): Box[] {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  const boxes: Box[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>(\d+)<\/text>/g)) {
    const attrs = m[1]!;
    if (attrs.includes('fill="#54555a"')) continue; // axis labels
    const size = Number(/font-size:(\d+)px/.exec(attrs)?.[1] ?? 12);
    const [tx, ty] = (/translate\(([-\d.]+) ([-\d.]+)\)/.exec(attrs)?.slice(1) ?? ['0', '0']).map(Number) as [number, number];
    const dy = Number(/ y="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const w = m[2]!.length * size * 0.6;
    boxes.push({ text: m[2]!, x0: tx - w / 2, x1: tx + w / 2, y0: ty + dy - size / 2, y1: ty + dy + size / 2 });
  }
  return boxes;
}

function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) out.push(`${a.text}@${a.x0.toFixed(0)} × ${b.text}@${b.x0.toFixed(0)}`);
    }
  return out;
}

/** The same option with the overlap handling taken out, to show the check can see overlaps. */
const withoutLayout = (option: Record<string, unknown>) => ({
  ...option,
  series: (option.series as Record<string, unknown>[]).map(({ labelLayout: _l, ...s }) => s),
});

const breakdownRows: BreakdownRow[] = ['婚姻家庭', '邻里', '宅基地', '合同', '损害赔偿', '劳动'].map((label, i) => ({
  key: String(i),
  label,
  received: 44,
  accepted: 44,
  mediated: 44,
  successful: 44,
  successRate: 1,
  amountFen: 0,
  overdue: 44,
}));

const referralRows: CourtReferralRow[] = [
  {
    mode: 'delegated',
    label: '委派',
    referred: 6,
    agreement: 2,
    failed: 2,
    withdrawn: 2,
    pending: 0,
    successRate: 0.33,
    avgDaysUsed: 12,
    timed: 6,
  },
  {
    mode: 'entrusted',
    label: '委托',
    referred: 100,
    agreement: 90,
    failed: 2,
    withdrawn: 2,
    pending: 6,
    successRate: 0.9,
    avgDaysUsed: 9,
    timed: 100,
  },
];

describe('bar value labels', () => {
  it('grouped bars with equal values side by side ("44 44 44 44") do not overlap', () => {
    const { option } = breakdownChart(breakdownRows, 'category');
    expect(overlaps(valueLabels(withoutLayout(option), 400, 300)).length).toBeGreaterThan(0);
    const shown = valueLabels(option, 400, 300);
    expect(shown.length).toBeGreaterThan(0);
    expect(overlaps(shown)).toEqual([]);
  });

  it('small stacked segments ("2 2 2") do not overlap', () => {
    const { option } = referralChart(referralRows);
    expect(overlaps(valueLabels(withoutLayout(option), 400, 200)).length).toBeGreaterThan(0);
    const shown = valueLabels(option, 400, 200);
    expect(shown.map((b) => b.text)).toContain('90');
    expect(overlaps(shown)).toEqual([]);
  });
});
