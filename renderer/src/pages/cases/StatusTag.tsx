import { Tag } from 'antd';
import type { CaseRow } from '../../../../electron/common/api/cases';
import { DEADLINE_STATE_LABELS } from '../../../../electron/common/domain/deadlines';
import { statusLabel, type Status } from '../../../../electron/common/domain/lifecycle';
import { DEADLINE_COLORS, STATUS_COLORS } from './labels';

export function StatusTag({ status }: { status: Status }) {
  return <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>;
}

/** "剩 3 天（2 个工作日）" / "逾期 2 天": the calendar days, and the working days the law counts in. */
export function daysText(daysLeft: number, workingDaysLeft: number | null | undefined): string {
  if (daysLeft < 0) return `逾期 ${-daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return workingDaysLeft !== null && workingDaysLeft !== undefined
    ? `剩 ${daysLeft} 天（${workingDaysLeft} 个工作日）`
    : `剩 ${daysLeft} 天`;
}

/** The date, and how it was reached when a holiday moved it: "2026-10-08（原到期日 10-01 为国庆假期，顺延）". */
export function DueDate({ due, note }: { due: string; note: string | null | undefined }) {
  return (
    <span data-testid="due-date" data-due={due}>
      {due}
      {note ? <span style={{ color: 'rgba(0, 0, 0, 0.66)' }}>（{note}）</span> : null}
    </span>
  );
}

/** The deadline with "剩 3 天" / "逾期 2 天", coloured by urgency; no count for closed cases. */
export function DeadlineTag({
  row,
}: {
  row: Pick<CaseRow, 'deadline' | 'deadlineState' | 'daysLeft'> & Partial<Pick<CaseRow, 'workingDaysLeft' | 'deadlineNote'>>;
}) {
  if (!row.deadline) return <span>—</span>;
  const date = <DueDate due={row.deadline} note={row.deadlineNote} />;
  if (row.deadlineState === 'none' || row.daysLeft === null) return date;
  return (
    <span>
      {date}{' '}
      <Tag color={DEADLINE_COLORS[row.deadlineState]} title={DEADLINE_STATE_LABELS[row.deadlineState]}>
        {daysText(row.daysLeft, row.workingDaysLeft)}
      </Tag>
    </span>
  );
}
