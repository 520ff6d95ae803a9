/**
 * 窗口登记 › 今日排队: today's queue. A mediator calls the next number (or a given one) to this
 * machine's desk, marks it as being served, finished or a no-show; the hall display follows.
 */
import { EditOutlined, SoundOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { QUEUE_STATUS_LABELS, type QueueStatus, type QueueTicketRow } from '../../../../electron/common/api/intake';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { PrinterStatusBar } from './PrinterStatusBar';
import { clockTime } from '../../components/dates';

const QUEUE_REFRESH_MS = 5000;
const STATUS_COLORS: Record<QueueStatus, string> = {
  waiting: 'default',
  called: 'processing',
  serving: 'blue',
  done: 'success',
  no_show: 'warning',
};
const INVALIDATES = ['queue.today', 'queue.display'] as const;

export function QueuePage() {
  const { message } = App.useApp();
  const today = useApiQuery('queue.today', {}, { refetchInterval: QUEUE_REFRESH_MS, staleTime: 0 });
  const [editingDesk, setEditingDesk] = useState<string | null>(null);
  const callNext = useApiMutation('queue.callNext', {
    invalidates: INVALIDATES,
    onSuccess: (t) => void message.success(`已叫号：请 ${t.code} 到 ${t.desk ?? ''}`),
  });
  const callOne = useApiMutation('queue.call', {
    invalidates: INVALIDATES,
    onSuccess: (t) => void message.success(`已叫号：请 ${t.code} 到 ${t.desk ?? ''}`),
  });
  const setStatus = useApiMutation('queue.setStatus', { invalidates: INVALIDATES });
  const setDesk = useApiMutation('queue.setDesk', {
    invalidates: ['queue.today'],
    success: (d) => `本机窗口已设为“${d.desk}”`,
    onSuccess: () => setEditingDesk(null),
  });

  const busy = (id: string) =>
    (setStatus.isPending && setStatus.variables?.ticketId === id) || (callOne.isPending && callOne.variables?.ticketId === id);
  const columns: TableColumnsType<QueueTicketRow> = [
    { title: '排队号', dataIndex: 'code', width: 100, render: (c: string) => <strong style={{ fontSize: 18 }}>{c}</strong> },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      render: (s: QueueStatus) => <Tag color={STATUS_COLORS[s]}>{QUEUE_STATUS_LABELS[s]}</Tag>,
    },
    { title: '取号', dataIndex: 'createdAt', width: 80, render: (t: string) => clockTime(t) },
    { title: '纠纷类别', dataIndex: 'categoryLabel', width: 120, render: (c: string | null) => c ?? '—' },
    { title: '申请人', dataIndex: 'name', render: (n: string | null) => n ?? '—' },
    {
      title: '案件',
      key: 'case',
      render: (_: unknown, t) => (t.caseId ? <Link to={`/cases/${t.caseId}`}>{t.caseNumber}</Link> : '待审核'),
    },
    { title: '窗口', dataIndex: 'desk', width: 120, render: (d: string | null) => d ?? '—' },
    { title: '叫号时间', dataIndex: 'calledAt', width: 110, render: (t: string | null) => clockTime(t) },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_: unknown, t) => (
        <Space size={0} wrap>
          {t.status === 'waiting' || t.status === 'no_show' || t.status === 'called' ? (
            <Button type="link" loading={busy(t.id)} onClick={() => callOne.mutate({ ticketId: t.id })}>
              {t.status === 'called' ? '重呼' : '叫号'}
            </Button>
          ) : null}
          {t.status === 'called' ? (
            <Button type="link" onClick={() => setStatus.mutate({ ticketId: t.id, status: 'serving' })}>
              开始办理
            </Button>
          ) : null}
          {t.status === 'called' || t.status === 'serving' ? (
            <Button type="link" onClick={() => setStatus.mutate({ ticketId: t.id, status: 'done' })}>
              办结
            </Button>
          ) : null}
          {t.status === 'called' ? (
            <Button type="link" danger onClick={() => setStatus.mutate({ ticketId: t.id, status: 'no_show' })}>
              过号
            </Button>
          ) : null}
          {t.status === 'no_show' ? (
            <Button type="link" onClick={() => setStatus.mutate({ ticketId: t.id, status: 'waiting' })}>
              重新排队
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  const q = today.data;
  return (
    <>
      <PageHeader
        title="今日排队"
        subtitle={q ? `${q.day}，大厅叫号屏显示最近叫到的号码和窗口` : undefined}
        extra={
          <Space>
            <Typography.Text>
              本机窗口：<strong data-testid="desk-name">{q?.desk ?? '…'}</strong>
            </Typography.Text>
            <Button icon={<EditOutlined />} onClick={() => setEditingDesk(q?.desk ?? '')}>
              修改
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<SoundOutlined />}
              loading={callNext.isPending}
              disabled={!q || q.counts.waiting === 0}
              onClick={() => callNext.mutate({})}
            >
              叫下一号
            </Button>
          </Space>
        }
      />
      <PrinterStatusBar />
      <ErrorAlert error={today.error} />
      {q ? (
        <Flex gap={48} style={{ marginBottom: 16 }}>
          <Statistic title="等候" value={q.counts.waiting} />
          <Statistic title="已叫号" value={q.counts.called} />
          <Statistic title="办理中" value={q.counts.serving} />
          <Statistic title="已办结" value={q.counts.done} />
          <Statistic title="过号" value={q.counts.no_show} />
        </Flex>
      ) : null}
      <Table<QueueTicketRow>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={q?.tickets ?? []}
        loading={today.isPending}
        pagination={false}
        locale={{ emptyText: '今天还没有人取号' }}
      />
      <Modal
        title="本机窗口名称"
        open={editingDesk !== null}
        onCancel={() => setEditingDesk(null)}
        onOk={() => editingDesk !== null && setDesk.mutate({ desk: editingDesk })}
        okButtonProps={{ loading: setDesk.isPending }}
        okText="保存"
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">叫号时大厅屏幕显示“请 A001 到 …”，这里填本机所在的窗口或调解室。</Typography.Paragraph>
        <Input value={editingDesk ?? ''} maxLength={20} onChange={(e) => setEditingDesk(e.target.value)} placeholder="如：1号调解室" />
      </Modal>
    </>
  );
}
