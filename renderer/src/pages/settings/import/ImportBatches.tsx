/** The imports done so far, each with 撤销 while nothing has touched its cases (the server decides and says why not). */
import { App, Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import type { ImportBatchView } from '../../../../../electron/common/api/imports';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiMutation } from '../../../components/useApiMutation';
import { useApiQuery } from '../../../components/useApiQuery';
import { dateTime, shortDateTime } from '../../../components/dates';

export function ImportBatches() {
  const { modal } = App.useApp();
  const batches = useApiQuery('import.batches');
  const undo = useApiMutation('import.undo', {
    showError: 'inline',
    invalidates: ['import.batches', 'cases.list'],
    success: (r) => `已撤销：${r.cases} 件案件${r.mediators > 0 ? `、${r.mediators} 名调解员` : ''}`,
  });
  const confirmUndo = (b: ImportBatchView) =>
    modal.confirm({
      title: `撤销导入“${b.fileName}”？`,
      content: `这次导入的 ${b.imported} 件案件将被删除（上传区平台时一并报送删除）。导入后已被办理或修改过的案件不能整体撤销。`,
      okText: '撤销导入',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await undo.mutateAsync({ batchId: b.id });
        } catch {
          // shown above the table
        }
      },
    });
  const columns: TableColumnsType<ImportBatchView> = [
    { title: '文件', dataIndex: 'fileName' },
    { title: '工作表', dataIndex: 'sheet', width: 140 },
    { title: '导入时间', dataIndex: 'importedAt', width: 160, render: (t: string) => dateTime(t) },
    { title: '数据行', dataIndex: 'rows', width: 90, align: 'right' },
    { title: '导入案件', dataIndex: 'imported', width: 100, align: 'right' },
    {
      title: '状态',
      key: 'state',
      width: 200,
      render: (_, b) =>
        b.undoneAt ? (
          <Tag>已于 {shortDateTime(b.undoneAt)} 撤销</Tag>
        ) : (
          <Button size="small" danger onClick={() => confirmUndo(b)} aria-label={`撤销导入 ${b.fileName}`}>
            撤销导入
          </Button>
        ),
    },
  ];
  return (
    <Card title="导入记录" size="small" style={{ marginTop: 16 }}>
      <ErrorAlert error={batches.error ?? undo.error} title={undo.error ? '不能撤销' : '导入记录加载失败'} />
      <Table<ImportBatchView>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={batches.data ?? []}
        loading={batches.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '还没有导入过台账' }}
      />
    </Card>
  );
}
