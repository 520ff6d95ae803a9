/**
 * 本月 / 本季度 / 本年 / 自定义范围. The custom range keeps the two days as chosen (no silent
 * swapping), so an end before the start is shown as an error rather than "corrected".
 */
import { DatePicker, Flex, Form, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { PERIOD_END_BEFORE_START, presetPeriod, type Period, type PresetKind } from '../../../../electron/common/stats/period';

export type PeriodChoice = { kind: PresetKind } | { kind: 'custom'; range: [Dayjs | null, Dayjs | null] };

/** The period a choice stands for, or the Chinese reason it cannot be used. */
export function periodOf(choice: PeriodChoice, today = dayjs()): { period: Period | null; error: string | null } {
  if (choice.kind !== 'custom') return { period: presetPeriod(choice.kind, today.format('YYYY-MM-DD')), error: null };
  const [start, end] = choice.range;
  if (!start || !end) return { period: null, error: '请选择开始日期和结束日期' };
  if (end.isBefore(start, 'day')) return { period: null, error: PERIOD_END_BEFORE_START };
  return { period: { from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') }, error: null };
}

export function PeriodPicker({
  value,
  onChange,
  error,
}: {
  value: PeriodChoice;
  onChange: (c: PeriodChoice) => void;
  error: string | null;
}) {
  const custom = value.kind === 'custom';
  return (
    <Flex gap={16} align="flex-start" wrap>
      <Segmented
        aria-label="统计期间"
        value={value.kind}
        onChange={(k) => {
          if (k === 'custom') {
            const q = periodOf({ kind: 'quarter' }).period!;
            onChange({ kind: 'custom', range: [dayjs(q.from), dayjs(q.to)] });
          } else onChange({ kind: k as PresetKind });
        }}
        options={[
          { value: 'month', label: '本月' },
          { value: 'quarter', label: '本季度' },
          { value: 'year', label: '本年' },
          { value: 'custom', label: '自定义范围' },
        ]}
      />
      {custom ? (
        <Form.Item
          style={{ marginBottom: 0 }}
          validateStatus={error ? 'error' : undefined}
          help={error ?? undefined}
          label="起止日期"
          htmlFor="stats-range-start"
        >
          <DatePicker.RangePicker
            id={{ start: 'stats-range-start', end: 'stats-range-end' }}
            value={value.range}
            order={false}
            allowEmpty={[true, true]}
            format="YYYY-MM-DD"
            placeholder={['开始日期', '结束日期']}
            onChange={(r) => onChange({ kind: 'custom', range: [r?.[0] ?? null, r?.[1] ?? null] })}
            status={error ? 'error' : undefined}
          />
        </Form.Item>
      ) : null}
    </Flex>
  );
}
