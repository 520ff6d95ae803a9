import { z } from 'zod';
import type { Role } from '../roles';
import { ROLES } from '../roles';
import { op } from './contract';
import { loginName, password, requiredText } from './fields';

export interface SessionUser {
  id: string;
  loginName: string;
  displayName: string;
  role: Role;
  mediatorId: string | null;
  /** The password was set by an admin (new account, reset): the user must change it before anything else. */
  mustChangePassword: boolean;
}

/** What a user whose password an admin set is told when trying anything but changing it. */
export const PASSWORD_CHANGE_REQUIRED_MESSAGE = '请先修改密码：您的密码由管理员设置或重置，须由本人改为新密码后才能使用其他功能';

/** The only operations a user who must change the password may call (besides public ones). */
export const PASSWORD_CHANGE_OPS: readonly string[] = ['auth.me', 'auth.changePassword', 'auth.logout'];

/**
 * The one answer to every refused login: unknown name, wrong password, disabled account, locked
 * at this source. It says what may be the matter without telling which it is.
 */
export const LOGIN_REFUSED_MESSAGE =
  '登录名或密码错误。连续输错 5 次后，本机将暂停该账号登录 15 分钟；账号被停用或忘记密码，请联系管理员。';

export interface UserRow extends SessionUser {
  active: boolean;
  /** The end of the latest login lock of this account at any source (device), or null. */
  lockedUntil: string | null;
  createdAt: string;
}

export const authOps = {
  'auth.login': op<{ session: string; user: SessionUser; idleMinutes: number }>()({
    input: z.object({ loginName: z.string().trim().min(1, '请填写登录名').max(64), password: z.string().min(1, '请填写密码').max(128) }),
    access: 'public',
    title: '登录',
  }),
  'auth.logout': op<{ ok: true }>()({ input: z.object({}).optional(), access: 'public', title: '退出登录' }),
  'auth.me': op<{ user: SessionUser; idleMinutes: number }>()({ input: z.object({}).optional(), access: 'signed-in', title: '当前用户' }),
  'auth.changePassword': op<{ ok: true }>()({
    input: z.object({ oldPassword: z.string().min(1, '请填写原密码'), newPassword: password }),
    access: 'signed-in',
    title: '修改密码',
  }),
};

export const usersOps = {
  'users.list': op<UserRow[]>()({ input: z.object({}).optional(), access: ['admin'], title: '用户列表' }),
  'users.create': op<UserRow>()({
    input: z.object({
      loginName,
      displayName: requiredText('姓名', 40),
      role: z.enum(ROLES, { error: '请选择角色' }),
      password,
      mediatorId: z.string().uuid().nullable().optional(),
    }),
    access: ['admin'],
    title: '新增用户',
  }),
  'users.resetPassword': op<{ ok: true }>()({
    input: z.object({ userId: z.string().min(1), password }),
    access: ['admin'],
    title: '重置密码',
  }),
  'users.unlock': op<UserRow>()({
    input: z.object({ userId: z.string().min(1) }),
    access: ['admin'],
    title: '解除登录锁定',
  }),
  'users.setActive': op<UserRow>()({
    input: z.object({ userId: z.string().min(1), active: z.boolean() }),
    access: ['admin'],
    title: '启用/停用用户',
  }),
};
