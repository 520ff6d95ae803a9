/**
 * 窗口登记 › 待审核登记: the registrations made at the kiosk (and by clerks) waiting for review.
 * Accept one into a new case (then open it at #/cases/<id>), merge it with an open case about the
 * same dispute (the repeat check's matches), or reject it with a reason.
 */
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { INTAKE_STATUS_LABELS, type CaseStatusRef, type IntakeRow, type PendingIntake } from '../../../../electron/common/api/intake';
import { maskPhone } from '../../../../electron/common/domain/identity';
import { statusLabel } from '../../../../electron/common/domain/lifecycle';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiMutation } from '../../components/useApiMutation';
import { useApiQuery } from '../../components/useApiQuery';
import { shortDateTime, today } from '../../components/dates';

const REVIEW_REFRESH_MS = 15_000;
const INVALIDATES = ['intake.pending', 'intake.list', 'queue.today', 'cases.list', 'cases.desk'] as const;

const channelTag = (c: IntakeRow['channel']) => (c === 'kiosk' ? <Tag color="blue">自助</Tag> : <Tag>窗口</Tag>);

function Detail({ row }: { row: IntakeRow }) {
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="申请人">{row.name}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{row.phone}</Descriptions.Item>
      <Descriptions.Item label="身份证号码">{row.idNumber ?? '未填'}</Descriptions.Item>
      <Descriptions.Item label="登记编号">{row.registrationNumber}</Descriptions.Item>
      <Descriptions.Item label="对方">{row.otherParty || '未填'}</Descriptions.Item>
      <Descriptions.Item label="对方电话">{row.otherPartyPhone || '未填'}</Descriptions.Item>
      <Descriptions.Item label="纠纷情况" span={2}>
        {/* Text, never markup: whatever was typed or pasted shows as typed. */}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{row.description}</Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

export function ReviewPage() {
  const pending = useApiQuery('intake.pending', {}, { refetchInterval: REVIEW_REFRESH_MS, staleTime: 0 });
  const day = today();
  const [tab, setTab] = useState('pending');
  const todays = useApiQuery('intake.list', { day, pageSize: 200 }, { enabled: tab === 'today', staleTime: 0 });
  const [accepting, setAccepting] = useState<PendingIntake | null>(null);
  const [merging, setMerging] = useState<PendingIntake | null>(null);
  const [rejecting, setRejecting] = useState<PendingIntake | null>(null);
  const [linked, setLinked] = useState<(CaseStatusRef & { how: string; queueCode: string | null }) | null>(null);

  const columns: TableColumnsType<PendingIntake> = [
    { title: '排队号', dataIndex: 'queueCode', width: 90, render: (c: string | null) => <strong>{c ?? '—'}</strong> },
    { title: '登记时间', dataIndex: 'createdAt', width: 120, render: shortDateTime },
    { title: '方式', dataIndex: 'channel', width: 80, render: channelTag },
    { title: '纠纷类别', dataIndex: 'categoryLabel', width: 120 },
    { title: '申请人', dataIndex: 'name', render: (n: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{n}</span> },
    { title: '电话', dataIndex: 'phone', width: 140, render: (p: string) => maskPhone(p) },
    { title: '对方', dataIndex: 'otherParty', render: (n: string) => n || '—' },
    {
      title: '重复纠纷',
      key: 'repeats',
      width: 110,
      render: (_: unknown, r) => (r.repeats.length > 0 ? <Tag color="orange">疑似重复 {r.repeats.length}</Tag> : null),
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button type="link" onClick={() => setAccepting(r)}>
            受理立案
          </Button>
          <Button type="link" disabled={r.repeats.length === 0} onClick={() => setMerging(r)}>
            并案
          </Button>
          <Button type="link" danger onClick={() => setRejecting(r)}>
            不予受理
          </Button>
        </Space>
      ),
    },
  ];

  const todayColumns: TableColumnsType<IntakeRow> = [
    { title: '排队号', dataIndex: 'queueCode', width: 90, render: (c: string | null) => <strong>{c ?? '—'}</strong> },
    { title: '登记时间', dataIndex: 'createdAt', width: 120, render: shortDateTime },
    { title: '方式', dataIndex: 'channel', width: 80, render: channelTag },
    { title: '纠纷类别', dataIndex: 'categoryLabel', width: 120 },
    { title: '申请人', dataIndex: 'name' },
    { title: '状态', dataIndex: 'status', width: 110, render: (s: IntakeRow['status']) => INTAKE_STATUS_LABELS[s] },
    {
      title: '案件',
      key: 'case',
      render: (_: unknown, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> : (r.rejectReason ?? '—')),
    },
    { title: '处理人', dataIndex: 'reviewerName', width: 110, render: (n: string | null) => n ?? '—' },
  ];

  return (
    <>
      <PageHeader title="待审核登记" subtitle="群众自助登记和窗口代为登记的纠纷，审核后受理立案、并入已有案件或不予受理。" />
      {linked ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setLinked(null)}
          style={{ marginBottom: 16 }}
          data-testid="review-linked"
          title={
            <span>
              {linked.queueCode ? `${linked.queueCode} ` : ''}已{linked.how}：案号 {linked.caseNumber}（{statusLabel(linked.status)}）{' '}
              <Link to={`/cases/${linked.id}`}>打开案件</Link>
            </span>
          }
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'pending',
            label: `待审核（${pending.data?.length ?? 0}）`,
            children: (
              <>
                <ErrorAlert error={pending.error} />
                <Table<PendingIntake>
                  scroll={{ x: 'max-content' }}
                  rowKey="id"
                  columns={columns}
                  dataSource={pending.data ?? []}
                  loading={pending.isPending}
                  pagination={false}
                  expandable={{ expandedRowRender: (r) => <Detail row={r} /> }}
                  locale={{ emptyText: '没有待审核的登记' }}
                />
              </>
            ),
          },
          {
            key: 'today',
            label: '今日登记',
            children: (
              <>
                <ErrorAlert error={todays.error} />
                <Table<IntakeRow>
                  scroll={{ x: 'max-content' }}
                  rowKey="id"
                  columns={todayColumns}
                  dataSource={todays.data?.rows ?? []}
                  loading={todays.isFetching}
                  pagination={false}
                  expandable={{ expandedRowRender: (r) => <Detail row={r} /> }}
                />
              </>
            ),
          },
        ]}
      />
      <AcceptModal
        row={accepting}
        onClose={() => setAccepting(null)}
        onDone={(c, r) => setLinked({ ...c, how: '受理立案', queueCode: r.queueCode })}
      />
      <MergeModal
        row={merging}
        onClose={() => setMerging(null)}
        onDone={(c, r) => setLinked({ ...c, how: '并入已有案件', queueCode: r.queueCode })}
      />
      <RejectModal row={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}

function AcceptModal({
  row,
  onClose,
  onDone,
}: {
  row: PendingIntake | null;
  onClose: () => void;
  onDone: (c: CaseStatusRef, r: PendingIntake) => void;
}) {
  const [form] = Form.useForm<{ title?: string }>();
  const accept = useApiMutation('intake.accept', {
    form,
    showError: 'inline',
    invalidates: INVALIDATES,
    success: (c) => `已立案，案号 ${c.caseNumber}`,
    onSuccess: (c) => {
      if (row) onDone(c, row);
      onClose();
    },
  });
  return (
    <Modal
      title={`受理立案${row?.queueCode ? `（${row.queueCode}）` : ''}`}
      open={row !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="受理立案"
      okButtonProps={{ loading: accept.isPending }}
      destroyOnHidden
      afterClose={() => accept.reset()}
      width={720}
    >
      {row ? (
        <Form
          form={form}
          layout="vertical"
          clearOnDestroy
          onFinish={(v) => accept.mutate({ intakeId: row.id, ...(v.title?.trim() ? { title: v.title } : {}) })}
        >
          <ErrorAlert error={accept.error} />
          {row.repeats.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="该群众已有未办结的案件，请确认不是同一纠纷（同一纠纷请用“并案”）"
            />
          ) : null}
          <Detail row={row} />
          <Form.Item
            name="title"
            label="纠纷简述（选填，不填则用纠纷类别）"
            style={{ marginTop: 16 }}
            rules={[{ max: 100, message: '不能超过 100 个字' }]}
          >
            <Input maxLength={100} placeholder={`如：${row.categoryLabel}纠纷`} />
          </Form.Item>
          <Typography.Text type="secondary">
            立案后：来源为“来访”，申请人为登记人{row.otherParty ? '，对方为被申请人' : ''}；小票补打时登记编号改为案号。
          </Typography.Text>
        </Form>
      ) : null}
    </Modal>
  );
}

function MergeModal({
  row,
  onClose,
  onDone,
}: {
  row: PendingIntake | null;
  onClose: () => void;
  onDone: (c: CaseStatusRef, r: PendingIntake) => void;
}) {
  const [caseId, setCaseId] = useState<string | null>(null);
  const merge = useApiMutation('intake.merge', {
    showError: 'inline',
    invalidates: INVALIDATES,
    success: (c) => `已并入案件 ${c.caseNumber}`,
    onSuccess: (c) => {
      if (row) onDone(c, row);
      onClose();
    },
  });
  const chosen = caseId ?? row?.repeats[0]?.caseId ?? null;
  return (
    <Modal
      title="并入已有案件（重复纠纷）"
      open={row !== null}
      onCancel={onClose}
      onOk={() => row && chosen && merge.mutate({ intakeId: row.id, caseId: chosen })}
      okText="并案"
      okButtonProps={{ loading: merge.isPending, disabled: !chosen }}
      destroyOnHidden
      afterClose={() => {
        merge.reset();
        setCaseId(null);
      }}
      width={720}
    >
      <ErrorAlert error={merge.error} />
      <Typography.Paragraph>
        这条登记与下列未办结案件的当事人相同。并案后不再新立案件，群众凭查询码看到的是该案件的进度。
      </Typography.Paragraph>
      <Radio.Group
        value={chosen}
        onChange={(e) => setCaseId(e.target.value as string)}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        {row?.repeats.map((m) => (
          <Radio key={m.caseId} value={m.caseId}>
            {m.caseNumber} {m.title}（{statusLabel(m.status)}）— {m.reason}
          </Radio>
        ))}
      </Radio.Group>
    </Modal>
  );
}

function RejectModal({ row, onClose }: { row: PendingIntake | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reject = useApiMutation('intake.reject', {
    form,
    showError: 'inline',
    invalidates: INVALIDATES,
    success: '已不予受理',
    onSuccess: () => onClose(),
  });
  return (
    <Modal
      title={`不予受理${row?.queueCode ? `（${row.queueCode}）` : ''}`}
      open={row !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="不予受理"
      okButtonProps={{ danger: true, loading: reject.isPending }}
      destroyOnHidden
      afterClose={() => reject.reset()}
    >
      {row ? (
        <Form form={form} layout="vertical" clearOnDestroy onFinish={(v) => reject.mutate({ intakeId: row.id, reason: v.reason })}>
          <ErrorAlert error={reject.error} />
          <Form.Item
            name="reason"
            label="理由"
            rules={[
              { required: true, whitespace: true, message: '请填写不予受理的理由' },
              { max: 500, message: '不能超过 500 个字' },
            ]}
            extra="群众查询时只看到“未予受理，详情请到窗口咨询”，理由不对外显示。"
          >
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：属于劳动仲裁范围，已告知向劳动人事争议仲裁委员会申请" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
