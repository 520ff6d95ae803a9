/**
 * 案件: the desk's home — today's overdue and due-soon cases, one search box (case number, name,
 * phone or ID number), and the filtered, sorted, paged list of all cases.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { CaseRow, ListCasesInput, SearchHit } from '../../../../electron/common/api/cases';
import { categoryLabel } from '../../../../electron/common/domain/categories';
import type { Status } from '../../../../electron/common/domain/lifecycle';
import { sourceLabel } from '../../../../electron/common/domain/sources';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { DeskSummaryCard } from './DeskSummaryCard';
import { categoryOptions, sourceOptions, statusOptions, tierOptions } from './labels';
import { DeadlineTag, StatusTag } from './StatusTag';

type Filters = Omit<ListCasesInput, 'page' | 'pageSize' | 'sort' | 'order'>;

export const caseColumns: TableColumnsType<CaseRow> = [
  {
    title: '案号',
    dataIndex: 'caseNumber',
    key: 'caseNumber',
    sorter: true,
    render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link>,
  },
  { title: '纠纷简述', dataIndex: 'title', ellipsis: true },
  { title: '当事人', dataIndex: 'partyNames', ellipsis: true },
  { title: '类别', dataIndex: 'category', render: (c: string) => categoryLabel(c), width: 110 },
  { title: '来源', dataIndex: 'source', render: (s: string) => sourceLabel(s), width: 120, responsive: ['xl'] },
  { title: '层级', dataIndex: 'tier', render: (t: string) => tierLabel(t), width: 90, responsive: ['xl'] },
  { title: '状态', dataIndex: 'status', render: (s: Status) => <StatusTag status={s} />, width: 100 },
  { title: '调解员', dataIndex: 'mediatorNames', width: 110, ellipsis: true },
  {
    title: '登记日期',
    dataIndex: 'registeredAt',
    key: 'registeredAt',
    sorter: true,
    defaultSortOrder: 'descend',
    render: (t: string) => t.slice(0, 10),
    width: 110,
  },
  {
    title: '化解期限',
    dataIndex: 'deadline',
    key: 'deadline',
    sorter: true,
    render: (_: unknown, r) => <DeadlineTag row={r} />,
    width: 200,
  },
];

export function CaseListPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort: NonNullable<ListCasesInput['sort']>; order: 'asc' | 'desc' }>({
    sort: 'registeredAt',
    order: 'desc',
  });
  const [q, setQ] = useState('');
  const list = useApiQuery('cases.list', { ...filters, ...page, ...sort }, { placeholderData: (prev) => prev });
  const search = useApiQuery('cases.search', { q }, { enabled: q.trim().length > 0 });
  const mediators = useApiQuery('mediators.list', {});

  const onFilters = (values: {
    status?: Status[];
    category?: string[];
    source?: string[];
    tier?: string[];
    mediatorId?: string;
    overdue?: boolean;
    range?: [Dayjs, Dayjs] | null;
  }) => {
    const f: Filters = {};
    if (values.status?.length) f.status = values.status;
    if (values.category?.length) f.category = values.category as Filters['category'];
    if (values.source?.length) f.source = values.source as Filters['source'];
    if (values.tier?.length) f.tier = values.tier as Filters['tier'];
    if (values.mediatorId) f.mediatorId = values.mediatorId;
    if (values.overdue) f.overdue = true;
    if (values.range) {
      f.registeredFrom = values.range[0].format('YYYY-MM-DD');
      f.registeredTo = values.range[1].format('YYYY-MM-DD');
    }
    setFilters(f);
    setPage((p) => ({ ...p, page: 1 }));
  };

  const hitColumns: TableColumnsType<SearchHit> = [
    { title: '案号', dataIndex: 'caseNumber', render: (n: string, r) => <Link to={`/cases/${r.id}`}>{n}</Link> },
    { title: '纠纷简述', dataIndex: 'title', ellipsis: true },
    {
      title: '匹配',
      key: 'match',
      render: (_: unknown, r) =>
        r.matchedParty ??
        { caseNumber: '案号', courtReference: '法院案号', title: '简述', name: '姓名', phone: '电话', idNumber: '证件号码' }[r.matchedOn],
    },
    { title: '状态', dataIndex: 'status', render: (s: Status) => <StatusTag status={s} /> },
    { title: '登记日期', dataIndex: 'registeredAt', render: (t: string) => t.slice(0, 10) },
  ];

  return (
    <>
      <PageHeader
        title="案件"
        subtitle="本中心的全部纠纷案件：按期限督促，按条件查找。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
            登记案件
          </Button>
        }
      />
      <DeskSummaryCard />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="case-search"
          placeholder="输入案号、当事人姓名（可只输姓氏）、电话或证件号码"
          allowClear
          enterButton="搜索"
          size="large"
          maxLength={50}
          onSearch={(v) => setQ(v.trim())}
        />
        {q ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={search.error} />
            <Table<SearchHit>
              data-testid="search-results"
              rowKey="id"
              size="small"
              loading={search.isFetching}
              columns={hitColumns}
              dataSource={search.data ?? []}
              pagination={false}
              locale={{ emptyText: `没有找到与“${q}”相符的案件` }}
              onRow={(r) => ({ onDoubleClick: () => void navigate(`/cases/${r.id}`) })}
            />
          </div>
        ) : null}
      </Card>
      <Card size="small" title="案件列表">
        <Form
          layout="inline"
          onValuesChange={(_c, all: Parameters<typeof onFilters>[0]) => onFilters(all)}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="status" label="状态">
            <Select mode="multiple" allowClear options={statusOptions} style={{ minWidth: 140 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="category" label="类别">
            <Select mode="multiple" allowClear options={categoryOptions} style={{ minWidth: 140 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="source" label="来源">
            <Select mode="multiple" allowClear options={sourceOptions} style={{ minWidth: 140 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="tier" label="层级">
            <Select mode="multiple" allowClear options={tierOptions} style={{ minWidth: 110 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="mediatorId" label="调解员">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={(mediators.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              style={{ minWidth: 120 }}
              placeholder="全部"
            />
          </Form.Item>
          <Form.Item name="range" label="登记日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox>只看逾期</Checkbox>
          </Form.Item>
        </Form>
        <ErrorAlert error={list.error} />
        <Table<CaseRow>
          data-testid="case-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={caseColumns}
          dataSource={list.data?.rows ?? []}
          onChange={(p, _f, sorter) => {
            setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (s?.order && s.columnKey)
              setSort({ sort: s.columnKey as 'registeredAt' | 'deadline' | 'caseNumber', order: s.order === 'ascend' ? 'asc' : 'desc' });
            else setSort({ sort: 'registeredAt', order: 'desc' });
          }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
          }}
          locale={{ emptyText: '没有符合条件的案件' }}
        />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        搜索结果中的证件号码和电话已隐去部分数字；完整信息请打开案件查看。
      </Typography.Paragraph>
    </>
  );
}
