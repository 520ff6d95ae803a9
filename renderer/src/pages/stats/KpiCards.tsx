/** The six headline figures (受理, 调解, 成功, 成功率, 涉及金额, 逾期) and the review's other counts; each opens its cases. */
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import type { Dashboard } from '../../../../electron/common/api/stats';
import { formatYuan } from '../../../../electron/common/domain/money';
import { definitionOf, formatRate, type FigureKey } from '../../../../electron/common/stats/definitions';
import type { Drill } from './charts';

interface Kpi {
  key: string;
  title: string;
  rule: FigureKey;
  value: string;
  suffix?: string;
  drill: Drill | null;
  color?: string;
  /** The exact value, when the card rounds it. */
  exact?: string;
}

/** Large sums in 万元 (two decimals) so the card stays one line; the exact yuan in the tooltip. */
function amount(fen: number): { value: string; suffix: string; exact: string } {
  const exact = `${formatYuan(fen)} 元`;
  return fen >= 1_000_000
    ? { value: (fen / 1_000_000).toFixed(2), suffix: '万元', exact }
    : { value: formatYuan(fen), suffix: '元', exact };
}

function KpiCard({ k, onDrill, small }: { k: Kpi; onDrill: (d: Drill) => void; small?: boolean }) {
  const clickable = k.drill !== null;
  const card = (
    <Card
      size="small"
      hoverable={clickable}
      onClick={clickable ? () => onDrill(k.drill!) : undefined}
      role={clickable ? 'button' : undefined}
      aria-label={`${k.title} ${k.exact ?? `${k.value}${k.suffix ?? ''}`}`}
      data-testid={`kpi-${k.key}`}
      style={{ height: '100%' }}
    >
      <Statistic
        title={
          <Tooltip title={definitionOf(k.rule).rule}>
            <span>{k.title}</span>
          </Tooltip>
        }
        value={k.value}
        suffix={k.suffix}
        styles={{ content: { fontSize: small ? 20 : 28, color: k.color } }}
      />
    </Card>
  );
  return k.exact ? <Tooltip title={k.exact}>{card}</Tooltip> : card;
}

export function KpiCards({ d, onDrill }: { d: Dashboard; onDrill: (d: Drill) => void }) {
  const k = d.kpi;
  const main: Kpi[] = [
    { key: 'received', title: '受理', rule: 'received', value: String(k.received), suffix: '件', drill: { figure: 'received' } },
    { key: 'mediated', title: '调解', rule: 'mediated', value: String(k.mediated), suffix: '件', drill: { figure: 'mediated' } },
    {
      key: 'successful',
      title: '成功',
      rule: 'successful',
      value: String(k.successful),
      suffix: '件',
      drill: { figure: 'successful' },
      color: '#2e7d32',
    },
    {
      key: 'successRate',
      title: '成功率',
      rule: 'successRate',
      value: formatRate(k.successRate),
      drill: k.mediated > 0 ? { figure: 'mediated' } : null,
    },
    { key: 'amount', title: '涉及金额', rule: 'amountInvolved', ...amount(k.amountFen), drill: { figure: 'successful' } },
    {
      key: 'overdue',
      title: '逾期',
      rule: 'overdue',
      value: String(k.overdue),
      suffix: '件',
      drill: { figure: 'overdue' },
      color: k.overdue > 0 ? '#c62828' : undefined,
    },
  ];
  const more: Kpi[] = [
    { key: 'accepted', title: '受理调解', rule: 'accepted', value: String(k.accepted), suffix: '件', drill: { figure: 'accepted' } },
    {
      key: 'atTier',
      title: '就地化解率',
      rule: 'resolvedAtTier',
      value: formatRate(d.resolvedAtTier.share),
      drill: { figure: 'resolvedAtTier' },
    },
    {
      key: 'criminal',
      title: '防止民转刑',
      rule: 'preventedCriminal',
      value: `${k.preventedCriminalCases}件 ${k.preventedCriminalPeople}人`,
      drill: { figure: 'preventedCriminal' },
    },
    {
      key: 'petition',
      title: '防止群体性上访',
      rule: 'preventedPetition',
      value: `${k.preventedPetitionCases}件 ${k.preventedPetitionPeople}人`,
      drill: { figure: 'preventedPetition' },
    },
    {
      key: 'confirmed',
      title: '司法确认（申请/有效）',
      rule: 'confirmationsGranted',
      value: `${d.confirmations.applied} / ${d.confirmations.granted}`,
      drill: { figure: 'confirmationsGranted' },
    },
    {
      key: 'performed',
      title: '协议已履行',
      rule: 'agreementsPerformed',
      value: String(d.agreementsPerformed.performed),
      suffix: '件',
      drill: { figure: 'agreementsPerformed' },
    },
  ];
  const span = { xs: 12, md: 8, xl: 4 };
  return (
    <section aria-label="主要指标">
      <Row gutter={[12, 12]}>
        {main.map((x) => (
          <Col key={x.key} {...span}>
            <KpiCard k={x} onDrill={onDrill} />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        {more.map((x) => (
          <Col key={x.key} {...span}>
            <KpiCard k={x} onDrill={onDrill} small />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
        点击任一指标、图中柱形或表中数字，可查看其对应的案件。
      </Typography.Text>
    </section>
  );
}
