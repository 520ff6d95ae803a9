/**
 * The clock of a court referral: how many days of the 委派 30 / 委托 15·7 days are left, red once
 * overdue, stopped once the result was reported. `compact` is for table cells.
 */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Flex, Progress, Tag, Typography } from 'antd';
import type { ReferralView } from '../../../../electron/common/api/court';
import { DueDate } from '../cases/StatusTag';

const RED = '#c62828';
const ORANGE = '#b26a00';
const GREEN = '#2e7d32';

export function clockText(r: Pick<ReferralView, 'clock' | 'daysLeft'> & Partial<Pick<ReferralView, 'workingDaysLeft'>>): string {
  if (r.clock === 'reported') return '已报告结果';
  if (r.clock === 'closed') return '调解已结束，待报告法院';
  if (r.daysLeft === null) return '未起算';
  if (r.daysLeft < 0) return `已超期 ${-r.daysLeft} 天`;
  if (r.daysLeft === 0) return '今天到期';
  return r.workingDaysLeft !== null && r.workingDaysLeft !== undefined
    ? `剩 ${r.daysLeft} 天（${r.workingDaysLeft} 个工作日）`
    : `剩 ${r.daysLeft} 天`;
}

const colourOf = (r: Pick<ReferralView, 'clock'>) =>
  r.clock === 'overdue' ? RED : r.clock === 'near' ? ORANGE : r.clock === 'reported' || r.clock === 'closed' ? undefined : GREEN;

export function ReferralClock({ r, compact = false }: { r: ReferralView; compact?: boolean }) {
  const total = r.timeLimitDays + r.extensionDays;
  const left = r.daysLeft ?? 0;
  const used = Math.min(total, Math.max(0, total - left));
  const colour = colourOf(r);
  if (compact) {
    return (
      <Tag
        data-testid="referral-clock"
        data-clock={r.clock}
        icon={<ClockCircleOutlined />}
        color={
          r.clock === 'overdue'
            ? 'error'
            : r.clock === 'near'
              ? 'warning'
              : r.clock === 'closed'
                ? 'processing'
                : r.clock === 'reported'
                  ? 'default'
                  : 'success'
        }
        style={{ fontSize: 14, padding: '2px 8px' }}
      >
        {clockText(r)}
      </Tag>
    );
  }
  return (
    <Flex data-testid="referral-clock" data-clock={r.clock} align="center" gap={20}>
      <Progress
        type="circle"
        size={96}
        percent={r.clock === 'reported' || r.clock === 'closed' ? 100 : Math.round((used / Math.max(total, 1)) * 100)}
        strokeColor={colour ?? '#8c8c8c'}
        status={r.clock === 'overdue' ? 'exception' : 'normal'}
        format={() => (
          <span style={{ color: colour, fontSize: 15, fontWeight: 600 }}>
            {r.clock === 'reported'
              ? '已报告'
              : r.clock === 'closed'
                ? '已结案'
                : r.daysLeft !== null && r.daysLeft < 0
                  ? `超${-r.daysLeft}天`
                  : `${left}天`}
          </span>
        )}
      />
      <div>
        <Typography.Text strong style={{ fontSize: 18, color: colour }}>
          {clockText(r)}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {r.materialsSignedAt ? `${r.materialsSignedAt} 签收材料，次日起算 ${r.timeLimitDays} 日` : '尚未签收材料'}
          {r.extensionDays > 0 ? `，经双方同意延长 ${r.extensionDays} 日` : ''}
          {r.dueDate ? (
            <>
              ，期限至 <DueDate due={r.dueDate} note={r.dueNote} />
            </>
          ) : null}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
