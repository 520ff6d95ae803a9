/**
 * Step 2 of the guided import: the sheet, and for each column of its header the field it fills
 * (proposed from the header words, changed here), with the first rows underneath so the clerk sees
 * what each column holds.
 */
import { Alert, Radio, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type { ImportField, LedgerInspectionView } from '../../../../../electron/common/api/imports';
import { LEDGER_FIELDS, LEDGER_FIELD_LABELS } from '../../../../../electron/common/domain/ledgerColumns';
import { ROSTER_FIELDS, ROSTER_FIELD_LABELS, SHEET_KIND_LABELS, type SheetKind } from '../../../../../electron/common/domain/rosterColumns';

export type Mapping = Record<string, ImportField>;

export const FIELD_LABELS: Readonly<Record<string, string>> = { ...LEDGER_FIELD_LABELS, ...ROSTER_FIELD_LABELS };
const FIELDS: Readonly<Record<SheetKind, readonly ImportField[]>> = { cases: LEDGER_FIELDS, roster: ROSTER_FIELDS };
const REQUIRED: Readonly<Record<SheetKind, readonly ImportField[]>> = { cases: ['receivedDate', 'parties'], roster: ['name'] };

const fieldOptions = (kind: SheetKind) => [
  { value: '', label: '（不导入）' },
  ...FIELDS[kind].map((f) => ({ value: f, label: FIELD_LABELS[f] })),
];

/** What a mapping lacks before it can be checked, in words for the clerk (null when complete). */
export function mappingProblem(kind: SheetKind, m: Mapping): string | null {
  const fields = Object.values(m);
  const missing = REQUIRED[kind].filter((f) => !fields.includes(f)).map((f) => FIELD_LABELS[f]);
  return missing.length > 0 ? `请为“${missing.join('”和“')}”指定一列` : null;
}

export function MappingStep(props: {
  inspection: LedgerInspectionView;
  mapping: Mapping;
  onMapping: (m: Mapping) => void;
  onSheet: (sheet: string) => void;
  onKind: (kind: SheetKind) => void;
  loading: boolean;
}) {
  const kind = props.inspection.kind;
  const { inspection: ins, mapping, onMapping } = props;
  const setColumn = (i: number, f: ImportField | '') => {
    const next = { ...mapping };
    if (f === '') delete next[String(i)];
    else next[String(i)] = f;
    onMapping(next);
  };
  const columns: TableColumnsType<{ key: number; cells: string[] }> = ins.headers.map((h, i) => ({
    key: String(i),
    title: (
      <Space direction="vertical" size={4}>
        <Typography.Text strong>{h || `第 ${i + 1} 列`}</Typography.Text>
        <Select
          aria-label={`“${h || `第 ${i + 1} 列`}”导入为`}
          size="small"
          style={{ minWidth: 130 }}
          // Eleven choices: all rendered, so (不导入) is there to pick whatever is selected.
          virtual={false}
          listHeight={400}
          value={mapping[String(i)] ?? ''}
          options={fieldOptions(kind)}
          onChange={(v: ImportField | '') => setColumn(i, v)}
        />
      </Space>
    ),
    render: (_: unknown, row) => <span className="ledger-cell">{row.cells[i] ?? ''}</span>,
  }));
  const problem = mappingProblem(kind, mapping);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>工作表：</span>
        <Select
          aria-label="工作表"
          value={ins.sheet}
          style={{ minWidth: 180 }}
          loading={props.loading}
          options={ins.sheets.map((s) => ({ value: s, label: s }))}
          onChange={props.onSheet}
        />
        <span>这是：</span>
        <Radio.Group
          aria-label="台账类别"
          optionType="button"
          value={kind}
          disabled={props.loading}
          options={(['cases', 'roster'] as const).map((k) => ({ value: k, label: SHEET_KIND_LABELS[k] }))}
          onChange={(e) => props.onKind(e.target.value as SheetKind)}
        />
        <Typography.Text type="secondary">
          表头在第 {ins.headerRow} 行，其下共 {ins.rows} 行数据（已略去空行和合计行）。
        </Typography.Text>
      </Space>
      {problem ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={problem} /> : null}
      <Table
        size="small"
        bordered
        scroll={{ x: 'max-content' }}
        pagination={false}
        columns={columns}
        dataSource={ins.sample.map((cells, key) => ({ key, cells }))}
        locale={{ emptyText: '此工作表表头下没有数据' }}
      />
    </>
  );
}
