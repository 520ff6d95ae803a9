/**
 * 统计考核 (centre head): the figures the district reviews for a period — KPI cards, charts with
 * the tables behind them, the key-case list — every figure clickable down to its cases, the rules
 * (口径) beside the figures, and the exports (.xlsx per table, the two .docx reports).
 */
import { FileWordOutlined, ReadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Drawer, Flex, Row, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Dashboard } from '../../../../electron/common/api/stats';
import { DEFINITIONS, formatRate } from '../../../../electron/common/stats/definitions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { CasesDrawer } from './CasesDrawer';
import { ChartPanel, RulesList } from './ChartPanel';
import { breakdownChart, confirmationChart, intakeChart, referralChart, tierChart, trendChart, type Drill } from './charts';
import { saveExportedFile } from './download';
import { KeyCasesPanel } from './KeyCasesPanel';
import { KpiCards } from './KpiCards';
import { PeriodPicker, periodOf, type PeriodChoice } from './PeriodPicker';
import { BreakdownTable, CountLink, ReferralTable, SimpleTable, TierTable, TrendTable } from './tables';

function ReportButton({
  report,
  label,
  period,
}: {
  report: 'key-cases' | 'quarterly';
  label: string;
  period: ReturnType<typeof periodOf>['period'];
}) {
  const exporter = useApiMutation('stats.exportDocx', {
    onSuccess: (file) => saveExportedFile(file),
    success: (f) => `已导出 ${f.fileName}`,
  });
  return (
    <Button
      icon={<FileWordOutlined />}
      disabled={!period}
      loading={exporter.isPending}
      onClick={() => period && exporter.mutate({ report, period })}
    >
      {label}
    </Button>
  );
}

function Panels({ d, onDrill }: { d: Dashboard; onDrill: (x: Drill) => void }) {
  const period = { from: d.period.from, to: d.period.to };
  const common = { definitions: d.definitions, period, onDrill };
  const charts = useMemo(
    () => ({
      category: breakdownChart(d.byCategory, 'category', { horizontal: true }),
      source: breakdownChart(d.bySource, 'source', { horizontal: true }),
      tier: breakdownChart(d.byTier, 'tier'),
      status: breakdownChart(d.byStatus, 'status', { series: [{ name: '受理（登记）', field: 'received', figure: 'received' }] }),
      trend: trendChart(d.trend),
      atTier: tierChart(d.resolvedAtTier),
      referrals: referralChart(d.courtReferrals.rows),
      confirmations: confirmationChart(d.confirmations, d.agreementsPerformed),
      intake: intakeChart(d.intake),
    }),
    [d],
  );
  const categoryHeight = Math.max(320, d.byCategory.length * 34 + 60);
  const conf = d.confirmations;
  const perf = d.agreementsPerformed;
  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="按纠纷类型"
          rules={['breakdowns', 'received', 'mediated', 'successful', 'successRate', 'overdue']}
          empty={d.byCategory.length === 0}
          chart={charts.category}
          height={categoryHeight}
          xlsx="byCategory"
          table={<BreakdownTable rows={d.byCategory} first="纠纷类型" dimension="category" onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="按案件来源"
          rules={['breakdowns', 'received', 'mediated', 'successful']}
          empty={d.bySource.length === 0}
          chart={charts.source}
          height={categoryHeight}
          xlsx="bySource"
          table={<BreakdownTable rows={d.bySource} first="案件来源" dimension="source" onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="月度趋势"
          rules={['trend', 'received', 'mediated', 'successful', 'successRate']}
          empty={d.trend.length === 0}
          chart={charts.trend}
          xlsx="trend"
          table={<TrendTable trend={d.trend} onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="就地化解情况"
          rules={['resolvedAtTier']}
          empty={d.resolvedAtTier.byOriginTier.length === 0}
          chart={charts.atTier}
          xlsx="resolvedAtTier"
          extra={`小纠纷不出村、大纠纷不出镇、疑难纠纷不出区：总体就地化解率 ${formatRate(d.resolvedAtTier.share)}（调解成功 ${d.resolvedAtTier.successful} 件，就地化解 ${d.resolvedAtTier.atTier} 件）`}
          table={<TierTable r={d.resolvedAtTier} onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="按承办层级"
          rules={['breakdowns', 'received', 'mediated', 'successful', 'overdue']}
          empty={d.byTier.length === 0}
          chart={charts.tier}
          xlsx="byTier"
          table={<BreakdownTable rows={d.byTier} first="承办层级" dimension="tier" onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="按案件状态"
          rules={['breakdowns', 'received']}
          empty={d.byStatus.length === 0}
          chart={charts.status}
          xlsx="byStatus"
          table={<BreakdownTable rows={d.byStatus} first="案件状态" dimension="status" onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="法院委派、委托调解"
          rules={['courtReferrals']}
          empty={d.courtReferrals.rows.length === 0}
          chart={charts.referrals}
          xlsx="courtReferrals"
          extra={
            d.courtReferrals.rows.map((r) => `${r.label}平均用时 ${r.avgDaysUsed === null ? '—' : `${r.avgDaysUsed} 天`}`).join('；') ||
            undefined
          }
          table={<ReferralTable rows={d.courtReferrals.rows} onDrill={onDrill} />}
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="司法确认与协议履行"
          rules={['confirmationsApplied', 'confirmationsGranted', 'agreementsPerformed']}
          empty={conf.applied + conf.granted + conf.dismissed + perf.visits === 0}
          chart={charts.confirmations}
          xlsx="confirmations"
          table={
            <SimpleTable
              label="司法确认与协议履行表"
              rows={[
                {
                  key: 'applied',
                  label: '申请司法确认（件）',
                  value: <CountLink value={conf.applied} drill={{ figure: 'confirmationsApplied' }} onDrill={onDrill} />,
                },
                {
                  key: 'granted',
                  label: '确认有效（件）',
                  value: <CountLink value={conf.granted} drill={{ figure: 'confirmationsGranted' }} onDrill={onDrill} />,
                },
                { key: 'dismissed', label: '驳回申请（件）', value: conf.dismissed },
                {
                  key: 'performed',
                  label: '协议已履行（件）',
                  value: (
                    <CountLink
                      value={perf.performed}
                      drill={{ figure: 'agreementsPerformed', key: 'performance:performed' }}
                      onDrill={onDrill}
                    />
                  ),
                },
                {
                  key: 'partly',
                  label: '部分履行（件）',
                  value: (
                    <CountLink value={perf.partly} drill={{ figure: 'agreementsPerformed', key: 'performance:partly' }} onDrill={onDrill} />
                  ),
                },
                {
                  key: 'not',
                  label: '未履行（件）',
                  value: (
                    <CountLink
                      value={perf.notPerformed}
                      drill={{ figure: 'agreementsPerformed', key: 'performance:not_performed' }}
                      onDrill={onDrill}
                    />
                  ),
                },
                { key: 'visits', label: '回访（次）', value: perf.visits },
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="窗口登记与排队叫号"
          rules={['intake', 'queue']}
          empty={d.intake.total + d.queue.total === 0}
          chart={charts.intake}
          xlsx="intake"
          extra={`窗口登记 ${d.intake.total} 人次；排队取号 ${d.queue.total} 个${d.queue.avgWaitMinutes === null ? '' : `，平均等候 ${d.queue.avgWaitMinutes} 分钟`}`}
          table={
            <SimpleTable
              label="窗口登记与排队表"
              rows={[
                ...d.intake.byStatus.map((s) => ({ key: `i-${s.key}`, label: `登记：${s.label}`, value: s.count })),
                ...d.intake.byChannel.map((s) => ({ key: `c-${s.key}`, label: `登记渠道：${s.label}`, value: s.count })),
                ...d.queue.byStatus.map((s) => ({ key: `q-${s.key}`, label: `排队：${s.label}`, value: s.count })),
              ]}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          {...common}
          title="按调解结果"
          rules={['breakdowns', 'received', 'mediated']}
          empty={d.byOutcome.length === 0}
          chart={breakdownChart(d.byOutcome, 'outcome', { series: [{ name: '受理（登记）', field: 'received', figure: 'received' }] })}
          xlsx="byOutcome"
          table={<BreakdownTable rows={d.byOutcome} first="调解结果" dimension="outcome" onDrill={onDrill} />}
        />
      </Col>
      <Col span={24}>
        <KeyCasesPanel period={period} definitions={d.definitions} onDrill={onDrill} />
      </Col>
    </Row>
  );
}

export function StatsPage() {
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'quarter' });
  const [drill, setDrill] = useState<Drill | null>(null);
  const [rulesOpen, setRulesOpen] = useState(false);
  const { period, error } = periodOf(choice);
  const dashboard = useApiQuery('stats.dashboard', period ?? undefined, { enabled: period !== null });
  const d = period ? dashboard.data : undefined;

  return (
    <>
      <PageHeader
        title="统计考核"
        subtitle={
          d
            ? `${d.centre.name} · ${d.period.label}（${d.period.from} 至 ${d.period.to}）`
            : '本中心各项工作指标，供月度、季度考核与联席会议使用。'
        }
        extra={
          <>
            <Button icon={<ReadOutlined />} onClick={() => setRulesOpen(true)}>
              口径说明
            </Button>
            <ReportButton report="key-cases" label="导出督办清单" period={period} />
            <ReportButton report="quarterly" label="导出季度报告" period={period} />
          </>
        }
      />
      <PeriodPicker value={choice} onChange={setChoice} error={error} />
      <div style={{ marginTop: 16 }}>
        {period ? <ErrorAlert error={dashboard.error} title="统计数据加载失败" /> : null}
        {d ? (
          <>
            {d.notes.map((n) => (
              <Alert key={n} type={d.empty ? 'warning' : 'info'} showIcon title={n} style={{ marginBottom: 12 }} />
            ))}
            <KpiCards d={d} onDrill={setDrill} />
            <Panels d={d} onDrill={setDrill} />
          </>
        ) : period && dashboard.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : !period ? (
          <Typography.Text type="secondary">请选择有效的统计期间。</Typography.Text>
        ) : null}
      </div>
      <CasesDrawer drill={drill} period={period} onClose={() => setDrill(null)} />
      <Drawer open={rulesOpen} onClose={() => setRulesOpen(false)} title="统计口径说明" size={560}>
        <Typography.Paragraph type="secondary">
          统计期间含起止两日；时间按本中心所在地的日期计算；已删除的记录不计入任何指标。
        </Typography.Paragraph>
        <Flex vertical>
          <RulesList definitions={d?.definitions ?? DEFINITIONS} />
        </Flex>
      </Drawer>
    </>
  );
}
