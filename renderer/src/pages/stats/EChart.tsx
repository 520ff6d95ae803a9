/**
 * ECharts, tree-shaken to what the statistics use (bar, line, pie; canvas), with the app's Chinese
 * font stack so labels never turn into boxes, and a click handler for the click-through.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useMemo } from 'react';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export const CHART_FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', sans-serif";

/** What a click on a bar, a point or a slice tells the page. */
export interface ChartClick {
  seriesName?: string;
  seriesIndex?: number;
  dataIndex: number;
  name: string;
}

export function EChart({
  option,
  height = 320,
  onClick,
  label,
}: {
  option: Record<string, unknown>;
  height?: number;
  onClick?: (e: ChartClick) => void;
  label: string;
}) {
  const merged = useMemo(() => ({ textStyle: { fontFamily: CHART_FONT, fontSize: 13 }, animation: false, ...option }), [option]);
  const events = useMemo((): Record<string, (e: ChartClick) => void> => (onClick ? { click: (e) => onClick(e) } : {}), [onClick]);
  return (
    <div role="img" aria-label={label} data-testid="stats-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={merged}
        notMerge
        lazyUpdate
        style={{ height, width: '100%', cursor: onClick ? 'pointer' : 'default' }}
        onEvents={events}
      />
    </div>
  );
}
