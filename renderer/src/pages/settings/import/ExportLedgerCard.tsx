/** 导出台账: the centre's cases as an Excel ledger (the layout the import reads), for those who still report on paper. */
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useApiMutation } from '../../../components/useApiMutation';
import { saveExportedFile } from '../../stats/download';

export function ExportLedgerCard() {
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const exporter = useApiMutation('import.exportLedger', {
    onSuccess: (file) => saveExportedFile(file),
    success: (f) => `已导出 ${f.fileName}（${f.rows} 件）`,
  });
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  return (
    <Card title="导出台账" size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        按受理日期导出本中心的案件，格式与上面导入的台账相同（.xlsx，不含身份证号），可打印报送或导入其他系统。不选日期则导出全部。
      </Typography.Paragraph>
      <Space wrap>
        <DatePicker.RangePicker
          aria-label="受理日期范围"
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) => setRange(v)}
          placeholder={['开始日期', '结束日期']}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporter.isPending}
          onClick={() => exporter.mutate({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}
        >
          导出 Excel 台账
        </Button>
      </Space>
    </Card>
  );
}
