import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { UserRow } from '../../../../electron/common/api/auth';
import { clockTime } from '../../components/dates';

/** Locked out at one source (device) or more, now. */
export const isLocked = (user: UserRow): boolean => user.lockedUntil !== null && dayjs(user.lockedUntil).isAfter(dayjs());

/** 正常 / 已锁定 / 已停用, as a coloured tag; and 待本人修改密码 until the user replaced an admin-set password. */
export function UserStatusTag({ user }: { user: UserRow }) {
  if (!user.active) return <Tag>已停用</Tag>;
  if (user.lockedUntil && isLocked(user)) {
    return <Tag color="warning">已锁定至 {clockTime(user.lockedUntil)}</Tag>;
  }
  return (
    <>
      <Tag color="success">正常</Tag>
      {user.mustChangePassword ? <Tag color="warning">待本人修改密码</Tag> : null}
    </>
  );
}
