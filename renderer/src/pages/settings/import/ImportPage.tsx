/**
 * 设置 › 历史数据导入 (issue #16): bring a centre's Excel ledger of past cases in, one visible step at
 * a time — pick the file, check the column mapping the app proposes from the header words, see
 * every row's problems from a check against the database, import in one go, and undo a whole
 * import from the list below. Nothing is written before 导入.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Steps, Upload } from 'antd';
import { useState } from 'react';
import { MAX_UPLOAD_BYTES } from '../../../../../electron/common/api/data';
import type { ImportResultView, LedgerInspectionView } from '../../../../../electron/common/api/imports';
import type { SheetKind } from '../../../../../electron/common/domain/rosterColumns';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { readBase64 } from '../../../components/readBase64';
import { useApiMutation } from '../../../components/useApiMutation';
import { CheckResult } from './CheckResult';
import { ExportLedgerCard } from './ExportLedgerCard';
import { ImportBatches } from './ImportBatches';
import { MappingStep, mappingProblem, type Mapping } from './MappingStep';
import './import.css';

interface LedgerFile {
  fileName: string;
  contentBase64: string;
}

type Stage = 'pick' | 'map' | 'checked' | 'done';
const STAGES: Stage[] = ['pick', 'map', 'checked', 'done'];

export function ImportPage() {
  const { message, modal } = App.useApp();
  const [stage, setStage] = useState<Stage>('pick');
  const [file, setFile] = useState<LedgerFile | null>(null);
  const [inspection, setInspection] = useState<LedgerInspectionView | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [result, setResult] = useState<ImportResultView | null>(null);
  const inspect = useApiMutation('import.inspect', { showError: 'inline' });
  const check = useApiMutation('import.check', { showError: 'inline' });
  const run = useApiMutation('import.run', { showError: 'inline', invalidates: ['import.batches', 'cases.list'] });
  const busy = inspect.isPending || check.isPending || run.isPending;

  const open = async (f: LedgerFile, sheet?: string, kind?: SheetKind) => {
    const r = await inspect.mutateAsync({ file: f, ...(sheet ? { sheet } : {}), ...(kind ? { kind } : {}) });
    setFile(f);
    setInspection(r);
    setMapping(r.mapping);
    setResult(null);
    setStage('map');
  };

  const restart = () => {
    setStage('pick');
    setFile(null);
    setInspection(null);
    setResult(null);
    inspect.reset();
    check.reset();
    run.reset();
  };

  const doCheck = async () => {
    if (!file || !inspection) return;
    setResult(await check.mutateAsync({ file, sheet: inspection.sheet, kind: inspection.kind, mapping }));
    setStage('checked');
  };

  const doImport = () => {
    if (!file || !inspection || !result) return;
    modal.confirm({
      title: `导入 ${result.importable} 件历史案件？`,
      content:
        '导入的案件保留台账中的案件编号，标记为“历史导入”，按其受理和结案日期计入统计，并在夜间上传区平台。导入后可在下方“导入记录”中整体撤销。台账较大时（上万行）写入需十几秒，其间本中心其他工作台暂时无响应，建议在非办公时间导入。',
      okText: '导入',
      cancelText: '取消',
      onOk: async () => {
        try {
          const r = await run.mutateAsync({ file, sheet: inspection.sheet, kind: inspection.kind, mapping });
          setResult(r);
          setStage('done');
        } catch {
          // shown on the page
        }
      },
    });
  };

  const error = inspect.error ?? check.error ?? run.error;
  return (
    <>
      <PageHeader
        title="历史数据导入"
        subtitle="把本中心以往用 Excel 记的人民调解台账和调解员名册导入系统：先检查，再导入，可整体撤销；也可把案件导出为同样格式的台账。"
      />
      <Card size="small">
        <Steps
          size="small"
          current={STAGES.indexOf(stage)}
          style={{ marginBottom: 16 }}
          items={[{ title: '选择台账文件' }, { title: '核对列' }, { title: '检查' }, { title: '导入' }]}
        />
        <ErrorAlert error={error} title={run.error ? '导入失败，没有写入任何数据' : '无法读取台账'} />
        {stage === 'pick' ? (
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              if (f.size > MAX_UPLOAD_BYTES) {
                void message.error(`文件过大：在此导入最多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。请拆分台账，或用命令行 import 导入。`);
                return Upload.LIST_IGNORE;
              }
              void (async () => {
                try {
                  await open({ fileName: f.name, contentBase64: await readBase64(f) });
                } catch {
                  // shown above
                }
              })();
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{inspect.isPending ? '正在读取台账…' : '点击或拖入台账文件（.xlsx 或 .csv）'}</p>
            <p className="ant-upload-hint">旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。最大 {MAX_UPLOAD_BYTES / 1024 / 1024} MB。</p>
          </Upload.Dragger>
        ) : null}
        {stage !== 'pick' && inspection && file ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`文件：${file.fileName}（工作表“${inspection.sheet}”）`} />
        ) : null}
        {stage === 'map' && inspection && file ? (
          <>
            <MappingStep
              inspection={inspection}
              mapping={mapping}
              onMapping={setMapping}
              onSheet={(sheet) => void open(file, sheet).catch(() => undefined)}
              onKind={(kind) => void open(file, inspection.sheet, kind).catch(() => undefined)}
              loading={inspect.isPending}
            />
            <Space style={{ marginTop: 16 }}>
              <Button onClick={restart}>重新选择文件</Button>
              <Button
                type="primary"
                loading={check.isPending}
                disabled={mappingProblem(inspection.kind, mapping) !== null}
                onClick={() => void doCheck().catch(() => undefined)}
              >
                检查
              </Button>
            </Space>
          </>
        ) : null}
        {stage === 'checked' && result ? (
          <>
            <CheckResult result={result} done={false} />
            <Space style={{ marginTop: 16 }} wrap>
              <Button onClick={() => setStage('map')}>返回修改列</Button>
              <Button type="primary" loading={run.isPending} disabled={result.importable === 0} onClick={doImport}>
                {result.importable === 0
                  ? '没有可导入的行'
                  : inspection?.kind === 'roster'
                    ? `导入 ${result.importable} 人`
                    : `导入 ${result.importable} 件`}
              </Button>
            </Space>
          </>
        ) : null}
        {stage === 'done' && result ? (
          <>
            <Result
              status="success"
              title={inspection?.kind === 'roster' ? `已将 ${result.imported} 人加入调解员名册` : `已导入 ${result.imported} 件历史案件`}
              subTitle={
                inspection?.kind === 'roster'
                  ? '他们已出现在调解员名册中。如需撤销，请在下方导入记录中操作。'
                  : '它们已出现在案件列表中，标记为“历史导入”。如需撤销，请在下方导入记录中操作。'
              }
              extra={<Button onClick={restart}>导入另一个文件</Button>}
            />
            <CheckResult result={result} done />
          </>
        ) : null}
      </Card>
      <ImportBatches />
      <ExportLedgerCard />
    </>
  );
}
