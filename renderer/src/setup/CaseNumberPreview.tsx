/** How this centre's case numbers will look, e.g. （2026）牧调字第0001号, from the abbreviation typed so far. */
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { formatCaseNumber } from '../../../electron/common/domain/caseNumber';

export function previewCaseNumber(abbr: string | undefined): string | null {
  if (!abbr?.trim()) return null;
  try {
    return formatCaseNumber({ year: dayjs().year(), abbr, serial: 1 });
  } catch {
    return null;
  }
}

export function CaseNumberPreview({ abbr }: { abbr: string | undefined }) {
  const preview = previewCaseNumber(abbr);
  return (
    <span data-testid="case-number-preview">
      案号格式：
      {preview ? (
        <Typography.Text strong style={{ fontSize: 16 }}>
          {preview}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">填写简称后在此显示，例如（{dayjs().year()}）牧调字第0001号</Typography.Text>
      )}
    </span>
  );
}
