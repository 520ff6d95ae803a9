/**
 * 调解员名册: resident mediators, the court's invited mediators and organisations — the list with
 * filters, add and edit (administrators and court mediators), suspend / remove / restore with date
 * and reason (administrators), and each member's performance record (履职记录).
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { MediatorPerformance } from '../../../../electron/common/api/court';
import {
  MEDIATOR_KIND_LABELS,
  MEDIATOR_KINDS,
  MEDIATOR_STATUS_LABELS,
  MEDIATOR_STATUSES,
  type MediatorKind,
  type MediatorStatus,
  type MediatorView,
} from '../../../../electron/common/api/mediators';
import { useUser } from '../../auth/AuthProvider';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { categoryLabel, categoryOptions } from '../court/format';
import { MediatorModal } from './MediatorModal';
import { StatusModal } from './StatusModal';
import { NewUserModal } from '../settings/NewUserModal';

const STATUS_COLOURS: Record<MediatorStatus, string> = { active: 'success', suspended: 'warning', removed: 'default' };

export function RosterPage() {
  const user = useUser();
  const mayEdit = user.role === 'admin' || user.role === 'court_mediator';
  const [tab, setTab] = useState('list');
  return (
    <>
      <PageHeader title="调解员名册" subtitle="专职人民调解员、法院特邀调解员和特邀调解组织；当事人从名册中选定调解员。" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'list', label: '名册', children: <RosterList mayEdit={mayEdit} mayChangeStatus={user.role === 'admin'} /> },
          ...(user.role === 'intake' ? [] : [{ key: 'performance', label: '履职记录', children: <PerformanceTable /> }]),
        ]}
      />
    </>
  );
}

function Specialties({ codes }: { codes: string[] }) {
  return (
    <Flex wrap gap={4}>
      {codes.length ? codes.map((c) => <Tag key={c}>{categoryLabel(c)}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>}
    </Flex>
  );
}

function RosterList({ mayEdit, mayChangeStatus }: { mayEdit: boolean; mayChangeStatus: boolean }) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<MediatorKind | undefined>();
  const [status, setStatus] = useState<MediatorStatus | undefined>('active');
  const [specialty, setSpecialty] = useState<string | undefined>();
  const [editing, setEditing] = useState<MediatorView | null>(null);
  const [adding, setAdding] = useState(false);
  const [statusOf, setStatusOf] = useState<MediatorView | null>(null);
  const [loginFor, setLoginFor] = useState<MediatorView | null>(null);
  const list = useApiQuery('mediators.list', {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(specialty ? { specialty: specialty as never } : {}),
  });

  const columns: TableColumnsType<MediatorView> = [
    {
      title: '姓名/名称',
      key: 'name',
      render: (_: unknown, m) => (
        <>
          <Typography.Text strong>{m.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {MEDIATOR_KIND_LABELS[m.kind]}
          </Typography.Text>
        </>
      ),
    },
    { title: '所在单位', dataIndex: 'organisation', render: (v: string) => v || '—' },
    { title: '擅长', key: 'specialties', render: (_: unknown, m) => <Specialties codes={m.specialties} /> },
    { title: '联系电话', dataIndex: 'phone', width: 140, render: (v: string) => v || '—' },
    { title: '区域', dataIndex: 'region', width: 100, render: (v: string) => v || '—' },
    { title: '在办', dataIndex: 'openCases', width: 70, render: (n: number) => `${n} 件` },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_: unknown, m) => (
        <>
          <Tag color={STATUS_COLOURS[m.status]}>{MEDIATOR_STATUS_LABELS[m.status]}</Tag>
          {m.status !== 'active' ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {m.statusDate}
              {m.statusReason ? `：${m.statusReason}` : ''}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    ...(mayEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 150,
            render: (_: unknown, m: MediatorView) => (
              <Space size={0}>
                <Button type="link" onClick={() => setEditing(m)}>
                  修改
                </Button>
                {mayChangeStatus ? (
                  <Button type="link" danger={m.status === 'active'} onClick={() => setStatusOf(m)}>
                    {m.status === 'active' ? '暂停/除名' : '变更状态'}
                  </Button>
                ) : null}
                {mayChangeStatus && !m.hasLogin && m.status === 'active' && m.kind !== 'invited_org' ? (
                  <Button type="link" onClick={() => setLoginFor(m)}>
                    创建登录账号
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Flex gap={8} wrap>
          <Input.Search placeholder="姓名或单位" allowClear onSearch={setQ} style={{ width: 200 }} aria-label="搜索调解员" />
          <Select<MediatorKind>
            allowClear
            placeholder="类别"
            value={kind}
            onChange={setKind}
            options={MEDIATOR_KINDS.map((k) => ({ value: k, label: MEDIATOR_KIND_LABELS[k] }))}
            style={{ width: 160 }}
            aria-label="类别"
          />
          <Select<string>
            allowClear
            placeholder="擅长纠纷类型"
            value={specialty}
            onChange={setSpecialty}
            options={categoryOptions}
            style={{ width: 170 }}
            aria-label="擅长纠纷类型"
          />
          <Select<MediatorStatus>
            allowClear
            placeholder="全部状态"
            value={status}
            onChange={setStatus}
            options={MEDIATOR_STATUSES.map((s) => ({ value: s, label: MEDIATOR_STATUS_LABELS[s] }))}
            style={{ width: 120 }}
            aria-label="状态"
          />
        </Flex>
        {mayEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增调解员
          </Button>
        ) : null}
      </Flex>
      <ErrorAlert error={list.error} title="名册加载失败" />
      <Table<MediatorView>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label="调解员名册"
        locale={{
          emptyText: mayEdit
            ? '名册中没有符合条件的调解员：点“新增调解员”添加；新增调解员用户（设置 › 用户管理）也会自动列入名册'
            : '名册中没有符合条件的调解员：请中心管理员添加',
        }}
      />
      <MediatorModal open={adding || !!editing} editing={editing} onClose={() => (setAdding(false), setEditing(null))} />
      <StatusModal mediator={statusOf} onClose={() => setStatusOf(null)} />
      <NewUserModal open={!!loginFor} forMediator={loginFor} onClose={() => setLoginFor(null)} />
    </>
  );
}

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function PerformanceTable() {
  const q = useApiQuery('roster.performance', {});
  const columns: TableColumnsType<MediatorPerformance> = [
    {
      title: '调解员',
      key: 'name',
      fixed: 'left',
      render: (_: unknown, p) => (
        <>
          <Typography.Text strong>{p.name}</Typography.Text>{' '}
          {p.status !== 'active' ? <Tag color={STATUS_COLOURS[p.status]}>{MEDIATOR_STATUS_LABELS[p.status]}</Tag> : null}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
            {MEDIATOR_KIND_LABELS[p.kind]}
            {p.organisation ? ` · ${p.organisation}` : ''}
          </Typography.Text>
        </>
      ),
    },
    { title: '承办', dataIndex: 'taken', width: 70, align: 'right' },
    { title: '达成协议', dataIndex: 'agreements', width: 100, align: 'right' },
    { title: '调解不成', dataIndex: 'failures', width: 100, align: 'right' },
    { title: '撤回', dataIndex: 'withdrawn', width: 70, align: 'right' },
    { title: '成功率', dataIndex: 'successRate', width: 90, align: 'right', render: pct },
    {
      title: '平均用时',
      dataIndex: 'avgDaysToOutcome',
      width: 100,
      align: 'right',
      render: (d: number | null) => (d === null ? '—' : `${d} 天`),
    },
    { title: '在办', dataIndex: 'open', width: 70, align: 'right' },
    {
      title: '超期在办',
      dataIndex: 'overdueOpen',
      width: 100,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
    },
    { title: '司法确认有效', dataIndex: 'confirmationsGranted', width: 130, align: 'right' },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">
        承办：指派或当事人选定的案件（含协助）；平均用时：自受理至调解结果的天数；成功率：达成协议 ÷（达成协议 + 调解不成）。
      </Typography.Paragraph>
      <ErrorAlert error={q.error} title="履职记录加载失败" />
      <Table<MediatorPerformance>
        rowKey="mediatorId"
        columns={columns}
        dataSource={q.data ?? []}
        loading={q.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        aria-label="履职记录"
        scroll={{ x: 1080 }}
      />
    </>
  );
}
