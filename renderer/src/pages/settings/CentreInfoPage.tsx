/** 设置 › 本机信息: the centre this installation belongs to, as registered at first-run setup. */
import { Descriptions, Skeleton } from 'antd';
import { tierLabel } from '../../../../electron/common/domain/tiers';
import { isElectron } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useApiQuery } from '../../components/useApiQuery';
import { previewCaseNumber } from '../../setup/CaseNumberPreview';

export function CentreInfoPage() {
  const centre = useApiQuery('centre.get');
  const c = centre.data;
  return (
    <>
      <PageHeader title="本机信息" subtitle="本机所属的调解中心，首次设置时登记。" />
      <ErrorAlert error={centre.error} title="中心信息加载失败" />
      {centre.isPending ? <Skeleton active /> : null}
      {c ? (
        <Descriptions
          bordered
          column={1}
          styles={{ label: { width: 200 } }}
          items={[
            { key: 'name', label: '中心名称', children: c.name },
            { key: 'code', label: '中心代码', children: c.centreCode },
            { key: 'tier', label: '层级', children: tierLabel(c.tier) },
            { key: 'address', label: '地址', children: c.address || '—' },
            { key: 'phone', label: '电话', children: c.phone || '—' },
            { key: 'committee', label: '人民调解委员会', children: c.committeeName },
            { key: 'abbr', label: '案号简称', children: `${c.committeeAbbr}（案号格式：${previewCaseNumber(c.committeeAbbr) ?? '—'}）` },
            { key: 'device', label: '本机编号', children: c.deviceId },
            { key: 'mode', label: '运行方式', children: isElectron() ? '桌面程序' : '浏览器（本机服务）' },
          ]}
        />
      ) : null}
    </>
  );
}
