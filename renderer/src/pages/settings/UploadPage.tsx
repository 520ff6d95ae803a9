/**
 * 设置 › 区级上传 (administrators): where the district server is, the centre's token (entered
 * once, afterwards only shown masked), the night window, a connection test, 立即上传 with a
 * progress bar, and how the uploads went — the last run, what is still waiting, the check against
 * the district's counts, and the records the district refused, each with 重新上传.
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Progress,
  Space,
  Table,
  Tag,
  TimePicker,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import {
  recordKindLabel,
  serverUrlField,
  tokenField,
  type RejectionView,
  type UploadRunView,
  type UploadSettingsView,
} from '../../../../electron/common/api/upload';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage, isApiError } from '../../components/apiErrors';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { apiQueryKey, callOp, useApiQuery } from '../../components/useApiQuery';
import { zodRule } from '../../components/zodRule';

interface Values {
  serverUrl: string;
  token?: string;
  windowStart: Dayjs;
  windowEnd: Dayjs;
}

const TRIGGERS: Record<string, string> = { schedule: '夜间自动上传', 'catch-up': '开机补传', manual: '立即上传', cli: '命令行上传' };

const time = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

function ResultTag({ run, running }: { run: UploadRunView; running: boolean }) {
  if (run.result === 'ok') return <Tag color="success">成功</Tag>;
  if (run.result === 'partial') return <Tag color="warning">部分完成</Tag>;
  if (run.result === 'failed') return <Tag color="error">失败</Tag>;
  return running ? <Tag color="processing">进行中</Tag> : <Tag>未完成（程序中断）</Tag>;
}

function ConnectionForm({ settings }: { settings: UploadSettingsView }) {
  const [form] = Form.useForm<Values>();
  const [changingToken, setChangingToken] = useState(!settings.tokenSet);
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const save = useApiMutation('upload.settings.save', {
    form,
    invalidates: ['upload.settings.get', 'upload.status'],
    success: '区级上传设置已保存',
    // The page then shows the form again from the saved settings: the token only masked.
  });
  const testing = useApiMutation('upload.testConnection', {
    showError: 'inline',
    onSuccess: (r) => setTest(r),
    onError: (e) => setTest({ ok: false, message: errorMessage(e) }),
  });

  const runTest = async () => {
    setTest(null);
    const serverUrl = (form.getFieldValue('serverUrl') as string | undefined)?.trim();
    const token = changingToken ? (form.getFieldValue('token') as string | undefined)?.trim() : undefined;
    try {
      await form.validateFields(['serverUrl', ...(token ? ['token'] : [])]);
    } catch {
      return;
    }
    testing.mutate({ ...(serverUrl ? { serverUrl } : {}), ...(token ? { token } : {}) });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="区级上传设置"
      style={{ maxWidth: 640 }}
      initialValues={{
        serverUrl: settings.serverUrl ?? '',
        token: '',
        windowStart: dayjs(settings.windowStart, 'HH:mm'),
        windowEnd: dayjs(settings.windowEnd, 'HH:mm'),
      }}
      onFinish={(v) =>
        save.mutate({
          serverUrl: v.serverUrl.trim(),
          ...(changingToken && v.token?.trim() ? { token: v.token.trim() } : {}),
          windowStart: v.windowStart.format('HH:mm'),
          windowEnd: v.windowEnd.format('HH:mm'),
        })
      }
    >
      <Form.Item
        name="serverUrl"
        label="区平台地址"
        extra="区诉源治理平台提供的接口地址，须以 https:// 开头（本机测试地址 127.0.0.1 除外）。"
        rules={[zodRule(serverUrlField)]}
      >
        <Input placeholder="https://district.example.cn" autoComplete="off" spellCheck={false} />
      </Form.Item>

      {changingToken ? (
        <Form.Item
          name="token"
          label="区平台令牌"
          extra="区平台下发给本中心的令牌。保存后不再完整显示，也不会写入日志或上传。"
          rules={[...(settings.tokenSet ? [] : [{ required: true, whitespace: true, message: '请填写区平台令牌' }]), zodRule(tokenField)]}
        >
          <Input.Password
            placeholder={settings.tokenSet ? '输入新令牌；留空则保留原令牌' : '粘贴区平台下发的令牌'}
            autoComplete="new-password"
            spellCheck={false}
          />
        </Form.Item>
      ) : (
        <Form.Item label="区平台令牌" extra="令牌已加密保存，只显示首尾几位。">
          <Space>
            <Typography.Text data-testid="token-masked">已设置：{settings.tokenMasked}</Typography.Text>
            <Button onClick={() => setChangingToken(true)}>更换</Button>
          </Space>
        </Form.Item>
      )}
      {changingToken && settings.tokenSet ? (
        <Button
          type="link"
          style={{ marginTop: -16, marginBottom: 8, paddingInline: 0 }}
          onClick={() => (form.setFieldValue('token', ''), setChangingToken(false))}
        >
          不更换，保留原令牌
        </Button>
      ) : null}

      <Form.Item
        label="每晚上传时段"
        extra="每晚在这个时段内随机选一个时刻自动上传，避免全区各中心同时上传；可跨午夜，例如 23:00 至 05:00。电脑在时段内关机的，下次开机后几分钟内补传。"
      >
        <Space align="start">
          <Form.Item name="windowStart" noStyle rules={[{ required: true, message: '请选择开始时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label="开始时间" />
          </Form.Item>
          <Typography.Text style={{ lineHeight: '32px' }}>至</Typography.Text>
          <Form.Item
            name="windowEnd"
            noStyle
            dependencies={['windowStart']}
            rules={[
              { required: true, message: '请选择结束时间' },
              ({ getFieldValue }) => ({
                validator: async (_r, v: Dayjs | undefined) => {
                  const start = getFieldValue('windowStart') as Dayjs | undefined;
                  if (v && start && v.format('HH:mm') === start.format('HH:mm')) throw new Error('结束时间不能与开始时间相同');
                },
              }),
            ]}
          >
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} aria-label="结束时间" />
          </Form.Item>
        </Space>
      </Form.Item>

      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存设置
        </Button>
        <Button loading={testing.isPending} onClick={() => void runTest()}>
          测试连接
        </Button>
      </Space>
      {test ? (
        <Alert
          data-testid="connection-result"
          style={{ marginTop: 16 }}
          type={test.ok ? 'success' : 'error'}
          showIcon
          title={test.ok ? '连接成功' : '连接失败'}
          description={test.message}
        />
      ) : null}
    </Form>
  );
}

function UploadNow({ configured }: { configured: boolean }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState(false);
  const progress = useApiQuery('upload.progress', undefined, {
    // Every second while an upload runs; now and then otherwise, to notice one the scheduler started.
    refetchInterval: (q) => (q.state.data?.running || q.state.data?.elsewhere ? 1000 : 15_000),
  });
  const p = progress.data;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (!p) return;
    // A run started or ended (here or by the scheduler): the status below shows what it did.
    const now = `${String(p.running)}|${p.last?.runId ?? ''}`;
    if (seen.current !== null && seen.current !== now) void queryClient.invalidateQueries({ queryKey: ['upload.status'] });
    seen.current = now;
  }, [p, queryClient]);

  const run = useApiMutation('upload.runNow', {
    onSuccess: async () => {
      setStarted(true);
      void message.info('已开始上传');
      await queryClient.invalidateQueries({ queryKey: apiQueryKey('upload.progress') });
      await queryClient.invalidateQueries({ queryKey: ['upload.status'] });
    },
  });

  const running = p?.running ?? false;
  return (
    <Card title="立即上传" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">不必等到夜间，马上把待上传的记录发给区平台。上传在后台进行，可以离开本页。</Typography.Text>
        <Space>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            loading={run.isPending}
            disabled={running || !configured}
            onClick={() => run.mutate(undefined)}
          >
            立即上传
          </Button>
          {!configured ? <Typography.Text type="warning">请先填写并保存区平台地址和令牌。</Typography.Text> : null}
        </Space>
        {p?.elsewhere ? <Alert type="info" showIcon title="另一个上传正在进行（命令行或其他电脑），完成后本页会更新。" /> : null}
        {running ? (
          <div data-testid="upload-progress">
            <Progress percent={p?.percent ?? 0} status="active" />
            <Typography.Text type="secondary">
              {p?.phase === 'reconcile'
                ? '正在与区平台核对数量…'
                : `已处理 ${p?.done ?? 0} / ${p?.total ?? 0} 条（区平台新收 ${p?.accepted ?? 0} 条，重复 ${p?.duplicates ?? 0} 条，被拒 ${p?.rejected ?? 0} 条）`}
            </Typography.Text>
          </div>
        ) : null}
        {!running && started && p?.last ? (
          <Alert
            data-testid="upload-result"
            type={p.last.result === 'ok' ? 'success' : p.last.result === 'partial' ? 'warning' : 'error'}
            showIcon
            title={p.last.result === 'ok' ? '上传完成' : p.last.result === 'partial' ? '上传未全部完成' : '上传失败'}
            // The message starts with the same words as the title.
            description={p.last.message.replace(/^(上传完成|上传未全部完成|上传失败)：?/, '')}
          />
        ) : null}
      </Space>
    </Card>
  );
}

function Reconciliation({ run }: { run: UploadRunView }) {
  const r = run.reconciliation;
  if (!r) return <Typography.Text type="secondary">未核对</Typography.Text>;
  if (r.error !== undefined) return <Typography.Text type="warning">未能核对：{r.error}</Typography.Text>;
  if (r.ok) {
    const total = Object.values(r.server ?? {}).reduce((a, n) => a + n, 0);
    return (
      <Space>
        <Tag color="success">一致</Tag>
        <Typography.Text>
          区平台现存本中心记录 {total} 条，与本机已上传数一致（{time(r.checkedAt)}）
        </Typography.Text>
      </Space>
    );
  }
  return (
    <Space direction="vertical" size={2}>
      <Tag color="error">不一致</Tag>
      {r.differences.map((d) => (
        <Typography.Text key={d.kind}>
          {recordKindLabel(d.kind)}：本机已上传 {d.local} 条，区平台 {d.server} 条
        </Typography.Text>
      ))}
    </Space>
  );
}

function Status() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const status = useApiQuery('upload.status');
  const progress = useApiQuery('upload.progress');
  const resend = useApiMutation('upload.resend', { invalidates: ['upload.status'] });
  const s = status.data;
  const running = progress.data?.running ?? false;

  const resendOne = async (r: RejectionView) => {
    try {
      await resend.mutateAsync({ kind: r.kind as never, recordId: r.recordId });
    } catch {
      return;
    }
    // 重新上传 means now: start an upload, unless one is already on its way (it takes the record too).
    try {
      await callOp('upload.runNow', undefined);
      void message.success('已重新排入上传，并开始上传');
    } catch (e) {
      if (isApiError(e, 'BUSY')) void message.info('已重新排入上传：正在进行的上传或下一次上传会发送它');
      else void message.warning(`已重新排入上传，但未能立即开始：${errorMessage(e)}`);
    }
    await queryClient.invalidateQueries({ queryKey: ['upload.progress'] });
    await queryClient.invalidateQueries({ queryKey: ['upload.status'] });
  };

  const columns: TableColumnsType<RejectionView> = [
    { title: '类型', dataIndex: 'kindLabel', width: 90 },
    { title: '所属案件', dataIndex: 'caseNumber', width: 220, render: (n: string | null) => n ?? '—' },
    {
      title: '记录编号',
      dataIndex: 'recordId',
      width: 150,
      render: (id: string, r) => <Typography.Text code title={id}>{`${id.slice(0, 8)}… 第${r.version}版`}</Typography.Text>,
    },
    { title: '区平台拒收原因', dataIndex: 'message' },
    { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => time(t) },
    {
      title: '操作',
      key: 'action',
      width: 110,
      render: (_: unknown, r) => (
        <Button type="link" loading={resend.isPending && resend.variables?.recordId === r.recordId} onClick={() => void resendOne(r)}>
          重新上传
        </Button>
      ),
    },
  ];

  const last = s?.lastRun ?? null;
  return (
    <>
      <Card title="上传状态" size="small" style={{ marginBottom: 16 }} data-testid="upload-status">
        <ErrorAlert error={status.error} title="上传状态加载失败" />
        {s ? (
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 180 } }}
            items={[
              {
                key: 'last',
                label: '最近一次上传',
                children: last ? (
                  <Space wrap>
                    <span>{time(last.startedAt)}</span>
                    <Tag>{TRIGGERS[last.trigger] ?? last.trigger}</Tag>
                    <ResultTag run={last} running={running} />
                  </Space>
                ) : (
                  '尚未上传过'
                ),
              },
              ...(last
                ? [
                    {
                      key: 'counts',
                      label: '本次数量',
                      children: (
                        <span data-testid="last-counts">
                          发送 {last.sent} 条，区平台新收 <b data-testid="last-accepted">{last.accepted}</b> 条，重复 {last.duplicates}{' '}
                          条，被拒 {last.rejected} 条
                        </span>
                      ),
                    },
                    { key: 'message', label: '说明', children: last.message ?? '—' },
                    { key: 'reconcile', label: '与区平台核对', children: <Reconciliation run={last} /> },
                  ]
                : []),
              { key: 'pending', label: '待上传记录', children: <span data-testid="pending-count">{s.pending} 条</span> },
              ...(s.inFlightBatches > 0
                ? [
                    {
                      key: 'inflight',
                      label: '待确认批次',
                      children: `${s.inFlightBatches} 批（已发出但区平台尚未确认，下次上传时原样重发）`,
                    },
                  ]
                : []),
              {
                key: 'next',
                label: '下次自动上传',
                children: s.nextRunAt ? time(s.nextRunAt) : s.configured ? '—' : '未设置区平台地址和令牌，不会自动上传',
              },
            ]}
          />
        ) : null}
      </Card>
      <Card title={`被区平台拒收的记录${s && s.rejectionCount > 0 ? `（${s.rejectionCount} 条）` : ''}`} size="small">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          被拒的记录修改后会自动重新上传；如果原因已经排除（例如程序已更新），也可以点“重新上传”。
          {s && s.rejectionCount > s.rejections.length ? `此处列出最近的 ${s.rejections.length} 条。` : ''}
        </Typography.Paragraph>
        <Table<RejectionView>
          scroll={{ x: 'max-content' }}
          rowKey={(r) => `${r.kind}/${r.recordId}`}
          size="small"
          columns={columns}
          dataSource={s?.rejections ?? []}
          loading={status.isPending}
          pagination={false}
          locale={{ emptyText: '没有被拒收的记录' }}
        />
      </Card>
    </>
  );
}

export function UploadPage() {
  const settings = useApiQuery('upload.settings.get');
  const status = useApiQuery('upload.status');
  return (
    <>
      <PageHeader title="区级上传" subtitle="每晚把本中心的案件、当事人、调解记录等上传到区诉源治理平台。用户、密码和设置不会上传。" />
      <ErrorAlert error={settings.error} title="设置加载失败" />
      <Flex gap={16} align="flex-start" wrap>
        <Card title="连接设置" size="small" style={{ flex: '1 1 520px', minWidth: 0 }}>
          {settings.data ? (
            <ConnectionForm key={`${settings.data.serverUrl ?? ''}|${settings.data.tokenMasked ?? ''}`} settings={settings.data} />
          ) : null}
        </Card>
        <div style={{ flex: '2 1 640px', minWidth: 0 }}>
          <UploadNow configured={status.data?.configured ?? false} />
          <Status />
        </div>
      </Flex>
    </>
  );
}
