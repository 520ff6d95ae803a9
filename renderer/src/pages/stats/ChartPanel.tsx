/**
 * One statistics panel: a chart and the table behind it (toggle 图表/表格), the rules (口径) of its
 * figures in a popover, an 导出 Excel button, and a clear empty state instead of a blank chart.
 */
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Popover, Segmented, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { XlsxTable } from '../../../../electron/common/api/stats';
import type { FigureDefinition, FigureKey } from '../../../../electron/common/stats/definitions';
import type { Period } from '../../../../electron/common/stats/period';
import { useApiMutation } from '../../components/useApiMutation';
import { saveExportedFile } from './download';
import { EChart } from './EChart';
import type { ChartSpec, Drill } from './charts';

export const EMPTY_TEXT = '本期间暂无数据';

export function RulesList({ definitions }: { definitions: readonly FigureDefinition[] }) {
  return (
    <dl style={{ margin: 0, maxWidth: 520 }}>
      {definitions.map((d) => (
        <div key={d.key} style={{ marginBottom: 8 }}>
          <dt style={{ fontWeight: 600 }}>{d.label}</dt>
          <dd style={{ margin: 0, color: 'rgba(0,0,0,0.75)' }}>{d.rule}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RulesPopover({
  definitions,
  keys,
  title,
}: {
  definitions: readonly FigureDefinition[];
  keys: readonly FigureKey[];
  title: string;
}) {
  const rules = definitions.filter((d) => keys.includes(d.key));
  return (
    <Popover title={`${title} · 口径说明`} content={<RulesList definitions={rules} />} trigger="click">
      <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={`${title}口径说明`}>
        口径
      </Button>
    </Popover>
  );
}

export function ExportXlsxButton({ table, period, label = '导出 Excel' }: { table: XlsxTable; period: Period | null; label?: string }) {
  const exporter = useApiMutation('stats.exportXlsx', {
    onSuccess: (file) => saveExportedFile(file),
    success: (f) => `已导出 ${f.fileName}`,
  });
  return (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      disabled={!period}
      loading={exporter.isPending}
      onClick={() => period && exporter.mutate({ table, period })}
    >
      {label}
    </Button>
  );
}

export interface ChartPanelProps {
  title: string;
  rules: readonly FigureKey[];
  definitions: readonly FigureDefinition[];
  empty: boolean;
  chart: ChartSpec;
  table: ReactNode;
  xlsx: XlsxTable;
  period: Period | null;
  onDrill: (d: Drill) => void;
  height?: number;
  /** A line under the title, e.g. the overall rate. */
  extra?: ReactNode;
}

export function ChartPanel({
  title,
  rules,
  definitions,
  empty,
  chart,
  table,
  xlsx,
  period,
  onDrill,
  height = 320,
  extra,
}: ChartPanelProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={4}>
          <span>{title}</span>
          <RulesPopover definitions={definitions} keys={rules} title={title} />
        </Flex>
      }
      extra={
        <Flex gap={8} align="center">
          <Segmented
            size="small"
            aria-label={`${title}：图表或表格`}
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: '图表' },
              { value: 'table', label: '表格' },
            ]}
          />
          <ExportXlsxButton table={xlsx} period={period} />
        </Flex>
      }
      role="region"
      aria-label={title}
      styles={{ body: { minHeight: height + 24 } }}
    >
      {extra ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {extra}
        </Typography.Text>
      ) : null}
      {empty ? (
        <Flex align="center" justify="center" style={{ height }}>
          <Empty description={EMPTY_TEXT} />
        </Flex>
      ) : view === 'chart' ? (
        <EChart
          label={title}
          option={chart.option}
          height={height}
          onClick={(e) => {
            const d = chart.drill(e);
            if (d) onDrill(d);
          }}
        />
      ) : (
        table
      )}
    </Card>
  );
}
