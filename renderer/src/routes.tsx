/**
 * The one registry of the shell's areas. The left navigation, the routes and the role checks are
 * all built from this list, in this order. To add an area, add one entry:
 *
 *   { path: 'cases', label: '案件', icon: <FolderOpenOutlined />, roles: ['mediator', 'court_mediator', 'admin'],
 *     element: <CasesArea /> }          // owns '#/cases/*'; it may declare its own <Routes> inside
 *
 * or, for an area made of a few sibling pages shown as a sub-menu:
 *
 *   { path: 'settings', label: '设置', icon: ..., roles: ALL_ROLES,
 *     pages: [{ path: 'users', label: '用户管理', roles: ['admin'], element: <UsersPage /> }, ...] }
 *
 * Only list an area once it shows something real: the nav must have no dead links.
 * Planned order (six areas): 窗口登记 intake · 案件 cases · 法院委派 court · 调解员名册 roster ·
 * 统计考核 stats · 设置 settings. Suggested icons: FormOutlined, FolderOpenOutlined, BankOutlined,
 * TeamOutlined, BarChartOutlined, SettingOutlined.
 */
import { FolderOpenOutlined, SettingOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { ROLES, type Role } from '../../electron/common/roles';
import { CasesArea } from './pages/cases/CasesArea';
import { CentreInfoPage } from './pages/settings/CentreInfoPage';
import { SystemSettingsPage } from './pages/settings/SystemSettingsPage';
import { UsersPage } from './pages/settings/UsersPage';

export const ALL_ROLES: readonly Role[] = ROLES;

export interface AreaPage {
  /** URL segment under the area: 'users' → '#/settings/users'. */
  path: string;
  label: string;
  /** Roles that see and may open this page; defaults to the area's roles. */
  roles?: readonly Role[];
  element: ReactNode;
}

interface AreaBase {
  /** URL segment under '/': 'cases' → '#/cases'. */
  path: string;
  label: string;
  icon: ReactNode;
  /** Roles that see this area in the navigation and may open it. */
  roles: readonly Role[];
}

/** An area is either one element owning `/path/*`, or a few pages shown as a sub-menu. */
export type Area = AreaBase & ({ element: ReactNode; pages?: never } | { pages: readonly AreaPage[]; element?: never });

export const areas: readonly Area[] = [
  { path: 'cases', label: '案件', icon: <FolderOpenOutlined />, roles: ALL_ROLES, element: <CasesArea /> },
  {
    path: 'settings',
    label: '设置',
    icon: <SettingOutlined />,
    roles: ALL_ROLES,
    pages: [
      { path: 'users', label: '用户管理', roles: ['admin'], element: <UsersPage /> },
      { path: 'system', label: '系统设置', roles: ['admin'], element: <SystemSettingsPage /> },
      { path: 'centre', label: '本机信息', element: <CentreInfoPage /> },
    ],
  },
];
