/**
 * 设置 › 节假日安排 (administrators): the holiday schedules every time limit is counted on. The
 * built-in years come from the chinese-days package; when the State Council publishes next year's
 * schedule (November or December) the admin enters it here or imports an .ics file, and may
 * correct a year. Saving recomputes the open cases' deadlines, each recorded on the case.
 */
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ORIGIN_LABELS, type CalendarChange, type CalendarYearView } from '../../../../electron/common/api/calendar';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';

interface EditorValues {
  year: number;
  source: string;
  holidays: string;
  workdays: string;
}

const LINE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:~|～|至|-{2})\s*(\d{4}-\d{2}-\d{2}))?\s+(\S.*)$/;

/** "2027-02-05~2027-02-11 春节" or "2027-02-14 春节", one a line → date → festival. Problems as Chinese lines. */
export function parseScheduleLines(text: string): { days: Record<string, string>; problems: string[] } {
  const days: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = LINE.exec(line);
    if (!m) {
      problems.push(`第 ${i + 1} 行格式不对：“${line}”，应为“2027-01-01 元旦”或“2027-02-05~2027-02-11 春节”`);
      return;
    }
    const [, first, last = first, name] = m as unknown as [string, string, string | undefined, string];
    let d = dayjs(first);
    const end = dayjs(last);
    if (!d.isValid() || !end.isValid() || end.isBefore(d) || end.diff(d, 'day') > 40) {
      problems.push(`第 ${i + 1} 行日期无效：“${line}”`);
      return;
    }
    while (!d.isAfter(end)) {
      days[d.format('YYYY-MM-DD')] = name.trim();
      d = d.add(1, 'day');
    }
  });
  return { days, problems };
}

/** Back to lines for correcting a year: consecutive days of one festival become a range. */
function toLines(days: Record<string, string>): string {
  const dates = Object.keys(days).sort();
  const lines: string[] = [];
  let i = 0;
  while (i < dates.length) {
    const start = dates[i]!;
    let end = start;
    while (i + 1 < dates.length && days[dates[i + 1]!] === days[start] && dayjs(dates[i + 1]).diff(dayjs(end), 'day') === 1)
      end = dates[++i]!;
    lines.push(start === end ? `${start} ${days[start]}` : `${start}~${end} ${days[start]}`);
    i++;
  }
  return lines.join('\n');
}

function ChangeSummary({ change }: { change: CalendarChange }) {
  if (change.recomputed.length === 0) return <Typography.Paragraph>没有在办案件的期限因此改变。</Typography.Paragraph>;
  return (
    <List
      size="small"
      data-testid="recomputed"
      header={`已重新计算 ${change.recomputed.length} 个期限（均已记入案件办理记录）：`}
      dataSource={change.recomputed}
      renderItem={(r) => (
        <List.Item>
          {r.caseNumber}　{r.kind === 'deadline' ? '办理期限' : '回访日期'} {r.from ?? '未设定'} → {r.to}
          {r.reason ? `（${r.reason}）` : ''}
        </List.Item>
      )}
    />
  );
}

export function HolidayCalendarPage() {
  const { modal, message } = App.useApp();
  const info = useApiQuery('calendar.get', undefined, { staleTime: 0 });
  const [form] = Form.useForm<EditorValues>();
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const invalidates = [
    'calendar.get',
    'cases.desk',
    'cases.list',
    'cases.get',
    'court.referrals',
    'court.referral',
    'supervision.list',
  ] as const;
  const done = (title: string) => (change: CalendarChange) => {
    setEditing(null);
    modal.success({ title, content: <ChangeSummary change={change} />, okText: '知道了', width: 560 });
  };
  const save = useApiMutation('calendar.saveYear', { invalidates, showError: 'inline', onSuccess: done('节假日安排已保存') });
  const importIcs = useApiMutation('calendar.importIcs', {
    invalidates,
    onSuccess: (c) => done(`已导入 ${c.years.join('、')} 年节假日安排`)(c),
  });
  const remove = useApiMutation('calendar.removeYear', { invalidates, onSuccess: done('已删除本中心的安排') });
  const recompute = useApiMutation('calendar.recompute', { invalidates, onSuccess: done('已按当前节假日安排重新计算') });

  const open = (y: CalendarYearView | null) => {
    const full = y ? info.data?.years.find((x) => x.year === y.year) : undefined;
    save.reset();
    form.setFieldsValue(
      full
        ? { year: full.year, source: full.source, holidays: toLines(full.holidays), workdays: toLines(full.workdays) }
        : { year: dayjs().year() + 1, source: '', holidays: '', workdays: '' },
    );
    setEditing(y ? y.year : 'new');
  };

  const submit = (v: EditorValues) => {
    const h = parseScheduleLines(v.holidays);
    const w = parseScheduleLines(v.workdays);
    const problems = [...h.problems.map((p) => `放假日期${p}`), ...w.problems.map((p) => `调休上班日期${p}`)];
    if (problems.length) {
      form.setFields([{ name: h.problems.length ? 'holidays' : 'workdays', errors: problems.slice(0, 3) }]);
      return;
    }
    save.mutate({ year: v.year, source: v.source, holidays: h.days, workdays: w.days });
  };

  const columns: TableColumnsType<CalendarYearView> = [
    { title: '年份', dataIndex: 'year', width: 80 },
    {
      title: '来源',
      key: 'source',
      render: (_: unknown, y) => (
        <>
          <Tag color={y.origin === 'builtin' ? 'default' : 'blue'}>{ORIGIN_LABELS[y.origin]}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {y.source}
          </Typography.Text>
        </>
      ),
    },
    { title: '节日', key: 'festivals', render: (_: unknown, y) => y.festivals.join('、'), width: 260 },
    { title: '放假', dataIndex: 'restDays', width: 70, render: (n: number) => `${n} 天` },
    { title: '调休上班', dataIndex: 'workingWeekends', width: 90, render: (n: number) => `${n} 天` },
    {
      title: '更新',
      key: 'updated',
      width: 170,
      render: (_: unknown, y) => (y.updatedAt ? `${y.updatedBy ?? ''} ${y.updatedAt.slice(0, 10)}` : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_: unknown, y) => (
        <Space>
          <Button size="small" onClick={() => open(y)}>
            更正
          </Button>
          {y.origin !== 'builtin' ? (
            <Popconfirm
              title={`删除本中心录入的 ${y.year} 年安排？`}
              description={
                y.origin === 'corrected'
                  ? '将恢复使用内置安排，并重新计算在办案件的期限。'
                  : '该年将只按周末计算，并重新计算在办案件的期限。'
              }
              okText="删除"
              cancelText="取消"
              onConfirm={() => remove.mutate({ year: y.year })}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="节假日安排"
        subtitle="所有期限按《民事诉讼法》第八十五条计算：期间开始的当日不计入；期间届满的最后一日是法定节假日或周末的，顺延至其后第一个工作日；调休上班的周末算工作日。"
      />
      <ErrorAlert error={info.error} title="节假日安排加载失败" />
      {info.data?.warning ? (
        <Alert type="warning" showIcon data-testid="calendar-warning" title={info.data.warning} style={{ marginBottom: 16 }} />
      ) : null}
      <Flex gap={8} style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => open(null)}>
          录入一年的安排
        </Button>
        <Upload
          accept=".ics,text/calendar"
          showUploadList={false}
          beforeUpload={(file) => {
            void file.text().then(
              (text) => importIcs.mutate({ fileName: file.name, text }),
              () => void message.error('读取文件失败'),
            );
            return false;
          }}
        >
          <Button loading={importIcs.isPending}>导入 .ics 日历文件</Button>
        </Upload>
        <Button loading={recompute.isPending} onClick={() => recompute.mutate({})}>
          按当前安排重新计算期限
        </Button>
      </Flex>
      <Table<CalendarYearView>
        scroll={{ x: 'max-content' }}
        rowKey="year"
        size="small"
        loading={info.isLoading}
        columns={columns}
        dataSource={[...(info.data?.views ?? [])].reverse()}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        data-testid="calendar-years"
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '录入一年的节假日安排' : `更正 ${String(editing)} 年节假日安排`}
        okText="保存并重新计算期限"
        cancelText="取消"
        width={640}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() =>
          form
            .validateFields()
            .then(submit)
            .catch(() => undefined)
        }
        destroyOnHidden
      >
        <ErrorAlert error={save.error} />
        <Form<EditorValues> form={form} layout="vertical" name="calendar-year">
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={editing !== 'new'} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="source"
            label="来源"
            rules={[{ required: true, whitespace: true, message: '请写明来源（如国务院办公厅通知的文号）' }]}
          >
            <Input placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕×号）" />
          </Form.Item>
          <Form.Item
            name="holidays"
            label="放假日期"
            extra="每行一段：“2027-01-01 元旦”，或连续几天“2027-02-05~2027-02-11 春节”。"
            rules={[{ required: true, whitespace: true, message: '请填写放假日期' }]}
          >
            <Input.TextArea rows={8} />
          </Form.Item>
          <Form.Item name="workdays" label="调休上班日期（周末上班）" extra="每行一天：“2027-02-13 春节”。没有可不填。">
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
