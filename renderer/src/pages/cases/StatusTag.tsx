import { Tag } from 'antd';
import type { CaseRow } from '../../../../electron/common/api/cases';
import { DEADLINE_STATE_LABELS } from '../../../../electron/common/domain/deadlines';
import { statusLabel, type Status } from '../../../../electron/common/domain/lifecycle';
import { DEADLINE_COLORS, STATUS_COLORS } from './labels';

export function StatusTag({ status }: { status: Status }) {
  return <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>;
}

/** "剩 3 天" / "逾期 2 天", coloured by urgency; nothing for closed cases. */
export function DeadlineTag({ row }: { row: Pick<CaseRow, 'deadline' | 'deadlineState' | 'daysLeft'> }) {
  if (!row.deadline || row.deadlineState === 'none' || row.daysLeft === null) return row.deadline ? <span>{row.deadline}</span> : <span>—</span>;
  const text = row.daysLeft < 0 ? `逾期 ${-row.daysLeft} 天` : row.daysLeft === 0 ? '今天到期' : `剩 ${row.daysLeft} 天`;
  return (
    <span>
      {row.deadline} <Tag color={DEADLINE_COLORS[row.deadlineState]} title={DEADLINE_STATE_LABELS[row.deadlineState]}>{text}</Tag>
    </span>
  );
}
