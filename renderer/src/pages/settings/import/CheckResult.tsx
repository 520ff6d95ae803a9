/** Step 3 (and the end) of the guided import: the counts and every row's problems, in the sheet's row numbers. */
import { Alert, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import type { ImportProblemView, ImportResultView } from '../../../../../electron/common/api/imports';
import { FIELD_LABELS } from './MappingStep';

const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f;

const columns: TableColumnsType<ImportProblemView & { key: number }> = [
  { title: '行号', dataIndex: 'row', width: 80, render: (r: number) => `第 ${r} 行` },
  {
    title: '类别',
    dataIndex: 'level',
    width: 90,
    render: (l: ImportProblemView['level']) => (l === 'error' ? <Tag color="red">不导入</Tag> : <Tag color="orange">提醒</Tag>),
  },
  { title: '项目', dataIndex: 'field', width: 110, render: fieldLabel },
  { title: '说明', dataIndex: 'message' },
];

export function CheckResult({ result, done }: { result: ImportResultView; done: boolean }) {
  const figures: [string, number][] = [
    ['数据行', result.rows],
    [done ? '已导入' : '可导入', done ? result.imported : result.importable],
    ['重复（跳过）', result.duplicates],
    ['有错误（不导入）', result.rejected],
    ['提醒', result.warnings],
  ];
  return (
    <>
      <div className="import-figures" role="group" aria-label={done ? '导入结果' : '检查结果'}>
        {figures.map(([title, value]) => (
          <Statistic key={title} title={title} value={value} />
        ))}
      </div>
      {result.rejected > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '12px 0' }}
          message={`${result.rejected} 行有错误，${done ? '未导入' : '导入时将跳过'}`}
          description="在台账中改正这些行后，再次导入同一文件即可：已导入的行会被识别并跳过，不会重复。"
        />
      ) : null}
      <Table
        size="small"
        rowKey="key"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={result.problems.map((p, key) => ({ ...p, key }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: '没有发现问题' }}
      />
    </>
  );
}
