/**
 * A warning above every page when the data dir's disk runs low or a save failed for lack of
 * space (data.status): everybody sees it, so the counter knows before registrations start failing.
 */
import { Alert } from 'antd';
import { useApiQuery } from './useApiQuery';

export function DiskSpaceBanner() {
  // Every five minutes, and whenever the window comes back into focus (TanStack Query's default).
  const status = useApiQuery('data.status', undefined, { refetchInterval: 5 * 60_000, retry: false });
  const s = status.data;
  if (!s) return null;
  if (s.diskFullAt) {
    return (
      <Alert
        role="alert"
        type="error"
        showIcon
        banner
        message="磁盘空间不足：刚才有保存未能完成。在清理磁盘之前只能查看，不能新增或修改。请联系管理员。"
      />
    );
  }
  if (s.warning) return <Alert type="warning" showIcon banner message={s.warning} />;
  return null;
}
