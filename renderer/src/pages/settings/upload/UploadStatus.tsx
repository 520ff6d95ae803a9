/** How the uploads went: the last run, what waits, the check against the district's counts, the refused records with 重新上传. */
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { recordKindLabel, type RejectionView, type UploadRunView } from '../../../../../electron/common/api/upload';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage, isApiError } from '../../../components/apiErrors';
import { useApiMutation } from '../../../components/useApiMutation';
import { callOp, useApiQuery } from '../../../components/useApiQuery';
import { dateTimeSeconds } from '../../../components/dates';
import { TRIGGERS } from './labels';

function ResultTag({ run, running }: { run: UploadRunView; running: boolean }) {
  if (run.result === 'ok') return <Tag color="success">成功</Tag>;
  if (run.result === 'partial') return <Tag color="warning">部分完成</Tag>;
  if (run.result === 'failed') return <Tag color="error">失败</Tag>;
  return running ? <Tag color="processing">进行中</Tag> : <Tag>未完成（程序中断）</Tag>;
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
          区平台现存本中心记录 {total} 条，与本机已上传数一致（{dateTimeSeconds(r.checkedAt)}）
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

export function UploadStatus() {
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
    { title: '时间', dataIndex: 'at', width: 170, render: (t: string) => dateTimeSeconds(t) },
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
                    <span>{dateTimeSeconds(last.startedAt)}</span>
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
                children: s.nextRunAt ? dateTimeSeconds(s.nextRunAt) : s.configured ? '—' : '未设置区平台地址和令牌，不会自动上传',
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
